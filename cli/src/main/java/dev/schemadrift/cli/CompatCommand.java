package dev.schemadrift.cli;

import dev.schemadrift.artifact.BumpRequirements;
import dev.schemadrift.artifact.CompatibilityJson;
import dev.schemadrift.artifact.ContractCompatibility;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.Contracts;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Spelling;
import dev.schemadrift.port.StoreException;
import dev.schemadrift.rule.Severity;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code schema-drift compat}: the change from one contract version to the next, judged by the
 * drift rules, and whether its version bump is big enough.
 */
@Command(
    name = "compat",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Classifies the change from one contract version to the next with the drift rules and checks"
          + " that the version bump is big enough.",
      "The old contract is the promise and the table the new one describes is compared with it,"
          + " as diff compares a Glue table: same rules, format profiles and old policy. By"
          + " default BREAKING changes need a new major version, RISKY ones a new minor version"
          + " and SAFE ones none."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the version bump is big enough (and the status is below --fail-on)",
      "1:the bump is too small or the version went down, or the status is at or above --fail-on",
      "2:usage error (missing option, unreadable file, git failed)",
      "3:a contract is invalid, or the two contracts describe different tables",
      SchemaDriftCommand.EXIT_INTERNAL_LINE
    })
final class CompatCommand implements Callable<Integer> {
  @Option(
      names = "--old",
      required = true,
      paramLabel = "OLD",
      description =
          "The old contract: a file, or git:REF:PATH to read it from git, e.g."
              + " git:origin/main:orders.json.")
  String oldContract;

  @Option(
      names = "--new",
      required = true,
      paramLabel = "NEW",
      description = "The new contract: a file, or git:REF:PATH.")
  String newContract;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "Output on standard output: text (default) or json.")
  Format format;

  @Option(
      names = "--require-bump",
      paramLabel = "SEVERITY=BUMP[,...]",
      converter = BumpConverter.class,
      description =
          "The bump each worst severity needs; a bump is major, minor, patch or none."
              + " Default: breaking=major,risky=minor,safe=none.")
  BumpRequirements requirements = BumpRequirements.DEFAULT;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Also exit 1 when the status is at or above SAFE, RISKY or BREAKING.")
  Severity failOn;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description =
          "The day (YYYY-MM-DD) that judges the old contract's waivers and sunsets."
              + " Default: today (UTC).")
  String asOf;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Clock clock;
  private final Path workingDirectory;
  private final String gitProgram;

  CompatCommand() {
    this(Clock.systemUTC(), Path.of(""), ContractSource.GIT);
  }

  /**
   * A command that resolves files and runs {@code gitProgram} in {@code workingDirectory}: tests
   * give it a temporary repository, and a missing program.
   */
  CompatCommand(Clock clock, Path workingDirectory, String gitProgram) {
    this.clock = clock;
    this.workingDirectory = workingDirectory.toAbsolutePath();
    this.gitProgram = gitProgram;
  }

  /** What compat prints on standard output. */
  enum Format {
    TEXT,
    JSON
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LocalDate day;
    ContractSource oldSource;
    ContractSource newSource;
    try {
      day = asOf == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : LocalDate.parse(asOf);
      oldSource = ContractSource.parse(oldContract, gitProgram);
      newSource = ContractSource.parse(newContract, gitProgram);
    } catch (DateTimeParseException e) {
      err.println("schema-drift compat: --as-of '" + asOf + "' is not a date like 2026-12-06");
      return SchemaDriftCommand.EXIT_USAGE;
    } catch (IllegalArgumentException e) {
      err.println("schema-drift compat: " + DiffCommand.oneLine(e.getMessage()));
      return SchemaDriftCommand.EXIT_USAGE;
    }
    Read oldRead = read(oldSource, err);
    Read newRead = read(newSource, err);
    if (oldRead.contract() == null || newRead.contract() == null) {
      // Both were tried so that both problems are shown; a usage error is reported before an
      // invalid contract, as it is the first thing to fix.
      return oldRead.exitCode() == SchemaDriftCommand.EXIT_USAGE
              || newRead.exitCode() == SchemaDriftCommand.EXIT_USAGE
          ? SchemaDriftCommand.EXIT_USAGE
          : SchemaDriftCommand.EXIT_ERROR;
    }
    RunId run = RunId.of(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    ContractCompatibility compatibility =
        ContractCompatibility.check(
            run,
            oldRead.info(),
            oldRead.contract(),
            newRead.info(),
            newRead.contract(),
            requirements);
    switch (format) {
      case TEXT -> out.print(CompatibilityText.write(compatibility));
      case JSON ->
          out.print(
              new String(CompatibilityJson.write(compatibility, day), StandardCharsets.UTF_8));
    }
    out.flush();
    DiffArtifact comparison = compatibility.comparison();
    if (comparison.status() == Status.ERROR) {
      err.println(
          "schema-drift compat: ERROR: " + DiffCommand.oneLine(comparison.error().message()));
      return SchemaDriftCommand.EXIT_ERROR;
    }
    Severity severity = comparison.status().severity();
    boolean failed = failOn != null && severity != null && severity.compareTo(failOn) >= 0;
    return compatibility.bumpSufficient() && !failed ? 0 : SchemaDriftCommand.EXIT_FAIL_ON;
  }

  /** One contract, read and parsed, or the exit code of why not (its message printed). */
  private record Read(Contract contract, DiffArtifact.ContractInfo info, int exitCode) {}

  private Read read(ContractSource source, PrintWriter err) {
    byte[] bytes;
    try {
      bytes = source.read(workingDirectory);
    } catch (StoreException e) {
      err.println("schema-drift compat: " + DiffCommand.oneLine(e.getMessage()));
      return new Read(
          null,
          null,
          e.kind() == ErrorKind.TOO_LARGE
              ? SchemaDriftCommand.EXIT_ERROR
              : SchemaDriftCommand.EXIT_USAGE);
    }
    try {
      Contract contract = Contracts.read(source.name(), bytes);
      return new Read(
          contract,
          new DiffArtifact.ContractInfo(
              source.name(), contract.contractVersion(), Fingerprint.sha256(bytes)),
          0);
    } catch (InvalidDocumentException e) {
      err.println("schema-drift compat: " + DiffCommand.oneLine(e.getMessage()));
      return new Read(null, null, SchemaDriftCommand.EXIT_ERROR);
    }
  }

  /** Reads {@code text} or {@code json} in any case. */
  static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Spelling.ANY_CASE
          .parse(Format.class, value)
          .orElseThrow(
              () ->
                  new CommandLine.TypeConversionException(
                      "'" + value + "' is not an output format: use text or json"));
    }
  }

  /** Reads {@code breaking=major,risky=minor}. */
  static final class BumpConverter implements CommandLine.ITypeConverter<BumpRequirements> {
    @Override
    public BumpRequirements convert(String value) {
      try {
        return BumpRequirements.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
