package dev.schemadrift.run;

import java.util.List;

/**
 * What the events of one batch ask about one registry entry: the request the event path checks it
 * by.
 *
 * @param contractKey the registry entry's contract
 * @param messageIds the SQS messages that named it (each fails when its check must be retried)
 * @param eventIds the EventBridge ids of their events, in batch order without repeats (events
 *     without an id add none): a table whose check state already records every one of them keeps
 *     its verdict, since the batch is a redelivery
 * @param deleted whether an event reported the table deleted: it is then never created
 * @param changedPartitions the partitions Glue reported changed, as Glue lists them (e.g. {@code
 *     [2026-11-26]}), in event order without repeats: the partition check reads exactly these;
 *     empty when no event named partitions or one changed the table itself (the usual sample)
 */
public record TableEvent(
    String contractKey,
    List<String> messageIds,
    List<String> eventIds,
    boolean deleted,
    List<String> changedPartitions) {
  public TableEvent {
    messageIds = List.copyOf(messageIds);
    eventIds = List.copyOf(eventIds);
    changedPartitions = List.copyOf(changedPartitions);
  }
}
