package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.contract.RegistryReader;
import dev.schemadrift.corpus.Corpus;
import dev.schemadrift.json.Json;
import dev.schemadrift.local.SpecialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a hostile user can hand every command: out-of-range times, devices, FIFOs, links out of
 * the contracts root, files above a limit. Each is a named error with a documented exit code; no
 * run hangs, reads without bound or loses its other tables.
 */
class HostileInputTest {
  private static final String RUN = "20261126T080000Z";
  private static final Duration NO_HANG = Duration.ofSeconds(30);

  @TempDir Path temp;

  // ------------------------------------------------------------ out-of-range UpdateTime

  @Test
  void checkGoesOnBesideASnapshotWhoseUpdateTimeIsOutOfRange() throws IOException {
    Path catalog = catalog();
    Files.createDirectories(catalog.resolve("broken"));
    Files.writeString(
        catalog.resolve("broken/events.json"),
        "{\"Table\": {\"Name\": \"events\", \"DatabaseName\": \"broken\","
            + " \"UpdateTime\": 99999999999999999999999, \"StorageDescriptor\": {\"Columns\": []}}}");
    Files.writeString(
        temp.resolve("contracts/events.json"),
        new String(Corpus.file(Corpus.BASE_CONTRACT), StandardCharsets.UTF_8)
            .replace("\"corpus\"", "\"broken\"")
            .replace("\"orders\"", "\"events\""));
    Path out = temp.resolve("out");

    CliRun run = check(catalog, temp, "--contracts", temp.resolve("contracts").toString());

    assertEquals(3, run.exitCode(), run.describe());
    JsonNode manifest =
        Json.readTree("manifest", Files.readAllBytes(out.resolve("runs/" + RUN + ".json")));
    List<String> statuses = new ArrayList<>();
    manifest.path("tables").forEach(line -> statuses.add(line.path("status").asText()));
    assertEquals(List.of("ERROR", "OK"), statuses.stream().sorted().toList(), manifest.toString());
    assertTrue(Files.isRegularFile(out.resolve("index.html")), "the run is reported");
    assertTrue(run.out().contains("INVALID_SNAPSHOT"), run.describe());
    assertClean(run);
  }

