package dev.schemadrift.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code schema-drift compat}: its output, every exit code, both contract formats and contracts
 * read from git. The verdicts themselves are the rules' ({@code ContractCompatibilityTest}).
 */
class CompatCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);

  /** A Parquet contract; {@code %s} is its version, then extra columns after the two. */
  private static final String CONTRACT =
      """
      {
        "contract_version": "%s",
        "database": "sales",
        "table": "orders",
        "data_location": "s3://example-data/sales/orders/",
        "format": "parquet",
        "columns": [
          {"name": "id", "type": "bigint", "required": true},
          {"name": "amount", "type": "decimal(10,2)"}%s
        ]
      }
      """;

  /** The same table as ODCS v3; {@code %s} is its version, then extra properties. */
  private static final String ODCS =
      """
      apiVersion: v3.0.2
      kind: DataContract
      id: orders
      version: %s
      servers:
        - server: lake
          type: glue
          database: sales
          location: s3://example-data/sales/orders/
          format: parquet
      schema:
        - name: orders
          physicalType: table
          properties:
            - name: id
              physicalType: bigint
              required: true
            - name: amount
              physicalType: decimal(10,2)
      %s""";

  @TempDir Path folder;

  @Test
  void aSafeChangeWithAPatchBumpPassesAndIsListedWithItsReason() throws IOException {
    write("old.json", contract("1.0.0", ""));
    write("new.json", contract("1.0.1", ", {\"name\": \"note\", \"type\": \"string\"}"));
    CliRun run = compat("--old", "old.json", "--new", "new.json");
    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("", run.err(), run.describe());
    List<String> lines = run.out().lines().toList();
    assertEquals("Contract change of sales.orders", lines.get(0));
    assertEquals("Old contract: old.json (1.0.0)", lines.get(1));
    assertEquals("New contract: new.json (1.0.1)", lines.get(2));
    assertEquals("SAFE  COLUMN_ADDED  note", lines.get(4));
    assertEquals("  old: -; new: string", lines.get(5));
    assertTrue(lines.get(6).startsWith("  ") && lines.get(6).length() > 20, run.describe());
    assertTrue(run.out().contains("\nStatus: SAFE (0 BREAKING, 0 RISKY, 1 SAFE, 0 waived)\n"));
    assertTrue(
        run.out()
            .endsWith("Version: 1.0.0 -> 1.0.1: a patch bump; SAFE changes need no bump: OK.\n"),
        run.describe());
  }

  @Test
  void aBreakingChangeNeedsANewMajorVersion() throws IOException {
    write("old.json", contract("1.4.2", ""));
    write("minor.json", removeAmount(contract("1.5.0", "")));
    write("major.json", removeAmount(contract("2.0.0", "")));
    CliRun tooSmall = compat("--old", "old.json", "--new", "minor.json");
    assertEquals(SchemaDriftCommand.EXIT_FAIL_ON, tooSmall.exitCode(), tooSmall.describe());
    assertTrue(tooSmall.out().contains("BREAKING  COLUMN_REMOVED  amount\n"), tooSmall.describe());
    assertTrue(
        tooSmall
            .out()
            .contains(
                "Version: 1.4.2 -> 1.5.0: a minor bump, but BREAKING changes need a major bump:"
                    + " use 2.0.0 or later.\n"),
        tooSmall.describe());
    CliRun major = compat("--old", "old.json", "--new", "major.json");
    assertEquals(0, major.exitCode(), major.describe());
  }

  @Test
  void aLoweredVersionFailsEvenWithoutChanges() throws IOException {
    write("old.json", contract("1.2.0", ""));
    write("new.json", contract("1.1.9", ""));
    CliRun run = compat("--old", "old.json", "--new", "new.json");
    assertEquals(SchemaDriftCommand.EXIT_FAIL_ON, run.exitCode(), run.describe());
    assertTrue(run.out().contains("No changes.\n"), run.describe());
    assertTrue(
        run.out()
            .contains(
                "Version: 1.2.0 -> 1.1.9 lowers the version: a new contract version must be higher"
                    + " than the old one; use 1.2.1 or later.\n"),
        run.describe());
  }

  @Test
  void requireBumpChangesWhatEachSeverityNeeds() throws IOException {
    write("old.json", contract("1.0.0", ""));
    write("new.json", contract("1.0.1", ", {\"name\": \"note\", \"type\": \"string\"}"));
    CliRun strict =
        compat("--old", "old.json", "--new", "new.json", "--require-bump", "safe=minor");
    assertEquals(SchemaDriftCommand.EXIT_FAIL_ON, strict.exitCode(), strict.describe());
    assertTrue(
        strict.out().contains("SAFE changes need a minor bump: use 1.1.0"), strict.describe());
    CliRun anyCase =
        compat("--old", "old.json", "--new", "new.json", "--require-bump", "SAFE=Patch");
    assertEquals(0, anyCase.exitCode(), anyCase.describe());
    CliRun invalid =
        compat("--old", "old.json", "--new", "new.json", "--require-bump", "safe=tiny");
    assertEquals(SchemaDriftCommand.EXIT_USAGE, invalid.exitCode(), invalid.describe());
    assertTrue(invalid.err().contains("'safe=tiny' is not SEVERITY=BUMP"), invalid.describe());
  }

  @Test
  void failOnFailsAtTheSeverityEvenWhenTheBumpIsEnough() throws IOException {
    write("old.json", contract("1.0.0", ""));
    write("new.json", removeAmount(contract("2.0.0", "")));
    assertEquals(0, compat("--old", "old.json", "--new", "new.json").exitCode());
    CliRun run = compat("--old", "old.json", "--new", "new.json", "--fail-on", "BREAKING");
    assertEquals(SchemaDriftCommand.EXIT_FAIL_ON, run.exitCode(), run.describe());
  }

  @Test
  void jsonIsTheDocumentedShapeAndDeterministic() throws IOException {
    write("old.json", contract("1.4.2", ""));
    write("new.json", removeAmount(contract("1.5.0", "")));
    CliRun run = compat("--old", "old.json", "--new", "new.json", "--format", "json");
    assertEquals(SchemaDriftCommand.EXIT_FAIL_ON, run.exitCode(), run.describe());
    assertEquals(
        run.out(), compat("--old", "old.json", "--new", "new.json", "--format", "JSON").out());
    JsonNode json = Json.mapper().readTree(run.out());
    assertEquals("sales", json.at("/table/database").asText());
    assertEquals("old.json", json.at("/old/source").asText());
    assertEquals(64, json.at("/old/sha256").asText().length());
    assertEquals("1.5.0", json.at("/new/version").asText());
    assertEquals("2026-12-06", json.get("as_of").asText());
    assertEquals("BREAKING", json.get("status").asText());
    assertEquals("COLUMN_REMOVED", json.at("/changes/0/rule").asText());
    assertEquals("BREAKING", json.at("/changes/0/severity").asText());
    assertTrue(json.at("/changes/0/reason").asText().length() > 20);
    assertEquals("minor", json.at("/version_check/bump").asText());
    assertEquals("major", json.at("/version_check/required").asText());
    assertEquals(false, json.at("/version_check/ok").asBoolean());
    CliRun unknown = compat("--old", "old.json", "--new", "new.json", "--format", "xml");
    assertEquals(SchemaDriftCommand.EXIT_USAGE, unknown.exitCode(), unknown.describe());
    assertTrue(unknown.err().contains("'xml' is not an output format"), unknown.describe());
  }

  @Test
  void odcsContractsAreComparedLikeJsonOnes() throws IOException {
    String note = "      - name: note\n        physicalType: string\n";
    write("old.odcs.yaml", ODCS.formatted("1.0.0", ""));
    write("new.odcs.yaml", ODCS.formatted("1.0.1", note));
    CliRun run = compat("--old", "old.odcs.yaml", "--new", "new.odcs.yaml");
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().contains("SAFE  COLUMN_ADDED  note\n"), run.describe());
    // Across formats: the JSON contract is the promise, the ODCS one the next version.
    write("old.json", contract("1.0.0", ""));
    write("retyped.odcs.yaml", ODCS.formatted("1.1.0", "").replace("bigint", "string"));
    CliRun mixed = compat("--old", "old.json", "--new", "retyped.odcs.yaml");
    assertEquals(SchemaDriftCommand.EXIT_FAIL_ON, mixed.exitCode(), mixed.describe());
    assertTrue(mixed.out().contains("BREAKING  COLUMN_TYPE_CHANGED  id\n"), mixed.describe());
  }

  @Test
  void theOldContractComesFromGit() throws Exception {
    assumeTrue(gitWorks(), "no usable git program on the PATH: the git:REF:PATH cases are skipped");
    Path contracts = Files.createDirectories(folder.resolve("contracts"));
    write("contracts/orders.json", contract("1.4.2", ""));
    git("init", "-q");
    git("add", "contracts/orders.json");
    git(
        "-c",
        "user.name=Test",
        "-c",
        "user.email=test@example.com",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-q",
        "-m",
        "orders 1.4.2");
    git("branch", "-M", "main");
    write("contracts/orders.json", removeAmount(contract("1.5.0", "")));
    CliRun run =
        compat("--old", "git:main:contracts/orders.json", "--new", "contracts/orders.json");
    assertEquals(SchemaDriftCommand.EXIT_FAIL_ON, run.exitCode(), run.describe());
    assertTrue(
        run.out().contains("Old contract: git:main:contracts/orders.json (1.4.2)\n"),
        run.describe());
    assertTrue(run.out().contains("BREAKING  COLUMN_REMOVED  amount\n"), run.describe());
    // Both sides from git: the commit against itself.
    CliRun same =
        compat(
            "--old", "git:main:contracts/orders.json", "--new", "git:HEAD:contracts/orders.json");
    assertEquals(0, same.exitCode(), same.describe());
    assertTrue(same.out().contains("No changes.\n"), same.describe());

    CliRun noRef =
        compat("--old", "git:nope:contracts/orders.json", "--new", "contracts/orders.json");
    assertEquals(SchemaDriftCommand.EXIT_USAGE, noRef.exitCode(), noRef.describe());
    assertTrue(
        noRef
            .err()
            .startsWith(
                "schema-drift compat: git:nope:contracts/orders.json: git show"
                    + " nope:contracts/orders.json failed (exit 128): fatal: "),
        noRef.describe());
    assertTrue(noRef.err().contains("nope"), noRef.describe());
    assertEquals("", noRef.out());

    CliRun noPath =
        compat("--old", "git:main:contracts/refunds.json", "--new", "contracts/orders.json");
    assertEquals(SchemaDriftCommand.EXIT_USAGE, noPath.exitCode(), noPath.describe());
    assertTrue(noPath.err().contains("contracts/refunds.json"), noPath.describe());
    assertTrue(noPath.err().contains("failed (exit 128): fatal: "), noPath.describe());
    assertTrue(Files.isDirectory(contracts));
  }

  @Test
  void gitSourcesAreCheckedBeforeGitRuns() throws IOException {
    write("new.json", contract("1.0.0", ""));
    for (String old :
        new String[] {"git:main", "git::orders.json", "git:main:", "git:--output=x:o.json"}) {
      CliRun run = compat("--old", old, "--new", "new.json");
      assertEquals(SchemaDriftCommand.EXIT_USAGE, run.exitCode(), old + "\n" + run.describe());
      assertTrue(run.err().startsWith("schema-drift compat: '" + old + "'"), run.describe());
    }
  }

  @Test
  void aMissingGitProgramIsNamed() throws IOException {
    write("new.json", contract("1.0.0", ""));
    CliRun run =
        CliRun.with(
            factory(folder.resolve("no-such-git").toString()),
            "compat",
            "--old",
            "git:main:orders.json",
            "--new",
            "new.json");
    assertEquals(SchemaDriftCommand.EXIT_USAGE, run.exitCode(), run.describe());
    assertTrue(
        run.err()
            .startsWith(
                "schema-drift compat: git:main:orders.json: cannot run "
                    + folder.resolve("no-such-git")
                    + " (is git installed and on the PATH?)"),
        run.describe());
  }

  @Test
  void badInputIsAClearErrorNamingTheFileAndField() throws IOException {
    write("old.json", contract("1.0.0", ""));
    write("invalid.json", contract("1.0", ""));
    CliRun invalid = compat("--old", "old.json", "--new", "invalid.json");
    assertEquals(SchemaDriftCommand.EXIT_ERROR, invalid.exitCode(), invalid.describe());
    assertTrue(
        invalid.err().contains("invalid.json: $.contract_version: '1.0' is not a semantic version"),
        invalid.describe());
    assertEquals("", invalid.out());

    write("unversioned.odcs.yaml", ODCS.formatted("1.0.0", "").replace("version: 1.0.0\n", ""));
    CliRun unversioned = compat("--old", "old.json", "--new", "unversioned.odcs.yaml");
    assertEquals(SchemaDriftCommand.EXIT_ERROR, unversioned.exitCode(), unversioned.describe());
    assertTrue(
        unversioned.err().contains("unversioned.odcs.yaml: $.version"), unversioned.describe());

    CliRun missing = compat("--old", "old.json", "--new", "absent.json");
    assertEquals(SchemaDriftCommand.EXIT_USAGE, missing.exitCode(), missing.describe());
    assertTrue(missing.err().contains("no such file: absent.json"), missing.describe());

    write("refunds.json", contract("2.0.0", "").replace("\"orders\"", "\"refunds\""));
    CliRun other = compat("--old", "old.json", "--new", "refunds.json");
    assertEquals(SchemaDriftCommand.EXIT_ERROR, other.exitCode(), other.describe());
    assertTrue(
        other
            .err()
            .startsWith(
                "schema-drift compat: ERROR: old.json describes table sales.orders and refunds.json"
                    + " describes sales.refunds"),
        other.describe());

    CliRun badDate = compat("--old", "old.json", "--new", "old.json", "--as-of", "2026-13-01");
    assertEquals(SchemaDriftCommand.EXIT_USAGE, badDate.exitCode(), badDate.describe());
    assertTrue(badDate.err().contains("--as-of '2026-13-01' is not a date"), badDate.describe());

    // Refused by size before it is parsed, as check refuses it.
    write("huge.json", contract("1.0.0", "") + " ".repeat(ContractReader.MAX_BYTES));
    CliRun huge = compat("--old", "old.json", "--new", "huge.json");
    assertEquals(SchemaDriftCommand.EXIT_ERROR, huge.exitCode(), huge.describe());
    assertTrue(
        huge.err().startsWith("schema-drift compat: ") && huge.err().contains("huge.json"),
        huge.describe());

    CliRun noNew = compat("--old", "old.json");
    assertEquals(SchemaDriftCommand.EXIT_USAGE, noNew.exitCode(), noNew.describe());
  }

  @Test
  void theTopLevelHelpListsCompat() {
    CliRun run = CliRun.of("--help");
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().contains("  compat "), run.describe());
  }

  private CliRun compat(String... arguments) {
    List<String> all = new ArrayList<>();
    all.add("compat");
    all.addAll(List.of(arguments));
    return CliRun.with(factory(ContractSource.GIT), all.toArray(String[]::new));
  }

  private CommandLine.IFactory factory(String git) {
    CommandLine.IFactory fallback = CommandLine.defaultFactory();
    return new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type == CompatCommand.class) {
          return type.cast(new CompatCommand(CLOCK, folder, git));
        }
        return fallback.create(type);
      }
    };
  }

  private static String contract(String version, String extraColumns) {
    return CONTRACT.formatted(version, extraColumns);
  }

  private static String removeAmount(String contract) {
    String removed =
        contract.replace(",\n    {\"name\": \"amount\", \"type\": \"decimal(10,2)\"}", "");
    assertTrue(!removed.equals(contract), "the template lost its amount column");
    return removed;
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(folder.resolve(name), content, UTF_8);
  }

  private static boolean gitWorks() {
    try {
      Process process = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void git(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "git timed out: " + command);
    assertEquals(0, process.exitValue(), command + ":\n" + output);
  }
}
