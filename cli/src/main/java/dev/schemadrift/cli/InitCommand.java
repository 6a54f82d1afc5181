package dev.schemadrift.cli;

import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractBootstrap;
import dev.schemadrift.contract.ContractWriter;
import dev.schemadrift.contract.Contracts;
import dev.schemadrift.contract.OdcsContractWriter;
import dev.schemadrift.diff.SparkTables;
import dev.schemadrift.diff.UndecidableException;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.local.LocalFile;
import dev.schemadrift.port.StoreException;
import dev.schemadrift.run.aws.GlueCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.glue.GlueClient;

/** {@code schema-drift init}: a first contract from an existing Glue table. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes a first contract for an existing Glue table.",
      "The contract holds the columns with exact types (nested structs, maps, decimals, varchar"
          + " lengths), comments, partition keys, format and SerDe options. Checking the table"
          + " against it finds nothing; edit it to add policy and descriptions.",
      "With --format odcs the contract is an ODCS v3 YAML document (name it *.odcs.yaml)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:contract written",
      "2:usage error, or the table cannot become a contract",
      SchemaDriftCommand.EXIT_INTERNAL_LINE
    })
final class InitCommand implements Callable<Integer> {
  @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** A snapshot file or a live table. */
  static final class Source {
    @Option(
        names = "--table",
        paramLabel = "T.json",
        description = "The table, as `aws glue get-table` prints it.")
    Path snapshot;

    @Option(names = "--aws", paramLabel = "DB.TABLE", description = "Read the table from AWS Glue.")
    String glueTable;
  }

  @Option(
      names = "--contract-version",
      defaultValue = "1.0.0",
      paramLabel = "SEMVER",
      description = "The contract's version (default: 1.0.0).")
  String version;

  @Option(names = "--owner", paramLabel = "WHO", description = "The owning team or address.")
  String owner;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      description =
          "The contract format: json (ours, the default) or odcs (an ODCS v3 YAML document).")
  Output format;

  /** The contract formats init writes. */
  enum Output {
    json,
    odcs
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write here instead of standard output.")
  Path output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> environment;

  InitCommand() {
    this(System.getenv());
  }

  InitCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    GlueTable table;
    String origin;
    try {
      if (source.snapshot != null) {
        origin = source.snapshot.toString();
        Optional<byte[]> bytes = LocalFile.read(source.snapshot, GlueTableReader.MAX_BYTES);
        if (bytes.isEmpty()) {
          err.println("schema-drift init: no such file: " + source.snapshot);
          return SchemaDriftCommand.EXIT_USAGE;
        }
        table = GlueTableReader.readOne(origin, bytes.get());
      } else {
        String[] parts = source.glueTable.split("\\.", 2);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
          err.println("schema-drift init: --aws takes DATABASE.TABLE, not " + source.glueTable);
          return SchemaDriftCommand.EXIT_USAGE;
        }
        origin = "glue:" + source.glueTable;
        GlueCatalog catalog =
            new GlueCatalog(
                new AwsClients(environment, List.of()).build(GlueClient.builder(), "GLUE"));
        table = catalog.table(parts[0], parts[1]).orElse(null);
        if (table == null) {
          err.println("schema-drift init: Glue has no table " + source.glueTable);
          return SchemaDriftCommand.EXIT_USAGE;
        }
      }
      // A table Spark registered is described by the schema Spark recorded, not its placeholder.
      table = SparkTables.resolve(table);
      Contract contract = ContractBootstrap.fromTable(origin, table, version, owner);
      byte[] document = ContractWriter.write(contract);
      // The table may hold what Glue accepts but a contract does not (names, control characters,
      // a non-S3 location): validate's own reader decides, so init never writes what it rejects.
      try {
        Contracts.read("the contract for " + origin, document);
      } catch (InvalidDocumentException e) {
        err.println(
            "schema-drift init: the table cannot become a valid contract: " + e.getMessage());
        return SchemaDriftCommand.EXIT_USAGE;
      }
      if (format == Output.odcs) {
        List<String> unstatable = OdcsContractWriter.unstatable(contract);
        if (!unstatable.isEmpty()) {
          err.println(
              "schema-drift init: ODCS cannot state what the contract for "
                  + origin
                  + " needs: "
                  + String.join("; ", unstatable)
                  + ". Write it with --format json.");
          return SchemaDriftCommand.EXIT_USAGE;
        }
        document = OdcsContractWriter.write(contract);
      }
      if (output == null) {
        spec.commandLine().getOut().print(new String(document, StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
      } else {
        Files.write(output, document);
        err.println("schema-drift init: wrote " + output);
      }
      return 0;
    } catch (InvalidDocumentException | StoreException | UndecidableException e) {
      err.println("schema-drift init: " + e.getMessage());
      Failures.details(spec, e);
    } catch (IllegalArgumentException e) {
      err.println("schema-drift init: " + e.getMessage());
      Failures.details(spec, e);
    }
    return SchemaDriftCommand.EXIT_USAGE;
  }
}
