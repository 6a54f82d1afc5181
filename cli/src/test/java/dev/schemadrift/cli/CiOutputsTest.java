package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.json.Json;
import dev.schemadrift.rule.RuleId;
import dev.schemadrift.run.RunManifest;
import dev.schemadrift.run.RunMode;
import dev.schemadrift.run.TableResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The outputs a CI pipeline reads from {@code check} (and {@code diff}): SARIF validated against
 * the SARIF 2.1.0 JSON Schema, JUnit XML validated against the Jenkins JUnit XSD, the summary as
 * JSON and the pull-request comment in Markdown.
 */
class CiOutputsTest {
  private static final String RUN_ID = "20261126T080000Z";
  private static final Path SCHEMAS = Path.of("src/test/resources/schemas");

  /** The published SARIF 2.1.0 schema (draft-04), with format assertions such as "uri" on. */
  private static final Schema SARIF_SCHEMA = sarifSchema();

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
    out = root.resolve("out");
  }

  // ------------------------------------------------------------------------------------ SARIF

  @Test
  void sarifIsValidAgainstTheSarif210Schema() throws IOException {
    tables();

    CliRun run = check("--format", "sarif");

    assertEquals(3, run.exitCode(), run.describe());
    JsonNode sarif = read(out.resolve("schema-drift.sarif"));
    assertEquals(List.of(), SARIF_SCHEMA.validate(sarif, CiOutputsTest::formatAssertions));
    assertTrue(sarif.at("/runs/0/results").size() >= 5, sarif.toString());
  }

  /** Without this the test above could pass against a validator that accepts anything. */
  @Test
  void theSchemaRejectsABrokenLog() throws IOException {
    tables();
    check("--format", "sarif");
    ObjectNode sarif = (ObjectNode) read(out.resolve("schema-drift.sarif"));

    ObjectNode noVersion = sarif.deepCopy();
    noVersion.remove("version");
    ObjectNode badLevel = sarif.deepCopy();
    ((ObjectNode) badLevel.at("/runs/0/results/0")).put("level", "fatal");
    ObjectNode relativeHelp = sarif.deepCopy();
    ((ObjectNode) relativeHelp.at("/runs/0/tool/driver/rules/0"))
        .put("helpUri", "docs/RULES.md#table_missing");

    assertFalse(SARIF_SCHEMA.validate(noVersion, CiOutputsTest::formatAssertions).isEmpty());
    assertFalse(SARIF_SCHEMA.validate(badLevel, CiOutputsTest::formatAssertions).isEmpty());
    // SARIF wants helpUri absolute: the reason it is left out when the build has no URL.
    assertFalse(SARIF_SCHEMA.validate(relativeHelp, CiOutputsTest::formatAssertions).isEmpty());
  }

  @Test
  void everyResultCarriesItsFindingsFingerprint() throws IOException {
    tables();

    check("--format", "sarif");

    JsonNode results = read(out.resolve("schema-drift.sarif")).at("/runs/0/results");
    Map<String, String> fingerprints = new HashMap<>();
    for (String table : List.of("safe", "risky", "breaking", "odcs_orders", "wide")) {
      for (JsonNode finding : artifact(table).get("findings")) {
        fingerprints.put(
            "sales." + table + "/" + finding.get("path").asText(),
            finding.get("fingerprint").asText());
      }
    }
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode result : results) {
      String fingerprint =
          result.at("/partialFingerprints/" + SarifLog.FINGERPRINT_KEY.replace("/", "~1")).asText();
      assertTrue(fingerprint.matches("[0-9a-f]{12}"), result.toString());
      assertTrue(seen.add(fingerprint), "fingerprints are unique: " + result);
      String logical = result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText();
      if (!result.get("ruleId").asText().equals(SarifLog.TABLE_ERROR)) {
        assertEquals(fingerprints.get(logical), fingerprint, logical);
      }
    }
  }

  @Test
  void rulesListEveryRuleAndEachHelpUriNamesAnAnchorOfTheRulesPage() throws IOException {
    tables();
    check("--format", "sarif");
    Set<String> anchors = anchorsOfTheRulesPage();

    // The build of this repository defines no repository URL: no helpUri, no informationUri.
    JsonNode built = read(out.resolve("schema-drift.sarif"));
    assertEquals(SarifLog.Links.NONE, SarifLog.Links.fromBuild(), "the pom names no repository");
    assertTrue(built.at("/runs/0/tool/driver/informationUri").isMissingNode(), built.toString());
    for (JsonNode rule : built.at("/runs/0/tool/driver/rules")) {
      assertTrue(rule.path("helpUri").isMissingNode(), rule.toString());
      Matcher anchor =
          Pattern.compile("docs/RULES\\.md#(\\w+)").matcher(rule.at("/help/text").asText());
      if (!rule.get("id").asText().equals(SarifLog.TABLE_ERROR)) {
        assertTrue(anchor.find(), rule.toString());
        assertTrue(anchors.contains(anchor.group(1)), anchor.group(1) + " in " + anchors);
      }
    }

    // With a repository URL, as a published build has, every rule links its row.
    SarifLog.Links links = SarifLog.Links.fromRepository("https://example.org/data/schema-drift/");
    JsonNode linked =
        Json.readTree("sarif", SarifLog.write(writtenManifest(), links, key -> contractBytes(key)));
    assertEquals(List.of(), SARIF_SCHEMA.validate(linked, CiOutputsTest::formatAssertions));
    assertEquals(
        "https://example.org/data/schema-drift",
        linked.at("/runs/0/tool/driver/informationUri").asText());
    JsonNode rules = linked.at("/runs/0/tool/driver/rules");
    List<String> ids = new ArrayList<>();
    for (JsonNode rule : rules) {
      ids.add(rule.get("id").asText());
      if (rule.get("id").asText().equals(SarifLog.TABLE_ERROR)) {
        continue;
      }
      URI help = URI.create(rule.get("helpUri").asText());
      assertEquals("/data/schema-drift/blob/HEAD/docs/RULES.md", help.getPath());
      assertTrue(anchors.contains(help.getFragment()), help + " has no anchor in docs/RULES.md");
    }
    List<String> expected = new ArrayList<>();
    for (RuleId rule : RuleId.values()) {
      expected.add(rule.name());
    }
    expected.add(SarifLog.TABLE_ERROR);
    assertEquals(expected, ids);
    for (JsonNode result : linked.at("/runs/0/results")) {
      assertEquals(
          result.get("ruleId").asText(),
          rules.get(result.get("ruleIndex").asInt()).get("id").asText(),
          "ruleIndex points at the result's rule");
    }
  }

  @Test
  void linksMustBeAbsolute() {
    assertThrows(
        IllegalArgumentException.class, () -> new SarifLog.Links(URI.create("schema-drift"), null));
    assertEquals(SarifLog.Links.NONE, SarifLog.Links.fromRepository(" "));
    assertEquals(
        SarifLog.Links.NONE,
        SarifLog.Links.fromRepository("${schemadrift.repository.url}"),
        "an unset Maven property left by filtering");
  }

  @Test
  void resultsPointAtTheColumnsLineInJsonAndYamlContracts() throws IOException {
    tables();

    check("--format", "sarif");

    JsonNode results = read(out.resolve("schema-drift.sarif")).at("/runs/0/results");
    JsonNode breaking = result(results, "sales.breaking/amount");
    assertEquals(
        "contracts/sales/breaking.json",
        breaking.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals(
        lineOf(contracts.resolve("sales/breaking.json"), "\"name\": \"amount\""),
        breaking.at("/locations/0/physicalLocation/region/startLine").asInt());

    JsonNode yaml = result(results, "sales.odcs_orders/amount");
    assertEquals(
        "contracts/sales/odcs_orders.odcs.yaml",
        yaml.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals(
        lineOf(contracts.resolve("sales/odcs_orders.odcs.yaml"), "- name: amount"),
        yaml.at("/locations/0/physicalLocation/region/startLine").asInt());

    // A table-level finding, and a column the contract does not name: the file alone.
    assertTrue(
        result(results, "sales.risky/@location")
            .at("/locations/0/physicalLocation/region")
            .isMissingNode());
    JsonNode added = result(results, "sales.safe/note|x<b>");
    assertEquals(
        "contracts/sales/safe.json",
        added.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertTrue(added.at("/locations/0/physicalLocation/region").isMissingNode());
  }

  @Test
  void contractLinesFindTheEntryNotAnEarlierMention() {
    String json =
        """
        {
          "table": "amount",
          "description": "amount of each order",
          "columns": [
            {"name": "id", "type": "bigint"},
            {"name" : "Amount", "type": "double"}
          ]
        }
        """;
    assertEquals(
        6,
        ContractLines.line("c.json", json.getBytes(StandardCharsets.UTF_8), "amount")
            .orElseThrow());
    String yaml =
        """
        schema:
          - name: amount
            properties:
              - name: Amount in cents
                physicalName: amount
              - name: id
                physicalType: bigint
        """;
    assertEquals(
        5,
        ContractLines.line("c.odcs.yaml", yaml.getBytes(StandardCharsets.UTF_8), "amount")
            .orElseThrow(),
        "physicalName wins, and the schema object's own name is skipped");
    assertEquals(
        6,
        ContractLines.line("c.odcs.yml", yaml.getBytes(StandardCharsets.UTF_8), "id")
            .orElseThrow());
    assertTrue(
        ContractLines.line("c.json", json.getBytes(StandardCharsets.UTF_8), "note").isEmpty());
    assertEquals("address", ContractLines.column("address.zip"));
    assertEquals("tags", ContractLines.column("tags[]"));
    assertEquals(null, ContractLines.column("@location"));
  }

  // ------------------------------------------------------------------------------------ JUnit

  @Test
  void junitIsValidAgainstTheJenkinsJunitSchemaAndDeterministic() throws Exception {
    tables();

    check("--format", "junit");
    byte[] first = Files.readAllBytes(out.resolve("junit.xml"));
    check("--format", "junit");
    byte[] second = Files.readAllBytes(out.resolve("junit.xml"));

    junitValidator().validate(new StreamSource(new ByteArrayInputStream(first)));
    assertArrayEquals(first, second, "same inputs, same bytes");
    String xml = new String(first, StandardCharsets.UTF_8);
    assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite "), xml);
    // The ERROR table's message quotes a control character; XML 1.0 cannot carry it.
    assertFalse(xml.contains("\u0001"), xml);
    Element error =
        (Element)
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(first))
                .getElementsByTagName("error")
                .item(0);
    assertTrue(
        error.getAttribute("message").contains("\"decimal(10,?"),
        "quotes escaped, the control character replaced: " + error.getAttribute("message"));
  }

  /** Without this the test above could pass against a schema that accepts anything. */
  @Test
  void theJunitSchemaRejectsATestCaseWithoutAName() throws Exception {
    Validator validator = junitValidator();
    String invalid =
        "<testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\"><testcase/></testsuite>";

    assertThrows(
        SAXException.class, () -> validator.validate(new StreamSource(new StringReader(invalid))));
  }

  // ------------------------------------------------------------------------------------- JSON

  @Test
  void jsonSummaryOnStdoutHasEveryTableInAFixedShape() throws IOException {
    tables();

    CliRun run = check("--format", "json");
    CliRun again = check("--format", "json");

    assertEquals(3, run.exitCode(), run.describe());
    assertEquals(run.out(), again.out(), "same inputs, same bytes");
    JsonNode summary = Json.readTree("stdout", run.out().getBytes(StandardCharsets.UTF_8));
    assertEquals(
        List.of(
            "summary_version",
            "run_id",
            "manifest",
            "index",
            "totals",
            "counts",
            "tables",
            "skipped"),
        fieldNames(summary));
    assertEquals(RUN_ID, summary.get("run_id").asText());
    assertEquals(
        out.resolve("runs/" + RUN_ID + ".json").toString(), summary.get("manifest").asText());
    assertTrue(Files.isRegularFile(Path.of(summary.get("index").asText())));
    assertEquals(
        Map.of("OK", 1, "SAFE", 1, "RISKY", 1, "BREAKING", 3, "NO_DATA", 1, "ERROR", 1),
        intMap(summary.get("totals")));
    assertEquals(
        List.of("OK", "SAFE", "RISKY", "BREAKING", "NO_DATA", "ERROR"),
        fieldNames(summary.get("totals")));
    // 1 (breaking) + 1 (odcs_orders) + 12 (wide) BREAKING findings, one RISKY, one SAFE.
    assertEquals(14, summary.at("/counts/BREAKING").asInt());
    assertEquals(1, summary.at("/counts/RISKY").asInt());
    assertEquals(1, summary.at("/counts/SAFE").asInt());
    assertEquals(8, summary.get("tables").size());
    for (JsonNode table : summary.get("tables")) {
      assertEquals(
          List.of(
              "database",
              "table",
              "status",
              "contract",
              "created_table",
              "counts",
              "error",
              "artifact",
              "write_error",
              "reports"),
          fieldNames(table));
      String name = table.get("table").asText();
      assertEquals(artifact(name).get("status").asText(), table.get("status").asText(), name);
      assertTrue(Files.isRegularFile(Path.of(table.get("artifact").asText())), name);
      assertTrue(Files.isRegularFile(Path.of(table.at("/reports/html").asText())), name);
      assertTrue(Files.isRegularFile(Path.of(table.at("/reports/markdown").asText())), name);
      assertTrue(table.get("contract").asText().startsWith("contracts/sales/"), name);
    }
    JsonNode error = table(summary, "error");
    assertEquals("INVALID_GLUE_TYPE", error.at("/error/kind").asText());
    assertTrue(error.at("/error/message").asText().contains("amount"), error.toString());
    assertFalse(run.out().contains("STATUS"), "no text summary around the JSON");
  }

  // --------------------------------------------------------------------------------- Markdown

  @Test
  void markdownCommentListsTheTablesThatAreNotOkWithTheirTopFindings() throws IOException {
    tables();

    CliRun run = check("--format", "markdown");

    assertEquals(3, run.exitCode(), run.describe());
    String comment = run.out();
    List<String> lines = comment.lines().toList();
    assertEquals(
        "### schema-drift: 1 ERROR, 3 BREAKING, 1 RISKY, 1 SAFE, 1 NO_DATA, 1 OK", lines.get(0));
    assertFalse(comment.contains("sales.ok"), "OK tables are only counted");
    assertTrue(comment.contains("#### BREAKING: sales.breaking\n"), comment);
    assertTrue(
        comment.contains("| BREAKING | `COLUMN_REMOVED` | amount | "),
        "severity, rule, column, reason:\n" + comment);
    assertTrue(comment.contains("#### ERROR: sales.error\n\n"), comment);
    assertTrue(comment.contains("**INVALID_GLUE_TYPE**: "), comment);
    assertTrue(comment.contains("#### NO_DATA: sales.no\\_data"), comment);
    // Worst first: ERROR before BREAKING before RISKY before SAFE.
    assertTrue(comment.indexOf("ERROR: sales.error") < comment.indexOf("BREAKING: sales.breaking"));
    assertTrue(comment.indexOf("BREAKING: sales.wide") < comment.indexOf("RISKY: sales.risky"));
    assertTrue(comment.indexOf("RISKY: sales.risky") < comment.indexOf("SAFE: sales.safe"));
    // A Glue column name cannot break the table or inject HTML.
    assertTrue(comment.contains("| SAFE | `COLUMN_ADDED` | note\\|x&lt;b&gt; | "), comment);
    // Bounded: 12 findings on sales.wide, 10 shown.
    String wide = comment.substring(comment.indexOf("#### BREAKING: sales.wide"));
    wide = wide.substring(0, wide.indexOf("\n####"));
    assertEquals(
        PullRequestComment.FINDINGS_PER_TABLE,
        wide.lines().filter(line -> line.startsWith("| BREAKING |")).count());
    assertTrue(wide.contains("… and 2 more findings; see the table's report."), wide);
    assertFalse(comment.contains("STATUS"), "the comment replaces the text summary");
  }

  @Test
  void markdownCommentStaysWithinGithubsLimitForARunOfManyBrokenTables() throws IOException {
    for (int table = 1; table <= 30; table++) {
      String name = "t%02d".formatted(table);
      List<String> columns = new ArrayList<>(List.of("id"));
      for (int column = 1; column <= 12; column++) {
        columns.add("c%02d_".formatted(column) + "x".repeat(240));
      }
      contract(name, columns(columns.toArray(String[]::new)));
      snapshot(name, glueColumns("id"), location(name));
      dataFile(location(name) + "part-00000.parquet");
    }

    CliRun run = check("--format", "markdown");

    assertEquals(0, run.exitCode(), run.describe());
    String comment = run.out();
    assertTrue(comment.length() <= PullRequestComment.MAX_CHARACTERS, "" + comment.length());
    assertTrue(comment.startsWith("### schema-drift: 30 BREAKING\n"), comment.substring(0, 80));
    long shown = comment.lines().filter(line -> line.startsWith("#### BREAKING: ")).count();
    assertTrue(shown >= 5 && shown < 30, shown + " tables shown");
    assertTrue(
        comment.endsWith(
            "\n… and " + (30 - shown) + " more tables that are not OK; see the reports.\n"),
        comment.substring(comment.length() - 200));
  }

  @Test
  void markdownCommentOfACleanRunSaysSo() throws IOException {
    contract("ok", columns("id", "amount"));
    snapshot("ok", glueColumns("id", "amount"), "s3://lake/sales/ok/");
    dataFile("s3://lake/sales/ok/part-00000.parquet");

    CliRun run = check("--format", "markdown");

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals(
        "### schema-drift: 1 OK\n\nRun `"
            + RUN_ID
            + "` checked 1 table.\n\nEvery table matches its contract.\n",
        run.out());
  }

  @Test
  void jsonAndMarkdownTogetherOrWithAnnotationsAreAUsageError() throws IOException {
    tables();

    for (String formats : List.of("json,markdown", "markdown,github", "json,github")) {
      CliRun run = check("--format", formats);
      assertEquals(2, run.exitCode(), run.describe());
      assertTrue(run.err().contains("choose one of them"), run.describe());
      assertFalse(Files.exists(out), "nothing runs");
    }
    CliRun files = check("--format", "junit,sarif,json");
    assertEquals(3, files.exitCode(), files.describe());
    Json.readTree("stdout", files.out().getBytes(StandardCharsets.UTF_8));
    assertTrue(Files.isRegularFile(out.resolve("junit.xml")));
  }

  @Test
  void diffPrintsAMarkdownCommentOnRequestAndTheArtifactByDefault() throws IOException {
    tables();
    String contract = contracts.resolve("sales/breaking.json").toString();
    String table = catalog.resolve("sales/breaking.json").toString();

    CliRun markdown =
        CliRun.of(
            "diff",
            "--contract",
            contract,
            "--table",
            table,
            "--run-id",
            RUN_ID,
            "--format",
            "markdown");
    CliRun json = CliRun.of("diff", "--contract", contract, "--table", table, "--run-id", RUN_ID);

    assertEquals(0, markdown.exitCode(), markdown.describe());
    assertTrue(
        markdown.out().startsWith("### schema-drift: 1 BREAKING\n\nRun `" + RUN_ID + "`"),
        markdown.out());
    assertTrue(markdown.out().contains("| BREAKING | `COLUMN_REMOVED` | amount | "));
    assertEquals(
        "COLUMN_REMOVED",
        Json.readTree("stdout", json.out().getBytes(StandardCharsets.UTF_8))
            .at("/findings/0/rule")
            .asText());
  }

  @Test
  void markdownEscapesEveryMarkupCharacter() {
    assertEquals(
        "a\\|b &lt;img src=x&gt; \\*x\\* \\[l\\](u) \\`c\\` a&amp;b \\~\\~s\\~\\~ line two",
        PullRequestComment.escape("a|b <img src=x> *x* [l](u) `c` a&b ~~s~~ line\ntwo"));
    assertEquals("s3://my-lake/x/", PullRequestComment.escape("s3://my-lake/x/"));
  }

  // ---------------------------------------------------------------------------------- fixture

  /**
   * Eight tables of database sales: ok, safe (a Glue column with markup characters), risky (moved),
   * breaking (amount removed), odcs_orders (an ODCS contract, amount removed), wide (12 columns
   * removed), error (a Glue type with a control character and a line break) and no_data.
   */
  private void tables() throws IOException {
    for (String name : List.of("ok", "safe", "risky", "breaking", "error", "no_data")) {
      contract(name, columns("id", "amount"));
    }
    String id = glueColumns("id");
    String both = glueColumns("id", "amount");
    snapshot("ok", both, location("ok"));
    snapshot("safe", both + ", {\"Name\": \"note|x<b>\", \"Type\": \"string\"}", location("safe"));
    snapshot("risky", both, "s3://lake/sales/risky_moved/");
    snapshot("breaking", id, location("breaking"));
    snapshot(
        "error",
        id + ", {\"Name\": \"amount\", \"Type\": \"decimal(10,\\u0001\\n2\"}",
        location("error"));
    snapshot("no_data", both, location("no_data"));
    write(
        contracts.resolve("sales/odcs_orders.odcs.yaml"),
        """
        apiVersion: v3.0.2
        kind: DataContract
        id: sales-odcs-orders
        version: 1.0.0
        status: active
        servers:
          - server: lake
            type: glue
            database: sales
            location: s3://lake/sales/odcs_orders/
            format: parquet
        schema:
          - name: odcs_orders
            physicalType: table
            properties:
              - name: id
                physicalType: bigint
              - name: amount
                physicalType: decimal(10,2)
        """);
    snapshot("odcs_orders", id, location("odcs_orders"));
    List<String> wide = new ArrayList<>(List.of("id"));
    for (int index = 1; index <= 12; index++) {
      wide.add("c%02d".formatted(index));
    }
    contract("wide", columns(wide.toArray(String[]::new)));
    snapshot("wide", id, location("wide"));
    for (String name : List.of("ok", "safe", "risky", "breaking", "error", "odcs_orders", "wide")) {
      dataFile(location(name) + "part-00000.parquet");
    }
    write(data.resolve("lake/sales/no_data/_SUCCESS"), "");
  }

  private static String location(String table) {
    return "s3://lake/sales/" + table + "/";
  }

  private void contract(String table, String columns) throws IOException {
    write(
        contracts.resolve("sales/" + table + ".json"),
        """
        {
          "contract_version": "1.0.0",
          "database": "sales",
          "table": "%s",
          "data_location": "s3://lake/sales/%s/",
          "format": "parquet",
          "columns": [
        %s
          ]
        }
        """
            .formatted(table, table, columns));
  }

  private static String columns(String... names) {
    List<String> entries = new ArrayList<>();
    for (String name : names) {
      String type = name.equals("id") ? "bigint" : "decimal(10,2)";
      entries.add("    {\"name\": \"" + name + "\", \"type\": \"" + type + "\"}");
    }
    return String.join(",\n", entries);
  }

  private static String glueColumns(String... names) {
    List<String> entries = new ArrayList<>();
    for (String name : names) {
      String type = name.equals("id") ? "bigint" : "decimal(10,2)";
      entries.add("{\"Name\": \"" + name + "\", \"Type\": \"" + type + "\"}");
    }
    return String.join(", ", entries);
  }

  private void snapshot(String table, String columns, String location) throws IOException {
    write(
        catalog.resolve("sales/" + table + ".json"),
        """
        {"Table": {
          "Name": "%s",
          "DatabaseName": "sales",
          "TableType": "EXTERNAL_TABLE",
          "StorageDescriptor": {
            "Columns": [%s],
            "Location": "%s",
            "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "OutputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
            "SerdeInfo": {
              "SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
            }
          },
          "PartitionKeys": []
        }}
        """
            .formatted(table, columns, location));
  }

  private void dataFile(String uri) throws IOException {
    write(data.resolve(uri.substring("s3://".length())), "PAR1 data");
  }

  private CliRun check(String... extra) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
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
                out.toString(),
                "--run-id",
                RUN_ID,
                "--quiet"));
    arguments.addAll(List.of(extra));
    return CliRun.of(arguments.toArray(String[]::new));
  }

  /** The run as check had it, rebuilt from the manifest and the artifacts it wrote. */
  private RunManifest writtenManifest() {
    List<TableResult> tables = new ArrayList<>();
    for (JsonNode line : read(out.resolve("runs/" + RUN_ID + ".json")).get("tables")) {
      Path artifact = out.resolve(line.get("diff_key").asText());
      try {
        tables.add(
            new TableResult(
                ArtifactJson.read(artifact.toString(), Files.readAllBytes(artifact)),
                line.get("contract_key").asText(),
                null,
                List.of(),
                line.get("diff_key").asText(),
                null));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new RunManifest(new RunId(RUN_ID), RunMode.EXPLICIT, tables, List.of(), List.of(), null);
  }

  private byte[] contractBytes(String key) {
    try {
      return Files.readAllBytes(root.resolve(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode artifact(String table) {
    return read(out.resolve("diffs/sales." + table + "/" + RUN_ID + ".diff.json"));
  }

  private static JsonNode result(JsonNode results, String logicalName) {
    for (JsonNode result : results) {
      if (result
          .at("/locations/0/logicalLocations/0/fullyQualifiedName")
          .asText()
          .equals(logicalName)) {
        return result;
      }
    }
    throw new AssertionError("no result for " + logicalName + " in " + results);
  }

  private static JsonNode table(JsonNode summary, String name) {
    for (JsonNode table : summary.get("tables")) {
      if (table.get("table").asText().equals(name)) {
        return table;
      }
    }
    throw new AssertionError("no table " + name);
  }

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int index = 0; index < lines.size(); index++) {
      if (lines.get(index).contains(text)) {
        return index + 1;
      }
    }
    throw new AssertionError(file + " has no line with " + text);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Map<String, Integer> intMap(JsonNode node) {
    Map<String, Integer> values = new HashMap<>();
    node.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asInt()));
    return values;
  }

  /** The ids docs/RULES.md gives its rows ({@code <a id="…">}). */
  private static Set<String> anchorsOfTheRulesPage() throws IOException {
    String page = Files.readString(CliRun.repositoryRoot().resolve("docs/RULES.md"));
    Set<String> anchors = new LinkedHashSet<>();
    Matcher matcher = Pattern.compile("<a id=\"([^\"]+)\"></a>").matcher(page);
    while (matcher.find()) {
      anchors.add(matcher.group(1));
    }
    return anchors;
  }

  private static JsonNode read(Path file) {
    try {
      return Json.readTree(file.toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void formatAssertions(com.networknt.schema.ExecutionContext context) {
    context.executionConfig(config -> config.formatAssertionsEnabled(true));
  }

  private static Schema sarifSchema() {
    try (InputStream in = Files.newInputStream(SCHEMAS.resolve("sarif-schema-2.1.0.json"))) {
      return SchemaRegistry.withDialect(Dialects.getDraft4()).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Validator junitValidator() throws SAXException {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
    Validator validator =
        factory.newSchema(SCHEMAS.resolve("junit-10.xsd").toFile()).newValidator();
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return validator;
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
