package dev.schemadrift.catalog;

import dev.schemadrift.contract.Policy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The partitions of one table read to compare with it: at most {@code limit}, the first page the
 * catalog returned, sorted by their values; or, when none were read on purpose, why.
 *
 * @param more the catalog holds partitions beyond the ones read
 * @param skipped why no partition was read (null when the sample was read)
 * @param readIn the earlier run that read these partitions from Glue, when they were kept from it
 *     (see {@code PartitionMemo}); null when they were read now
 */
public record PartitionSample(
    int limit, List<GluePartition> partitions, boolean more, String skipped, String readIn) {

  private static final Comparator<List<String>> BY_VALUES =
      (left, right) -> {
        for (int index = 0; index < Math.min(left.size(), right.size()); index++) {
          int order = left.get(index).compareTo(right.get(index));
          if (order != 0) {
            return order;
          }
        }
        return Integer.compare(left.size(), right.size());
      };

  public PartitionSample {
    if (limit < 0 || limit > Policy.MAX_PARTITION_SAMPLE) {
      throw new IllegalArgumentException(
          "a partition sample holds 0.." + Policy.MAX_PARTITION_SAMPLE + " partitions");
    }
    List<GluePartition> sorted = new ArrayList<>(partitions);
    sorted.sort(Comparator.comparing(GluePartition::values, BY_VALUES));
    partitions = List.copyOf(sorted);
    if (partitions.size() > limit) {
      throw new IllegalArgumentException(
          partitions.size() + " partitions read for a sample of " + limit);
    }
  }

  /** The partitions that were read. */
  public static PartitionSample read(int limit, List<GluePartition> partitions, boolean more) {
    return new PartitionSample(limit, partitions, more, null, null);
  }

  /** The same partitions, as read by an earlier run. */
  public PartitionSample readIn(String run) {
    return new PartitionSample(limit, partitions, more, skipped, run);
  }

  /** No partition was read, on purpose. */
  public static PartitionSample skipped(int limit, String why) {
    return new PartitionSample(limit, List.of(), false, why, null);
  }

  /**
   * Whether the table can have partitions in Glue worth comparing: Hive-style partitioned, not
   * Iceberg, and not a table whose schema Spark keeps (a Delta table, or a datasource table with
   * Spark's placeholder columns), whose Glue partitions carry no schema Athena reads.
   */
  public static boolean applies(GlueTable table) {
    boolean schemaInSpark =
        SparkDatasource.isDelta(table)
            || (SparkDatasource.isDatasource(table)
                && SparkDatasource.hasPlaceholderColumns(table));
    return !table.partitionKeys().isEmpty() && !table.isIceberg() && !schemaInSpark;
  }

  /**
   * Why the partitions of a table it {@link #applies} to are not to be read, or null when they are:
   * a table with partition projection computes them at query time, and a sample of 0 turns the
   * check off.
   */
  public static String whyNotRead(GlueTable table, int limit) {
    String projection = table.parameters().get("projection.enabled");
    if (projection != null && projection.strip().toLowerCase(Locale.ROOT).equals("true")) {
      return "partition projection is enabled: Glue holds no partitions to read";
    }
    if (limit == 0) {
      return "partition_sample is 0";
    }
    return null;
  }
}
