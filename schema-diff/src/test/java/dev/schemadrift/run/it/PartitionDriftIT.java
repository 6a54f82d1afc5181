package dev.schemadrift.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.aws.S3ObjectStore;
import dev.schemadrift.catalog.GluePartition;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.json.Json;
import dev.schemadrift.port.ReportTrigger;
import dev.schemadrift.run.RunRequest;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.SchemaDiffRun;
import dev.schemadrift.run.aws.GlueCatalog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Partition drift against moto with real Glue partitions, made as crawlers and writers make them
 * (CreatePartition, BatchCreatePartition): the run reads them in one GetPartitions call per table
 * and reports what Athena would do with each.
 */
class PartitionDriftIT {
  private static final String CONTRACTS = "it-partition-contracts";
  private static final String REPORTS = "it-partition-reports";
  private static final String DATA = "it-partition-data";
  private static final String PARQUET_SERDE =
      "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
  private static final String PARQUET_INPUT =
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
  private static final String TEXT_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
  private static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
  private static final RunId RUN = new RunId("20261126T080000Z");

  private final CallCounter calls = new CallCounter();
  private S3Client s3;
  private GlueClient glue;
  private GlueCatalog catalog;

  @BeforeEach
  void freshEmulator() {
    Moto.reset();
    AwsClients clients = Moto.clients(calls);
    s3 = clients.s3();
    glue = clients.build(GlueClient.builder(), "GLUE");
    catalog = new GlueCatalog(glue);
    for (String bucket : List.of(CONTRACTS, REPORTS, DATA)) {
      s3.createBucket(request -> request.bucket(bucket));
    }
    glue.createDatabase(request -> request.databaseInput(input -> input.name("it_sales")));
    glue.createTable(
        request ->
            request
                .databaseName("it_sales")
                .tableInput(
                    input ->
                        input
                            .name("orders")
                            .tableType("EXTERNAL_TABLE")
                            .partitionKeys(Column.builder().name("dt").type("string").build())
                            .storageDescriptor(
                                storage(
                                    "s3://" + DATA + "/it_sales/orders/",
                                    PARQUET_SERDE,
                                    PARQUET_INPUT,
                                    "id:bigint",
                                    "amount:bigint",
                                    "note:string"))));
    // A crawler's single partition with the table's schema, then a writer's batch: one partition
    // whose amount became double (Athena cannot read it as bigint), one registered as text.
    glue.createPartition(
        request ->
            request
                .databaseName("it_sales")
                .tableName("orders")
                .partitionInput(
                    partition(
                        "2024-01-02",
                        PARQUET_SERDE,
                        PARQUET_INPUT,
                        "id:bigint",
                        "amount:bigint",
                        "note:string")));
    glue.batchCreatePartition(
        request ->
            request
                .databaseName("it_sales")
                .tableName("orders")
                .partitionInputList(
                    partition(
                        "2024-01-01",
                        PARQUET_SERDE,
                        PARQUET_INPUT,
                        "id:bigint",
                        "amount:double",
                        "note:string"),
                    partition(
                        "2024-01-03",
                        TEXT_SERDE,
                        TEXT_INPUT,
                        "id:string",
                        "amount:string",
                        "note:string")));
    put(DATA, "it_sales/orders/dt=2024-01-01/part-00000.parquet", "PAR1 data");
    put(
        CONTRACTS,
        "contracts/it_sales/orders.json",
        "{\"contract_version\":\"1.0.0\",\"database\":\"it_sales\",\"table\":\"orders\","
            + "\"data_location\":\"s3://"
            + DATA
            + "/it_sales/orders/\",\"format\":\"parquet\",\"columns\":["
            + "{\"name\":\"id\",\"type\":\"bigint\"},{\"name\":\"amount\",\"type\":\"bigint\"},"
            + "{\"name\":\"note\",\"type\":\"string\"}],"
            + "\"partition_keys\":[{\"name\":\"dt\",\"type\":\"string\"}]}");
    calls.clear();
  }

  @Test
  void theRunReadsThePartitionsOnceAndReportsWhatAthenaWouldDo() throws IOException {
    new SchemaDiffRun(
            new RunSettings(CONTRACTS, REPORTS, null, null, 1000, 4, null, null),
            new S3ObjectStore(s3),
            catalog,
            ReportTrigger.NONE)
        .execute(new RunRequest(RUN, "contracts/it_sales/orders.json", List.of()));

    assertEquals(1, calls.count("Glue", "GetPartitions"), calls.snapshot().toString());
    JsonNode artifact =
        Json.mapper()
            .readTree(
                s3.getObjectAsBytes(
                        request ->
                            request
                                .bucket(REPORTS)
                                .key("diffs/it_sales.orders/" + RUN + ".diff.json"))
                    .asByteArray());
    assertEquals("BREAKING", artifact.path("status").asText());
    List<String> findings = new ArrayList<>();
    for (JsonNode finding : artifact.path("findings")) {
      findings.add(
          finding.path("rule").asText()
              + " "
              + finding.path("path").asText()
              + " "
              + finding.path("severity").asText()
              + " "
              + finding.path("expected").asText()
              + " -> "
              + finding.path("actual").asText());
    }
    assertEquals(
        List.of(
            "PARTITION_SCHEMA_MISMATCH @partition[dt=2024-01-01].amount BREAKING bigint -> double",
            "PARTITION_FORMAT_MISMATCH @partition[dt=2024-01-03] BREAKING parquet -> csv"),
        findings);
    JsonNode sample = artifact.path("catalog").path("partitions");
    assertEquals(3, sample.path("read").asInt());
    assertEquals("dt=2024-01-01", sample.path("first").asText());
    assertEquals("dt=2024-01-03", sample.path("last").asText());
    assertFalse(sample.path("more").asBoolean());
  }

  @Test
  void aSmallerSampleIsOneCallAndSaysThatGlueHoldsMore() {
    GlueTable table = catalog.table("it_sales", "orders").orElseThrow();

    PartitionSample sample = catalog.partitions(table, 2).orElseThrow();

    // moto ignores MaxResults; the adapter keeps the first page's worth and says more follow.
    assertEquals(1, calls.count("Glue", "GetPartitions"));
    assertEquals(2, sample.partitions().size());
    assertTrue(sample.more());
    GluePartition first = sample.partitions().getFirst();
    assertEquals(PARQUET_SERDE, first.serdeLibrary());
    assertEquals(3, first.columns().size());
    assertEquals(
        "s3://" + DATA + "/it_sales/orders/dt=" + first.values().getFirst() + "/",
        first.location());
  }

  private static StorageDescriptor storage(
      String location, String serde, String input, String... columns) {
    List<Column> glueColumns = new ArrayList<>();
    for (String column : columns) {
      String[] parts = column.split(":");
      glueColumns.add(Column.builder().name(parts[0]).type(parts[1]).build());
    }
    return StorageDescriptor.builder()
        .columns(glueColumns)
        .location(location)
        .inputFormat(input)
        .serdeInfo(SerDeInfo.builder().serializationLibrary(serde).build())
        .build();
  }

  private static PartitionInput partition(
      String day, String serde, String input, String... columns) {
    return PartitionInput.builder()
        .values(day)
        .storageDescriptor(
            storage("s3://" + DATA + "/it_sales/orders/dt=" + day + "/", serde, input, columns))
        .build();
  }

  private void put(String bucket, String key, String body) {
    s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString(body));
  }
}
