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

    CliRun run = check(catalog, out, "contracts");

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
      CliRun run =
          assertTimeoutPreemptively(
              NO_HANG,
              () ->
                  CliRun.of(
                      "diff",
                      "--contract",
                      inputs.get(0).toString(),
                      "--table",
                      inputs.get(1).toString(),
                      "--run-id",
                      RUN));

      assertEquals(2, run.exitCode(), run.describe());
      assertTrue(run.err().contains("/dev/zero is not a regular file"), run.describe());
      assertClean(run);
    }
  }

  @Test
  void diffAndInitRefuseAFifoWithoutHanging() throws IOException {
    Path fifo = fifo(temp.resolve("table.json"));

    CliRun diff =
        assertTimeoutPreemptively(
            NO_HANG,
            () ->
                CliRun.of(
                    "diff",
                    "--contract",
                    Corpus.root().resolve(Corpus.BASE_CONTRACT).toString(),
                    "--table",
                    fifo.toString(),
                    "--run-id",
                    RUN));
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
    Path registry =
        Files.writeString(
            temp.resolve("registry.json"),
            "{\"registry_version\": 1, \"tables\": [{\"contract\": \""
                + Corpus.BASE_CONTRACT
                + "\"}, {\"contract\": \"contracts/events.json\"}]}");
    Path out = temp.resolve("out");

    CliRun check =
        assertTimeoutPreemptively(NO_HANG, () -> check(catalog, out, "--registry", registry));
    CliRun validate =
        assertTimeoutPreemptively(
            NO_HANG,
            () ->
                CliRun.of(
                    "validate",
                    "--registry",
                    registry.toString(),
                    "--contracts-root",
                    temp.toString()));

    assertEquals(3, check.exitCode(), check.describe());
    assertTrue(check.out().contains("IO_ERROR"), check.describe());
    assertEquals(1, validate.exitCode(), validate.describe());
    assertTrue(validate.out().contains("not a regular file"), validate.describe());
    assertClean(check);
    assertClean(validate);
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
    Path registry =
        Files.writeString(
            root.resolve("registry.json"),
            "{\"registry_version\": 1, \"tables\": [{\"contract\": \""
                + Corpus.BASE_CONTRACT
                + "\"}, {\"contract\": \"contracts/linked.json\"}]}");
    Path out = temp.resolve("out");

    CliRun check =
        CliRun.of(
            "check",
            "--registry",
            registry.toString(),
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
    CliRun validate =
        CliRun.of(
            "validate", "--registry", registry.toString(), "--contracts-root", root.toString());

    assertEquals(3, check.exitCode(), check.describe());
    JsonNode manifest =
        Json.readTree("manifest", Files.readAllBytes(out.resolve("runs/" + RUN + ".json")));
    String lines = manifest.path("tables").toString();
    assertTrue(lines.contains("\"ERROR\""), lines);
    assertTrue(lines.contains("\"OK\""), lines);
    assertTrue(check.out().contains("CONTRACT_LOCATION_NOT_ALLOWED"), check.describe());
    assertEquals(1, validate.exitCode(), validate.describe());
    assertTrue(validate.out().contains("outside --contracts-root"), validate.describe());
    assertTrue(validate.out().contains("linked.json"), validate.describe());
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

    CliRun validate =
        CliRun.of(
            "validate", "--registry", registry.toString(), "--contracts-root", temp.toString());
    CliRun check = check(catalog, temp.resolve("out"), "--registry", registry);

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

  private CliRun check(Path catalog, Path out, String option, Path registry) {
    return check(catalog, out, option, registry.toString());
  }

  private CliRun check(Path catalog, Path out, String contracts) {
    return check(catalog, out, "--contracts", temp.resolve(contracts).toString());
  }

  private CliRun check(Path catalog, Path out, String option, String value) {
    return CliRun.of(
        "check",
        option,
        value,
        "--contracts-root",
        temp.toString(),
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
    try {
      Process process = new ProcessBuilder(List.of("mkfifo", file.toString())).start();
      assumeTrue(process.waitFor() == 0, "needs mkfifo");
    } catch (IOException e) {
      assumeTrue(false, "needs mkfifo: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return file;
  }

  private static void assertClean(CliRun run) {
    for (String stream : List.of(run.out(), run.err())) {
      assertFalse(stream.contains("\tat "), "a stack trace: " + run.describe());
      assertFalse(stream.contains("Exception"), "an exception name: " + run.describe());
    }
  }
}
