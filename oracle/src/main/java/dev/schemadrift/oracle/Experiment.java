package dev.schemadrift.oracle;

import dev.schemadrift.type.TypeParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One measurement: rows written under {@code before} in one format, read under {@code after} over
 * the same files; {@code changed} is the column (or nested field, by the rule engine's path: {@code
 * address.geo.lat}, {@code items[].a}, {@code scores{value}}) the rule is about, in {@code before},
 * in {@code after}, or in both.
 *
 * <p>Partitions: {@code partitioned} writes the rows into one partition {@code part=p1} that keeps
 * the before columns while the table gets the after ones; {@code layout} instead changes the
 * partition keys; {@code partitionFormat} stores the one partition in another format than the
 * table; {@code contractIsAfter} gives the rule engine the after table as its contract, so that
 * only the old partition differs from it.
 */
record Experiment(
    String rule,
    String caseName,
    StorageFormat format,
    boolean partitioned,
    ColumnAccess access,
    List<Column> before,
    List<Column> after,
    String changed,
    PartitionLayout layout,
    boolean contractIsAfter,
    StorageFormat partitionFormat) {

  /** An experiment on one table, unpartitioned or with the one partition {@code part=p1}. */
  Experiment(
      String rule,
      String caseName,
      StorageFormat format,
      boolean partitioned,
      ColumnAccess access,
      List<Column> before,
      List<Column> after,
      String changed) {
    this(rule, caseName, format, partitioned, access, before, after, changed, null, false, null);
  }

  Experiment {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(caseName, "caseName");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(access, "access");
    before = List.copyOf(before);
    after = List.copyOf(after);
    Objects.requireNonNull(changed, "changed");
    if (before.isEmpty() || after.isEmpty()) {
      throw new IllegalArgumentException("before and after need at least one column each");
    }
    if (layout != null && partitioned) {
      throw new IllegalArgumentException(
          "partitioned and partition keys before/after are two different experiments");
    }
    if ((contractIsAfter || partitionFormat != null) && !partitioned) {
      throw new IllegalArgumentException("contract and partition_format need partitioned: true");
    }
    // A nested field is named by its path (address.city, tags[], scores{value}); its column must
    // be on one side.
    String column = changed.split("[.\\[{]", 2)[0];
    List<Column> contract = layout == null ? before : concat(before, layout.before());
    List<Column> table = layout == null ? after : concat(after, layout.after());
    if (find(contract, column).isEmpty() && find(table, column).isEmpty()) {
      throw new IllegalArgumentException(
          "changed column '" + column + "' is in neither the before nor the after schema");
    }
  }

  /** The permanent id: rule/case/format, as the resolutions file names it. */
  String id() {
    return rule + "/" + caseName + "/" + format.jsonName();
  }

  /** A Glue- and Trino-valid table name for the experiment. */
  String tableName() {
    return id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }

  /**
   * What the consumer of the contract selects: the before columns, and the before partition keys of
   * a layout experiment (a partition key is a column to its consumer).
   */
  List<Column> contractColumns() {
    return layout == null ? before : concat(before, layout.before());
  }

  /** The columns of the after table, its partition keys of a layout experiment included. */
  List<Column> tableColumns() {
    return layout == null ? after : concat(after, layout.after());
  }

  /**
   * The partition keys the contract and the written table have: a layout experiment's before keys,
   * {@code part string} for a partitioned one, none otherwise.
   */
  List<Column> beforeKeys() {
    return layout != null ? layout.before() : partitionKey();
  }

  /** The partition keys of the after table: a layout experiment's after keys, else as before. */
  List<Column> afterKeys() {
    return layout != null ? layout.after() : partitionKey();
  }

  private List<Column> partitionKey() {
    return partitioned ? List.of(new Column(Measurement.PARTITION_KEY, "string")) : List.of();
  }

  /**
   * The partition values of each row written, in key order: {@code p1} for a partitioned experiment
   * (its one partition), the sample value of each before key for a layout experiment (a key is
   * seeded by its place after the data columns, so no other column has its values), none otherwise.
   */
  List<List<String>> writtenPartitionValues() {
    if (layout == null) {
      return partitioned ? List.of(List.of(Measurement.PARTITION_VALUE)) : List.of();
    }
    List<List<String>> rows = new ArrayList<>();
    for (int row = 1; row <= SampleValues.ROWS; row++) {
      List<String> values = new ArrayList<>();
      for (int index = 0; index < layout.before().size(); index++) {
        values.add(
            SampleValues.value(
                TypeParser.parse(layout.before().get(index).type()), before.size() + index, row));
      }
      rows.add(values);
    }
    return rows;
  }

  /** The partitions the catalog holds for the after table, as the rule engine is given them. */
  List<PartitionLayout.Registered> registeredPartitions() {
    if (layout != null) {
      return layout.registered(writtenPartitionValues(), before, after);
    }
    List<PartitionLayout.Registered> registered = new ArrayList<>();
    for (List<String> values : writtenPartitionValues()) {
      registered.add(
          new PartitionLayout.Registered(
              values, PartitionLayout.folder(beforeKeys(), values), before));
    }
    return registered;
  }

  private static List<Column> concat(List<Column> first, List<Column> second) {
    List<Column> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  static Optional<Column> find(List<Column> columns, String name) {
    return columns.stream().filter(column -> column.name().equals(name)).findFirst();
  }
}
