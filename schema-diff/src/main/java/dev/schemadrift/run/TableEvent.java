package dev.schemadrift.run;

import java.util.List;

/**
 * What the events of one batch ask about one registry entry: the request the event path checks it
 * by.
 *
 * @param contractKey the registry entry's contract
 * @param messageIds the SQS messages that named it (each fails when its check must be retried)
 * @param deleted whether an event reported the table deleted: it is then never created
 * @param changedPartitions the partitions Glue reported changed, as Glue lists them (e.g. {@code
 *     [2026-11-26]}), in event order without repeats: the partition check reads exactly these;
 *     empty when no event named partitions or one changed the table itself (the usual sample)
 */
public record TableEvent(
    String contractKey, List<String> messageIds, boolean deleted, List<String> changedPartitions) {
  public TableEvent {
    messageIds = List.copyOf(messageIds);
    changedPartitions = List.copyOf(changedPartitions);
  }
}
