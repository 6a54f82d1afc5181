package dev.schemadrift.run.event;

import java.time.Instant;

/**
 * One SQS record of a batch: the change it carries, or why it could not be read.
 *
 * @param messageId the SQS message id, which a batch item failure names; null when the record had
 *     none (it can then only be logged)
 * @param eventId the EventBridge event's {@code id}, the same in every delivery of the event (SQS
 *     delivers at least once, and a message sent again keeps its body): the check state remembers
 *     it so that a redelivered event keeps its verdict; null when the event carries none
 * @param event null when {@code problem} is set
 * @param time the EventBridge event's time; null when {@code problem} is set
 * @param problem what is wrong with the record, naming the field; null for a readable one
 */
public record QueuedMessage(
    String messageId, String eventId, ChangeEvent event, Instant time, String problem) {
  public QueuedMessage {
    if ((event == null) == (problem == null)) {
      throw new IllegalArgumentException("a message has either an event or a problem");
    }
    if (eventId != null && (eventId.isBlank() || problem != null)) {
      throw new IllegalArgumentException("only a readable message has an event id, never blank");
    }
  }

  /** A message whose event carries no id: it is judged whenever it is delivered. */
  public QueuedMessage(String messageId, ChangeEvent event, Instant time, String problem) {
    this(messageId, null, event, time, problem);
  }

  static QueuedMessage unreadable(String messageId, String problem) {
    return new QueuedMessage(messageId, null, null, null, problem);
  }
}
