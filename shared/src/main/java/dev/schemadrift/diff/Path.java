package dev.schemadrift.diff;

/**
 * A finding's location, built as a linked list so that walking a 1,000-level type costs one small
 * object per level; the string is made only when a finding needs it.
 */
final class Path {
  private final Path parent;
  private final String segment;

  private Path(Path parent, String segment) {
    this.parent = parent;
    this.segment = segment;
  }

  static Path column(String name) {
    return new Path(null, name);
  }

  Path field(String name) {
    return new Path(this, "." + name);
  }

  Path element() {
    return new Path(this, "[]");
  }

  Path mapKey() {
    return new Path(this, "{key}");
  }

  Path mapValue() {
    return new Path(this, "{value}");
  }

  boolean isTopLevel() {
    return parent == null;
  }

  @Override
  public String toString() {
    int length = 0;
    for (Path at = this; at != null; at = at.parent) {
      length += at.segment.length();
    }
    char[] out = new char[length];
    int end = length;
    for (Path at = this; at != null; at = at.parent) {
      end -= at.segment.length();
      at.segment.getChars(0, at.segment.length(), out, end);
    }
    return new String(out);
  }
}
