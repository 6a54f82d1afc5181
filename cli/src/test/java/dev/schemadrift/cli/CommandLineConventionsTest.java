package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What users of any command line expect: enum values in any case, a suggestion for a typo with a
 * short usage, one line per failure unless {@code --debug} asks for the causes, and an exit code of
 * its own for a bug.
 */
class CommandLineConventionsTest {
  private static final String RUN_ID = "20261126T080000Z";

  private static final String CONTRACT =
      """
      {
        "contract_version": "1.0.0",
        "database": "nyc_parks",
        "table": "parks_properties",
        "data_location": "s3://example-data/nyc/parks_properties/",
        "format": "parquet",
        "columns": [
          {"name": "gispropnum", "type": "string"},
          {"name": "acres", "type": "decimal(10,2)"}
        ]
      }
      """;

  /** acres is gone: BREAKING. */
  private static final String BREAKING_TABLE =
      """
      {"Table": {
        "Name": "parks_properties",
        "DatabaseName": "nyc_parks",
        "StorageDescriptor": {
          "Columns": [{"Name": "gispropnum", "Type": "string"}],
          "Location": "s3://example-data/nyc/parks_properties/",
          "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
          "SerdeInfo": {
            "SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
          }
        },
        "PartitionKeys": []
      }}
      """;

  @TempDir Path folder;

