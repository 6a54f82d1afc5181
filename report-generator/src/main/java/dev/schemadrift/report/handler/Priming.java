package dev.schemadrift.report.handler;

import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.local.MemoryObjectStore;
import dev.schemadrift.report.Notifications;
import dev.schemadrift.report.ReportGenerator;
import dev.schemadrift.report.ReportRequest;
import dev.schemadrift.snapstart.SnapStartPriming;
import dev.schemadrift.snapstart.TelemetryPriming;
import java.nio.charset.StandardCharsets;

/**
 * Warms ReportGeneratorFunction before Lambda SnapStart takes its snapshot: one whole generation
 * (event, manifest, diff, Markdown and HTML reports, index state, latest.html, index.html and a
 * notification message, which is built and dropped) on an in-memory bucket. So FreeMarker's
 * templates, Jackson and the first JIT tiers are in the snapshot instead of being paid by the first
 * invocation after every restore. Pure: no network, no clock, no randomness, nothing written
 * outside memory.
 */
public final class Priming {
  private static final String BUCKET = "priming";
  private static final RunId RUN = new RunId("20260101T000000Z");

  private static final String CONTRACT =
      """
      {"contract_version": "1.0.0", "database": "priming", "table": "orders",
       "owner": "priming@example.org",
       "data_location": "s3://priming-bucket/orders/", "format": "parquet",
       "columns": [
         {"name": "id", "type": "bigint", "required": true},
         {"name": "amount", "type": "decimal(12,2)"},
         {"name": "customer", "type": "struct<name:varchar(64),tags:array<string>>"},
         {"name": "status", "type": "string"}
       ],
       "policy": {"waivers": [{"rule": "COLUMN_TYPE_WIDENED", "path": "id", "reason": "priming",
         "owner": "priming@example.org", "expires": "2099-12-31"}]}}
      """;

  private static final String TABLE =
      """
      {"Table": {"Name": "orders", "DatabaseName": "priming", "TableType": "EXTERNAL_TABLE",
        "Parameters": {"classification": "parquet"},
        "StorageDescriptor": {
          "Columns": [
            {"Name": "id", "Type": "bigint"},
            {"Name": "amount", "Type": "decimal(14,2)"},
            {"Name": "customer", "Type": "struct<name:varchar(32),tags:array<string>,vip:boolean>"},
            {"Name": "note", "Type": "string"}
          ],
          "Location": "s3://priming-bucket/orders/",
          "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
          "SerdeInfo": {"SerializationLibrary":
            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"}},
        "PartitionKeys": [], "VersionId": "1"}}
      """;

  private Priming() {}

  /** Registers {@link #prime()} to run before the SnapStart snapshot; keep the result. */
  public static SnapStartPriming register() {
    return SnapStartPriming.register(Priming::prime);
  }

  /** One generation on an in-memory bucket; returns the bytes of index.html written. */
  public static int prime() {
    Contract contract =
        ContractReader.read("priming/orders.json", CONTRACT.getBytes(StandardCharsets.UTF_8));
    DiffArtifact artifact =
        TableCheck.compared(
            RUN,
            new DiffArtifact.ContractInfo(
                "contracts/priming/orders.json",
                contract.contractVersion(),
                Fingerprint.sha256(CONTRACT.getBytes(StandardCharsets.UTF_8))),
            contract,
            GlueTableReader.readOne(
                "priming/orders.table.json", TABLE.getBytes(StandardCharsets.UTF_8)),
            new DiffArtifact.DataProbe(contract.dataLocation(), true),
            false);
    String diffKey = BucketLayout.diff(artifact.table(), RUN.value());
    String manifestKey = BucketLayout.manifest(RUN.value());
    String manifest =
        """
        {"manifest_version": 1, "run_id": "%s", "mode": "registry", "totals": {},
         "tables": [{"database": "priming", "table": "orders", "status": "%s", "diff_key": "%s",
           "contract_key": "contracts/priming/orders.json", "owner": "priming@example.org",
           "tags": ["priming"], "counts": {}, "error": null, "write_error": null}],
         "skipped": [], "not_found": [], "next_cursor": null}
        """
            .formatted(RUN.value(), artifact.status().name(), diffKey);
    MemoryObjectStore bucket = new MemoryObjectStore();
    bucket.put(BUCKET, diffKey, ArtifactJson.write(artifact), "application/json");
    bucket.put(BUCKET, manifestKey, manifest.getBytes(StandardCharsets.UTF_8), "application/json");
    ReportRequest.read(
        ("{\"manifest_key\": \"" + manifestKey + "\"}").getBytes(StandardCharsets.UTF_8), BUCKET);
    new ReportGenerator(
            bucket, BUCKET, 1, Notifications.to(notification -> {}, BUCKET, "https://priming"))
        .generateRun(manifestKey);
    TelemetryPriming.prime();
    return bucket.get(BUCKET, BucketLayout.INDEX).orElseThrow().length;
  }
}
