package dev.schemadrift.diff;

import dev.schemadrift.error.ErrorKind;
import java.util.Objects;

/** The monitor cannot decide about a table (bad type string, no columns to compare, …). */
public final class UndecidableException extends RuntimeException {
  private final ErrorKind kind;

  public UndecidableException(ErrorKind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** The category for the artifact's {@code error.kind}. */
  public ErrorKind kind() {
    return kind;
  }
}
