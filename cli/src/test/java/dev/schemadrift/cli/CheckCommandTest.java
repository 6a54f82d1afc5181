package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code schema-drift check} on local folders: every exit code, the artifacts under {@code --out},
 * the summary, the CI outputs, progress levels, the repository's demo and determinism.
 */
class CheckCommandTest {
  private static final String RUN_ID = "20261126T080000Z";
  private static final String DATABASE = "sales";
  private static final List<String> STATUSES =
      List.of("OK", "SAFE", "RISKY", "BREAKING", "NO_DATA", "ERROR");

  /** What the catalog snapshot (and the data folder) of a fixture table look like. */
  private enum Shape {
    /** Glue holds exactly the contract. */
    OK,
    /** An extra column after the contract's: COLUMN_ADDED is SAFE. */
    SAFE,
    /** The table moved: TABLE_LOCATION_CHANGED is RISKY. */
    RISKY,
    /** A contract column is gone: COLUMN_REMOVED is BREAKING. */
    BREAKING,
    /** As BREAKING, but the contract waives the removal: OK with one waived finding. */
    WAIVED,
    /** Glue holds a type string that does not parse, with a line break in it: ERROR. */
    ERROR,
    /** Glue matches, but the data folder holds only a _SUCCESS marker: NO_DATA. */
    NO_DATA,
    /** No snapshot at all: TABLE_MISSING, or with --create-missing made from the contract. */
    MISSING
  }

  @TempDir Path root;
  private Path contracts;
  private Path catalog;
  private Path data;
  private Path out;

  @BeforeEach
  void folders() throws IOException {
    contracts = Files.createDirectories(root.resolve("contracts"));
    catalog = Files.createDirectories(root.resolve("catalog"));
    data = Files.createDirectories(root.resolve("data"));
    // Not created: check must make it.
    out = root.resolve("out");
  }

  // ------------------------------------------------------------------------------- exit 0, 1

  @Test
  void everyTableOkExitsZeroAndWritesArtifactsAndManifest() throws IOException {
    table("orders", Shape.OK);
    table("customers", Shape.OK);

    CliRun run = check();

    assertEquals(0, run.exitCode(), run.describe());
    for (String table : List.of("orders", "customers")) {
      JsonNode artifact = artifact(table);
      assertEquals("OK", artifact.get("status").asText(), table);
      assertEquals(RUN_ID, artifact.get("run_id").asText());
      assertEquals(DATABASE, artifact.at("/table/database").asText());
      assertEquals(table, artifact.at("/table/name").asText());
      assertEquals("contracts/sales/" + table + ".json", artifact.at("/contract/key").asText());
      assertEquals(0, artifact.get("findings").size());
      assertFalse(artifact.get("created_table").asBoolean());
      assertTrue(artifact.at("/data_probe/has_data").asBoolean());
    }
    JsonNode manifest = manifest();
    assertEquals(RUN_ID, manifest.get("run_id").asText());
    assertEquals(2, manifest.at("/totals/OK").asInt());
    assertEquals(2, manifest.get("tables").size());
    for (JsonNode line : manifest.get("tables")) {
      String diffKey = line.get("diff_key").asText();
      assertEquals(
          "diffs/sales." + line.get("table").asText() + "/" + RUN_ID + ".diff.json", diffKey);
      assertTrue(Files.isRegularFile(out.resolve(diffKey)), diffKey);
    }
    assertTotals(run.out(), Map.of("OK", 2));
    assertFalse(run.out().contains("Not OK"), run.out());
    assertTrue(
        run.out().startsWith("schema-drift: run " + RUN_ID + ", 2 tables in "), run.describe());
    assertTrue(
        run.out().contains("Manifest: " + out.resolve("runs/" + RUN_ID + ".json")), run.out());
  }

  @Test
  void breakingWithoutFailOnExitsZero() throws IOException {
    table("orders", Shape.BREAKING);

    CliRun run = check();

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("BREAKING", artifact("orders").get("status").asText());
    assertEquals("COLUMN_REMOVED", artifact("orders").at("/findings/0/rule").asText());
  }

  @Test
  void breakingWithFailOnBreakingExitsOne() throws IOException {
    table("orders", Shape.BREAKING);
    table("customers", Shape.OK);

    CliRun run = check("--fail-on", "BREAKING");

    assertEquals(1, run.exitCode(), run.describe());
    assertTrue(Files.isRegularFile(manifestFile()), "the run still writes everything");
  }

  @Test
  void riskyWithFailOnRiskyExitsOne() throws IOException {
    table("orders", Shape.RISKY);

    CliRun run = check("--fail-on", "RISKY");

    assertEquals(1, run.exitCode(), run.describe());
    assertEquals("RISKY", artifact("orders").get("status").asText());
    assertEquals("TABLE_LOCATION_CHANGED", artifact("orders").at("/findings/0/rule").asText());
  }

  @Test
  void riskyBelowFailOnBreakingExitsZero() throws IOException {
    table("orders", Shape.RISKY);

    CliRun run = check("--fail-on", "BREAKING");

    assertEquals(0, run.exitCode(), run.describe());
  }

  @Test
  void safeBelowFailOnRiskyExitsZero() throws IOException {
    table("orders", Shape.SAFE);

    CliRun run = check("--fail-on", "RISKY");

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("SAFE", artifact("orders").get("status").asText());
  }

  @Test
  void noDataNeverFailsAndOnlyMarkersAreNoData() throws IOException {
    table("orders", Shape.NO_DATA);

    CliRun run = check("--fail-on", "SAFE");

    assertEquals(0, run.exitCode(), run.describe());
    JsonNode artifact = artifact("orders");
    assertEquals("NO_DATA", artifact.get("status").asText());
    assertFalse(artifact.at("/data_probe/has_data").asBoolean());
    assertEquals("s3://lake/sales/orders/", artifact.at("/data_probe/location").asText());
    assertTrue(
        Pattern.compile(
                "(?m)^  NO_DATA\\s+sales\\.orders\\s+no data files at s3://lake/sales/orders/$")
            .matcher(run.out())
            .find(),
        run.out());
  }

  @Test
  void aWaivedFindingLeavesTheTableOk() throws IOException {
    table("orders", Shape.WAIVED);

    CliRun run = check("--fail-on", "SAFE");

    assertEquals(0, run.exitCode(), run.describe());
    JsonNode artifact = artifact("orders");
    assertEquals("OK", artifact.get("status").asText());
    assertEquals(1, artifact.at("/counts/waived").asInt());
    assertEquals("ACCEPTED", artifact.at("/findings/0/waiver/state").asText());
  }

