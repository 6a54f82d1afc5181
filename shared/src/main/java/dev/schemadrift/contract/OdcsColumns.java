package dev.schemadrift.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.StrictObject;
import dev.schemadrift.type.DataType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table's top-level properties as data columns and partition keys (ordered by
 * partitionKeyPosition), each name unique ignoring case.
 */
final class OdcsColumns {
  private record Column(ContractColumn column, String namePath) {}

  private record PartitionKey(Column column, int position, int index, String path) {}

  private final Problems problems;
  private final OdcsTypes types;
  private final List<Column> columns = new ArrayList<>();
  private final List<Column> partitionKeys = new ArrayList<>();

  OdcsColumns(Problems problems, OdcsTypes types) {
    this.problems = problems;
    this.types = types;
  }

  /** The data columns read, in document order. */
  List<ContractColumn> columns() {
    return columns.stream().map(Column::column).toList();
  }

  /** The partition keys read, in partition order. */
  List<ContractColumn> partitionKeys() {
    return partitionKeys.stream().map(Column::column).toList();
  }

  /** Reads the properties of the chosen schema object. */
  void read(StrictObject table) {
    JsonNode list = table.field("properties");
    String path = table.childPath("properties");
    if (OdcsTypes.absent(list) || list.isArray() && list.isEmpty()) {
      problems.add(path, "a table needs at least one property (column)");
      return;
    }
    if (!list.isArray()) {
      problems.add(path, "expected an array but found " + StrictObject.describe(list));
      return;
    }
    List<PartitionKey> keys = new ArrayList<>();
    for (int index = 0; index < list.size(); index++) {
      StrictObject property = StrictObject.of(list.get(index), path + "[" + index + "]", problems);
      if (property == null) {
        continue;
      }
      Column column = column(property);
      Boolean partitioned = property.optionalBoolean("partitioned");
      Integer position = property.optionalInteger("partitionKeyPosition");
      String positionPath = property.childPath("partitionKeyPosition");
      if (position != null && position != -1 && position < 1) {
        problems.add(positionPath, "positions start at 1 (-1 means none)");
        position = null;
      }
      if (Boolean.TRUE.equals(partitioned)) {
        if (column != null && !ContractConstraints.isPrimitive(column.column().type())) {
          problems.add(
              property.path(),
              "a partition key needs a primitive type, not " + column.column().type().canonical());
        }
        if (column != null) {
          keys.add(new PartitionKey(column, position == null ? -1 : position, index, positionPath));
        }
      } else {
        if (position != null && position >= 1) {
          problems.add(positionPath, "a partitionKeyPosition needs partitioned: true");
        }
        if (column != null) {
          columns.add(column);
        }
      }
    }
    partitionKeys.addAll(orderKeys(keys));
    checkDuplicates();
    if (columns.isEmpty() && problems.isEmpty()) {
      problems.add(path, "every property is a partition key; a Glue table needs a data column");
    }
  }

  private Column column(StrictObject property) {
    OdcsTypes.Named name = types.name(property);
    DataType type = types.type(property);
    Boolean required = property.optionalBoolean("required");
    String description = property.optionalString("description");
    Boolean deprecated = property.optionalBoolean("deprecated");
    if (name == null || type == null) {
      return null;
    }
    return new Column(
        new ContractColumn(
            name.name(),
            type,
            required,
            description,
            List.of(),
            Boolean.TRUE.equals(deprecated),
            null),
        name.path());
  }

  /** By partitionKeyPosition when every key has one, in document order when none has. */
  private List<Column> orderKeys(List<PartitionKey> keys) {
    long positioned = keys.stream().filter(key -> key.position() >= 1).count();
    if (positioned == 0) {
      return keys.stream().map(PartitionKey::column).toList();
    }
    if (positioned < keys.size()) {
      keys.stream()
          .filter(key -> key.position() < 1)
          .forEach(
              key ->
                  problems.add(
                      key.path(),
                      "other partition keys have a partitionKeyPosition; give this one one too"));
      return List.of();
    }
    Map<Integer, String> seen = new HashMap<>();
    for (PartitionKey key : keys) {
      String earlier = seen.putIfAbsent(key.position(), key.path());
      if (earlier != null) {
        problems.add(
            key.path(), "partitionKeyPosition " + key.position() + " is also given at " + earlier);
      }
    }
    return keys.stream()
        .sorted(Comparator.comparingInt(PartitionKey::position))
        .map(PartitionKey::column)
        .toList();
  }

  private void checkDuplicates() {
    Map<String, String> seen = new HashMap<>();
    List<Column> all = new ArrayList<>(columns);
    all.addAll(partitionKeys);
    for (Column column : all) {
      String key = column.column().name().toLowerCase(Locale.ROOT);
      String earlier = seen.putIfAbsent(key, column.namePath());
      if (earlier != null) {
        problems.add(
            column.namePath(),
            "duplicate column '"
                + column.column().name()
                + "' (names are compared ignoring case; first at "
                + earlier
                + ")");
      }
    }
  }
}
