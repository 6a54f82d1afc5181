package dev.schemadrift.oracle;

import static io.trino.testing.TestingSession.testSessionBuilder;

import io.trino.Session;
import io.trino.metastore.HiveMetastore;
import io.trino.metastore.HiveMetastoreFactory;
import io.trino.metastore.HiveType;
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
              "hive.non-managed-table-writes-enabled", "true"));
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
   * Replaces a table's data columns in the metastore and leaves its partitions as they are, each
   * with the columns it was written with: what ALTER TABLE does to a Glue table.
   */
  void replaceDataColumns(String table, List<Column> columns) {
    HiveMetastore metastore =
        ((io.trino.plugin.hive.HiveConnector) runner.getCoordinator().getConnector(CATALOG))
            .getInjector()
            .getInstance(HiveMetastoreFactory.class)
            .createMetastore(Optional.empty());
    Table old =
        metastore
            .getTable(SCHEMA, table)
            .orElseThrow(
                () -> new IllegalStateException("no table " + table + " in the metastore"));
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