  private CliRun diff(String... options) throws IOException {
    Path contract = folder.resolve("contract.json");
    Path table = folder.resolve("table.json");
    Files.writeString(contract, CONTRACT);
    Files.writeString(table, BREAKING_TABLE);
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "diff",
                "--contract",
                contract.toString(),
                "--table",
                table.toString(),
                "--run-id",
                RUN_ID));
    arguments.addAll(List.of(options));
    return CliRun.of(arguments.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"breaking", "Breaking", "BREAKING"})
  void enumValuesAreCaseInsensitive(String value) throws IOException {
    CliRun run = diff("--fail-on", value);

    assertEquals(SchemaDriftCommand.EXIT_FAIL_ON, run.exitCode(), run.describe());
    assertEquals("", run.err(), run.describe());
  }

  @Test
  void formatValuesAreCaseInsensitiveToo() {
    CliRun run = CliRun.of("completion", "BASH");

    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().startsWith("#!/usr/bin/env bash"), run.describe());
  }

  @Test
  void aMisspeltOptionGetsASuggestionAndAShortUsage() {
    CliRun run = CliRun.of("check", "--contract", "contracts", "--catalog", "c");

    assertEquals(SchemaDriftCommand.EXIT_USAGE, run.exitCode(), run.describe());
    assertEquals("", run.out(), run.describe());
    List<String> lines = run.err().lines().toList();
    assertEquals("schema-drift check: Unknown options: '--contract', 'contracts'", lines.get(0));
    assertTrue(lines.get(1).contains("--contracts"), "picocli's suggestion: " + run.describe());
    assertEquals("Usage: schema-drift check [OPTIONS]", lines.get(2), run.describe());
    assertEquals("Try 'schema-drift check --help' for more information.", lines.get(3));
    assertEquals(4, lines.size(), "not the whole help: " + run.describe());
  }

  @Test
  void aMisspeltCommandGetsASuggestion() {
    CliRun run = CliRun.of("chek");

    assertEquals(SchemaDriftCommand.EXIT_USAGE, run.exitCode(), run.describe());
    assertTrue(run.err().contains("Did you mean: schema-drift check"), run.describe());
    assertTrue(run.err().lines().count() <= 4, "not the whole help: " + run.describe());
  }

  @Test
  void aMissingOptionNamesItWithAShortUsage() {
    CliRun run = CliRun.of("diff", "--contract", "c.json");

    assertEquals(SchemaDriftCommand.EXIT_USAGE, run.exitCode(), run.describe());
    assertEquals(
        List.of(
            "schema-drift diff: Missing required option: '--table=T.json'",
            "Usage: schema-drift diff [OPTIONS]",
            "Try 'schema-drift diff --help' for more information."),
        run.err().lines().toList());
  }

  // --------------------------------------------------------------------- failures and --debug

  /** A clock that fails as a bug would: an exception no command expects. */
  private static final class BrokenClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      throw new IllegalStateException("the clock is broken");
    }
  }

  private static CliRun withBrokenClock(String... arguments) {
    return CliRun.with(SchemaDriftCommand.factory(new BrokenClock(), Map.of()), arguments);
  }

  @Test
  void anInternalFailureHasItsOwnExitCodeAndOneLine() throws IOException {
    Files.writeString(folder.resolve("contract.json"), CONTRACT);
    Files.writeString(folder.resolve("table.json"), BREAKING_TABLE);

    CliRun run =
        withBrokenClock(
            "diff",
            "--contract",
            folder.resolve("contract.json").toString(),
            "--table",
            folder.resolve("table.json").toString());

    assertEquals(SchemaDriftCommand.EXIT_INTERNAL, run.exitCode(), run.describe());
    assertTrue(SchemaDriftCommand.EXIT_INTERNAL != SchemaDriftCommand.EXIT_USAGE);
    assertEquals(
        List.of(
            "schema-drift diff: internal error: java.lang.IllegalStateException: the clock is"
                + " broken (--debug shows the stack trace to report)"),
        run.err().lines().toList());
  }

  @Test
  void debugShowsTheStackTraceOfAnInternalFailure() throws IOException {
    Files.writeString(folder.resolve("contract.json"), CONTRACT);
    Files.writeString(folder.resolve("table.json"), BREAKING_TABLE);

    CliRun run =
        withBrokenClock(
            "--debug",
            "diff",
            "--contract",
            folder.resolve("contract.json").toString(),
            "--table",
            folder.resolve("table.json").toString());

    assertEquals(SchemaDriftCommand.EXIT_INTERNAL, run.exitCode(), run.describe());
    List<String> lines = run.err().lines().toList();
    assertEquals(
        "schema-drift diff: internal error: java.lang.IllegalStateException: the clock is broken",
        lines.get(0));
    assertEquals("java.lang.IllegalStateException: the clock is broken", lines.get(1));
    assertTrue(lines.get(2).contains("at "), run.describe());
    assertTrue(run.err().contains("BrokenClock.instant"), run.describe());
  }

  /**
   * An address where nothing listens, so every AWS call fails to connect after the SDK's retries;
   * credentials come from a profile file, as the SDK reads the machine's environment itself.
   */
  private Map<String, String> unreachableAws() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path credentials = folder.resolve("aws-credentials");
    Files.writeString(
        credentials, "[default]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
    return Map.of(
        "AWS_REGION",
        "eu-west-1",
        "AWS_SHARED_CREDENTIALS_FILE",
        credentials.toString(),
        "AWS_CONFIG_FILE",
        folder.resolve("no-aws-config").toString(),
        "AWS_ENDPOINT_URL",
        "http://127.0.0.1:" + port);
  }

  @Test
  void anAwsFailureIsOneLineWithoutDebug() throws IOException {
    CliRun run =
        CliRun.with(
            SchemaDriftCommand.factory(Clock.systemUTC(), unreachableAws()),
            "init",
            "--aws",
            "nyc_parks.parks_properties");

    assertEquals(SchemaDriftCommand.EXIT_USAGE, run.exitCode(), run.describe());
    List<String> lines = run.err().lines().toList();
    assertEquals(1, lines.size(), run.describe());
    assertTrue(
        lines.getFirst().startsWith("schema-drift init: could not reach AWS"), run.describe());
    assertTrue(lines.getFirst().contains("Connection refused"), run.describe());
    assertFalse(run.err().contains("Exception"), run.describe());
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void debugShowsTheCauseChainOfAnAwsFailure(boolean beforeTheCommand) throws IOException {
    List<String> arguments =
        beforeTheCommand
            ? List.of("--debug", "init", "--aws", "nyc_parks.parks_properties")
            : List.of("init", "--aws", "nyc_parks.parks_properties", "--debug");

    CliRun run =
        CliRun.with(
            SchemaDriftCommand.factory(Clock.systemUTC(), unreachableAws()),
            arguments.toArray(String[]::new));

    assertEquals(SchemaDriftCommand.EXIT_USAGE, run.exitCode(), run.describe());
    List<String> lines = run.err().lines().toList();
    assertTrue(lines.getFirst().startsWith("schema-drift init: could not reach AWS"));
    assertTrue(
        lines.get(1).startsWith("dev.schemadrift.port.StoreException: could not reach AWS"),
        run.describe());
    assertTrue(
        run.err().contains("Caused by: software.amazon.awssdk.core.exception.SdkClientException"),
        run.describe());
    assertTrue(run.err().contains("Caused by: java.net.ConnectException"), run.describe());
  }

  /**
   * check turns an AWS failure into a table's ERROR line; --debug prints the failure where the
   * adapter throws it, with its causes.
   */
  @Test
  void debugShowsTheCausesBehindATablesErrorInCheck() throws IOException {
    Path contracts = Files.createDirectories(folder.resolve("contracts"));
    Files.writeString(contracts.resolve("parks.json"), CONTRACT);
    Map<String, String> environment = unreachableAws();
    List<String> arguments =
        List.of(
            "check",
            "--contracts",
            contracts.toString(),
            "--contracts-root",
            folder.toString(),
            "--aws",
            "--out",
            folder.resolve("out").toString(),
            "--run-id",
            RUN_ID,
            "--quiet");

    CliRun quiet =
        CliRun.with(
            SchemaDriftCommand.factory(Clock.systemUTC(), environment),
            arguments.toArray(String[]::new));
    List<String> withDebug = new ArrayList<>(arguments);
    withDebug.add("--debug");
    CliRun debug =
        CliRun.with(
            SchemaDriftCommand.factory(Clock.systemUTC(), environment),
            withDebug.toArray(String[]::new));

    assertEquals(SchemaDriftCommand.EXIT_ERROR, quiet.exitCode(), quiet.describe());
    assertFalse(quiet.err().contains("Caused by"), quiet.describe());
    assertEquals(SchemaDriftCommand.EXIT_ERROR, debug.exitCode(), debug.describe());
    assertTrue(
        debug.err().contains("schema-drift check: debug: Catalog.tables failed:"),
        debug.describe());
    assertTrue(debug.err().contains("Caused by: java.net.ConnectException"), debug.describe());
  }
}