  // ------------------------------------------------------------------------------- exit 3

  @Test
  void badGlueTypeIsAnErrorTableAndExitsThree() throws IOException {
    table("orders", Shape.ERROR);
    table("customers", Shape.OK);

    CliRun run = check();

    assertEquals(3, run.exitCode(), run.describe());
    JsonNode artifact = artifact("orders");
    assertEquals("ERROR", artifact.get("status").asText());
    assertEquals("INVALID_GLUE_TYPE", artifact.at("/error/kind").asText());
    assertTrue(artifact.at("/error/message").asText().contains("'amount'"), artifact.toString());
    assertEquals("OK", artifact("customers").get("status").asText(), "one error spoils nothing");
    assertTrue(
        Pattern.compile("(?m)^  ERROR\\s+sales\\.orders\\s+INVALID_GLUE_TYPE: .*'amount'.*$")
            .matcher(run.out())
            .find(),
        run.out());
  }

  @Test
  void errorWinsOverFailOn() throws IOException {
    table("orders", Shape.ERROR);
    table("customers", Shape.BREAKING);

    CliRun run = check("--fail-on", "BREAKING");

    assertEquals(3, run.exitCode(), run.describe());
  }

  @Test
  void invalidContractIsAnErrorTableThatWinsOverFailOn() throws IOException {
    table("orders", Shape.BREAKING);
    write(
        contracts.resolve("broken.json"),
        contract("sales", "Broken", column("id", "bigint"), "").replace("1.0.0", "1"));

    CliRun run = check("--fail-on", "BREAKING");

    assertEquals(3, run.exitCode(), run.describe());
    JsonNode manifest = manifest();
    assertEquals(1, manifest.at("/totals/ERROR").asInt());
    assertEquals(1, manifest.at("/totals/BREAKING").asInt());
    JsonNode broken = null;
    for (JsonNode line : manifest.get("tables")) {
      if (line.get("contract_key").asText().equals("contracts/broken.json")) {
        broken = line;
      }
    }
    assertNotNull(broken, manifest.toString());
    assertEquals("_contract_errors", broken.get("database").asText());
    assertEquals("INVALID_CONTRACT", broken.get("error").asText());
    JsonNode artifact = json(out.resolve(broken.get("diff_key").asText()));
    String message = artifact.at("/error/message").asText();
    assertTrue(message.contains("$.contract_version"), message);
    assertTrue(message.contains("$.table"), message);
    // The CLI reads contracts from a folder: messages name that file, never the stand-in bucket.
    assertTrue(message.startsWith(contracts.resolve("broken.json") + ": "), message);
    assertFalse(message.contains(CheckCommand.CONTRACT_BUCKET), message);
    assertFalse(run.out().contains(CheckCommand.CONTRACT_BUCKET), run.out());
  }

  // ------------------------------------------------------------------------------- exit 2

  @Test
  void neitherContractsNorRegistryIsAUsageError() {
    assertUsageError(
        CliRun.of(
            "check",
            "--catalog",
            catalog.toString(),
            "--data-root",
            data.toString(),
            "--out",
            out.toString()),
        "--registry");
  }

  @Test
  void contractsAndRegistryTogetherAreAUsageError() throws IOException {
    Path registry = registry("{\"registry_version\": 1, \"tables\": []}");

    assertUsageError(
        CliRun.of(
            "check",
            "--contracts",
            contracts.toString(),
            "--registry",
            registry.toString(),
            "--contracts-root",
            root.toString(),
            "--catalog",
            catalog.toString(),
            "--data-root",
            data.toString(),
            "--out",
            out.toString()),
        "mutually exclusive");
  }

  @Test
  void neitherCatalogNorAwsIsAUsageError() throws IOException {
    table("orders", Shape.OK);

    assertUsageError(
        CliRun.of(
            "check",
            "--contracts",
            contracts.toString(),
            "--contracts-root",
            root.toString(),
            "--data-root",
            data.toString(),
            "--out",
            out.toString()),
        "--catalog");
  }

  @Test
  void catalogAndAwsTogetherAreAUsageError() throws IOException {
    table("orders", Shape.OK);

    assertUsageError(check("--aws"), "mutually exclusive");
  }

  @Test
  void missingDataRootWithoutAwsIsAUsageError() throws IOException {
    table("orders", Shape.OK);

    assertUsageError(
        CliRun.of(
            "check",
            "--contracts",
            contracts.toString(),
            "--contracts-root",
            root.toString(),
            "--catalog",
            catalog.toString(),
            "--out",
            out.toString()),
        "--data-root is required without --aws");
  }

  /** A mistyped data root would make every table NO_DATA and the run look fine. */
  @Test
  void nonexistentDataRootIsAUsageError() throws IOException {
    table("orders", Shape.OK);

    CliRun run =
        CliRun.of(
            "check",
            "--contracts",
            contracts.toString(),
            "--contracts-root",
            root.toString(),
            "--catalog",
            catalog.toString(),
            "--data-root",
            root.resolve("no-such-data").toString(),
            "--out",
            out.toString());

    assertUsageError(run, "no-such-data");
  }

  @Test
  void nonexistentContractPathIsAUsageError() throws IOException {
    table("orders", Shape.OK);

    assertUsageError(
        check("--contracts", contracts.resolve("sales/nope.json").toString()), "nope.json");
  }

  @Test
  void folderWithoutContractsIsAUsageError() throws IOException {
    Path empty = Files.createDirectories(root.resolve("empty"));

    assertUsageError(check("--contracts", empty.toString()), "no contracts");
  }

