package dev.schemadrift.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The workload {@code bin/schema-drift} runs once per jar and JDK to record a class-data archive
 * (AppCDS, or JDK 25's AOT cache) for the CLI's later starts.
 *
 * <p>It runs the real commands ({@code diff}, {@code validate}, {@code rules}) on an embedded
 * contract and Glue table (the example {@code nyc_parks.parks_properties}, 87 columns), so the
 * archive holds the classes of the commands users call, whatever the first call was. Their output
 * is discarded: the launcher runs this with its streams going nowhere, and the JVM's own training
 * messages ("AOTConfiguration recorded", which no logging option silences) never reach a user.
 * Exits 0 when every command ran, 1 otherwise, so that the launcher keeps no half-trained archive.
 */
public final class StartupTraining {
  private static final String RESOURCES = "/dev/schemadrift/cli/training/";

  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    System.exit(train() ? 0 : 1);
  }

  /** Runs the training commands; true when each of them ran (whatever its verdict). */
  static boolean train() throws IOException {
    Path folder = Files.createTempDirectory("schema-drift-training");
    boolean allRan = true;
    try {
      Path contract = copy("contract.json", folder);
      Path table = copy("table.json", folder);
      List<List<String>> commands =
          List.of(
              List.of("diff", "--contract", contract.toString(), "--table", table.toString()),
              List.of("validate", "--contracts", contract.toString()),
              List.of("rules"));
      for (List<String> command : commands) {
        PrintWriter discarded = new PrintWriter(Writer.nullWriter());
        int code = SchemaDriftCommand.run(command.toArray(String[]::new), discarded, discarded);
        // Findings (1) and ERROR tables (3) are verdicts; only a usage error means it did not run.
        allRan &= code != SchemaDriftCommand.EXIT_USAGE;
      }
    } finally {
      for (String name : List.of("contract.json", "table.json")) {
        Files.deleteIfExists(folder.resolve(name));
      }
      Files.deleteIfExists(folder);
    }
    return allRan;
  }

  private static Path copy(String name, Path folder) {
    Path target = folder.resolve(name);
    try (InputStream in = StartupTraining.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing training resource " + RESOURCES + name);
      }
      Files.copy(in, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }
}
