package dev.schemadrift.run;

/**
 * The run as a whole cannot finish (registry unreadable, manifest not written, report generator not
 * started). The invocation fails loudly so that Lambda's retry runs it again; diffs already written
 * stay valid, and a rerun with the same run id rewrites the same keys.
 */
public final class RunFailedException extends RuntimeException {
  public RunFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
