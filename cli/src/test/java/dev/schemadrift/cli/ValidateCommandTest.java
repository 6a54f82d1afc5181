package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schema-drift validate}: every problem as FILE: JSON-PATH: MESSAGE, and its exit codes. */
class ValidateCommandTest {
  private static final String VALID =
      """
      {
        "contract_version": "1.0.0",
        "database": "sales",
        "table": "%s",
        "data_location": "s3://lake/sales/%s/",
        "format": "parquet",
        "columns": [{"name": "id", "type": "bigint"}]
      }
      """;

  @TempDir Path root;

  @Test
  void theRepositoryRegistryAndContractsAreValid() throws IOException {
    Path repository = CliRun.repositoryRoot();
    Path registry = repository.resolve("configs/tables.json");
    JsonNode entries =
        Json.readTree(registry.toString(), Files.readAllBytes(registry)).get("tables");

    CliRun run =
        CliRun.of(
            "validate",
            "--registry",
            registry.toString(),
            "--contracts-root",
            repository.toString());

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals(
        entries.size()
            + " of "
            + entries.size()
            + " contracts valid, registry "
            + registry
            + "; 0 problems\n",
        run.out(),
        "the registry's contracts, the disabled one included");
    assertEquals("", run.err());
  }

  @Test
  void validContractsInAFolder() throws IOException {
    contract("sales/orders.json", VALID.formatted("orders", "orders"));
    contract("sales/customers.json", VALID.formatted("customers", "customers"));
    Files.writeString(root.resolve("contracts/README.md"), "not a contract");

    CliRun run = CliRun.of("validate", "--contracts", root.resolve("contracts").toString());

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("2 of 2 contracts valid; 0 problems\n", run.out());
  }

  @Test
  void registryListingAMissingContractNamesTheEntry() throws IOException {
    contract("sales/orders.json", VALID.formatted("orders", "orders"));
    Path registry =
        registry(
            """
            {"registry_version": 1, "tables": [
              {"contract": "contracts/sales/orders.json"},
              {"contract": "contracts/sales/gone.json"}
            ]}
            """);

    CliRun run = validate(registry);

    assertEquals(1, run.exitCode(), run.describe());
    assertTrue(
        run.out().startsWith(registry + ": $.tables[1].contract: no such contract file "),
        run.out());
    assertTrue(run.out().contains("gone.json"), run.out());
    assertTrue(
        run.out().endsWith("1 of 1 contract valid, registry " + registry + "; 1 problem\n"),
        run.out());
  }

  @Test
  void brokenContractsPrintEveryProblemWithFileAndPath() throws IOException {
    contract("sales/orders.json", VALID.formatted("orders", "orders"));
    Path broken =
        contract(
            "sales/broken.json",
            """
            {
              "contract_version": "one",
              "database": "Sales",
              "table": "broken",
              "data_location": "lake/sales/broken/",
              "format": "parquet",
              "columns": [{"name": "id", "type": "decimal(10,"}],
              "colour": "blue"
            }
            """);
    Path unreadable = contract("sales/unreadable.json", "{\"contract_version\": ");

    CliRun run = CliRun.of("validate", "--contracts", root.resolve("contracts").toString());

    assertEquals(1, run.exitCode(), run.describe());
    List<String> lines = run.out().lines().toList();
    List<String> brokenLines =
        lines.stream().filter(line -> line.startsWith(broken + ": $.")).toList();
    for (String path :
        List.of(
            "$.contract_version",
            "$.database",
            "$.data_location",
            "$.columns[0].type",
            "$.colour")) {
      assertTrue(
          brokenLines.stream().anyMatch(line -> line.startsWith(broken + ": " + path + ": ")),
          path + ":\n" + run.out());
    }
    assertTrue(lines.stream().anyMatch(line -> line.startsWith(unreadable + ": ")), run.out());
    // Where in the file: a JSON path, or for text that is not JSON at all, a line and column.
    Pattern problem = Pattern.compile("^.+\\.json: (\\$\\S*|line \\d+, column \\d+): .+$");
    for (String line : lines.subList(0, lines.size() - 1)) {
      assertTrue(problem.matcher(line).matches(), "FILE: WHERE: MESSAGE: " + line);
    }
    assertTrue(
        lines.getLast().matches("1 of 3 contracts valid; " + (lines.size() - 1) + " problems"),
        lines.getLast());
  }

  @Test
  void invalidRegistryIsReportedLikeAContract() throws IOException {
    Path registry = registry("{\"registry_version\": 2, \"tables\": [], \"extra\": true}");

    CliRun run = validate(registry);

    assertEquals(1, run.exitCode(), run.describe());
    assertTrue(run.out().contains(registry + ": $.registry_version: "), run.out());
    assertTrue(run.out().contains(registry + ": $.extra: "), run.out());
  }

  /** Check refuses a registry key that leaves --contracts-root; validate must say so too. */
  @Test
  void registryKeyLeavingTheContractsRootIsAProblem() throws IOException {
    Path outside = root.resolve("outside.json");
    Files.writeString(outside, VALID.formatted("outside", "outside"));
    Path contractsRoot = Files.createDirectories(root.resolve("project"));
    Path registry = contractsRoot.resolve("configs/tables.json");
    Files.createDirectories(registry.getParent());
    Files.writeString(
        registry, "{\"registry_version\": 1, \"tables\": [{\"contract\": \"../outside.json\"}]}");

    CliRun run =
        CliRun.of(
            "validate",
            "--registry",
            registry.toString(),
            "--contracts-root",
            contractsRoot.toString());

    assertEquals(1, run.exitCode(), run.describe());
    assertTrue(run.out().startsWith(registry + ": $.tables[0].contract: "), run.out());
  }

  @Test
  void aContractNamedByTheRegistryAndByContractsIsValidatedOnce() throws IOException {
    Path file = contract("sales/orders.json", VALID.formatted("orders", "orders"));
    Path registry =
        registry(
            "{\"registry_version\": 1, \"tables\": [{\"contract\": \"contracts/sales/orders.json\"}]}");
    // The same file once absolute (through the registry) and once relative to the working folder.
    Path relative = Path.of("").toAbsolutePath().relativize(file);

    CliRun run =
        CliRun.of(
            "validate",
            "--registry",
            registry.toString(),
            "--contracts-root",
            root.toString(),
            "--contracts",
            relative.toString());

    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().startsWith("1 of 1 contract valid"), run.out());
  }

  // --------------------------------------------------------------------------- usage errors

  @Test
  void nothingToValidateIsAUsageError() {
    CliRun run = CliRun.of("validate");

    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("--contracts"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void nonexistentRegistryIsAUsageError() {
    CliRun run = CliRun.of("validate", "--registry", root.resolve("none.json").toString());

    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("none.json"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void nonexistentContractPathIsAUsageError() {
    CliRun run = CliRun.of("validate", "--contracts", root.resolve("none").toString());

    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("none"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = CliRun.of("validate", "--strict");

    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("--strict"), run.err());
  }

  @Test
  void helpListsTheExitCodes() {
    CliRun run = CliRun.of("validate", "--help");

    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().contains("Exit codes:"), run.out());
    assertFalse(run.out().isBlank());
  }

  // -------------------------------------------------------------------------------- helpers

  private CliRun validate(Path registry) {
    return CliRun.of(
        "validate", "--registry", registry.toString(), "--contracts-root", root.toString());
  }

  private Path contract(String relative, String json) throws IOException {
    Path file = root.resolve("contracts").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  private Path registry(String json) throws IOException {
    Path file = root.resolve("configs/tables.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }
}
