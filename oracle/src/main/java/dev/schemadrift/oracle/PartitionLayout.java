package dev.schemadrift.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A change of a table's partition keys: the rows are written into {@code key=value} folders under
 * the before keys, and the after table is registered over the same folder with its partitions
 * registered as {@code registration} says.
 */
record PartitionLayout(List<Column> before, List<Column> after, Registration registration) {

  /** How the partitions of the after table come to be in the catalog. */
  enum Registration {
    /**
     * The table is created again with the after keys and {@code MSCK REPAIR TABLE} (or a crawler)
     * registers the folders that match them, each with the table's columns.
     */
    REPAIR,
    /**
     * The table's keys are replaced in place and the old partitions keep their values, folders and
     * columns (Glue's UpdateTable); only possible with as many keys after as before.
     */
    KEPT
  }

  /** A partition as the catalog holds it: its values, folder under the table and columns. */
  record Registered(List<String> values, String folder, List<Column> columns) {
    Registered {
      values = List.copyOf(values);
      Objects.requireNonNull(folder, "folder");
      columns = List.copyOf(columns);
    }
  }

  PartitionLayout {
    before = List.copyOf(before);
    after = List.copyOf(after);
    Objects.requireNonNull(registration, "registration");
    if (before.isEmpty() || after.isEmpty()) {
      throw new IllegalArgumentException(
          "before_partition_keys and after_partition_keys need at least one key each");
    }
    if (registration == Registration.KEPT && before.size() != after.size()) {
      throw new IllegalArgumentException(
          "registration 'kept' needs as many partition keys after as before");
    }
  }

  /**
   * The partitions the catalog holds after the change, given the before partitions' values (one
   * list per row written, in key order) and the data columns before and after.
   */
  List<Registered> registered(
      List<List<String>> writtenValues, List<Column> beforeColumns, List<Column> afterColumns) {
    if (registration == Registration.KEPT) {
      return writtenValues.stream()
          .map(values -> new Registered(values, folder(before, values), beforeColumns))
          .toList();
    }
    // MSCK lists folders as deep as the table has keys and keeps those named key=value with the
    // table's keys in order: a row's folder is found when the key names agree.
    if (after.size() > before.size()) {
      return List.of();
    }
    for (int index = 0; index < after.size(); index++) {
      if (!after.get(index).name().equals(before.get(index).name())) {
        return List.of();
      }
    }
    return writtenValues.stream()
        .map(values -> values.subList(0, after.size()))
        .distinct()
        .map(found -> new Registered(found, folder(after, found), afterColumns))
        .toList();
  }

  /** The folder of a partition under its table: {@code part=c2r1/region=c3r1}. */
  static String folder(List<Column> keys, List<String> values) {
    List<String> parts = new ArrayList<>();
    for (int index = 0; index < values.size(); index++) {
      parts.add(keys.get(index).name() + "=" + values.get(index));
    }
    return String.join("/", parts);
  }
}
