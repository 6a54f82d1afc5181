package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --version}: the project version and the git commit the build was made from. */
class BuildVersionTest {
  private static final Pattern PROJECT_VERSION =
      Pattern.compile("<artifactId>schema-drift-parent</artifactId>\\s*<version>([^<]+)</version>");

  @Test
  void versionNamesTheProjectVersionAndTheCommit() throws Exception {
    CliRun run = CliRun.of("--version");

    assertEquals(0, run.exitCode(), run.describe());
    String commit = headCommit();
    String expected =
        "schema-drift "
            + projectVersion()
            + " ("
            + (commit == null ? "unknown commit" : "commit " + commit.substring(0, 12))
            + ")\n";
    assertEquals(expected, run.out());
  }

  @Test
  void everyCommandPrintsTheSameVersion() {
    assertEquals(CliRun.of("--version").out(), CliRun.of("check", "--version").out());
  }

  @Test
  void placeholdersTheBuildCouldNotFillAreUnknown() {
    // What resource filtering leaves when git or the repository is missing at build time.
    Properties properties = new Properties();
    properties.setProperty("version", "1.2.3");
    properties.setProperty("commit", "${git.commit}");

    assertEquals("schema-drift 1.2.3 (unknown commit)", BuildVersion.of(properties).describe());
  }

  @Test
  void aFilledCommitIsShown() {
    Properties properties = new Properties();
    properties.setProperty("version", "1.2.3");
    properties.setProperty("commit", "9412c7cfe8da");

    assertEquals(
        "schema-drift 1.2.3 (commit 9412c7cfe8da)", BuildVersion.of(properties).describe());
  }

  @Test
  void aCommitMustBeAGitId() {
    assertThrows(IllegalArgumentException.class, () -> new BuildVersion("1.2.3", "main"));
    assertThrows(IllegalArgumentException.class, () -> new BuildVersion(" ", null));
  }

  /** The parent's version in the repository's pom.xml, which every module inherits. */
  private static String projectVersion() throws IOException {
    Matcher matcher =
        PROJECT_VERSION.matcher(Files.readString(CliRun.repositoryRoot().resolve("cli/pom.xml")));
    assertTrue(matcher.find(), "cli/pom.xml names its parent's version");
    return matcher.group(1);
  }

  /** The commit checked out now (the one the build saw), or null without git. */
  private static String headCommit() throws InterruptedException {
    try {
      Process process =
          new ProcessBuilder(List.of("git", "rev-parse", "HEAD"))
              .directory(CliRun.repositoryRoot().toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : null;
    } catch (IOException e) {
      return null;
    }
  }
}
