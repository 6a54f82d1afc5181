package dev.schemadrift.port;

/**
 * An adapter call that failed after the SDK's own retries, classified so that artifacts can say
 * what happened ({@code ACCESS_DENIED}, {@code THROTTLED}, …) without leaking SDK types upward.
 */
public final class StoreException extends RuntimeException {
  private final String kind;

  public StoreException(String kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** A stable UPPER_SNAKE category for the artifact's {@code error.kind}. */
  public String kind() {
    return kind;
  }
}
