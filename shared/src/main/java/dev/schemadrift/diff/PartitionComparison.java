package dev.schemadrift.diff;

import dev.schemadrift.catalog.FileFamily;
import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GluePartition;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.catalog.TableProfile;
import dev.schemadrift.contract.ContractFormat;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.rule.PartitionRead;
import dev.schemadrift.rule.RuleId;
import dev.schemadrift.type.DataType;
import dev.schemadrift.type.PrimitiveKind;
import dev.schemadrift.type.TypeParseException;
import dev.schemadrift.type.TypeParser;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares each sampled partition with its table as Athena does at the start of a query (Athena
 * user guide, "Update tables with partitions"): the partition must have the table's data format;
 * Parquet, and ORC read by name, match its columns to the table's by name, every other format by
 * position; a column's type must be one Athena can read as the table's. Only what changes how a
 * partition reads is a difference: a partition that lacks the table's newer columns (read as null)
 * or keeps columns the table dropped where the format allows it is not.
 */
final class PartitionComparison {
  /** The path of a finding about a partition: {@code @partition[year=2024/month=01]}. */
  static final String PATH_PREFIX = "@partition[";

  private final GlueTable table;
  private final TableProfile profile;
  private final Items tableColumns;
  private final Differences differences;

  PartitionComparison(
      GlueTable table, TableProfile profile, Items tableColumns, Differences differences) {
    this.table = table;
    this.profile = profile;
    this.tableColumns = tableColumns;
    this.differences = differences;
  }

  /** The path of a partition. */
  static String path(String partition) {
    return PATH_PREFIX + partition + "]";
  }

  /** The path of a column of a partition. */
  static String path(String partition, String column) {
    return path(partition) + "." + column;
  }

  /** The partition a path names. */
  static String partitionOf(String path) {
    int end = path.endsWith("]") ? path.length() - 1 : path.lastIndexOf("].");
    return path.substring(PATH_PREFIX.length(), end);
  }

  /** The column a path names, or null when it names the partition itself. */
  static String columnOf(String path) {
    return path.endsWith("]") ? null : path.substring(path.lastIndexOf("].") + 2);
  }

  /** Whether Athena matches partition columns to the table's by name (else by position). */
  static boolean matchesByName(TableProfile profile) {
    return profile.profile() == FormatProfile.BY_NAME
        && (profile.family() == FileFamily.PARQUET || profile.family() == FileFamily.ORC);
  }

  void compare(PartitionSample sample) {
    if (profile.profile() == FormatProfile.ICEBERG) {
      return;
    }
    for (GluePartition partition : sample.partitions()) {
      String name = partition.name(table.partitionKeys());
      if (!sameFormat(partition, name)) {
        continue;
      }
      Items columns = parsed(partition, name);
      if (matchesByName(profile)) {
        compareByName(name, columns);
      } else {
        compareByPosition(name, columns);
      }
    }
  }

  /** Reports a partition stored in another data format; true when the formats agree. */
  private boolean sameFormat(GluePartition partition, String name) {
    String expected = storage(table.serdeLibrary(), profile.recognisedFormat());
    String actual;
    if (!partition.hasStorageDescriptor()) {
      actual = "no StorageDescriptor";
    } else {
      TableProfile partitionProfile = TableProfile.of(partition.asTable(table));
      actual = storage(partition.serdeLibrary(), partitionProfile.recognisedFormat());
      if (expected.equals(actual)) {
        String tableInput = inputFamily(table.inputFormat());
        String partitionInput = inputFamily(partition.inputFormat());
        if (tableInput != null && partitionInput != null && !tableInput.equals(partitionInput)) {
          expected = "input format " + table.inputFormat();
          actual = "input format " + partition.inputFormat();
        } else if (!delimitedText()) {
          return true;
        } else {
          // Hive reads each partition with its own SerDe parameters: a text partition split by
          // another delimiter reads its lines into the wrong columns (Trino: every column NULL).
          String tableSplitting = SerdeOptions.lineSplitting(table);
          String partitionSplitting = SerdeOptions.lineSplitting(partition.asTable(table));
          if (tableSplitting.equals(partitionSplitting)) {
            return true;
          }
          expected += ", " + tableSplitting;
          actual += ", " + partitionSplitting;
        }
      }
    }
    differences.add(
        RuleId.PARTITION_FORMAT_MISMATCH,
        Difference.Subject.PARTITION,
        path(name),
        expected,
        actual);
    return false;
  }

  private boolean delimitedText() {
    ContractFormat format = profile.recognisedFormat();
    return format != null && format.isDelimitedText();
  }

  /** The data format a SerDe stands for (csv and tsv are one), else the SerDe's class. */
  private static String storage(String serdeLibrary, ContractFormat recognised) {
    if (recognised != null) {
      return recognised.jsonName();
    }
    return serdeLibrary == null ? "no SerDe" : "SerDe " + serdeLibrary;
  }

  /** The file family an input format reads, or null when it says nothing (absent). */
  private static String inputFamily(String inputFormat) {
    if (inputFormat == null || inputFormat.isBlank()) {
      return null;
    }
    String lower = inputFormat.toLowerCase(Locale.ROOT);
    for (String family : List.of("parquet", "orc", "avro", "ion", "sequencefile", "rcfile")) {
      if (lower.contains(family)) {
        return family;
      }
    }
    return lower.endsWith("textinputformat") ? "text" : lower;
  }

