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
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.contract.Contracts;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Json;
import dev.schemadrift.local.LocalFile;
import dev.schemadrift.port.StoreException;
import dev.schemadrift.rule.Severity;
import dev.schemadrift.run.TableResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
      "Compares one contract with one Glue table and prints the diff artifact.",
      "The table is the JSON that `aws glue get-table` prints; the diff artifact (or, with --format"
          + " markdown, a pull-request comment) goes to standard output."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:an artifact was produced and its status is below --fail-on",
      "1:the status is at or above --fail-on",
      "2:usage error (missing option, unreadable file)",
      "3:the status is ERROR (invalid contract or Glue table; the artifact is printed)",
      SchemaDriftCommand.EXIT_INTERNAL_LINE
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

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      description =
          "What goes to standard output: json (the diff artifact, the default) or markdown (a"
              + " pull-request comment).")
  Output format;

  /** What diff prints on standard output. */
  enum Output {
    json,
    markdown
  }

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
    Input contractInput = read(contractFile, ContractReader.MAX_BYTES, err);
    Input tableInput = read(tableFile, GlueTableReader.MAX_BYTES, err);
    if (contractInput == null || tableInput == null) {
      return SchemaDriftCommand.EXIT_USAGE;
    }
    DiffArtifact artifact = check(run, contractInput, tableInput);
    switch (format) {
      case json -> out.print(new String(ArtifactJson.write(artifact), StandardCharsets.UTF_8));
      case markdown ->
          out.print(
              PullRequestComment.write(
                  run.value(),
                  List.of(
                      new TableResult(
                          artifact, contractFile.toString(), null, List.of(), null, null))));
    }
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

  private DiffArtifact check(RunId run, Input contractInput, Input tableInput) {
    String contractSource = contractFile.toString();
    byte[] contractBytes = contractInput.bytes();
    byte[] tableBytes = tableInput.bytes();
    if (contractInput.tooLarge() != null) {
      // Refused unread, as check refuses it: no fingerprint of bytes that were never read.
      return TableCheck.error(
          run,
          guessName(contractBytes, tableBytes),
          null,
          ErrorKind.INVALID_CONTRACT,
          contractInput.tooLarge());
    }
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
    DiffArtifact.TableName name = new DiffArtifact.TableName(contract.database(), contract.table());
    if (tableInput.tooLarge() != null) {
      return TableCheck.error(run, name, info, ErrorKind.INVALID_GLUE_TABLE, tableInput.tooLarge());
    }
    GlueTable table;
    try {
      table = GlueTableReader.readOne(tableFile.toString(), tableBytes);
    } catch (InvalidDocumentException e) {
      return TableCheck.error(run, name, info, ErrorKind.INVALID_GLUE_TABLE, e.getMessage());
    }
    if (!isContractTable(contract, table)) {
      // The artifact names the contract's table; comparing another one would judge it under that
      // name. Glue folds names to lower case, so the comparison ignores case.
      return TableCheck.error(
          run,
          name,
          info,
          ErrorKind.INVALID_GLUE_TABLE,
          tableFile
              + " holds Glue table "
              + table.qualifiedName()
              + ", not the contract's table "
              + contract.database()
              + "."
              + contract.table()
              + ": diff compares a contract only with its own table");
    }
    return TableCheck.compared(run, info, contract, table, null, false);
  }

  private static boolean isContractTable(Contract contract, GlueTable table) {
    return table.databaseName().toLowerCase(Locale.ROOT).equals(contract.database())
        && table.name().toLowerCase(Locale.ROOT).equals(contract.table());
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
  static String oneLine(String message) {
    return message.replace("\r", "\\r").replace("\n", "\\n");
  }

  private static String validName(String name) {
    return name != null && GLUE_NAME.matcher(name).matches() ? name : null;
  }

  /**
   * An input file's bytes; {@code tooLarge} holds the message when it is above its limit (then the
   * bytes are empty), which makes an ERROR artifact rather than a usage error.
   */
  private record Input(byte[] bytes, String tooLarge) {}

  /** The file's bytes, or null (after printing why) when it cannot be read at all. */
  private Input read(Path file, int maxBytes, PrintWriter err) {
    try {
      Optional<byte[]> bytes = LocalFile.read(file, maxBytes);
      if (bytes.isEmpty()) {
        err.println("schema-drift diff: no such file: " + file);
        return null;
      }
      return new Input(bytes.get(), null);
    } catch (StoreException e) {
      if (e.kind() == ErrorKind.TOO_LARGE) {
        return new Input(new byte[0], e.getMessage());
      }
      err.println("schema-drift diff: " + oneLine(e.getMessage()));
      Failures.details(spec, e);
      return null;
    }
  }
}