  /**
   * --contracts takes any file or folder (issue 15): outside --contracts-root, keys are relative to
   * the nearest folder holding both, so a run mixing the two still names the inside ones alike.
   */
  @Test
  void contractsOutsideContractsRootAreChecked() throws IOException {
    table("orders", Shape.OK);
    Path inside = Files.createDirectories(root.resolve("inside"));
    write(inside.resolve("x.json"), "{\"unrelated\": true}");

    CliRun folder =
        check("--contracts", contracts.toString(), "--contracts-root", inside.toString());

    assertEquals(0, folder.exitCode(), folder.describe());
    assertEquals("OK", artifact("orders").get("status").asText());
    assertEquals(
        "contracts/sales/orders.json",
        artifact("orders").at("/contract/key").asText(),
        "from root");

    Path file = contracts.resolve("sales/orders.json");
    CliRun absoluteFile =
        check(
            "--contracts",
            file.toString(),
            "--contracts-root",
            inside.toString(),
            "--run-id",
            "20261127T080000Z");

    assertEquals(0, absoluteFile.exitCode(), absoluteFile.describe());
    assertEquals(
        "OK",
        json(out.resolve("diffs/sales.orders/20261127T080000Z.diff.json")).get("status").asText());
  }

  /** A relative path that leaves the current folder (the test's working folder) is a path too. */
  @Test
  void aRelativeContractPathOutsideTheCurrentFolderIsChecked() throws IOException {
    table("orders", Shape.OK);
    Path current = Path.of("").toAbsolutePath();
    Path relative = current.relativize(contracts.resolve("sales/orders.json"));
    assertTrue(relative.startsWith(".."), "the fixture is outside the current folder: " + relative);

    CliRun run = check("--contracts", relative.toString());

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("contracts/sales/orders.json", artifact("orders").at("/contract/key").asText());
  }

  /** --contracts-root bounds the registry's keys: one that leaves it is that entry's ERROR. */
  @Test
  void aRegistryKeyThatLeavesTheContractsRootIsThatEntrysError() throws IOException {
    table("orders", Shape.OK);
    Path registry = registry(registryJson("contracts/sales/orders.json", "../outside.json"));
    write(
        root.resolveSibling("outside.json"),
        contract(DATABASE, "outside", column("id", "int"), ""));

    CliRun run = check("--registry", registry.toString());

    assertEquals(3, run.exitCode(), run.describe());
    assertEquals("OK", artifact("orders").get("status").asText(), "the other entry is checked");
    JsonNode escaped = null;
    for (JsonNode line : manifest().get("tables")) {
      if ("CONTRACT_LOCATION_NOT_ALLOWED".equals(line.path("error").asText())) {
        escaped = json(out.resolve(line.get("diff_key").asText()));
      }
    }
    assertTrue(escaped != null, manifest().toString());
    assertEquals("ERROR", escaped.get("status").asText());
    assertTrue(
        escaped.at("/error/message").asText().contains("'../outside.json'"), escaped.toString());
    assertTrue(run.out().contains("CONTRACT_LOCATION_NOT_ALLOWED"), run.out());
  }

  @Test
  void registryOutsideContractsRootIsAUsageError() throws IOException {
    table("orders", Shape.OK);
    Path registry = registry(registryJson("contracts/sales/orders.json"));

    CliRun run =
        CliRun.of(
            "check",
            "--registry",
            registry.toString(),
            "--contracts-root",
            contracts.toString(),
            "--catalog",
            catalog.toString(),
            "--data-root",
            data.toString(),
            "--out",
            out.toString());

    assertUsageError(run, "must be inside --contracts-root");
  }

  @Test
  void nonexistentRegistryIsAUsageError() {
    CliRun run =
        CliRun.of(
            "check",
            "--registry",
            root.resolve("configs/none.json").toString(),
            "--contracts-root",
            root.toString(),
            "--catalog",
            catalog.toString(),
            "--data-root",
            data.toString(),
            "--out",
            out.toString());

    assertUsageError(run, "no such registry file");
  }

