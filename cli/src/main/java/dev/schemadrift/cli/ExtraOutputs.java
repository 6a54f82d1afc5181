package dev.schemadrift.cli;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.run.RunManifest;
import dev.schemadrift.run.TableResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The CI-facing outputs of {@code check}: JUnit XML, SARIF 2.1.0 and GitHub annotations, and the
 * summary on standard output as text, JSON or a pull-request comment.
 */
final class ExtraOutputs {
  /** The formats {@code --format} accepts. */
  enum Format {
    junit,
    sarif,
    github,
    json,
    markdown;

    /** Whether the format prints on standard output (the others write files under --out). */
    boolean printsOnStandardOutput() {
      return switch (this) {
        case junit, sarif -> false;
        case github, json, markdown -> true;
      };
    }

    /** Whether the format takes the text summary's place. */
    boolean replacesSummary() {
      return switch (this) {
        case junit, sarif, github -> false;
        case json, markdown -> true;
      };
    }
  }

  private ExtraOutputs() {}

  /**
   * Why these formats cannot go together, or null: JSON and the comment must be all that standard
   * output holds, so that a script can parse it or post it as it is.
   */
  static String conflict(List<Format> formats) {
    List<Format> printing =
        formats.stream().distinct().filter(Format::printsOnStandardOutput).toList();
    if (printing.size() > 1 && printing.stream().anyMatch(Format::replacesSummary)) {
      return "--format "
          + String.join(",", printing.stream().map(Format::name).toList())
          + ": json and markdown each fill standard output alone; choose one of them"
          + " (junit and sarif, which write files, go with either)";
    }
    return null;
  }

  /** Writes the file formats under {@code folder} (when local) and prints GitHub annotations. */
  static void write(
      List<Format> formats,
      RunManifest manifest,
      Path folder,
      PrintWriter stdout,
      Function<String, byte[]> contracts)
      throws IOException {
    for (Format format : formats.stream().distinct().toList()) {
      switch (format) {
        case junit -> {
          if (folder != null) {
            Files.write(folder.resolve("junit.xml"), JunitReport.write(manifest));
          }
        }
        case sarif -> {
          if (folder != null) {
            Files.write(
                folder.resolve("schema-drift.sarif"),
                SarifLog.write(manifest, SarifLog.Links.fromBuild(), contracts));
          }
        }
        case github -> github(manifest, stdout);
        case json, markdown -> {
          // Printed in place of the summary, after the run: see CheckCommand.
        }
      }
    }
  }

  /** GitHub workflow commands: BREAKING as errors, RISKY as warnings, SAFE as notices. */
  static void github(RunManifest manifest, PrintWriter out) {
    for (TableResult table : manifest.tables()) {
      DiffArtifact artifact = table.artifact();
      String file = property(table.contractKey());
      if (artifact.status() == Status.ERROR) {
        out.println(
            "::error file="
                + file
                + ",title="
                + property("ERROR " + artifact.table().qualified())
                + "::"
                + data(artifact.error().message()));
      }
      for (Finding finding : artifact.findings()) {
        if (!finding.counts()) {
          continue;
        }
        String command =
            switch (finding.severity()) {
              case BREAKING -> "error";
              case RISKY -> "warning";
              case SAFE -> "notice";
            };
        out.println(
            "::"
                + command
                + " file="
                + file
                + ",title="
                + property(
                    finding.severity()
                        + " "
                        + finding.rule()
                        + " "
                        + artifact.table().qualified()
                        + " "
                        + finding.path())
                + "::"
                + data(finding.reason()));
      }
    }
    out.flush();
  }

  private static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
