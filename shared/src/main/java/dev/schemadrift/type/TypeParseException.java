package dev.schemadrift.type;

/** A type string that is not a valid Glue/Hive type; the message names the position. */
public final class TypeParseException extends IllegalArgumentException {
  private final String input;
  private final int position;

  TypeParseException(String input, int position, String problem) {
    super(problem + " at position " + position + " in " + excerpt(input, position));
    this.input = input;
    this.position = position;
  }

  /** The whole type string that failed to parse. */
  public String input() {
    return input;
  }

  /** The zero-based offset of the first character that could not be read. */
  public int position() {
    return position;
  }

  /** Shows the neighbourhood of the fault so a 100 KB type string does not flood a report. */
  private static String excerpt(String input, int position) {
    int window = 40;
    int start = Math.max(0, position - window);
    int end = Math.min(input.length(), position + window);
    return (start > 0 ? "…" : "")
        + '"'
        + input.substring(start, end)
        + '"'
        + (end < input.length() ? "…" : "");
  }
}