  @Test
  void initRefusesAnUpdateTimeOutOfRangeWithItsDocumentedCode() throws IOException {
    Path table =
        Files.writeString(
            temp.resolve("t.json"),
            new String(Corpus.file(Corpus.BASE_TABLE), StandardCharsets.UTF_8)
                .replace("\"2026-11-20T10:00:00+00:00\"", "-1e19"));

    CliRun run = CliRun.of("init", "--table", table.toString());

    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("$.Table.UpdateTime"), run.describe());
    assertTrue(run.err().contains("out of range"), run.describe());
    assertClean(run);
  }

  // ------------------------------------------------------------ devices and FIFOs

  @Test
  void diffRefusesADeviceAsContractOrTable() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "needs /dev/zero");
    Path contract = Corpus.root().resolve(Corpus.BASE_CONTRACT);
    Path table = Corpus.root().resolve(Corpus.BASE_TABLE);

    for (List<Path> inputs : List.of(List.of(zero, table), List.of(contract, zero))) {
      CliRun run = diff(inputs.get(0), inputs.get(1));

      assertEquals(2, run.exitCode(), run.describe());
      assertTrue(run.err().contains("/dev/zero is not a regular file"), run.describe());
      assertClean(run);
    }
  }

  @Test
  void diffAndInitRefuseAFifoWithoutHanging() throws IOException {
    Path fifo = fifo(temp.resolve("table.json"));

    CliRun diff = diff(Corpus.root().resolve(Corpus.BASE_CONTRACT), fifo);
    CliRun init =
        assertTimeoutPreemptively(NO_HANG, () -> CliRun.of("init", "--table", fifo.toString()));

    for (CliRun run : List.of(diff, init)) {
      assertEquals(2, run.exitCode(), run.describe());
      assertTrue(run.err().contains(fifo + " is not a regular file"), run.describe());
      assertClean(run);
    }
  }

  @Test
  void aRegistryContractThatIsAFifoIsThatEntrysError() throws IOException {
    Path catalog = catalog();
    fifo(temp.resolve("contracts/events.json"));
    Path registry = registry(temp, Corpus.BASE_CONTRACT, "contracts/events.json");

    CliRun check =
        assertTimeoutPreemptively(
            NO_HANG, () -> check(catalog, temp, "--registry", registry.toString()));
    CliRun validate = assertTimeoutPreemptively(NO_HANG, () -> validate(registry, temp));

    assertRefusedByBoth(check, "IO_ERROR", validate, "not a regular file");
  }

  // ------------------------------------------------------------ links out of the root

  @Test
  void aLinkOutOfTheContractsRootIsRefusedByCheckAndValidate() throws IOException {
    Path catalog = catalog();
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.write(outside.resolve("secret.json"), Corpus.file(Corpus.BASE_CONTRACT));
    Path root = temp.resolve("root");
    Files.createDirectories(root.resolve("contracts"));
    Files.write(root.resolve(Corpus.BASE_CONTRACT), Corpus.file(Corpus.BASE_CONTRACT));
    Files.createSymbolicLink(root.resolve("contracts/linked.json"), outside.resolve("secret.json"));
    Path registry = registry(root, Corpus.BASE_CONTRACT, "contracts/linked.json");

    CliRun check = check(catalog, root, "--registry", registry.toString());
    CliRun validate = validate(registry, root);

    assertRefusedByBoth(
        check, "CONTRACT_LOCATION_NOT_ALLOWED", validate, "outside --contracts-root");
    assertTrue(validate.out().contains("linked.json"), validate.describe());
  }

  /**
   * {@code check} made the entry ERROR of that kind beside an OK table, and {@code validate} listed
   * it as a problem.
   */
  private void assertRefusedByBoth(CliRun check, String kind, CliRun validate, String problem)
      throws IOException {
    assertEquals(3, check.exitCode(), check.describe());
    JsonNode manifest =
        Json.readTree("manifest", Files.readAllBytes(temp.resolve("out/runs/" + RUN + ".json")));
    String lines = manifest.path("tables").toString();
    assertTrue(lines.contains("\"ERROR\""), lines);
    assertTrue(lines.contains("\"OK\""), lines);
    assertTrue(check.out().contains(kind), check.describe());
    assertEquals(1, validate.exitCode(), validate.describe());
    assertTrue(validate.out().contains(problem), validate.describe());
    assertClean(check);
    assertClean(validate);
  }

  // ------------------------------------------------------------ one limit, every entry point

  @Test
  void validateRefusesARegistryAboveTheLimitAsCheckDoes() throws IOException {
    Path catalog = catalog();
    String entries =
        "{\"registry_version\": 1, \"tables\": [{\"contract\": \"" + Corpus.BASE_CONTRACT + "\"}]}";
    Path registry =
        Files.writeString(
            temp.resolve("registry.json"),
            entries + " ".repeat(RegistryReader.MAX_BYTES - entries.length() + 1));

    CliRun validate = validate(registry, temp);
    CliRun check = check(catalog, temp, "--registry", registry.toString());

    assertEquals(1, validate.exitCode(), validate.describe());
    assertTrue(validate.out().contains("larger than the 32 MiB limit"), validate.describe());
    assertEquals(2, check.exitCode(), check.describe());
    assertTrue(check.err().contains("larger than the 32 MiB limit"), check.describe());
  }

  // ------------------------------------------------------------ set-up

  /** A catalog with the corpus table, its data, and the corpus contract below {@code temp}. */
  private Path catalog() throws IOException {
    Path catalog = temp.resolve("catalog");
    Files.createDirectories(catalog.resolve("corpus"));
    Files.write(catalog.resolve("corpus/orders.json"), Corpus.file(Corpus.BASE_TABLE));
    Files.createDirectories(temp.resolve("data/corpus-data/corpus/orders"));
    Files.writeString(temp.resolve("data/corpus-data/corpus/orders/part-00000.parquet"), "PAR1");
    Files.createDirectories(temp.resolve("contracts"));
    Files.write(temp.resolve(Corpus.BASE_CONTRACT), Corpus.file(Corpus.BASE_CONTRACT));
    return catalog;
  }

  /** {@code diff}, failing the test if it does not end in time. */
  private static CliRun diff(Path contract, Path table) {
    return assertTimeoutPreemptively(
        NO_HANG,
        () ->
            CliRun.of(
                "diff",
                "--contract",
                contract.toString(),
                "--table",
                table.toString(),
                "--run-id",
                RUN));
  }

  /** A registry of the given contract keys. */
  private static Path registry(Path folder, String... keys) throws IOException {
    List<String> entries = new ArrayList<>();
    for (String key : keys) {
      entries.add("{\"contract\": \"" + key + "\"}");
    }
    return Files.writeString(
        folder.resolve("registry.json"),
        "{\"registry_version\": 1, \"tables\": [" + String.join(", ", entries) + "]}");
  }

  private static CliRun validate(Path registry, Path root) {
    return CliRun.of(
        "validate", "--registry", registry.toString(), "--contracts-root", root.toString());
  }

  /** {@code check} of the catalog below {@code temp} into {@code temp/out}. */
  private CliRun check(Path catalog, Path root, String option, String value) {
    Path out = temp.resolve("out");
    return CliRun.of(
        "check",
        option,
        value,
        "--contracts-root",
        root.toString(),
        "--catalog",
        catalog.toString(),
        "--data-root",
        temp.resolve("data").toString(),
        "--out",
        out.toString(),
        "--run-id",
        RUN,
        "--quiet");
  }

  private static Path fifo(Path file) throws IOException {
    return SpecialFiles.fifo(file);
  }

  private static void assertClean(CliRun run) {
    for (String stream : List.of(run.out(), run.err())) {
      assertFalse(stream.contains("\tat "), "a stack trace: " + run.describe());
      assertFalse(stream.contains("Exception"), "an exception name: " + run.describe());
    }
  }
}
