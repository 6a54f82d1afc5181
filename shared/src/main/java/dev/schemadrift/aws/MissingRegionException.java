package dev.schemadrift.aws;

/**
 * No AWS region resolves from the environment, the profile or instance metadata: a configuration
 * error whose message says how to set one.
 */
public final class MissingRegionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  MissingRegionException(String message, Throwable cause) {
    super(message, cause);
  }
}
