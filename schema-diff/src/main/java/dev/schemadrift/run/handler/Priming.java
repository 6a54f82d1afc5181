package dev.schemadrift.run.handler;

import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.run.RunEvent;
import dev.schemadrift.run.event.SqsBatch;
import dev.schemadrift.snapstart.SnapStartPriming;
import dev.schemadrift.snapstart.TelemetryPriming;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Warms the function before Lambda SnapStart takes its snapshot: reads an event, a contract and a
 * Glue table, diffs them and writes the artifact, so the classes, the Jackson serializers and the
 * first JIT tiers are in the snapshot instead of being paid by the first invocation after every
 * restore. Pure: no network, no clock, no randomness (the snapshot is shared by every restore).
 */
public final class Priming {
  private static final RunId RUN = new RunId("20260101T000000Z");

  private static final String EVENT = "{\"contract_key\":\"priming/orders.json\"}";

  /** A change-events batch of one Glue table change: the event path's parsing. */
  private static final String BATCH =
      """
      {"Records": [{"messageId": "priming", "eventSource": "aws:sqs", "body":
        "{\\"source\\": \\"aws.glue\\", \\"detail-type\\": \\"Glue Data Catalog Table State Change\\",\
       \\"time\\": \\"2026-01-01T00:00:00Z\\", \\"detail\\": {\\"databaseName\\": \\"priming\\",\
       \\"tableName\\": \\"orders\\", \\"typeOfChange\\": \\"UpdateTable\\"}}"}]}
      """;

  private static final String CONTRACT =
      """
      {"contract_version": "1.0.0", "database": "priming", "table": "orders",
       "data_location": "s3://priming-bucket/orders/", "format": "parquet",
       "columns": [
         {"name": "id", "type": "bigint", "required": true, "description": "Order id"},
         {"name": "placed_at", "type": "timestamp"},
         {"name": "amount", "type": "decimal(12,2)"},
         {"name": "customer", "type": "struct<name:varchar(64),tags:array<string>>"},
         {"name": "lines", "type": "array<struct<sku:string,quantity:int,price:double>>"},
         {"name": "attributes", "type": "map<string,string>", "previous_names": ["attrs"]},
         {"name": "channel", "type": "char(3)", "deprecated": true, "sunset": "2027-01-01"}
       ],
       "partition_keys": [{"name": "day", "type": "date"}],
       "policy": {"extra_columns": "warn"}}
      """;

  private static final String TABLE =
      """
      {"Table": {"Name": "orders", "DatabaseName": "priming", "TableType": "EXTERNAL_TABLE",
        "Parameters": {"classification": "parquet"},
        "StorageDescriptor": {
          "Columns": [
            {"Name": "id", "Type": "bigint"},
            {"Name": "placed_at", "Type": "timestamp"},
            {"Name": "amount", "Type": "DECIMAL(14, 2)"},
            {"Name": "customer", "Type": "struct<name:varchar(32),tags:array<string>,vip:boolean>"},
            {"Name": "lines", "Type": "array<struct<sku:string,quantity:bigint,price:double>>"},
            {"Name": "attrs", "Type": "map<string,string>"},
            {"Name": "note", "Type": "string"}
          ],
          "Location": "s3://priming-bucket/orders/",
          "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
          "OutputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
          "SerdeInfo": {"SerializationLibrary":
            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"}},
        "PartitionKeys": [{"Name": "day", "Type": "date"}],
        "VersionId": "1"}}
      """;

  private Priming() {}

  /** Registers {@link #prime()} to run before the SnapStart snapshot; keep the result. */
  public static SnapStartPriming register() {
    return SnapStartPriming.register(Priming::prime);
  }

  /** One pass through the code a table check runs; returns the artifact's size in bytes. */
  public static int prime() {
    RunEvent.read(EVENT.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
    String problem =
        SqsBatch.read(BATCH.getBytes(StandardCharsets.UTF_8)).orElseThrow().getFirst().problem();
    if (problem != null) {
      throw new IllegalStateException("the priming batch is unreadable: " + problem);
    }
    byte[] contractBytes = CONTRACT.getBytes(StandardCharsets.UTF_8);
    Contract contract = ContractReader.read("priming/orders.json", contractBytes);
    GlueTable table =
        GlueTableReader.readOne(
            "priming/orders.table.json", TABLE.getBytes(StandardCharsets.UTF_8));
    DiffArtifact artifact =
        TableCheck.compared(
            RUN,
            new DiffArtifact.ContractInfo(
                "priming/orders.json",
                contract.contractVersion(),
                Fingerprint.sha256(contractBytes)),
            contract,
            table,
            new DiffArtifact.DataProbe(contract.dataLocation(), true),
            false);
    TelemetryPriming.prime();
    return ArtifactJson.write(artifact).length;
  }
}