  @Test
  void outOnS3WithoutAwsIsAUsageError() throws IOException {
    table("orders", Shape.OK);

    CliRun run =
        CliRun.of(
            "check",
            "--contracts",
            contracts.toString(),
            "--contracts-root",
            root.toString(),
            "--catalog",
            catalog.toString(),
            "--data-root",
            data.toString(),
            "--out",
            "s3://my-drift-reports");

    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("needs --aws"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void badRunIdIsAUsageError() throws IOException {
    table("orders", Shape.OK);

    assertUsageError(check("--run-id", "2026-11-26"), "2026-11-26");
  }

  @Test
  void badFormatValueIsAUsageError() throws IOException {
    table("orders", Shape.OK);

    assertUsageError(check("--format", "junit,xml"), "--format");
  }

  @Test
  void badFailOnValueIsAUsageError() throws IOException {
    table("orders", Shape.OK);

    assertUsageError(check("--fail-on", "CRITICAL"), "--fail-on");
  }

  @Test
  void concurrencyOutOfRangeIsAUsageError() throws IOException {
    table("orders", Shape.OK);

    assertUsageError(check("--concurrency", "0"), "--concurrency");
  }

  @Test
  void nonexistentCatalogFolderIsAUsageError() throws IOException {
    table("orders", Shape.OK);

    assertUsageError(check("--catalog", root.resolve("no-catalog").toString()), "no-catalog");
  }

  // ---------------------------------------------------------------------- contracts, tables

  /** Read-only by default (issue 15): a missing table is reported, and nothing is written. */
  @Test
  void withoutCreateMissingAMissingTableIsReportedAndTheCatalogIsUntouched() throws IOException {
    table("orders", Shape.MISSING);
    table("customers", Shape.OK);
    write(
        contracts.resolve("fresh/orders.json"),
        contract("fresh", "orders", column("id", "bigint"), ""));
    dataFile("s3://lake/fresh/orders/part-00000.parquet", "PAR1");
    List<String> catalogBefore = CliRun.files(catalog);

    CliRun run = check("--fail-on", "BREAKING");

    assertEquals(1, run.exitCode(), run.describe());
    assertEquals(catalogBefore, CliRun.files(catalog), "no snapshot file, no database folder");
    for (String table : List.of("sales.orders", "fresh.orders")) {
      JsonNode artifact = json(out.resolve("diffs/" + table + "/" + RUN_ID + ".diff.json"));
      assertEquals("BREAKING", artifact.get("status").asText(), artifact.toString());
      assertEquals("TABLE_MISSING", artifact.at("/findings/0/rule").asText(), table);
      assertTrue(
          artifact.at("/findings/0/reason").asText().contains("--create-missing"),
          artifact.toString());
      assertFalse(artifact.get("created_table").asBoolean(), table);
    }
    for (JsonNode line : manifest().get("tables")) {
      assertFalse(line.get("created_table").asBoolean(), line.toString());
    }
    assertFalse(run.out().contains("Created"), run.out());
    String report =
        Files.readString(out.resolve("reports/sales.orders/" + RUN_ID + ".report.html"));
    assertFalse(report.contains("created the Glue table"), "the report says nothing was created");
  }

  @Test
  void aMissingTableIsCreatedInTheCatalogFolder() throws IOException {
    table("orders", Shape.MISSING);
    table("customers", Shape.OK);
    Path snapshot = catalog.resolve("sales/orders.json");
    assertFalse(Files.exists(snapshot));

    CliRun run = check("--fail-on", "SAFE", "--create-missing");

    assertEquals(0, run.exitCode(), run.describe());
    JsonNode artifact = artifact("orders");
    assertEquals("OK", artifact.get("status").asText(), artifact.toString());
    assertTrue(artifact.get("created_table").asBoolean());
    // Shown everywhere: the summary, the manifest, the report and the index.
    assertTrue(run.out().contains("\n  Created from their contracts: sales.orders\n"), run.out());
    Map<String, Boolean> createdInManifest = new TreeMap<>();
    for (JsonNode line : manifest().get("tables")) {
      createdInManifest.put(line.get("table").asText(), line.get("created_table").asBoolean());
    }
    assertEquals(Map.of("customers", false, "orders", true), createdInManifest);
    assertTrue(
        Files.readString(out.resolve("reports/sales.orders/" + RUN_ID + ".report.html"))
            .contains("This run created the Glue table from the contract."));
    assertTrue(
        Files.readString(out.resolve("reports/sales.orders/" + RUN_ID + ".report.md"))
            .contains("This run created the Glue table from the contract."));
    String index = Files.readString(out.resolve("index.html"));
    assertTrue(index.contains("\"orders\",") && index.contains(",\"" + RUN_ID + "\"]"), index);
    assertTrue(
        Files.readString(out.resolve("state/index.json")).contains("\"table\":\"orders\"")
            && Files.readString(out.resolve("state/index.json"))
                .contains("\"created\":\"" + RUN_ID + "\""),
        "the index state keeps the run that created it");
    assertTrue(Files.isRegularFile(snapshot), "the created table is saved as a snapshot");
    JsonNode table = json(snapshot).get("Table");
    assertEquals("orders", table.get("Name").asText());
    assertEquals("sales", table.get("DatabaseName").asText());
    assertEquals(RUN_ID, table.at("/Parameters/schema_drift_created_by_run").asText());
    assertEquals("s3://lake/sales/orders/", table.at("/StorageDescriptor/Location").asText());

    // The next run finds it as any other table: no longer created by this run.
    CliRun next = check("--run-id", "20261127T080000Z", "--create-missing");

    assertEquals(0, next.exitCode(), next.describe());
    JsonNode again = json(out.resolve("diffs/sales.orders/20261127T080000Z.diff.json"));
    assertEquals("OK", again.get("status").asText());
    assertFalse(again.get("created_table").asBoolean());
  }

  @Test
  void aTableOfAMissingDatabaseIsCreatedWithItsDatabaseFolder() throws IOException {
    write(
        contracts.resolve("fresh/orders.json"),
        contract("fresh", "orders", column("id", "bigint"), ""));
    dataFile("s3://lake/fresh/orders/part-00000.parquet", "PAR1");

    CliRun run = check("--create-missing");

    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(Files.isRegularFile(catalog.resolve("fresh/orders.json")));
    assertTrue(
        json(out.resolve("diffs/fresh.orders/" + RUN_ID + ".diff.json"))
            .get("created_table")
            .asBoolean());
  }

  /**
   * Creating a missing table never overwrites a snapshot file holding other tables (issue 13,
   * defect 6): that table is ERROR, the tables in the file are still checked, and the file keeps
   * its bytes.
   */
  @ParameterizedTest
  @ValueSource(strings = {"get-table", "get-tables"})
  void aCreatedTableIsNeverSavedOverASnapshotOfOtherTables(String shape) throws IOException {
    table("orders", Shape.MISSING);
    table("customers", Shape.OK);
    Path customers = catalog.resolve("sales/customers.json");
    String snapshot = Files.readString(customers);
    if (shape.equals("get-tables")) {
      snapshot =
          snapshot
              .strip()
              .replaceFirst("^\\{\"Table\": ", "{\"TableList\": [")
              .replaceFirst("}$", "]}");
    }
    Files.delete(customers);
    Path taken = catalog.resolve("sales/orders.json");
    write(taken, snapshot);
    byte[] before = Files.readAllBytes(taken);

    CliRun run = check("--create-missing");

    assertEquals(3, run.exitCode(), run.describe());
    assertEquals("OK", artifact("customers").get("status").asText(), "the other table is checked");
    JsonNode orders = artifact("orders");
    assertEquals("ERROR", orders.get("status").asText(), orders.toString());
    assertEquals("SNAPSHOT_FILE_TAKEN", orders.at("/error/kind").asText(), orders.toString());
    String message = orders.at("/error/message").asText();
    assertTrue(message.contains(taken.toString()), message);
    assertTrue(message.contains("sales.customers"), "it names what the file holds: " + message);
    assertArrayEquals(before, Files.readAllBytes(taken), "the snapshot keeps its bytes");
    assertEquals(List.of("orders.json"), fileNames(catalog.resolve("sales")), "nothing else");
  }

  /**
   * A valid contract named like the placeholder of a broken one never hides it (issue 13, defect
   * 7): each keeps its own artifact, and the broken one stays ERROR in the manifest and the index.
   */
  @Test
  void aContractNamedLikeABrokenContractsPlaceholderNeverHidesIt() throws IOException {
    String missing = "contracts/sales/missing.json";
    // The placeholder name a broken contract's artifact had: sanitised key, '_', 8 hex digits.
    String lookalike =
        "contracts_sales_missing_json_" + Fingerprint.sha256(missing).substring(0, 8);
    write(
        contracts.resolve("lookalike.json"),
        contract("_contract_errors", lookalike, column("id", "bigint"), "")
            .replace("s3://lake/_contract_errors/" + lookalike + "/", "s3://lake/sales/orders/"));
    dataFile("s3://lake/sales/orders/part-00000.parquet", "PAR1");
    Path registry = registry(registryJson("contracts/lookalike.json", missing));

    CliRun run = check("--registry", registry.toString(), "--create-missing");

    assertEquals(3, run.exitCode(), run.describe());
    JsonNode lines = manifest().get("tables");
    assertEquals(2, lines.size(), lines.toString());
    assertFalse(
        lines.get(0).get("diff_key").asText().equals(lines.get(1).get("diff_key").asText()),
        "two artifacts: " + lines);
    for (JsonNode line : lines) {
      JsonNode artifact = json(out.resolve(line.get("diff_key").asText()));
      boolean broken = line.get("contract_key").asText().equals(missing);
      assertEquals(broken ? "ERROR" : "OK", artifact.get("status").asText(), artifact.toString());
      assertEquals(line.get("contract_key").asText(), artifact.at("/contract/key").asText());
    }
    JsonNode index = json(out.resolve("state/index.json"));
    assertTrue(index.toString().contains("\"ERROR\""), "the index shows the ERROR: " + index);
  }

  /**
   * In local mode a data location is always looked for under --data-root, even in a bucket named
   * like the CLI's stand-ins for the contract and output buckets (issue 13, defect 9).
   */
  @Test
  void dataProbesGoOnlyToTheDataRoot() throws IOException {
    table("in_contracts", Shape.OK);
    table("in_out", Shape.OK);
    rewrite(
        contracts.resolve("sales/in_contracts.json"),
        "s3://lake/sales/in_contracts/",
        "s3://" + CheckCommand.CONTRACT_BUCKET + "/contracts/");
    rewrite(
        catalog.resolve("sales/in_contracts.json"),
        "s3://lake/sales/in_contracts/",
        "s3://" + CheckCommand.CONTRACT_BUCKET + "/contracts/");
    rewrite(
        contracts.resolve("sales/in_out.json"),
        "s3://lake/sales/in_out/",
        "s3://" + CheckCommand.OUT_BUCKET + "/lake/in_out/");
    rewrite(
        catalog.resolve("sales/in_out.json"),
        "s3://lake/sales/in_out/",
        "s3://" + CheckCommand.OUT_BUCKET + "/lake/in_out/");
    // The output folder holds files at that key; the data root holds them only for in_out.
    write(out.resolve("lake/in_out/part-00000.parquet"), "PAR1 not data");
    dataFile("s3://" + CheckCommand.OUT_BUCKET + "/lake/in_out/part-00000.parquet", "PAR1");

    CliRun run = check();

    assertEquals(0, run.exitCode(), run.describe());
    JsonNode inContracts = artifact("in_contracts");
    assertEquals("NO_DATA", inContracts.get("status").asText(), inContracts.toString());
    assertFalse(inContracts.get("data_probe").get("has_data").asBoolean());
    JsonNode inOut = artifact("in_out");
    assertEquals("OK", inOut.get("status").asText(), inOut.toString());
    assertTrue(inOut.get("data_probe").get("has_data").asBoolean());
  }

  /** A folder and a file inside it name one contract twice: it is still one table. */
  @Test
  void aContractNamedTwiceIsCheckedOnce() throws IOException {
    table("orders", Shape.OK);

    CliRun run =
        check(
            "--contracts",
            contracts.toString(),
            contracts.resolve("sales/orders.json").toString(),
            "--fail-on",
            "SAFE");

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals(1, manifest().get("tables").size(), manifest().toString());
  }

  @Test
  void registryModeChecksEnabledEntriesAndListsSkippedOnes() throws IOException {
    table("orders", Shape.OK);
    table("customers", Shape.BREAKING);
    Path registry =
        registry(
            """
            {"registry_version": 1,
             "tables": [
               {"contract": "contracts/sales/orders.json", "tags": ["tier-1"]},
               {"contract": "contracts/sales/customers.json", "enabled": false}
             ]}
            """);

    CliRun run =
        CliRun.of(
            "check",
            "--registry",
            registry.toString(),
            "--contracts-root",
            root.toString(),
            "--catalog",
            catalog.toString(),
            "--data-root",
            data.toString(),
            "--out",
            out.toString(),
            "--run-id",
            RUN_ID,
            "--fail-on",
            "SAFE");

    assertEquals(0, run.exitCode(), run.describe());
    JsonNode manifest = manifest();
    assertEquals("registry", manifest.get("mode").asText());
    assertEquals(1, manifest.get("tables").size());
    assertEquals("tier-1", manifest.at("/tables/0/tags/0").asText());
    assertEquals("contracts/sales/customers.json", manifest.at("/skipped/0/contract").asText());
    assertTrue(
        run.out().contains("Skipped (disabled in the registry): contracts/sales/customers.json"),
        run.out());
    assertFalse(Files.exists(out.resolve("diffs/sales.customers")), "disabled: never checked");
  }

  // -------------------------------------------------------------------------------- summary

  @Test
  void summaryCountsEveryStatusAndListsEveryTableThatIsNotOk() throws IOException {
    mixedTables();

    CliRun run = check();

    assertEquals(3, run.exitCode(), run.describe());
    Map<String, Integer> totals = new LinkedHashMap<>();
    for (String status : STATUSES) {
      totals.put(status, status.equals("OK") ? 2 : 1);
    }
    assertTotals(run.out(), totals);
    assertTrue(run.out().contains("\n  Not OK:\n"), run.out());
    assertNotOkLine(run.out(), "SAFE", "sales.safe", "0 breaking, 0 risky, 1 safe");
    assertNotOkLine(run.out(), "RISKY", "sales.risky", "0 breaking, 1 risky, 0 safe");
    assertNotOkLine(run.out(), "BREAKING", "sales.breaking", "1 breaking, 0 risky, 0 safe");
    assertNotOkLine(run.out(), "NO_DATA", "sales.no_data", "no data files at .*");
    assertNotOkLine(run.out(), "ERROR", "sales.error", "INVALID_GLUE_TYPE: .*");
    assertFalse(run.out().contains("sales.ok "), "OK tables are not listed:\n" + run.out());
    assertFalse(run.out().contains("sales.waived"), "a waived table is OK:\n" + run.out());
    JsonNode totalsJson = manifest().get("totals");
    totals.forEach((status, count) -> assertEquals(count, totalsJson.get(status).asInt()));
  }

  // ------------------------------------------------------------------------- CI outputs

  @Test
  void junitSarifAndGithubOutputs() throws Exception {
    mixedTables();

    CliRun run = check("--format", "junit,sarif,github");

    assertEquals(3, run.exitCode(), run.describe());

    Document junit = parseXml(out.resolve("junit.xml"));
    Element suite = junit.getDocumentElement();
    assertEquals("testsuite", suite.getTagName());
    assertEquals("7", suite.getAttribute("tests"));
    assertEquals("2", suite.getAttribute("failures"), "BREAKING and RISKY");
    assertEquals("1", suite.getAttribute("errors"));
    assertEquals("1", suite.getAttribute("skipped"), "NO_DATA");
    assertEquals(7, suite.getElementsByTagName("testcase").getLength());
    assertEquals(2, suite.getElementsByTagName("failure").getLength());
    Element error = (Element) suite.getElementsByTagName("error").item(0);
    assertEquals("INVALID_GLUE_TYPE", error.getAttribute("type"));
    assertEquals("schema-drift.sales", ((Element) error.getParentNode()).getAttribute("classname"));
    assertEquals("error", ((Element) error.getParentNode()).getAttribute("name"));

    JsonNode sarif = json(out.resolve("schema-drift.sarif"));
    assertEquals("2.1.0", sarif.get("version").asText());
    assertEquals("schema-drift", sarif.at("/runs/0/tool/driver/name").asText());
    JsonNode results = sarif.at("/runs/0/results");
    assertEquals(countedFindingsAndErrors(), results.size(), results.toString());
    assertEquals(4, results.size(), "SAFE, RISKY, BREAKING and the ERROR table; not the waiver");
    Map<String, String> levels = new TreeMap<>();
    for (JsonNode result : results) {
      levels.put(result.get("ruleId").asText(), result.get("level").asText());
      assertTrue(
          result
              .at("/locations/0/physicalLocation/artifactLocation/uri")
              .asText()
              .startsWith("contracts/sales/"),
          result.toString());
    }
    assertEquals(
        Map.of(
            "COLUMN_ADDED", "note",
            "TABLE_LOCATION_CHANGED", "warning",
            "COLUMN_REMOVED", "error",
            "TABLE_ERROR", "error"),
        levels);

    List<String> annotations = run.out().lines().filter(line -> line.startsWith("::")).toList();
    assertEquals(4, annotations.size(), run.out());
    assertTrue(
        annotations.contains(
            "::error file=contracts/sales/breaking.json,title=BREAKING COLUMN_REMOVED sales.breaking"
                + " amount::"
                + artifact("breaking").at("/findings/0/reason").asText()),
        annotations.toString());
    assertTrue(
        annotations.stream()
            .anyMatch(
                line ->
                    line.startsWith(
                        "::warning file=contracts/sales/risky.json,title=RISKY"
                            + " TABLE_LOCATION_CHANGED sales.risky @location::")),
        annotations.toString());
    assertTrue(
        annotations.stream()
            .anyMatch(
                line ->
                    line.startsWith(
                        "::notice file=contracts/sales/safe.json,title=SAFE COLUMN_ADDED"
                            + " sales.safe note::")),
        annotations.toString());
    String errorLine =
        annotations.stream()
            .filter(line -> line.startsWith("::error file=contracts/sales/error.json,"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        errorLine.startsWith("::error file=contracts/sales/error.json,title=ERROR sales.error::"),
        errorLine);
    // The bad type string holds a line break: a workflow command must stay on one line.
    assertTrue(errorLine.contains("%0A"), errorLine);
    // Annotations come before the summary, every line of them a command.
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.subList(0, 4).stream().allMatch(line -> line.startsWith("::")), run.out());
  }

  @Test
  void githubAnnotationsEscapePercentColonAndComma() throws IOException {
    write(
        contracts.resolve("sales/we,ird:name%.json"),
        contract("sales", "odd", column("id", "bigint"), ""));
    snapshot("odd", glueColumn("id", "bigint") + ", " + glueColumn("note,a:b%c", "string"));
    dataFile("s3://lake/sales/odd/part-00000.parquet", "PAR1");

    CliRun run = check("--format", "github");

    assertEquals(0, run.exitCode(), run.describe());
    String annotation =
        run.out().lines().filter(line -> line.startsWith("::")).findFirst().orElseThrow();
    assertTrue(
        annotation.startsWith(
            "::notice file=contracts/sales/we%2Cird%3Aname%25.json,title=SAFE COLUMN_ADDED"
                + " sales.odd note%2Ca%3Ab%25c::"),
        annotation);
    String message = annotation.substring(annotation.indexOf("::", 2) + 2);
    // In the message only % (and line breaks) are escaped.
    assertTrue(message.contains("'note,a:b%25c'"), message);
  }

  /** SARIF locations are URI references: a contract file name with a space or % is encoded. */
  @Test
  void sarifLocationsAreUrisOfTheContractFiles() throws IOException {
    write(
        contracts.resolve("sales/daily orders 100%.json"),
        contract("sales", "odd", column("id", "bigint"), ""));
    snapshot("odd", glueColumn("id", "bigint") + ", " + glueColumn("note", "string"));
    dataFile("s3://lake/sales/odd/part-00000.parquet", "PAR1");

    CliRun run = check("--format", "sarif");

    assertEquals(0, run.exitCode(), run.describe());
    JsonNode results = json(out.resolve("schema-drift.sarif")).at("/runs/0/results");
    assertEquals(1, results.size(), results.toString());
    String uri = results.at("/0/locations/0/physicalLocation/artifactLocation/uri").asText();
    assertEquals("contracts/sales/daily%20orders%20100%25.json", uri);
    assertEquals("contracts/sales/daily orders 100%.json", URI.create(uri).getPath());
  }

  @Test
  void junitAndSarifGoNowhereWithoutAnOutFolderButTheRunStillWorks() throws IOException {
    table("orders", Shape.OK);

    CliRun run = check("--format", "github");

    assertEquals(0, run.exitCode(), run.describe());
    assertFalse(Files.exists(out.resolve("junit.xml")), "only what --format asks for");
    assertFalse(Files.exists(out.resolve("schema-drift.sarif")));
    assertTrue(run.out().lines().noneMatch(line -> line.startsWith("::")), "nothing to annotate");
  }

  // ------------------------------------------------------------------------------- progress

  @Test
  void quietPrintsNoProgress() throws IOException {
    mixedTables();

    CliRun run = check("--quiet");

    assertEquals("", run.err(), run.describe());
    assertTrue(run.out().contains("STATUS"), "the summary is still printed");
  }

  @Test
  void verbosePrintsOneLinePerTable() throws IOException {
    mixedTables();

    CliRun run = check("--verbose");

    List<String> tableLines =
        run.err()
            .lines()
            .filter(line -> line.matches("\\[\\d+/7\\] \\S+\\s+sales\\.\\w+"))
            .toList();
    assertEquals(7, tableLines.size(), run.err());
    for (String table : List.of("ok", "safe", "risky", "breaking", "no_data", "error", "waived")) {
      assertEquals(
          1,
          tableLines.stream().filter(line -> line.endsWith(" sales." + table)).count(),
          table + ":\n" + run.err());
    }
    assertTrue(
        tableLines.stream()
            .anyMatch(line -> line.matches("\\[\\d+/7\\] BREAKING\\s+sales\\.breaking")),
        run.err());
  }

  @Test
  void normalProgressSaysHowManyTablesWithoutALinePerTable() throws IOException {
    mixedTables();

    CliRun run = check();

    assertTrue(run.err().startsWith("schema-drift: checking 7 tables\n"), run.describe());
    assertFalse(run.err().contains("[1/7]"), run.err());
  }

  // ------------------------------------------------------------------- the repository's demo

  /**
   * {@code make demo}'s inputs show every status and create exactly one table: when the example
   * data change, this test says whether the demo still shows what the README promises.
   */
  @Test
  void theDemoShowsEveryStatusAndCreatesOneTable() throws IOException {
    Path repository = CliRun.repositoryRoot();
    List<String> examplesBefore = CliRun.files(repository.resolve("examples"));
    Path catalogCopy = root.resolve("demo-catalog");
    CliRun.copyTree(repository.resolve("examples/catalog"), catalogCopy);

    CliRun run = demo(repository, catalogCopy, out);

    assertEquals(3, run.exitCode(), "the demo has an ERROR table on purpose\n" + run.describe());
    JsonNode manifest = manifest();
    for (String status : STATUSES) {
      assertTrue(manifest.at("/totals/" + status).asInt() >= 1, status + ": " + manifest);
    }
    List<String> created = new ArrayList<>();
    for (JsonNode line : manifest.get("tables")) {
      JsonNode artifact = json(out.resolve(line.get("diff_key").asText()));
      if (artifact.get("created_table").asBoolean()) {
        created.add(
            artifact.at("/table/database").asText() + "/" + artifact.at("/table/name").asText());
      }
    }
    assertEquals(1, created.size(), created.toString());
    assertTrue(Files.isRegularFile(catalogCopy.resolve(created.getFirst() + ".json")));
    assertFalse(
        Files.exists(repository.resolve("examples/catalog/" + created.getFirst() + ".json")),
        "the created table is not in the examples");
    assertTrue(run.out().contains("Skipped (disabled in the registry): "), run.out());
    assertTrue(Files.isRegularFile(out.resolve("junit.xml")));
    assertTrue(Files.isRegularFile(out.resolve("schema-drift.sarif")));
    assertEquals(examplesBefore, CliRun.files(repository.resolve("examples")), "read only");
  }

  @Test
  void theSameCheckTwiceWritesTheSameBytes() throws IOException {
    Path repository = CliRun.repositoryRoot();
    // The first run creates a table in its catalog: each run gets a fresh copy.
    Path firstCatalog = root.resolve("catalog-1");
    Path secondCatalog = root.resolve("catalog-2");
    CliRun.copyTree(repository.resolve("examples/catalog"), firstCatalog);
    CliRun.copyTree(repository.resolve("examples/catalog"), secondCatalog);
    Path firstOut = root.resolve("out-1");
    Path secondOut = root.resolve("out-2");

    demo(repository, firstCatalog, firstOut);
    demo(repository, secondCatalog, secondOut);

    List<String> files = CliRun.files(firstOut);
    assertEquals(files, CliRun.files(secondOut));
    assertTrue(files.contains("runs/" + RUN_ID + ".json"), files.toString());
    assertTrue(
        files.stream().filter(file -> file.startsWith("diffs/")).count() >= 12, files.toString());
    for (String file : files) {
      assertArrayEquals(
          Files.readAllBytes(firstOut.resolve(file)),
          Files.readAllBytes(secondOut.resolve(file)),
          file);
    }
    for (String file : CliRun.files(firstCatalog)) {
      assertArrayEquals(
          Files.readAllBytes(firstCatalog.resolve(file)),
          Files.readAllBytes(secondCatalog.resolve(file)),
          file);
    }
  }

  private CliRun demo(Path repository, Path catalogCopy, Path outFolder) {
    return CliRun.of(
        "check",
        "--registry",
        repository.resolve("configs/tables.json").toString(),
        "--contracts-root",
        repository.toString(),
        "--catalog",
        catalogCopy.toString(),
        "--data-root",
        repository.resolve("examples/data").toString(),
        "--out",
        outFolder.toString(),
        "--run-id",
        RUN_ID,
        "--format",
        "junit,sarif",
        "--create-missing");
  }

  // -------------------------------------------------------------------------------- helpers

  /** One table of every shape, OK twice (once with a waiver). */
  private void mixedTables() throws IOException {
    table("ok", Shape.OK);
    table("safe", Shape.SAFE);
    table("risky", Shape.RISKY);
    table("breaking", Shape.BREAKING);
    table("waived", Shape.WAIVED);
    table("error", Shape.ERROR);
    table("no_data", Shape.NO_DATA);
  }

  /** A Parquet table {@code sales.<name>}: its contract, catalog snapshot and data folder. */
  private void table(String name, Shape shape) throws IOException {
    String policy =
        shape == Shape.WAIVED
            ? ", \"policy\": {\"waivers\": [{\"rule\": \"COLUMN_REMOVED\", \"path\": \"amount\","
                + " \"reason\": \"backfill\", \"owner\": \"sales-team@example.org\","
                + " \"expires\": \"2099-12-31\"}]}"
            : "";
    write(
        contracts.resolve(DATABASE).resolve(name + ".json"),
        contract(
            DATABASE,
            name,
            column("id", "bigint") + ", " + column("amount", "decimal(10,2)"),
            policy));
    String location = "s3://lake/" + DATABASE + "/" + name + "/";
    String id = glueColumn("id", "bigint");
    String amount = glueColumn("amount", "decimal(10,2)");
    switch (shape) {
      case OK, NO_DATA -> snapshot(name, id + ", " + amount);
      case SAFE -> snapshot(name, id + ", " + amount + ", " + glueColumn("note", "string"));
      case RISKY ->
          snapshot(name, id + ", " + amount, "s3://lake/" + DATABASE + "/" + name + "_moved/");
      case BREAKING, WAIVED -> snapshot(name, id);
      case ERROR -> snapshot(name, id + ", " + glueColumn("amount", "decimal(10,\\n2"));
      case MISSING -> {}
    }
    if (shape == Shape.NO_DATA) {
      dataFile(location + "_SUCCESS", "");
      dataFile(location + "part-00000/_SUCCESS", "");
    } else {
      dataFile(location + "part-00000.parquet", "PAR1 data");
    }
  }

  private static String contract(String database, String table, String columns, String extra) {
    return """
        {
          "contract_version": "1.0.0",
          "database": "%s",
          "table": "%s",
          "owner": "sales-team@example.org",
          "data_location": "s3://lake/%s/%s/",
          "format": "parquet",
          "columns": [%s]%s
        }
        """
        .formatted(database, table, database, table, columns, extra);
  }

  private static String column(String name, String type) {
    return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\"}";
  }

  private static String glueColumn(String name, String type) {
    return "{\"Name\": \"" + name + "\", \"Type\": \"" + type + "\"}";
  }

  private void snapshot(String table, String columns) throws IOException {
    snapshot(table, columns, "s3://lake/" + DATABASE + "/" + table + "/");
  }

  /** Writes what {@code aws glue get-table} prints for a Parquet table of database sales. */
  private void snapshot(String table, String columns, String location) throws IOException {
    write(
        catalog.resolve(DATABASE).resolve(table + ".json"),
        """
        {"Table": {
          "Name": "%s",
          "DatabaseName": "%s",
          "TableType": "EXTERNAL_TABLE",
          "Parameters": {"classification": "parquet"},
          "StorageDescriptor": {
            "Columns": [%s],
            "Location": "%s",
            "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "OutputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
            "SerdeInfo": {
              "SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
            }
          },
          "PartitionKeys": [],
          "VersionId": "3",
          "UpdateTime": "2026-11-20T10:00:00+00:00"
        }}
        """
            .formatted(table, DATABASE, columns, location));
  }

  /** Puts a file where the data root stands in for {@code s3://bucket/key}. */
  private void dataFile(String uri, String content) throws IOException {
    write(data.resolve(uri.substring("s3://".length())), content);
  }

  private Path registry(String json) throws IOException {
    Path file = root.resolve("configs/tables.json");
    write(file, json);
    return file;
  }

  private static String registryJson(String... contractKeys) {
    List<String> entries = new ArrayList<>();
    for (String key : contractKeys) {
      entries.add("{\"contract\": \"" + key + "\"}");
    }
    return "{\"registry_version\": 1, \"tables\": [" + String.join(", ", entries) + "]}";
  }

  /**
   * Runs check on the fixture folders; {@code extra} adds options or replaces the defaults' values
   * (picocli refuses an option given twice); {@code --registry} replaces {@code --contracts}.
   */
  private CliRun check(String... extra) {
    Map<String, List<String>> options = new LinkedHashMap<>();
    options.put("--contracts", List.of(contracts.toString()));
    options.put("--contracts-root", List.of(root.toString()));
    options.put("--catalog", List.of(catalog.toString()));
    options.put("--data-root", List.of(data.toString()));
    options.put("--out", List.of(out.toString()));
    options.put("--run-id", List.of(RUN_ID));
    List<String> values = null;
    for (String token : extra) {
      if (token.startsWith("-")) {
        if (token.equals("--registry")) {
          // The two sources exclude each other.
          options.remove("--contracts");
        }
        values = new ArrayList<>();
        options.put(token, values);
      } else {
        values.add(token);
      }
    }
    List<String> arguments = new ArrayList<>(List.of("check"));
    options.forEach(
        (option, optionValues) -> {
          arguments.add(option);
          arguments.addAll(optionValues);
        });
    return CliRun.of(arguments.toArray(String[]::new));
  }

  private void assertUsageError(CliRun run, String expected) {
    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains(expected), "stderr names " + expected + ":\n" + run.describe());
    assertFalse(run.err().contains("\tat "), "no stack trace:\n" + run.err());
    assertFalse(run.out().contains("STATUS"), "no summary on a usage error:\n" + run.out());
    assertFalse(Files.exists(out), "nothing written on a usage error");
  }

  private static void assertTotals(String stdout, Map<String, Integer> totals) {
    for (String status : STATUSES) {
      int count = totals.getOrDefault(status, 0);
      assertTrue(
          Pattern.compile("(?m)^  " + status + "\\s+" + count + "$").matcher(stdout).find(),
          status + " " + count + ":\n" + stdout);
    }
  }

  private static void assertNotOkLine(String stdout, String status, String table, String detail) {
    assertTrue(
        Pattern.compile("(?m)^  " + status + "\\s+" + Pattern.quote(table) + "\\s+" + detail + "$")
            .matcher(stdout)
            .find(),
        status + " " + table + ":\n" + stdout);
  }

  /** What SARIF must list: every finding that counts (no live waiver), and every ERROR table. */
  private int countedFindingsAndErrors() {
    int count = 0;
    for (JsonNode line : manifest().get("tables")) {
      JsonNode artifact = json(out.resolve(line.get("diff_key").asText()));
      if (artifact.get("status").asText().equals("ERROR")) {
        count++;
      }
      for (JsonNode finding : artifact.get("findings")) {
        JsonNode waiver = finding.get("waiver");
        if (waiver.isNull() || waiver.get("state").asText().equals("EXPIRED")) {
          count++;
        }
      }
    }
    return count;
  }

  private JsonNode artifact(String table) {
    return json(out.resolve("diffs/" + DATABASE + "." + table + "/" + RUN_ID + ".diff.json"));
  }

  private Path manifestFile() {
    return out.resolve("runs/" + RUN_ID + ".json");
  }

  private JsonNode manifest() {
    return json(manifestFile());
  }

  private static JsonNode json(Path file) {
    try {
      return Json.readTree(file.toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Document parseXml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
  }

  private static void rewrite(Path file, String from, String to) throws IOException {
    String content = Files.readString(file);
    assertTrue(content.contains(from), file + " holds " + from);
    Files.writeString(file, content.replace(from, to));
  }

  private static List<String> fileNames(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
