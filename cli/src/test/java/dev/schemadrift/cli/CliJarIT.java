package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code schema-drift.jar} in a process of its own, as users run it: the SLF4J it
 * carries prints nothing (no "SLF4J:" warnings, which only a fresh JVM shows), even on AWS
 * failures, and {@code --version} names the commit.
 */
class CliJarIT {
  private static final Path JAR = CliRun.repositoryRoot().resolve("cli/target/schema-drift.jar");

  private record Result(int exitCode, String out, String err) {
    String describe() {
      return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  private static Result run(Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    assertTrue(Files.isRegularFile(JAR), JAR + " does not exist: package the cli module first");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    // Only what the command is given: no AWS settings of the machine running the test.
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
    builder.environment().putAll(environment);
    Path err = Files.createTempFile("schema-drift-err", ".txt");
    try {
      Process process = builder.redirectError(err.toFile()).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command finished");
      return new Result(process.exitValue(), out, Files.readString(err));
    } finally {
      Files.delete(err);
    }
  }

  private static Map<String, String> unreachableAws() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return Map.of(
        "AWS_REGION", "eu-west-1",
        "AWS_ACCESS_KEY_ID", "testing",
        "AWS_SECRET_ACCESS_KEY", "testing",
        "AWS_ENDPOINT_URL", "http://127.0.0.1:" + port);
  }

  @Test
  void anAwsFailurePrintsOneLineAndNoSlf4jWarning() throws Exception {
    Result result = run(unreachableAws(), "init", "--aws", "nyc_parks.parks_properties");

    assertEquals(SchemaDriftCommand.EXIT_USAGE, result.exitCode(), result.describe());
    assertEquals("", result.out(), result.describe());
    List<String> lines = result.err().lines().toList();
    assertEquals(1, lines.size(), result.describe());
    assertTrue(lines.getFirst().startsWith("schema-drift init: could not reach AWS"));
  }

  @Test
  void debugShowsTheCausesAndStillNoSlf4jWarning() throws Exception {
    Result result = run(unreachableAws(), "--debug", "init", "--aws", "nyc_parks.parks_properties");

    assertEquals(SchemaDriftCommand.EXIT_USAGE, result.exitCode(), result.describe());
    assertTrue(result.err().contains("Caused by: java.net.ConnectException"), result.describe());
    assertFalse(result.err().contains("SLF4J"), result.describe());
  }

  @Test
  void versionNamesTheCommitInThePackagedJar() throws Exception {
    Result result = run(Map.of(), "--version");

    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(
        result.out().matches("schema-drift \\S+ \\((commit [0-9a-f]{12}|unknown commit)\\)\n"),
        result.describe());
    assertEquals(CliRun.of("--version").out(), result.out(), "the jar and the classes agree");
  }
}
