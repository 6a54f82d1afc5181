package dev.schemadrift.oracle;

import dev.schemadrift.type.DataType;
import dev.schemadrift.type.TypeParser;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs one experiment in the engine: writes the sample rows under the before schema, registers the
 * after schema over the same files, and asks what a consumer of the contract (the before schema)
 * asks: every column, the changed column, a filter on it, a count.
 */
final class Measurement {
  private static final Comparator<String> NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());

  private static final Pattern FILE =
      Pattern.compile("local:///[^\\s\\]]*|\\b\\d{8}_\\d{6}_\\d+_\\w+-[0-9a-f-]+[^\\s\\]]*");

  /** A split's byte range: the file's length varies by a byte or two between runs. */
  private static final Pattern SPLIT = Pattern.compile("\\(offset=\\d+, length=\\d+\\)");

  /** Trino's number types, by base name: a result of one of them read as another is RISKY. */
  private static final Set<String> NUMBER_TYPES =
      Set.of("tinyint", "smallint", "integer", "bigint", "real", "double", "decimal");

  /** The partition key of a partitioned experiment, and the one partition it writes. */
  static final String PARTITION_KEY = "part";

  static final String PARTITION_VALUE = "p1";

  private final HiveConnector connector;

  Measurement(HiveConnector connector) {
    this.connector = connector;
  }

  Outcome measure(Experiment experiment) {
    Map<String, String> session;
    String after;
    try {
      session = sessionProperties(experiment);
      String location = connector.newDataLocation(experiment.tableName());
      if (experiment.layout() != null) {
        after = experiment.tableName() + "_after";
        Optional<Outcome> refused = changeLayout(session, experiment, location);
        if (refused.isPresent()) {
          return refused.get();
        }
      } else if (experiment.partitioned()) {
        // One table: its partition keeps the columns it was written with, the table gets the
        // after schema, as an ALTER TABLE in Glue leaves old partitions.
        after = experiment.tableName();
        List<Column> keys = experiment.beforeKeys();
        connector.execute(
            session, createTable(after, experiment.before(), keys, experiment.format(), location));
        if (experiment.partitionFormat() == null) {
          connector.execute(session, insert(after, experiment.before(), true));
        } else {
          // The partition is written through a table of its own format and moved into this one,
          // as a producer writing another format leaves a partition Glue describes with it.
          String other = after + "_partition";
          connector.execute(
              session,
              createTable(
                  other,
                  experiment.before(),
                  keys,
                  experiment.partitionFormat(),
                  connector.newDataLocation(other)));
          connector.execute(session, insert(other, experiment.before(), true));
          connector.movePartition(other, after, List.of(PARTITION_VALUE));
        }
        connector.replaceDataColumns(after, experiment.after());
      } else {
        String before = experiment.tableName() + "_before";
        after = experiment.tableName() + "_after";
        connector.execute(
            session,
            createTable(before, experiment.before(), List.of(), experiment.format(), location));
        connector.execute(session, insert(before, experiment.before(), false));
        connector.execute(
            session,
            createTable(after, experiment.after(), List.of(), experiment.format(), location));
        if (experiment.format().declaresOnlyVarchar()) {
          // Trino refuses to create the table Glue would hold; the metastore takes it as it is.
          connector.replaceDataColumns(after, experiment.after());
        }
      }
    } catch (IOException | RuntimeException e) {
      return new Outcome(Verdict.UNDECIDED, "setup failed: " + firstLine(e));
    }
    List<Outcome> outcomes = new ArrayList<>();
    outcomes.add(everyContractColumn(session, experiment, after));
    outcomes.add(changedColumn(session, experiment, after));
    outcomes.add(filterOnChangedColumn(session, experiment, after));
    outcomes.add(count(session, after));
    Verdict verdict = Verdict.SAFE;
    // The same difference seen by two queries is told once.
    Set<String> evidence = new LinkedHashSet<>();
    for (Outcome outcome : outcomes) {
      verdict = verdict.worse(outcome.verdict());
      for (String part : outcome.evidence().split("; ")) {
        if (!part.isEmpty()) {
          evidence.add(part);
        }
      }
    }
    evidence.addAll(newColumnsRead(session, experiment, after));
    return new Outcome(verdict, String.join("; ", evidence));
  }

  /**
   * Writes the rows into {@code key=value} folders under the before keys, registers the after table
   * over the same folder and its partitions as the experiment says. Returns the outcome when that
   * already decides it: BREAKING when the engine refuses to register the old folders under the new
   * keys (its answer to the change), UNDECIDED when the catalog does not hold the partitions the
   * rule engine is given.
   */
  private Optional<Outcome> changeLayout(
      Map<String, String> session, Experiment experiment, String location) {
    PartitionLayout layout = experiment.layout();
    String before = experiment.tableName() + "_before";
    String after = experiment.tableName() + "_after";
    connector.execute(
        session,
        createTable(before, experiment.before(), layout.before(), experiment.format(), location));
    connector.execute(session, insert(before, experiment.contractColumns(), false));
    connector.execute(
        session,
        createTable(after, experiment.after(), layout.after(), experiment.format(), location));
    try {
      register(session, experiment, after, location);
    } catch (RuntimeException e) {
      return Optional.of(
          new Outcome(Verdict.BREAKING, "registering the partitions fails: " + firstLine(e)));
    }
    // The rule engine is given the partitions the experiment predicts; the catalog must agree.
    long held;
    try {
      held = count(connector.execute(session, "SELECT count(*) FROM \"" + after + "$partitions\""));
    } catch (RuntimeException e) {
      // A partition the catalog holds but the engine cannot list (a value its key's type cannot
      // hold) fails every query the consumer asks too: those tell it.
      return Optional.empty();
    }
    int given = experiment.registeredPartitions().size();
    return held == given
        ? Optional.empty()
        : Optional.of(
            new Outcome(
                Verdict.UNDECIDED,
                "the catalog holds " + held + " partitions, the rule engine is given " + given));
  }

  private void register(
      Map<String, String> session, Experiment experiment, String after, String location) {
    PartitionLayout layout = experiment.layout();
    switch (layout.registration()) {
      case REPAIR ->
          connector.execute(
              session,
              "CALL system.sync_partition_metadata('"
                  + HiveConnector.SCHEMA
                  + "', '"
                  + after
                  + "', 'FULL')");
      case KEPT -> {
        List<String> keys = layout.after().stream().map(key -> "'" + key.name() + "'").toList();
        for (List<String> values : experiment.writtenPartitionValues()) {
          connector.execute(
              session,
              "CALL system.register_partition('"
                  + HiveConnector.SCHEMA
                  + "', '"
                  + after
                  + "', ARRAY["
                  + String.join(", ", keys)
                  + "], ARRAY["
                  + String.join(", ", values.stream().map(value -> "'" + value + "'").toList())
                  + "], '"
                  + location
                  + "/"
                  + PartitionLayout.folder(layout.before(), values)
                  + "')");
        }
      }
    }
  }

  private static Map<String, String> sessionProperties(Experiment experiment) {
    return switch (experiment.access()) {
      case DEFAULT -> Map.of();
      case BY_NAME, BY_INDEX -> {
        String property =
            experiment
                .format()
                .nameAccessSessionProperty()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            experiment.format().jsonName() + " has no column access switch"));
        yield Map.of(property, Boolean.toString(experiment.access() == ColumnAccess.BY_NAME));
      }
    };
  }

  /**
   * What a consumer of the contract selects: a column, or a primitive inside a nested one, named by
   * the rule engine's path ({@code address.geo.lat}, {@code tags[]}, {@code scores{value}}) and
   * reached by the SQL a consumer writes ({@code address.geo.lat}, {@code tags[1]}, {@code
   * map_values(scores)[1]}), with the values written there.
   */
  record Leaf(String path, String sql, DataType type, int seed) {
    List<String> written() {
      List<String> values = new ArrayList<>();
      for (int row = 1; row <= SampleValues.ROWS; row++) {
        values.add(SampleValues.expected(type, seed, row));
      }
      return values;
    }
  }

  /** A leaf the consumer asks for, the type it is promised and the values it should read. */
  record Asked(String path, String sql, DataType promised, List<String> expected) {}

  /**
   * What the consumer asks: the contract's leaves with their written values; with {@code contract:
   * after}, the table's leaves instead, each expecting the values written under its name in the old
   * partition, or NULLs where the partition has no such column.
   */
  static List<Asked> asked(Experiment experiment) {
    List<Leaf> written = leaves(experiment.contractColumns());
    if (!experiment.contractIsAfter()) {
      return written.stream()
          .map(leaf -> new Asked(leaf.path(), leaf.sql(), leaf.type(), leaf.written()))
          .toList();
    }
    List<Asked> asked = new ArrayList<>();
    for (Leaf leaf : leaves(experiment.after())) {
      List<String> expected =
          written.stream()
              .filter(old -> old.path().equals(leaf.path()))
              .findFirst()
              .map(Leaf::written)
              .orElse(Collections.nCopies(SampleValues.ROWS, null));
      asked.add(new Asked(leaf.path(), leaf.sql(), leaf.type(), expected));
    }
    return asked;
  }

  /** Whether the consumer asks for the changed column: not when it is one the table dropped. */
  private static boolean asksChanged(Experiment experiment) {
    String changed = experiment.changed();
    return !experiment.contractIsAfter()
        || asked(experiment).stream().anyMatch(leaf -> leaf.path().equals(changed));
  }

  /**
   * The leaves of a schema: its primitive columns, and the primitives inside structs, arrays and
   * maps at any depth (the sample rows hold one element per array and one entry per map).
   */
  static List<Leaf> leaves(List<Column> columns) {
    List<Leaf> leaves = new ArrayList<>();
    for (int position = 0; position < columns.size(); position++) {
      Column column = columns.get(position);
      addLeaves(leaves, column.name(), column.name(), TypeParser.parse(column.type()), position);
    }
    return leaves;
  }

  private static void addLeaves(
      List<Leaf> leaves, String path, String sql, DataType type, int seed) {
    switch (type) {
      case DataType.Struct struct -> {
        for (int index = 0; index < struct.fields().size(); index++) {
          DataType.Field field = struct.fields().get(index);
          addLeaves(
              leaves,
              path + "." + field.name(),
              sql + "." + field.name(),
              field.type(),
              SampleValues.fieldSeed(seed, index));
        }
      }
      case DataType.Array array ->
          addLeaves(
              leaves, path + "[]", sql + "[1]", array.element(), SampleValues.fieldSeed(seed, 0));
      case DataType.Map map -> {
        addLeaves(
            leaves,
            path + "{key}",
            "map_keys(" + sql + ")[1]",
            map.key(),
            SampleValues.fieldSeed(seed, 0));
        addLeaves(
            leaves,
            path + "{value}",
            "map_values(" + sql + ")[1]",
            map.value(),
            SampleValues.fieldSeed(seed, 1));
      }
      case DataType.Primitive primitive -> leaves.add(new Leaf(path, sql, type, seed));
      case DataType.Decimal decimal -> leaves.add(new Leaf(path, sql, type, seed));
      case DataType.Char character -> leaves.add(new Leaf(path, sql, type, seed));
      case DataType.Varchar varchar -> leaves.add(new Leaf(path, sql, type, seed));
      case DataType.Union union ->
          throw new IllegalArgumentException("no sample values for type " + type.canonical());
    }
  }

  /** SELECT the contract's columns (and struct fields): each must read the values written. */
  private Outcome everyContractColumn(
      Map<String, String> session, Experiment experiment, String table) {
    List<Asked> leaves = asked(experiment);
    List<String> selected = leaves.stream().map(Asked::sql).toList();
    String sql = "SELECT " + String.join(", ", selected) + " FROM " + table;
    MaterializedResult result;
    try {
      result = connector.execute(session, sql);
    } catch (RuntimeException e) {
      return failed("every contract column", e);
    }
    List<MaterializedRow> rows = result.getMaterializedRows();
    Verdict verdict = Verdict.SAFE;
    List<String> evidence = new ArrayList<>();
    for (int position = 0; position < leaves.size(); position++) {
      Asked leaf = leaves.get(position);
      // The consumer axis: the same values in a result of another type.
      String promised = SampleValues.trinoType(leaf.promised());
      String answered = result.getTypes().get(position).getDisplayName();
      if (!promised.equals(answered)) {
        verdict = verdict.worse(resultType(promised, answered));
        evidence.add(leaf.path() + " answers " + answered + ", not " + promised);
      }
      Outcome column = compare(leaf.path(), leaf.expected(), column(rows, position));
      verdict = verdict.worse(column.verdict());
      if (!column.evidence().isEmpty()) {
        evidence.add(column.evidence());
      }
    }
    return new Outcome(verdict, String.join("; ", evidence));
  }

  /**
   * What a contract column answering another result type means to its consumer: a number that
   * answers another number type ({@code integer} as {@code bigint}, {@code real} as {@code double},
   * {@code decimal(10,2)} as {@code decimal(20,2)}) is RISKY, since a consumer coded against the
   * promised type may overflow; any other change (a varchar's length: strings have one client type)
   * is SAFE here, and wrong values show in the values compared.
   */
  static Verdict resultType(String promised, String answered) {
    if (promised.equals(answered)) {
      return Verdict.SAFE;
    }
    return isNumber(promised) && isNumber(answered) ? Verdict.RISKY : Verdict.SAFE;
  }

  private static boolean isNumber(String trinoType) {
    int parameters = trinoType.indexOf('(');
    String base = parameters < 0 ? trinoType : trinoType.substring(0, parameters);
    return NUMBER_TYPES.contains(base);
  }

  /** SELECT the changed column or field: its values, or NULL where it was not written. */
  private Outcome changedColumn(Map<String, String> session, Experiment experiment, String table) {
    if (!asksChanged(experiment)) {
      return new Outcome(Verdict.SAFE, "");
    }
    String changed = experiment.changed();
    String sql = "SELECT " + changedSql(experiment) + " FROM " + table;
    List<MaterializedRow> rows;
    try {
      rows = connector.execute(session, sql).getMaterializedRows();
    } catch (RuntimeException e) {
      return failed(changed, e);
    }
    List<String> expected =
        changedLeaf(experiment)
            .map(Leaf::written)
            .orElse(Collections.nCopies(SampleValues.ROWS, null));
    return compare(changed, expected, column(rows, 0));
  }

  /** WHERE changed = its first written value (or IS NULL for one the files do not have). */
  private Outcome filterOnChangedColumn(
      Map<String, String> session, Experiment experiment, String table) {
    if (!asksChanged(experiment)) {
      return new Outcome(Verdict.SAFE, "");
    }
    Optional<Leaf> before = changedLeaf(experiment);
    String changed = changedSql(experiment);
    String condition;
    long expected;
    if (before.isPresent()) {
      // The consumer's filter is written against the contract: a literal of the contract's type.
      Leaf leaf = before.get();
      condition = changed + " = " + SampleValues.expression(leaf.type(), leaf.seed(), 1);
      expected = 1;
    } else {
      condition = changed + " IS NULL";
      expected = SampleValues.ROWS;
    }
    String sql = "SELECT count(*) FROM " + table + " WHERE " + condition;
    long found;
    try {
      found = count(connector.execute(session, sql));
    } catch (RuntimeException e) {
      return failed("WHERE " + condition, e);
    }
    if (found == expected) {
      return new Outcome(Verdict.SAFE, "");
    }
    // Wrong values show in the selects; a filter that misses alone means the value reads NULL.
    return new Outcome(
        before.isPresent() ? Verdict.RISKY : Verdict.BREAKING,
        "WHERE " + condition + " counts " + found + ", not " + expected);
  }

  private Outcome count(Map<String, String> session, String table) {
    String sql = "SELECT count(*) FROM " + table;
    try {
      long found = count(connector.execute(session, sql));
      return found == SampleValues.ROWS
          ? new Outcome(Verdict.SAFE, "")
          : new Outcome(Verdict.BREAKING, "count(*) is " + found + ", not " + SampleValues.ROWS);
    } catch (RuntimeException e) {
      return failed("count(*)", e);
    }
  }

  /** Evidence only: what each column the files never had reads (NULL, or another's values). */
  private List<String> newColumnsRead(
      Map<String, String> session, Experiment experiment, String table) {
    List<String> evidence = new ArrayList<>();
    for (Column column : experiment.tableColumns()) {
      if (Experiment.find(experiment.contractColumns(), column.name()).isPresent()
          || column.name().equals(experiment.changed())) {
        continue;
      }
      String sql = "SELECT " + column.name() + " FROM " + table;
      try {
        evidence.add(
            "new "
                + column.name()
                + " reads "
                // In value order: rows of several partitions come back in any order.
                + sorted(column(connector.execute(session, sql).getMaterializedRows(), 0)));
      } catch (RuntimeException e) {
        evidence.add("new " + column.name() + " fails: " + firstLine(e));
      }
    }
    return evidence;
  }

  private static long count(MaterializedResult result) {
    return ((Number) result.getMaterializedRows().getFirst().getField(0)).longValue();
  }

  private static Optional<Leaf> changedLeaf(Experiment experiment) {
    return leaf(experiment.contractColumns(), experiment.changed());
  }

  /**
   * How the consumer reaches the changed column or field: as the contract has it, else as the after
   * schema has it (a new field inside an array, {@code items[1].c}), else by its path.
   */
  static String changedSql(Experiment experiment) {
    return changedLeaf(experiment)
        .or(() -> leaf(experiment.tableColumns(), experiment.changed()))
        .map(Leaf::sql)
        .orElse(experiment.changed());
  }

  private static Optional<Leaf> leaf(List<Column> columns, String path) {
    return leaves(columns).stream().filter(leaf -> leaf.path().equals(path)).findFirst();
  }

  /**
   * The same values (in any order) are SAFE; the written values with some read as NULL are RISKY;
   * anything else is BREAKING.
   */
  static Outcome compare(String column, List<String> expected, List<String> actual) {
    List<String> wanted = sorted(expected);
    List<String> read = sorted(actual);
    if (wanted.equals(read)) {
      return new Outcome(Verdict.SAFE, "");
    }
    List<String> unmatched = new ArrayList<>(read);
    for (String value : wanted) {
      unmatched.remove(value);
    }
    boolean onlyNulls = unmatched.stream().allMatch(Objects::isNull);
    return new Outcome(
        onlyNulls && read.size() == wanted.size() ? Verdict.RISKY : Verdict.BREAKING,
        column + ": wrote " + wanted + ", read " + read);
  }

  private static List<String> column(List<MaterializedRow> rows, int position) {
    return rows.stream().map(row -> SampleValues.canonical(row.getField(position))).toList();
  }

  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    copy.sort(NULLS_FIRST);
    return copy;
  }

  private static Outcome failed(String query, RuntimeException e) {
    return new Outcome(Verdict.BREAKING, query + " fails: " + firstLine(e));
  }

  /**
   * The engine's message, first line, with file paths and names (which carry a query id) replaced
   * by {@code <file>} and a split's byte range by {@code <split>}, so that two runs print the same
   * evidence.
   */
  static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end);
    String withoutFiles = FILE.matcher(line).replaceAll("<file>");
    return SPLIT.matcher(withoutFiles).replaceAll("(<split>)");
  }

  private static String createTable(
      String table,
      List<Column> columns,
      List<Column> keys,
      StorageFormat format,
      String location) {
    List<String> definitions = new ArrayList<>();
    // Trino lists partition keys last, in the order of partitioned_by.
    for (Column column : columns) {
      String type =
          format.declaresOnlyVarchar() ? "varchar" : SampleValues.trinoType(column.type());
      definitions.add(column.name() + " " + type);
    }
    List<String> keyNames = new ArrayList<>();
    for (Column key : keys) {
      definitions.add(key.name() + " " + SampleValues.trinoType(key.type()));
      keyNames.add("'" + key.name() + "'");
    }
    String partitioning =
        keys.isEmpty() ? "" : ", partitioned_by = ARRAY[" + String.join(", ", keyNames) + "]";
    return "CREATE TABLE "
        + table
        + " ("
        + String.join(", ", definitions)
        + ") WITH ("
        + format.tableProperties()
        + partitioning
        + ", external_location = '"
        + location
        + "')";
  }

  private static String insert(String table, List<Column> columns, boolean partitioned) {
    List<String> rows = new ArrayList<>();
    for (int row = 1; row <= SampleValues.ROWS; row++) {
      List<String> values = new ArrayList<>();
      for (int position = 0; position < columns.size(); position++) {
        values.add(
            SampleValues.expression(TypeParser.parse(columns.get(position).type()), position, row));
      }
      if (partitioned) {
        values.add("'" + PARTITION_VALUE + "'");
      }
      rows.add("(" + String.join(", ", values) + ")");
    }
    return "INSERT INTO " + table + " VALUES " + String.join(", ", rows);
  }
}
