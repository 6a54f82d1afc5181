package dev.schemadrift.bench;

import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.run.aws.GlueCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The cold-start proxy: starts fresh JVMs, each running one {@link ColdStartProbe} mode (or {@link
 * Hello}, or the CLI), rounds interleaved so that every variant sees the same machine noise, and
 * prints the median, minimum and maximum wall time of each and its ratio to the floors.
 *
 * <p>Usage: {@code ColdStartBench REPO_ROOT CLASSPATH ROUNDS OUT_DIR}. With {@code
 * AWS_ENDPOINT_URL} set (scripts/with-moto.sh) it also loads the table into that emulator and runs
 * the Lambda handler's own path against it.
 */
public final class ColdStartBench {
  private static final List<String> JVM_FLAGS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

  private ColdStartBench() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]).toAbsolutePath();
    String classpath = args[1];
    int rounds = Integer.parseInt(args[2]);
    Path out = Path.of(args[3]).toAbsolutePath();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path fixture = fixture(repo, out.resolve("coldstart-fixture"));
    Path cliJar = repo.resolve("cli/target/schema-drift.jar");
    Path archive = out.resolve("cli-appcds.jsa");
    Files.deleteIfExists(archive);
    Path contract =
        fixture
            .resolve("s3")
            .resolve(ColdStartProbe.CONTRACT_BUCKET)
            .resolve(ColdStartProbe.CONTRACT_KEY);
    Path table = fixture.resolve("catalog/nyc_parks/parks_properties.json");
    boolean moto = System.getenv("AWS_ENDPOINT_URL") != null;

    Map<String, List<String>> variants = new LinkedHashMap<>();
    variants.put("jvm-hello", command(java, classpath, "dev.schemadrift.bench.Hello"));
    variants.put(
        "sdk-clients", command(java, classpath, ColdStartProbe.class.getName(), "sdk-clients"));
    variants.put(
        "handler-local",
        command(
            java, classpath, ColdStartProbe.class.getName(), "handler-local", fixture.toString()));
    variants.put(
        "handler-local-primed",
        command(
            java,
            classpath,
            ColdStartProbe.class.getName(),
            "handler-local-primed",
            fixture.toString()));
    if (moto) {
      loadIntoEmulator(fixture);
      variants.put(
          "handler-aws-moto",
          command(java, classpath, ColdStartProbe.class.getName(), "handler-aws"));
    }
    List<String> cli = new ArrayList<>(List.of(java.toString()));
    cli.addAll(JVM_FLAGS);
    List<String> cliArgs =
        List.of(
            "-jar",
            cliJar.toString(),
            "diff",
            "--contract",
            contract.toString(),
            "--table",
            table.toString());
    List<String> plainCli = new ArrayList<>(cli);
    plainCli.addAll(cliArgs);
    variants.put("cli-diff", plainCli);
    List<String> cdsCli = new ArrayList<>(cli);
    cdsCli.add("-XX:SharedArchiveFile=" + archive);
    cdsCli.add("-XX:+AutoCreateSharedArchive");
    cdsCli.addAll(cliArgs);
    variants.put("cli-diff-appcds", cdsCli);

    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("CONTRACT_BUCKET", ColdStartProbe.CONTRACT_BUCKET);
    environment.put("REPORT_BUCKET", ColdStartProbe.REPORT_BUCKET);
    environment.put("CONTRACT_KEY", ColdStartProbe.CONTRACT_KEY);
    environment.putIfAbsent("AWS_REGION", "us-east-1");
    if (System.getenv("AWS_ACCESS_KEY_ID") == null) {
      environment.put("AWS_ACCESS_KEY_ID", "testing");
      environment.put("AWS_SECRET_ACCESS_KEY", "testing");
    }

    // One untimed run of each: the AppCDS archive is written, and each variant is shown to work.
    for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
      String output = run(variant.getValue(), environment).output();
      System.out.println("check " + variant.getKey() + ": " + firstLines(output));
    }
    Map<String, List<Double>> times = new LinkedHashMap<>();
    Map<String, List<String>> probes = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
        Result result = run(variant.getValue(), environment);
        times.computeIfAbsent(variant.getKey(), key -> new ArrayList<>()).add(result.millis());
        result
            .output()
            .lines()
            .filter(line -> line.startsWith("probe "))
            .forEach(
                line ->
                    probes.computeIfAbsent(variant.getKey(), key -> new ArrayList<>()).add(line));
      }
    }
    double hello = median(times.get("jvm-hello"));
    double sdk = median(times.get("sdk-clients"));
    System.out.printf(
        Locale.ROOT,
        "coldstart rounds=%d flags=%s java=%s%n",
        rounds,
        String.join(" ", JVM_FLAGS),
        System.getProperty("java.version"));
    for (Map.Entry<String, List<Double>> entry : times.entrySet()) {
      double median = median(entry.getValue());
      System.out.printf(
          Locale.ROOT,
          "coldstart %-22s median=%7.1f ms min=%7.1f max=%7.1f  x_hello=%.2f x_sdk_floor=%.2f%n",
          entry.getKey(),
          median,
          entry.getValue().stream().mapToDouble(Double::doubleValue).min().orElse(0),
          entry.getValue().stream().mapToDouble(Double::doubleValue).max().orElse(0),
          median / hello,
          median / sdk);
    }
    for (Map.Entry<String, List<String>> entry : probes.entrySet()) {
      System.out.println("coldstart-probe " + entry.getKey() + " " + medianProbe(entry.getValue()));
    }
  }

  private static List<String> command(Path java, String classpath, String... mainAndArgs) {
    List<String> command = new ArrayList<>(List.of(java.toString()));
    command.addAll(JVM_FLAGS);
    command.add("-cp");
    command.add(classpath);
    command.addAll(Arrays.asList(mainAndArgs));
    return command;
  }

  private record Result(double millis, String output) {}

  private static Result run(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    int exit = process.waitFor();
    double millis = (System.nanoTime() - start) / 1e6;
    String text = new String(output, StandardCharsets.UTF_8);
    // The CLI's diff exits 1 for a finding at or above --fail-on (none given here): 0 expected.
    if (exit != 0) {
      throw new IllegalStateException("exit " + exit + " from " + command + ":\n" + text);
    }
    return new Result(millis, text);
  }

  private static String firstLines(String output) {
    String flat = output.replaceAll("\\s+", " ").strip();
    return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** The probe line whose invoke time is the median of the variant's. */
  private static String medianProbe(List<String> lines) {
    List<String> sorted = new ArrayList<>(lines);
    sorted.sort(
        java.util.Comparator.comparingDouble(
            line -> Double.parseDouble(line.replaceAll(".*invoke_ms=([0-9.]+).*", "$1"))));
    return sorted.get(sorted.size() / 2).substring("probe ".length());
  }

  /** One table from the examples: its contract, its data folder, its Glue snapshot. */
  static Path fixture(Path repo, Path fixture) throws IOException {
    deleteTree(fixture);
    copyTree(
        repo.resolve("contracts/nyc_parks/parks_properties.json"),
        fixture
            .resolve("s3")
            .resolve(ColdStartProbe.CONTRACT_BUCKET)
            .resolve(ColdStartProbe.CONTRACT_KEY));
    copyTree(
        repo.resolve("examples/data/nyc-open-data-lake/parks/properties"),
        fixture.resolve("s3/nyc-open-data-lake/parks/properties"));
    copyTree(
        repo.resolve("examples/catalog/nyc_parks/parks_properties.json"),
        fixture.resolve("catalog/nyc_parks/parks_properties.json"));
    return fixture;
  }

  private static void loadIntoEmulator(Path fixture) throws IOException {
    AwsClients clients = AwsClients.fromEnvironment();
    try (S3Client s3 = clients.s3();
        GlueClient glue = clients.build(GlueClient.builder(), "GLUE")) {
      Path buckets = fixture.resolve("s3");
      try (Stream<Path> files = Files.walk(buckets)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path relative = buckets.relativize(file);
          String bucket = relative.getName(0).toString();
          String key = relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/');
          try {
            s3.createBucket(request -> request.bucket(bucket));
          } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            // Already there (an earlier file of the same bucket).
          }
          s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(file));
        }
      }
      try {
        s3.createBucket(request -> request.bucket(ColdStartProbe.REPORT_BUCKET));
      } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
        // Already there.
      }
      GlueCatalog catalog = new GlueCatalog(glue);
      catalog.createDatabase("nyc_parks", "cold-start benchmark");
      Path snapshot = fixture.resolve("catalog/nyc_parks/parks_properties.json");
      catalog.createTable(
          GlueTableReader.readOne(snapshot.toString(), Files.readAllBytes(snapshot)), null);
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    if (Files.isRegularFile(from)) {
      Files.createDirectories(to.getParent());
      Files.copy(from, to);
      return;
    }
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
