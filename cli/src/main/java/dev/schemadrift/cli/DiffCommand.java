package dev.schemadrift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.Contracts;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Json;
import dev.schemadrift.rule.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code schema-drift diff}: one contract against one {@code aws glue get-table} output. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compares one contract with one Glue table (the JSON that `aws glue get-table` prints)",
      "and prints the diff artifact to standard output."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:an artifact was produced and its status is below --fail-on",
      "1:the status is at or above --fail-on",
      "2:usage error (missing option, unreadable file)",
      "3:the status is ERROR (invalid contract or Glue table; the artifact is printed)"
    })
final class DiffCommand implements Callable<Integer> {
  private static final Pattern GLUE_NAME = Pattern.compile("[a-z0-9_]{1,255}");

  @Option(
      names = "--contract",
      required = true,
      paramLabel = "C.json",
      description = "The contract.")
  Path contractFile;

  @Option(
      names = "--table",
      required = true,
      paramLabel = "T.json",
      description = "The Glue table, as `aws glue get-table` prints it.")
  Path tableFile;

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description = "Run id like 20261126T080000Z (UTC); its date judges waivers. Default: now.")
  String runId;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Exit 1 when the status is at or above SAFE, RISKY or BREAKING.")
  Severity failOn;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Clock clock;

  DiffCommand() {
    this(Clock.systemUTC());
  }

  DiffCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RunId run;
    try {
      run = runId == null ? RunId.of(clock.instant()) : new RunId(runId);
    } catch (IllegalArgumentException e) {
      err.println("schema-drift diff: " + oneLine(e.getMessage()));
      return SchemaDriftCommand.EXIT_USAGE;
    }
    byte[] contractBytes = read(contractFile, err);
    byte[] tableBytes = read(tableFile, err);
    if (contractBytes == null || tableBytes == null) {
      return SchemaDriftCommand.EXIT_USAGE;
    }
    DiffArtifact artifact = check(run, contractBytes, tableBytes);
    out.print(new String(ArtifactJson.write(artifact), StandardCharsets.UTF_8));
    out.flush();
    if (artifact.status() == Status.ERROR) {
      err.println("schema-drift diff: ERROR: " + oneLine(artifact.error().message()));
      return SchemaDriftCommand.EXIT_ERROR;
    }
    Severity severity = artifact.status().severity();
    if (failOn != null && severity != null && severity.compareTo(failOn) >= 0) {
      return SchemaDriftCommand.EXIT_FAIL_ON;
    }
    return 0;
  }

  private DiffArtifact check(RunId run, byte[] contractBytes, byte[] tableBytes) {
    String contractSource = contractFile.toString();
    DiffArtifact.ContractInfo info =
        new DiffArtifact.ContractInfo(contractSource, null, Fingerprint.sha256(contractBytes));
    Contract contract;
    try {
      contract = Contracts.read(contractSource, contractBytes);
    } catch (InvalidDocumentException e) {
      return TableCheck.error(
          run,
          guessName(contractBytes, tableBytes),
          info,
          ErrorKind.INVALID_CONTRACT,
          e.getMessage());
    }
    info = new DiffArtifact.ContractInfo(contractSource, contract.contractVersion(), info.sha256());
    GlueTable table;
    try {
      table = GlueTableReader.readOne(tableFile.toString(), tableBytes);
    } catch (InvalidDocumentException e) {
      return TableCheck.error(
          run,
          new DiffArtifact.TableName(contract.database(), contract.table()),
          info,
          ErrorKind.INVALID_GLUE_TABLE,
          e.getMessage());
    }
    return TableCheck.compared(run, info, contract, table, null, false);
  }

  /**
   * Names the table of an unreadable contract from whatever valid Glue names the inputs hold, so
   * that even an ERROR artifact says which table it is about.
   */
  private static DiffArtifact.TableName guessName(byte[] contractBytes, byte[] tableBytes) {
    String database = null;
    String name = null;
    try {
      JsonNode contract = Json.mapper().readTree(contractBytes);
      database = validName(contract.path("database").asText(null));
      name = validName(contract.path("table").asText(null));
    } catch (IOException | RuntimeException e) {
      // The contract is unreadable; fall back to the table below.
    }
    try {
      JsonNode table = Json.mapper().readTree(tableBytes);
      JsonNode node = table.has("Table") ? table.get("Table") : table;
      database = database != null ? database : validName(node.path("DatabaseName").asText(null));
      name = name != null ? name : validName(node.path("Name").asText(null));
    } catch (IOException | RuntimeException e) {
      // Neither input names the table; "unknown" below.
    }
    return new DiffArtifact.TableName(
        database == null ? "unknown" : database, name == null ? "unknown" : name);
  }

  /**
   * Scripts read stderr line by line, and a message quotes user input (a type string, a run id)
   * that may hold a line break: spell line breaks out instead. The artifact keeps the message as
   * is.
   */
  private static String oneLine(String message) {
    return message.replace("\r", "\\r").replace("\n", "\\n");
  }

  private static String validName(String name) {
    return name != null && GLUE_NAME.matcher(name).matches() ? name : null;
  }

  private static byte[] read(Path file, PrintWriter err) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      err.println("schema-drift diff: no such file: " + file);
    } catch (IOException e) {
      err.println("schema-drift diff: cannot read " + file + ": " + e.getMessage());
    }
    return null;
  }
}
