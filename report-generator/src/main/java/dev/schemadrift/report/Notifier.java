package dev.schemadrift.report;

/**
 * Where notifications go: SNS in the Lambda function ({@code handler.SnsNotifier}), a recording
 * fake in tests. Implementations publish one message per call, synchronously.
 */
public interface Notifier {

  /**
   * @throws NotificationException when the message could not be published
   */
  void publish(Notification notification);

  /** A message could not be published; the message says which and why. */
  final class NotificationException extends RuntimeException {
    public NotificationException(String message, Throwable cause) {
      super(message, cause);
    }

    public NotificationException(String message) {
      super(message);
    }
  }
}