  private Items parsed(GluePartition partition, String name) {
    Items columns = Items.ofGlue(partition.columns());
    for (int index = 0; index < columns.size(); index++) {
      GlueColumn column = partition.columns().get(index);
      try {
        columns.types[index] = TypeParser.parse(column.type());
      } catch (TypeParseException e) {
        throw new UndecidableException(
            ErrorKind.INVALID_GLUE_TYPE,
            "Glue partition "
                + name
                + " of "
                + table.qualifiedName()
                + " has column '"
                + column.name()
                + "' with an invalid type: "
                + e.getMessage());
      }
    }
    return columns;
  }

  /** Parquet and ORC read by name: only a same-named column with another type matters. */
  private void compareByName(String partition, Items columns) {
    Map<String, Integer> byName = new HashMap<>();
    for (int index = 0; index < columns.size(); index++) {
      byName.putIfAbsent(fold(columns.names[index]), index);
    }
    for (int index = 0; index < tableColumns.size(); index++) {
      Integer at = byName.get(fold(tableColumns.names[index]));
      if (at != null) {
        compareTypes(partition, tableColumns.names[index], tableColumns.types[index], columns, at);
      }
    }
  }

  /**
   * Every other format by position: the partition's n-th column is read as the table's n-th. A
   * partition with fewer columns reads the rest as null; one with more keeps columns the table
   * dropped, which CSV and TSV tables do not allow.
   */
  private void compareByPosition(String partition, Items columns) {
    Map<String, Integer> tableNames = new HashMap<>();
    for (int index = 0; index < tableColumns.size(); index++) {
      tableNames.putIfAbsent(fold(tableColumns.names[index]), index);
    }
    int shared = Math.min(columns.size(), tableColumns.size());
    for (int index = 0; index < shared; index++) {
      String tableName = tableColumns.names[index];
      boolean rejected =
          compareTypes(partition, tableName, tableColumns.types[index], columns, index);
      String partitionName = columns.names[index];
      if (!rejected && !fold(partitionName).equals(fold(tableName))) {
        differences.add(
            Difference.of(
                RuleId.PARTITION_SCHEMA_MISMATCH,
                Difference.Subject.PARTITION,
                path(partition, tableName),
                tableName,
                partitionName,
                differences
                    .table()
                    .withPartitionRead(
                        tableNames.containsKey(fold(partitionName))
                            ? PartitionRead.SHIFTED
                            : PartitionRead.RENAMED)));
      }
    }
    if (profile.recognisedFormat() == ContractFormat.CSV) {
      for (int index = shared; index < columns.size(); index++) {
        differences.add(
            Difference.of(
                RuleId.PARTITION_SCHEMA_MISMATCH,
                Difference.Subject.PARTITION,
                path(partition, columns.names[index]),
                null,
                columns.types[index].canonical(),
                differences.table().withPartitionRead(PartitionRead.REJECTED)));
      }
    }
  }

  /** Records a type the partition declares differently; true when Athena rejects it. */
  private boolean compareTypes(
      String partition, String tableName, DataType tableType, Items columns, int index) {
    DataType partitionType = columns.types[index];
    if (partitionType.equals(tableType)) {
      return false;
    }
    PartitionRead read = PartitionRead.REJECTED;
    boolean lossless = false;
    if (isScalar(partitionType) && isScalar(tableType)) {
      TypeChange change = TypeChange.between(partitionType, tableType);
      if (change.isWidening()) {
        read = PartitionRead.COERCED;
        lossless = true;
      } else if (change == TypeChange.LENGTH_DECREASED
          || isStringToInteger(partitionType, tableType)) {
        read = PartitionRead.COERCED;
      }
    }
    differences.add(
        Difference.of(
            RuleId.PARTITION_SCHEMA_MISMATCH,
            Difference.Subject.PARTITION,
            path(partition, tableName),
            tableType.canonical(),
            partitionType.canonical(),
            differences.table().withPartitionRead(read).withWidening(lossless)));
    return read == PartitionRead.REJECTED;
  }

  /** Athena's list of compatible types reads a string as any integer type (nulls where not). */
  private static boolean isStringToInteger(DataType from, DataType to) {
    return from instanceof DataType.Primitive source
        && source.kind() == PrimitiveKind.STRING
        && to instanceof DataType.Primitive target
        && switch (target.kind()) {
          case TINYINT, SMALLINT, INT, BIGINT -> true;
          case BOOLEAN, FLOAT, DOUBLE, STRING, BINARY, DATE, TIMESTAMP -> false;
        };
  }

  /** Nested types (struct, array, map, union) are never coerced: any change is a mismatch. */
  private static boolean isScalar(DataType type) {
    return switch (Objects.requireNonNull(type)) {
      case DataType.Primitive primitive -> true;
      case DataType.Decimal decimal -> true;
      case DataType.Char character -> true;
      case DataType.Varchar varchar -> true;
      case DataType.Array array -> false;
      case DataType.Map map -> false;
      case DataType.Struct struct -> false;
      case DataType.Union union -> false;
    };
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
