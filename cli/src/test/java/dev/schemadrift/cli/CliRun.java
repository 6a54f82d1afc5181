package dev.schemadrift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/** What one run of {@code schema-drift} printed and returned; tests drive the command with it. */
record CliRun(int exitCode, String out, String err) {

  /** Runs the command as {@code main} would, minus {@code System.exit}. */
  static CliRun of(String... arguments) {
    return with(CommandLine.defaultFactory(), arguments);
  }

  /** Runs the command with subcommands built by {@code factory} (an environment, a clock). */
  static CliRun with(CommandLine.IFactory factory, String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        SchemaDriftCommand.run(
            arguments, new PrintWriter(out, true), new PrintWriter(err, true), factory);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Everything a failed assertion needs to show. */
  String describe() {
    return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
  }

  /**
   * The repository's root: tests run in {@code cli/}. Read only: tests copy what they change and
   * never write here.
   */
  static Path repositoryRoot() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("configs/tables.json"))) {
      throw new IllegalStateException("tests must run in cli/ of the repository, not in " + root);
    }
    return root;
  }

  /** Copies a folder tree (the example catalog) so that a run may add snapshots to the copy. */
  static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.sorted().toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The regular files below a folder, relative to it, sorted. */
  static List<String> files(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths
          .filter(Files::isRegularFile)
          .map(path -> folder.relativize(path).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
