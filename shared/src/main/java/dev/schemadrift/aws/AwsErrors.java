package dev.schemadrift.aws;

import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.StoreException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK failures (after the SDK's retries) into classified {@link StoreException}s. */
public final class AwsErrors {
  private AwsErrors() {}

  /**
   * @param what what was being done, e.g. "reading s3://bucket/key", for the message
   */
  public static StoreException classify(String what, SdkException exception) {
    if (exception instanceof AwsServiceException service) {
      String code =
          service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      int status = service.statusCode();
      String detail =
          (code == null ? "HTTP " + status : code) + ": " + firstLine(service.getMessage());
      if (status == 403
          || (code != null && code.toLowerCase(Locale.ROOT).contains("accessdenied"))) {
        return new StoreException(
            ErrorKind.ACCESS_DENIED, "access denied " + what + " (" + detail + ")", exception);
      }
      if (service.isThrottlingException() || status == 429 || status == 503) {
        return new StoreException(
            ErrorKind.THROTTLED,
            "throttled " + what + " after retries (" + detail + ")",
            exception);
      }
      return new StoreException(
          ErrorKind.AWS_ERROR, "failed " + what + " (" + detail + ")", exception);
    }
    if (exception instanceof ApiCallTimeoutException
        || exception instanceof ApiCallAttemptTimeoutException
        || causedBy(exception, SocketTimeoutException.class)) {
      return new StoreException(
          ErrorKind.TIMEOUT,
          "timed out " + what + " after retries (" + firstLine(exception.getMessage()) + ")",
          exception);
    }
    if (exception instanceof SdkClientException) {
      return new StoreException(
          ErrorKind.UNREACHABLE,
          "could not reach AWS " + what + " (" + firstLine(exception.getMessage()) + ")",
          exception);
    }
    return new StoreException(
        ErrorKind.AWS_ERROR,
        "failed " + what + " (" + firstLine(exception.getMessage()) + ")",
        exception);
  }

  private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
