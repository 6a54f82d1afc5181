package dev.schemadrift.report;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GluePartition;
import dev.schemadrift.catalog.GluePartitionReader;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.error.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Diff artifacts made the way SchemaDiffFunction makes them ({@link TableCheck} on a contract and a
 * Glue table), for report tests.
 */
final class Artifacts {
  static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private Artifacts() {}

  /** A contract; {@code columns} and {@code policy} are JSON (policy may be "{}"). */
  static String contract(
      String database, String table, String format, String columns, String policy) {
    return contract(database, table, format, columns, "[]", policy);
  }

  /** A contract with partition keys (a JSON array of contract columns). */
  static String contract(
      String database,
      String table,
      String format,
      String columns,
      String partitionKeys,
      String policy) {
    return """
        {"contract_version": "1.2.0", "database": "%s", "table": "%s",
         "owner": "data@example.org",
         "data_location": "s3://example-data/%s/%s/",
         "format": "%s", "columns": %s, "partition_keys": %s, "policy": %s}
        """
        .formatted(database, table, database, table, format, columns, partitionKeys, policy);
  }

  /** A Parquet Glue table; {@code columns} is a JSON array of Glue columns. */
  static String parquetTable(
      String database, String table, String columns, String location, String partitionKeys) {
    return """
        {"Table": {"Name": "%s", "DatabaseName": "%s", "TableType": "EXTERNAL_TABLE",
          "VersionId": "7", "UpdateTime": "2026-11-20T10:00:00+00:00",
          "Parameters": {"classification": "parquet"},
          "StorageDescriptor": {"Columns": %s, "Location": "%s",
            "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "SerdeInfo": {"SerializationLibrary":
              "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"}},
          "PartitionKeys": %s}}
        """
        .formatted(table, database, columns, location, partitionKeys);
  }

  static DiffArtifact compared(String run, String contractJson, String tableJson) {
    Contract contract = contract(contractJson);
    return TableCheck.compared(
        new RunId(run),
        info(contract),
        contract,
        GlueTableReader.readOne("table.json", bytes(tableJson)),
        new DiffArtifact.DataProbe(contract.dataLocation(), true),
        false);
  }

  /**
   * A compared table with its partitions ({@code aws glue get-partitions} output), all of them in
   * the sample of {@code limit}.
   */
  static DiffArtifact comparedWithPartitions(
      String run, String contractJson, String tableJson, String partitionsJson, int limit) {
    return comparedWithPartitions(run, contractJson, tableJson, partitionsJson, limit, null);
  }

  /** As above, with partitions an earlier run read ({@code readIn}, or null: read now). */
  static DiffArtifact comparedWithPartitions(
      String run,
      String contractJson,
      String tableJson,
      String partitionsJson,
      int limit,
      String readIn) {
    Contract contract = contract(contractJson);
    List<GluePartition> partitions =
        GluePartitionReader.read("partitions.json", bytes(partitionsJson));
    return TableCheck.compared(
        new RunId(run),
        info(contract),
        contract,
        GlueTableReader.readOne("table.json", bytes(tableJson)),
        readIn == null
            ? PartitionSample.read(limit, partitions, false)
            : PartitionSample.read(limit, partitions, false).readIn(readIn),
        new DiffArtifact.DataProbe(contract.dataLocation(), true),
        false);
  }

  static DiffArtifact noData(String run, String contractJson) {
    Contract contract = contract(contractJson);
    return TableCheck.noData(
        new RunId(run),
        info(contract),
        contract,
        new DiffArtifact.DataProbe(contract.dataLocation(), false));
  }

  /**
   * An ERROR artifact whose kind is spelled as an artifact may spell it: the tests also use kinds
   * this version does not know, which an artifact keeps as written.
   */
  static DiffArtifact error(String run, String database, String table, String kind, String text) {
    DiffArtifact made =
        TableCheck.error(
            new RunId(run),
            new DiffArtifact.TableName(database, table),
            new DiffArtifact.ContractInfo(
                "contracts/" + database + "/" + table + ".json", null, SHA256),
            ErrorKind.named(kind),
            text);
    return new DiffArtifact(
        made.artifactVersion(),
        made.runId(),
        made.table(),
        made.status(),
        made.createdTable(),
        made.contract(),
        made.catalog(),
        made.dataProbe(),
        made.counts(),
        made.findings(),
        made.unusedWaivers(),
        DiffArtifact.ErrorInfo.read(kind, text));
  }

  static Contract contract(String json) {
    return ContractReader.read("contract.json", bytes(json));
  }

  private static DiffArtifact.ContractInfo info(Contract contract) {
    return new DiffArtifact.ContractInfo(
        "contracts/" + contract.database() + "/" + contract.table() + ".json",
        contract.contractVersion(),
        SHA256);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
