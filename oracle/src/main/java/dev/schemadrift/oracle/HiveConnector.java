package dev.schemadrift.oracle;

import static io.trino.testing.TestingSession.testSessionBuilder;

import io.trino.Session;
import io.trino.metastore.HiveMetastore;
import io.trino.metastore.HiveMetastoreFactory;
import io.trino.metastore.HiveType;
import io.trino.metastore.Partition;
import io.trino.metastore.PartitionStatistics;
import io.trino.metastore.PartitionWithStatistics;
import io.trino.metastore.PrincipalPrivileges;
import io.trino.metastore.Table;
import io.trino.plugin.hive.HivePlugin;
import io.trino.testing.MaterializedResult;
import io.trino.testing.StandaloneQueryRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Trino in-process (trino-testing's {@link StandaloneQueryRunner}) with the production Hive
 * connector over a file metastore and local files under one folder, with the connector's own
 * defaults (Parquet by name, ORC by index, text by position).
 */
final class HiveConnector implements AutoCloseable {
  static final String CATALOG = "hive";
  static final String SCHEMA = "oracle";

  private final StandaloneQueryRunner runner;
  private final Path root;

  HiveConnector(Path root) throws IOException {
    this.root = root;
    Files.createDirectories(root.resolve("metastore"));
    Session session = testSessionBuilder().setCatalog(CATALOG).setSchema(SCHEMA).build();
    runner = new StandaloneQueryRunner(session);
    try {
      runner.installPlugin(new HivePlugin());
      runner.createCatalog(
          CATALOG,
          "hive",
          Map.of(
              "hive.metastore", "file",
              "hive.metastore.catalog.dir", "local:///metastore",
              "fs.local.enabled", "true",
              "local.location", root.toString(),
              // The experiments write through external tables, as producers beside Athena do.
              "hive.non-managed-table-writes-enabled", "true",
              // Partition experiments register old folders under a changed table, as Athena's
              // ALTER TABLE ADD PARTITION does.
              "hive.allow-register-partition-procedure", "true"));
      runner.execute("CREATE SCHEMA " + CATALOG + "." + SCHEMA);
    } catch (RuntimeException e) {
      runner.close();
      throw e;
    }
  }

  /** A new empty folder for one experiment's files, and its location as the connector sees it. */
  String newDataLocation(String name) throws IOException {
    Files.createDirectories(root.resolve("data").resolve(name));
    return "local:///data/" + name;
  }

  /** Runs a statement or query in the default session with the Hive session properties given. */
  MaterializedResult execute(Map<String, String> hiveSessionProperties, String sql) {
    Session.SessionBuilder session = Session.builder(runner.getDefaultSession());
    hiveSessionProperties.forEach(
        (name, value) -> session.setCatalogSessionProperty(CATALOG, name, value));
    return runner.execute(session.build(), sql);
  }

  /**
   * Moves a partition, with its own storage format, columns and folder, from one table's metadata
   * to another's: a partition Glue describes in another format than its table.
   */
  void movePartition(String from, String to, List<String> values) {
    // One key, the partitioned experiments' part.
    HiveMetastore metastore = metastore();
    Table source = table(metastore, from);
    Partition partition =
        metastore
            .getPartition(source, values)
            .orElseThrow(() -> new IllegalStateException("no partition " + values + " in " + from));
    // Trino keeps a text table's delimiter in the table's parameters; Glue keeps a partition's in
    // its own SerDe parameters, which the engine reads for that partition.
    Map<String, String> serdeParameters = new TreeMap<>();
    String delimiter = source.getParameters().get("field.delim");
    if (delimiter != null) {
      serdeParameters.put("field.delim", delimiter);
    }
    Partition moved =
        Partition.builder(partition)
            .setTableName(to)
            .withStorage(storage -> storage.setSerdeParameters(serdeParameters))
            .build();
    String name = Measurement.PARTITION_KEY + "=" + values.getFirst();
    metastore.addPartitions(
        SCHEMA, to, List.of(new PartitionWithStatistics(moved, name, PartitionStatistics.empty())));
    metastore.dropPartition(SCHEMA, from, values, false);
  }

  private HiveMetastore metastore() {
    return ((io.trino.plugin.hive.HiveConnector) runner.getCoordinator().getConnector(CATALOG))
        .getInjector()
        .getInstance(HiveMetastoreFactory.class)
        .createMetastore(Optional.empty());
  }

  private static Table table(HiveMetastore metastore, String table) {
    return metastore
        .getTable(SCHEMA, table)
        .orElseThrow(() -> new IllegalStateException("no table " + table + " in the metastore"));
  }

  /**
   * Replaces a table's data columns in the metastore and leaves its partitions as they are, each
   * with the columns it was written with: what ALTER TABLE does to a Glue table.
   */
  void replaceDataColumns(String table, List<Column> columns) {
    HiveMetastore metastore = metastore();
    Table old = table(metastore, table);
    List<io.trino.metastore.Column> data =
        columns.stream()
            .map(
                column ->
                    new io.trino.metastore.Column(
                        column.name(), HiveType.valueOf(column.type()), Optional.empty(), Map.of()))
            .toList();
    metastore.replaceTable(
        SCHEMA,
        table,
        Table.builder(old).setDataColumns(data).build(),
        PrincipalPrivileges.NO_PRIVILEGES,
        Map.of());
  }

  @Override
  public void close() {
    runner.close();
  }
}
