package dev.schemadrift.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The project version and git commit of this build, as cli/pom.xml wrote them into {@code
 * version.properties}; the commit is null when the build had no git or no repository.
 */
record BuildVersion(String version, String commit) {
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");

  BuildVersion {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("version must not be blank");
    }
    if (commit != null && !COMMIT.matcher(commit).matches()) {
      throw new IllegalArgumentException("commit is not a git commit id: " + commit);
    }
  }

  /** The version of the running jar or classes folder. */
  static BuildVersion read() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IOException("version.properties is missing: the CLI was not built by Maven");
      }
      properties.load(in);
    }
    return of(properties);
  }

  /**
   * From the filtered properties; a value the build could not fill keeps its {@code ${...}}
   * placeholder, which means unknown.
   */
  static BuildVersion of(Properties properties) {
    String version = filled(properties.getProperty("version"));
    return new BuildVersion(
        version == null ? "unknown version" : version, filled(properties.getProperty("commit")));
  }

  private static String filled(String value) {
    return value == null || value.isBlank() || value.contains("${") ? null : value.strip();
  }

  /** What {@code --version} prints, e.g. {@code schema-drift 0.1.0 (commit 9412c7c1a2b3)}. */
  String describe() {
    return "schema-drift "
        + version
        + " ("
        + (commit == null ? "unknown commit" : "commit " + commit)
        + ")";
  }
}
