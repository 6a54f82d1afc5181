package dev.schemadrift.diff;

/** The monitor cannot decide about a table (bad type string, no columns to compare, …). */
public final class UndecidableException extends RuntimeException {
  private final String kind;

  public UndecidableException(String kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** A stable UPPER_SNAKE category for the artifact's {@code error.kind}. */
  public String kind() {
    return kind;
  }
}
