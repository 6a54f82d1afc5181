package dev.schemadrift.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates a registry of many tables for the scale runs, deterministically: per table a contract
 * ({@code contracts/<db>/<table>.json}), a Glue snapshot ({@code catalog/<db>/<table>.json}, as
 * {@code aws glue get-table} prints it) and one data file ({@code data/<bucket>/<db>/<table>/}),
 * plus {@code configs/tables.json}. Every tenth table has drifted (a widened column, an added one,
 * a nested field removed), the rest match their contract. Tables are partitioned by {@code dt}
 * unless asked for without partition keys.
 */
final class ScaleRegistry {
  static final String DATA_BUCKET = "scale-data-lake";
  private static final int COLUMNS = 30;

  private ScaleRegistry() {}

  /** One generated table: its registry key, names, contract JSON and Glue snapshot JSON. */
  record Table(String contractKey, String database, String name, String contract, String glue) {}

  /** Whether the generated tables have a partition key, in the contract and in Glue alike. */
  enum Partitioning {
    PARTITIONED,
    UNPARTITIONED
  }

  static List<Table> tables(int databases, int tablesPerDatabase) {
    return tables(databases, tablesPerDatabase, Partitioning.PARTITIONED);
  }

  static List<Table> tables(int databases, int tablesPerDatabase, Partitioning partitioning) {
    List<Table> tables = new ArrayList<>(databases * tablesPerDatabase);
    for (int database = 0; database < databases; database++) {
      String databaseName = String.format(Locale.ROOT, "scale_db_%03d", database);
      for (int table = 0; table < tablesPerDatabase; table++) {
        String tableName = String.format(Locale.ROOT, "table_%05d", table);
        boolean drifted = (database * tablesPerDatabase + table) % 10 == 0;
        tables.add(
            new Table(
                "contracts/" + databaseName + "/" + tableName + ".json",
                databaseName,
                tableName,
                contract(databaseName, tableName, partitioning),
                glue(databaseName, tableName, drifted, partitioning)));
      }
    }
    return tables;
  }

  /** Writes the local layout below {@code root}; returns the registry file. */
  static Path writeLocal(Path root, List<Table> tables) throws IOException {
    for (Table table : tables) {
      write(root.resolve(table.contractKey()), table.contract());
      write(
          root.resolve("catalog").resolve(table.database()).resolve(table.name() + ".json"),
          table.glue());
      write(dataFile(root.resolve("data"), table), "PAR1");
    }
    Path registry = root.resolve("configs/tables.json");
    write(registry, registry(tables));
    return registry;
  }

  static Path dataFile(Path dataRoot, Table table) {
    return dataRoot
        .resolve(DATA_BUCKET)
        .resolve(table.database())
        .resolve(table.name())
        .resolve("part-00000.parquet");
  }

  static String registry(List<Table> tables) {
    StringBuilder json =
        new StringBuilder(
            "{\"registry_version\": 1, \"defaults\": {\"policy\": {\"compare_comments\": false}},"
                + " \"tables\": [\n");
    for (int index = 0; index < tables.size(); index++) {
      json.append(index == 0 ? "" : ",\n")
          .append("{\"contract\": \"")
          .append(tables.get(index).contractKey())
          .append("\", \"enabled\": true, \"tags\": [\"scale\"]}");
    }
    return json.append("\n]}\n").toString();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String type(String table, int column) {
    return switch (column % 10) {
      case 0 -> "bigint";
      case 1 -> "string";
      case 2 -> "decimal(18,4)";
      case 3 -> "struct<id:bigint,label:varchar(64)," + table + "_" + column + ":double>";
      case 4 -> "timestamp";
      case 5 -> "array<struct<code:int,value:string>>";
      case 6 -> "int";
      case 7 -> "map<string,string>";
      case 8 -> "date";
      default -> "varchar(255)";
    };
  }

  private static String contract(String database, String table, Partitioning partitioning) {
    StringBuilder json = new StringBuilder();
    json.append("{\"contract_version\": \"1.0.0\", \"database\": \"")
        .append(database)
        .append("\", \"table\": \"")
        .append(table)
        .append("\", \"owner\": \"team@example.org\", \"data_location\": \"s3://")
        .append(DATA_BUCKET)
        .append('/')
        .append(database)
        .append('/')
        .append(table)
        .append("/\", \"format\": \"parquet\", \"columns\": [\n");
    for (int column = 0; column < COLUMNS; column++) {
      json.append(column == 0 ? "" : ",\n")
          .append("  {\"name\": \"col_")
          .append(column)
          .append("\", \"type\": \"")
          .append(type(table, column))
          .append("\"}");
    }
    json.append("\n]");
    switch (partitioning) {
      case PARTITIONED ->
          json.append(", \"partition_keys\": [{\"name\": \"dt\", \"type\": \"date\"}]");
      case UNPARTITIONED -> {}
    }
    return json.append("}\n").toString();
  }

  private static String glue(
      String database, String table, boolean drifted, Partitioning partitioning) {
    StringBuilder json = new StringBuilder();
    json.append("{\"Table\": {\"Name\": \"")
        .append(table)
        .append("\", \"DatabaseName\": \"")
        .append(database)
        .append("\", \"TableType\": \"EXTERNAL_TABLE\",")
        .append(" \"Parameters\": {\"classification\": \"parquet\"},")
        .append(" \"StorageDescriptor\": {\"Columns\": [\n");
    int columns = drifted ? COLUMNS + 1 : COLUMNS;
    for (int column = 0; column < columns; column++) {
      String type = column < COLUMNS ? type(table, column) : "string";
      if (drifted && column == 6) {
        type = "bigint";
      }
      if (drifted && column == 3) {
        type = type.replace("label:varchar(64),", "");
      }
      json.append(column == 0 ? "" : ",\n")
          .append("  {\"Name\": \"col_")
          .append(column)
          .append("\", \"Type\": \"")
          .append(type)
          .append("\"}");
    }
    json.append("\n], \"Location\": \"s3://")
        .append(DATA_BUCKET)
        .append('/')
        .append(database)
        .append('/')
        .append(table)
        .append("/\",")
        .append(
            " \"InputFormat\": \"org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat\",")
        .append(
            " \"OutputFormat\": \"org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat\",")
        .append(
            " \"SerdeInfo\": {\"SerializationLibrary\":"
                + " \"org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe\"}},")
        .append(
            switch (partitioning) {
              case PARTITIONED -> " \"PartitionKeys\": [{\"Name\": \"dt\", \"Type\": \"date\"}],";
              case UNPARTITIONED -> " \"PartitionKeys\": [],";
            })
        .append(" \"VersionId\": \"1\"}}\n");
    return json.toString();
  }
}
