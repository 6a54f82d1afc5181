package dev.schemadrift.cli;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.aws.S3ObjectStore;
import dev.schemadrift.local.LocalFolderObjectStore;
import dev.schemadrift.local.SnapshotCatalog;
import dev.schemadrift.port.Catalog;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.ReportTrigger;
import dev.schemadrift.port.StoreException;
import dev.schemadrift.rule.Severity;
import dev.schemadrift.run.RunFailedException;
import dev.schemadrift.run.RunManifest;
import dev.schemadrift.run.RunRequest;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.SchemaDiffRun;
import dev.schemadrift.run.TableCreation;
import dev.schemadrift.run.TableResult;
import dev.schemadrift.run.aws.GlueCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.glue.GlueClient;

/** {@code schema-drift check}: the whole pipeline, on local folders or on real AWS. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Checks every contract against its table and writes diffs and reports.",
      "Runs the whole pipeline: loads the contracts, probes for data, compares, and writes diff"
          + " artifacts, Markdown and HTML reports and index.html. Read-only on the catalog: a"
          + " missing table is TABLE_MISSING unless --create-missing is given. Local by default"
          + " (folders, Glue snapshots); --aws uses real Glue and S3."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every table's status is below --fail-on (and none is ERROR)",
      "1:a table's status is at or above --fail-on",
      "2:usage or configuration error",
      "3:a table is ERROR",
      SchemaDriftCommand.EXIT_INTERNAL_LINE
    })
final class CheckCommand implements Callable<Integer> {
  static final String CONTRACT_BUCKET = "schema-drift-contracts";
  static final String OUT_BUCKET = "schema-drift-out";

  @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
  Sources sources;

  /** Where the contracts come from: files/folders, or a registry. */
  static final class Sources {
    @Option(
        names = "--contracts",
        arity = "1..*",
        paramLabel = "DIR|FILE",
        description =
            "Contract files, or folders searched for contracts (files named *.json, *.odcs.yaml"
                + " or *.odcs.yml).")
    List<Path> contracts;

    @Option(
        names = "--registry",
        paramLabel = "FILE",
        description = "A registry (configs/tables.json).")
    Path registry;
  }

  @Option(
      names = "--contracts-root",
      paramLabel = "DIR",
      defaultValue = ".",
      description =
          "The folder registry contract keys are relative to (default: the current folder).")
  Path contractsRoot;

  @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
  Catalogs catalogs;

  /** Which catalog: Glue snapshots in a folder, or real Glue. */
  static final class Catalogs {
    @Option(
        names = "--catalog",
        paramLabel = "DIR",
        description = "A folder of `aws glue get-table` JSON snapshots.")
    Path folder;

    @Option(
        names = "--aws",
        description =
            "Use real AWS Glue and S3 (credentials and region from the usual AWS settings).")
    boolean aws;
  }

  @Option(
      names = "--data-root",
      paramLabel = "DIR",
      description =
          "Local stand-in for S3 data: s3://bucket/key is DIR/bucket/key. Required without --aws.")
  Path dataRoot;

  @Option(
      names = "--data-buckets",
      paramLabel = "BUCKETS",
      description =
          "Comma-separated buckets a contract's data_location may name (or *, the default: any"
              + " bucket your credentials can list). Other locations are neither probed nor used"
              + " to create tables: the table is ERROR DATA_LOCATION_NOT_ALLOWED.")
  String dataBuckets;

  @Option(
      names = "--create-missing",
      description =
          "Creates a missing table (and its database) from its contract where the contract's"
              + " create_if_missing policy allows: in Glue with --aws, else as a snapshot file in"
              + " --catalog. Without it, check never changes the catalog.")
  boolean createMissing;

  @Option(
      names = "--out",
      paramLabel = "DIR|S3_URL",
      defaultValue = "out",
      description =
          "Where diffs, reports and index.html go: a folder, or s3://bucket with --aws (default:"
              + " out).")
  String out;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Exit 1 when a table is at or above SAFE, RISKY or BREAKING.")
  Severity failOn;

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT",
      description =
          "Extra outputs: junit (junit.xml), sarif (schema-drift.sarif), github (annotations on"
              + " stdout); json (the summary as JSON) or markdown (a pull-request comment) replace"
              + " the text summary on stdout.")
  List<ExtraOutputs.Format> formats = new ArrayList<>();

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description = "Run id like 20261126T080000Z (UTC). Default: now.")
  String runId;

  @Option(
      names = "--concurrency",
      defaultValue = "8",
      paramLabel = "N",
      description = "Tables checked at once (default: 8).")
  int concurrency;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only the summary.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print one line per table.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Clock clock;
  private final Map<String, String> environment;

  CheckCommand() {
    this(Clock.systemUTC(), System.getenv());
  }

  CheckCommand(Clock clock, Map<String, String> environment) {
    this.clock = clock;
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RunId run;
    try {
      run = runId == null ? RunId.of(clock.instant()) : new RunId(runId);
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    String formatConflict = ExtraOutputs.conflict(formats);
    if (formatConflict != null) {
      return usage(err, formatConflict);
    }
    if (concurrency < 1 || concurrency > 256) {
      return usage(err, "--concurrency must be between 1 and 256");
    }
    if (!catalogs.aws && dataRoot == null) {
      return usage(
          err, "--data-root is required without --aws (it stands in for S3 when probing for data)");
    }
    List<String> problems = new ArrayList<>();
    Set<String> allowedData = RunSettings.parseDataBuckets("--data-buckets", dataBuckets, problems);
    if (!problems.isEmpty()) {
      return usage(err, problems.getFirst());
    }
    if (dataRoot != null && !Files.isDirectory(dataRoot)) {
      // Else every table would be NO_DATA and the run would look healthy.
      return usage(err, "no such --data-root folder: " + dataRoot);
    }
    Path root = contractsRoot.toAbsolutePath().normalize();
    // A set: a folder and a file in it name one contract once, not as a duplicate of itself.
    Set<String> contractKeys = new LinkedHashSet<>();
    String registryKey = null;
    // Where contract keys are relative to: --contracts-root, or for --contracts files outside it
    // the nearest folder holding both, so any file can be checked and keys inside stay as they are.
    Path contractFolder = root;
    if (sources.registry != null) {
      Path registry = sources.registry.toAbsolutePath().normalize();
      if (!Files.isRegularFile(registry)) {
        return usage(err, "no such registry file: " + sources.registry);
      }
      if (!registry.startsWith(root)) {
        return usage(
            err, "the registry " + sources.registry + " must be inside --contracts-root " + root);
      }
      registryKey = root.relativize(registry).toString().replace('\\', '/');
    } else {
      List<Path> files = new ArrayList<>();
      for (Path path : sources.contracts) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
          return usage(err, "no such contract file or folder: " + path);
        }
        files.addAll(contractFiles(absolute));
      }
      if (files.isEmpty()) {
        return usage(err, "no contracts (*.json, *.odcs.yaml) found in " + sources.contracts);
      }
      try {
        contractFolder = commonFolder(root, files);
      } catch (IllegalArgumentException e) {
        return usage(err, e.getMessage());
      }
      for (Path file : files) {
        contractKeys.add(contractFolder.relativize(file).toString().replace('\\', '/'));
      }
    }
    AwsClients clients = catalogs.aws ? new AwsClients(environment, List.of()) : null;
    Map<String, ObjectStore> mounted = new HashMap<>();
    mounted.put(
        CONTRACT_BUCKET,
        new LocalFolderObjectStore(contractFolder, Map.of(CONTRACT_BUCKET, contractFolder)));
    String outBucket;
    Path outFolder = null;
    if (out.startsWith("s3://")) {
      if (!catalogs.aws) {
        return usage(err, "--out s3://… needs --aws");
      }
      outBucket = out.substring(5).replaceAll("/+$", "");
      if (outBucket.isEmpty() || outBucket.contains("/")) {
        return usage(err, "--out s3:// takes a bucket name only, e.g. s3://my-drift-reports");
      }
    } else {
      outFolder = Path.of(out).toAbsolutePath().normalize();
      outBucket = OUT_BUCKET;
      mounted.put(OUT_BUCKET, new LocalFolderObjectStore(outFolder, Map.of(OUT_BUCKET, outFolder)));
    }
    // The data store has no mounts: s3://bucket/key is <data-root>/bucket/key for every bucket.
    ObjectStore fallback =
        dataRoot == null
            ? Failures.watched(spec, ObjectStore.class, new S3ObjectStore(clients.s3()))
            : new LocalFolderObjectStore(dataRoot.toAbsolutePath().normalize());
    if (catalogs.aws && outFolder == null) {
      mounted.put(
          outBucket, Failures.watched(spec, ObjectStore.class, new S3ObjectStore(clients.s3())));
    }
    ObjectStore store = new RoutingObjectStore(mounted, fallback);

    Catalog catalog;
    try {
      catalog =
          catalogs.aws
              ? Failures.watched(
                  spec, Catalog.class, new GlueCatalog(clients.build(GlueClient.builder(), "GLUE")))
              : new SnapshotCatalog(catalogs.folder);
    } catch (StoreException e) {
      Failures.details(spec, e);
      return usage(err, e.getMessage());
    }
    RunSettings settings =
        new RunSettings(
                CONTRACT_BUCKET,
                outBucket,
                registryKey == null ? null : CONTRACT_BUCKET,
                registryKey,
                RunSettings.DEFAULT_MAX_TABLES * 100,
                concurrency,
                null,
                null,
                allowedData)
            .withTableCreation(
                createMissing ? TableCreation.AS_POLICY_ALLOWS : TableCreation.NEVER);
    Progress progress =
        new Progress(
            err,
            quiet ? Progress.Level.QUIET : verbose ? Progress.Level.VERBOSE : Progress.Level.NORMAL,
            isTerminal());
    ReportTrigger reports = Reports.inProcess(store);
    RunManifest manifest;
    try {
      manifest =
          new SchemaDiffRun(settings, store, catalog, reports, progress)
              .execute(new RunRequest(run, null, List.of(), List.copyOf(contractKeys)));
    } catch (RunFailedException | StoreException e) {
      progress.finish();
      err.println("schema-drift check: " + e.getMessage());
      Failures.details(spec, e);
      return SchemaDriftCommand.EXIT_USAGE;
    }
    progress.finish();
    ExtraOutputs.write(formats, manifest, outFolder, stdout, key -> contractText(store, key));
    if (formats.contains(ExtraOutputs.Format.json)) {
      stdout.print(
          new String(
              SummaryJson.write(manifest, new SummaryJson.Destination(outFolder, outBucket)),
              StandardCharsets.UTF_8));
      stdout.flush();
    } else if (formats.contains(ExtraOutputs.Format.markdown)) {
      stdout.print(PullRequestComment.write(run.value(), manifest.tables()));
      stdout.flush();
    } else {
      Summary.print(
          manifest,
          stdout,
          progress.elapsedSeconds(),
          outFolder,
          outBucket,
          BucketLayout.manifest(run.value()));
    }
    return exitCode(manifest);
  }

  /** A contract's text for SARIF line numbers, or null: a location without a line is still one. */
  private static byte[] contractText(ObjectStore store, String key) {
    try {
      return store.get(CONTRACT_BUCKET, key).orElse(null);
    } catch (StoreException e) {
      return null;
    }
  }

  private int exitCode(RunManifest manifest) {
    boolean error = false;
    boolean failed = false;
    for (TableResult table : manifest.tables()) {
      Status status = table.artifact().status();
      if (status == Status.ERROR || table.writeError() != null) {
        error = true;
      }
      Severity severity = status.severity();
      if (failOn != null && severity != null && severity.compareTo(failOn) >= 0) {
        failed = true;
      }
    }
    return error ? SchemaDriftCommand.EXIT_ERROR : failed ? SchemaDriftCommand.EXIT_FAIL_ON : 0;
  }

  private static List<Path> contractFiles(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files
          .filter(Files::isRegularFile)
          .filter(CheckCommand::isContractFile)
          .sorted()
          .toList();
    }
  }

  /**
   * The deepest folder holding {@code root} and every file, following where a file that is a link
   * really is: the store refuses a link that leads out of its folder.
   */
  static Path commonFolder(Path root, List<Path> files) throws IOException {
    Path folder = root;
    for (Path file : files) {
      folder = commonFolder(folder, file);
      if (!file.toRealPath().startsWith(folder.toRealPath())) {
        folder = commonFolder(folder, file.toRealPath());
      }
    }
    return folder;
  }

  private static Path commonFolder(Path folder, Path file) {
    Path common = folder;
    while (common != null && !file.startsWith(common)) {
      common = common.getParent();
    }
    if (common == null) {
      // Another file-system root (a Windows drive): nothing holds both.
      throw new IllegalArgumentException(
          "contract " + file + " and --contracts-root " + folder + " share no folder");
    }
    return common;
  }

  static boolean isContractFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".json") || name.endsWith(".odcs.yaml") || name.endsWith(".odcs.yml");
  }

  /**
   * Whether standard output is a terminal. From JDK 22 {@code System.console()} exists even when
   * output is redirected, and only {@code Console.isTerminal()} (absent in 21) tells; it is looked
   * up reflectively so the jar still runs on 21.
   */
  static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  private static int usage(PrintWriter err, String message) {
    err.println("schema-drift check: " + message);
    return SchemaDriftCommand.EXIT_USAGE;
  }
}
