package dev.schemadrift.port;

import dev.schemadrift.error.ErrorKind;
import java.util.Objects;

/**
 * An adapter call that failed after the SDK's own retries, classified so that artifacts can say
 * what happened ({@code ACCESS_DENIED}, {@code THROTTLED}, …) without leaking SDK types upward.
 */
public final class StoreException extends RuntimeException {
  private final ErrorKind kind;

  public StoreException(ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** The category for the artifact's {@code error.kind}. */
  public ErrorKind kind() {
    return kind;
  }
}
