package dev.schemadrift.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.aws.S3ObjectStore;
import dev.schemadrift.json.Json;
import dev.schemadrift.port.ReportTrigger;
import dev.schemadrift.run.RunRequest;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.SchemaDiffRun;
import dev.schemadrift.run.aws.GlueCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.GlueRequest;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The other table kinds of issue 16 on moto, registered as their tools register them: an Athena
 * view, a table synced by Hudi's Glue sync, and a table of another account's catalog. The whole run
 * (S3 contracts and data, Glue, artifacts) goes through the real SDK adapters.
 *
 * <p>Emulator quirk (moto 5): Glue accepts a CatalogId on every call but keeps one catalog per
 * request account: tables created "in" another catalog are visible in every catalog, and a table
 * reports the caller's account as its CatalogId. Only the database remembers the CatalogId it was
 * created with. So the catalog test checks what is real here (each request carries the CatalogId on
 * the wire, moto accepts it, the run finds and records the table) and the unit tests
 * (GlueCatalogTest, SchemaDiffRunTest with a per-account fake) check the isolation.
 */
class TableKindsIT {
  private static final String CONTRACTS = "kinds-contracts";
  private static final String REPORTS = "kinds-reports";
  private static final String DATA = "kinds-lake";
  private static final String OTHER_ACCOUNT = "111122223333";
  private static final RunId RUN = new RunId("20261206T080000Z");

  private final List<String> glueCatalogIds = new CopyOnWriteArrayList<>();
  private S3Client s3;
  private GlueClient glue;
  private GlueCatalog catalog;

  @BeforeEach
  void freshEmulator() {
    Moto.reset();
    AwsClients clients = Moto.clients(new CatalogIdRecorder());
    s3 = clients.s3();
    glue = clients.build(GlueClient.builder(), "GLUE");
    catalog = new GlueCatalog(glue);
    for (String bucket : List.of(CONTRACTS, REPORTS, DATA)) {
      s3.createBucket(request -> request.bucket(bucket));
    }
    glue.createDatabase(request -> request.databaseInput(input -> input.name("kinds")));
    glueCatalogIds.clear();
  }

