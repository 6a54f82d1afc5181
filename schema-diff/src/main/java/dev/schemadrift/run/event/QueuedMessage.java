package dev.schemadrift.run.event;

import java.time.Instant;

/**
 * One SQS record of a batch: the change it carries, or why it could not be read.
 *
 * @param messageId the SQS message id, which a batch item failure names; null when the record had
 *     none (it can then only be logged)
 * @param event null when {@code problem} is set
 * @param time the EventBridge event's time; null when {@code problem} is set
 * @param problem what is wrong with the record, naming the field; null for a readable one
 */
public record QueuedMessage(String messageId, ChangeEvent event, Instant time, String problem) {
  public QueuedMessage {
    if ((event == null) == (problem == null)) {
      throw new IllegalArgumentException("a message has either an event or a problem");
    }
  }

  static QueuedMessage unreadable(String messageId, String problem) {
    return new QueuedMessage(messageId, null, null, problem);
  }
}
