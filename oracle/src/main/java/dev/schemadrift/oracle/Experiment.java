package dev.schemadrift.oracle;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One measurement: rows written under {@code before} in one format, read under {@code after} over
 * the same files; {@code changed} is the column (or nested field, by the rule engine's path: {@code
 * address.geo.lat}, {@code items[].a}, {@code scores{value}}) the rule is about, in {@code before},
 * in {@code after}, or in both.
 */
record Experiment(
    String rule,
    String caseName,
    StorageFormat format,
    boolean partitioned,
    ColumnAccess access,
    List<Column> before,
    List<Column> after,
    String changed) {

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
    // A nested field is named by its path (address.city, tags[], scores{value}); its column must
    // be on one side.
    String column = changed.split("[.\\[{]", 2)[0];
    if (find(before, column).isEmpty() && find(after, column).isEmpty()) {
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

  static Optional<Column> find(List<Column> columns, String name) {
    return columns.stream().filter(column -> column.name().equals(name)).findFirst();
  }
}