  /** The CatalogId of every Glue request as the SDK sends it ("-" for none). */
  private final class CatalogIdRecorder implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof GlueRequest request) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String catalogId = request.getValueForField("CatalogId", String.class).orElse("-");
        glueCatalogIds.add(operation + ":" + catalogId);
      }
    }
  }

  @Test
  void anAthenaViewIsComparedByNameWithoutAProbeAndATableThatBecameAViewIsBreaking() {
    // As Athena's CREATE VIEW registers it: VIRTUAL_VIEW, presto_view, the encoded view text.
    glue.createTable(
        request ->
            request
                .databaseName("kinds")
                .tableInput(
                    TableInput.builder()
                        .name("orders_view")
                        .tableType("VIRTUAL_VIEW")
                        .parameters(Map.of("presto_view", "true", "comment", "Presto View"))
                        .viewOriginalText("/* Presto View: eyJvcmlnaW5hbFNxbCI6IlNFTEVDVCAxIn0= */")
                        .viewExpandedText("/* Presto View */")
                        .storageDescriptor(
                            StorageDescriptor.builder()
                                .columns(column("customer", "string"), column("id", "bigint"))
                                .serdeInfo(SerDeInfo.builder().build())
                                .build())
                        .build()));
    contract(
        "orders_view.json",
        "{\"contract_version\": \"1.0.0\", \"database\": \"kinds\", \"table\": \"orders_view\","
            + " \"format\": \"view\", \"columns\": [{\"name\": \"id\", \"type\": \"bigint\"},"
            + " {\"name\": \"customer\", \"type\": \"string\"}]}");
    contract("became_view.json", parquetContract("orders_view", null));
    data("kinds/orders_view/part-00000.parquet");

    run("orders_view.json");
    JsonNode view = artifact("orders_view");
    run("became_view.json");
    JsonNode becameView = artifact("orders_view");

    assertEquals("SAFE", view.path("status").asText(), view.toString());
    assertEquals("COLUMNS_REORDERED", view.path("findings").get(0).path("rule").asText());
    assertTrue(view.path("data_probe").isNull(), "a view has no data to probe");
    assertEquals("view", view.path("catalog").path("file_family").asText());
    assertEquals("BREAKING", becameView.path("status").asText(), becameView.toString());
    // Findings are sorted by path: @columns (the reorder, SAFE by name) before @table.
    assertEquals(2, becameView.path("findings").size(), becameView.toString());
    JsonNode typeChanged = becameView.path("findings").get(1);
    assertEquals("TABLE_TYPE_CHANGED", typeChanged.path("rule").asText());
    assertEquals("BREAKING", typeChanged.path("severity").asText());
    assertEquals("VIRTUAL_VIEW", typeChanged.path("actual").asText());
  }

  @Test
  void aMissingViewIsTableMissingAndNeverCreated() {
    contract(
        "ghost_view.json",
        "{\"contract_version\": \"1.0.0\", \"database\": \"kinds\", \"table\": \"ghost_view\","
            + " \"format\": \"view\", \"policy\": {\"create_if_missing\": true},"
            + " \"columns\": [{\"name\": \"id\", \"type\": \"bigint\"}]}");

    run("ghost_view.json");

    JsonNode artifact = artifact("ghost_view");
    assertEquals("BREAKING", artifact.path("status").asText());
    assertEquals("TABLE_MISSING", artifact.path("findings").get(0).path("rule").asText());
    assertFalse(glueCatalogIds.stream().anyMatch(call -> call.startsWith("CreateTable")));
    assertTrue(glue.getTables(request -> request.databaseName("kinds")).tableList().isEmpty());
  }

  @Test
  void aHudiSyncedTableIsComparedWithoutItsMetadataColumns() {
    // As Hudi's Glue sync (AwsGlueCatalogSyncTool) registers a copy-on-write table.
    glue.createTable(
        request ->
            request
                .databaseName("kinds")
                .tableInput(
                    TableInput.builder()
                        .name("orders")
                        .tableType("EXTERNAL_TABLE")
                        .parameters(
                            Map.of(
                                "EXTERNAL", "TRUE",
                                "last_commit_time_sync", "20261206075959123",
                                "spark.sql.sources.provider", "hudi"))
                        .storageDescriptor(
                            StorageDescriptor.builder()
                                .columns(
                                    column("_hoodie_commit_time", "string"),
                                    column("_hoodie_commit_seqno", "string"),
                                    column("_hoodie_record_key", "string"),
                                    column("_hoodie_partition_path", "string"),
                                    column("_hoodie_file_name", "string"),
                                    column("id", "bigint"),
                                    column("customer", "string"))
                                .location("s3://" + DATA + "/kinds/orders/")
                                .inputFormat("org.apache.hudi.hadoop.HoodieParquetInputFormat")
                                .outputFormat(
                                    "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                                .serdeInfo(
                                    SerDeInfo.builder()
                                        .serializationLibrary(
                                            "org.apache.hadoop.hive.ql.io.parquet.serde"
                                                + ".ParquetHiveSerDe")
                                        .parameters(Map.of("hoodie.query.as.ro.table", "false"))
                                        .build())
                                .build())
                        .build()));
    data("kinds/orders/.hoodie/hoodie.properties");
    data("kinds/orders/abc-0_0-1-1_20261206075959123.parquet");
    contract("orders.json", parquetContract("orders", null));

    run("orders.json");

    JsonNode artifact = artifact("orders");
    assertEquals("OK", artifact.path("status").asText(), artifact.toString());
    assertEquals(
        "[\"_hoodie_commit_time\",\"_hoodie_commit_seqno\",\"_hoodie_record_key\","
            + "\"_hoodie_partition_path\",\"_hoodie_file_name\"]",
        artifact.path("catalog").path("set_aside_columns").toString());
  }

  @Test
  void everyGlueCallForAnotherAccountsTableCarriesItsCatalogId() {
    data("mesh/orders/part-00000.parquet");
    contract(
        "mesh_orders.json",
        parquetContract("orders", OTHER_ACCOUNT)
            .replace("\"kinds\"", "\"mesh\"")
            .replace("/kinds/orders/", "/mesh/orders/"));

    run("mesh_orders.json");

    JsonNode artifact = artifact("mesh", "orders");
    assertEquals(OTHER_ACCOUNT, artifact.path("catalog_id").asText());
    assertEquals("OK", artifact.path("status").asText(), artifact.toString());
    assertTrue(artifact.path("created_table").asBoolean());
    assertEquals(
        List.of(
            "GetTables:" + OTHER_ACCOUNT,
            "CreateDatabase:" + OTHER_ACCOUNT,
            "CreateTable:" + OTHER_ACCOUNT,
            "GetTable:" + OTHER_ACCOUNT),
        glueCatalogIds);
    // What moto does keep: the database remembers the catalog it was created in.
    assertEquals(
        OTHER_ACCOUNT,
        glue.getDatabase(request -> request.catalogId(OTHER_ACCOUNT).name("mesh"))
            .database()
            .catalogId());
  }

  // ------------------------------------------------------------------------------- helpers

  private static Column column(String name, String type) {
    return Column.builder().name(name).type(type).build();
  }

  private static String parquetContract(String table, String catalogId) {
    return "{\"contract_version\": \"1.0.0\", \"database\": \"kinds\", \"table\": \""
        + table
        + "\","
        + (catalogId == null ? "" : " \"catalog_id\": \"" + catalogId + "\",")
        + " \"data_location\": \"s3://"
        + DATA
        + "/kinds/"
        + table
        + "/\", \"format\": \"parquet\", \"policy\": {\"create_if_missing\": true},"
        + " \"columns\": [{\"name\": \"id\", \"type\": \"bigint\"},"
        + " {\"name\": \"customer\", \"type\": \"string\"}]}";
  }

  private void contract(String key, String json) {
    s3.putObject(
        request -> request.bucket(CONTRACTS).key(key),
        RequestBody.fromString(json, StandardCharsets.UTF_8));
  }

  private void data(String key) {
    s3.putObject(request -> request.bucket(DATA).key(key), RequestBody.fromString("bytes"));
  }

  private void run(String contractKey) {
    RunSettings settings =
        new RunSettings(CONTRACTS, REPORTS, null, null, 1000, 2, "report-function", null);
    new SchemaDiffRun(settings, new S3ObjectStore(s3), catalog, ReportTrigger.NONE)
        .execute(new RunRequest(RUN, contractKey, List.of()));
  }

  private JsonNode artifact(String table) {
    return artifact("kinds", table);
  }

  private JsonNode artifact(String database, String table) {
    String key = "diffs/" + database + "." + table + "/" + RUN.value() + ".diff.json";
    byte[] bytes = s3.getObjectAsBytes(request -> request.bucket(REPORTS).key(key)).asByteArray();
    return Json.readTree(key, bytes);
  }
}
