package dev.schemadrift.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.json.Json;
import dev.schemadrift.run.RunManifest;
import dev.schemadrift.run.TableResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The CI-facing outputs of {@code check}: JUnit XML, SARIF 2.1.0 and GitHub annotations. */
final class ExtraOutputs {
  /** The formats {@code --format} accepts. */
  enum Format {
    junit,
    sarif,
    github
  }

  private ExtraOutputs() {}

  static void write(List<Format> formats, RunManifest manifest, Path folder, PrintWriter stdout)
      throws IOException {
    for (Format format : formats) {
      switch (format) {
        case junit -> {
          if (folder != null) {
            Files.write(folder.resolve("junit.xml"), junit(manifest));
          }
        }
        case sarif -> {
          if (folder != null) {
            Files.write(folder.resolve("schema-drift.sarif"), sarif(manifest));
          }
        }
        case github -> github(manifest, stdout);
      }
    }
  }

  /** One test case per table; failures for BREAKING and RISKY, errors for ERROR. */
  static byte[] junit(RunManifest manifest) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    StringBuilder cases = new StringBuilder();
    for (TableResult table : manifest.tables()) {
      DiffArtifact artifact = table.artifact();
      cases
          .append("  <testcase classname=\"schema-drift.")
          .append(xml(artifact.table().database()))
          .append("\" name=\"")
          .append(xml(artifact.table().name()))
          .append("\">\n");
      switch (artifact.status()) {
        case ERROR -> {
          errors++;
          cases
              .append("    <error type=\"")
              .append(xml(artifact.error().kindName()))
              .append("\" message=\"")
              .append(xml(artifact.error().message()))
              .append("\"/>\n");
        }
        case BREAKING, RISKY -> {
          failures++;
          cases
              .append("    <failure type=\"")
              .append(artifact.status())
              .append("\" message=\"")
              .append(artifact.counts().breaking())
              .append(" breaking, ")
              .append(artifact.counts().risky())
              .append(" risky\">");
          for (Finding finding : artifact.findings()) {
            if (finding.counts()) {
              cases
                  .append(
                      xml(
                          finding.severity()
                              + " "
                              + finding.rule()
                              + " "
                              + finding.path()
                              + ": "
                              + finding.reason()))
                  .append("&#10;");
            }
          }
          cases.append("</failure>\n");
        }
        case NO_DATA -> {
          skipped++;
          cases.append("    <skipped message=\"no data files\"/>\n");
        }
        case OK, SAFE -> {}
      }
      cases.append("  </testcase>\n");
    }
    xml.append("<testsuite name=\"schema-drift ")
        .append(manifest.runId())
        .append("\" tests=\"")
        .append(manifest.tables().size())
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"")
        .append(errors)
        .append("\" skipped=\"")
        .append(skipped)
        .append("\">\n")
        .append(cases)
        .append("</testsuite>\n");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String xml(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          // XML 1.0 forbids most control characters even as references.
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out.append('?');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** SARIF 2.1.0: one result per counted finding, located in the contract file. */
  static byte[] sarif(RunManifest manifest) {
    return Json.writePretty(json -> sarif(json, manifest));
  }

  private static void sarif(JsonGenerator json, RunManifest manifest) throws IOException {
    json.writeStartObject();
    json.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    json.writeStringField("version", "2.1.0");
    json.writeArrayFieldStart("runs");
    json.writeStartObject();
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "schema-drift");
    json.writeStringField("informationUri", "https://github.com/schema-drift/schema-drift");
    json.writeArrayFieldStart("rules");
    for (dev.schemadrift.rule.RuleId rule : dev.schemadrift.rule.RuleId.values()) {
      json.writeStartObject();
      json.writeStringField("id", rule.name());
      json.writeObjectFieldStart("shortDescription");
      json.writeStringField("text", rule.summary());
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
    json.writeArrayFieldStart("results");
    for (TableResult table : manifest.tables()) {
      DiffArtifact artifact = table.artifact();
      if (artifact.status() == Status.ERROR) {
        result(
            json,
            "TABLE_ERROR",
            "error",
            artifact.table().qualified() + ": " + artifact.error().message(),
            table.contractKey(),
            artifact.table().qualified());
      }
      for (Finding finding : artifact.findings()) {
        if (!finding.counts()) {
          continue;
        }
        String level =
            switch (finding.severity()) {
              case BREAKING -> "error";
              case RISKY -> "warning";
              case SAFE -> "note";
            };
        result(
            json,
            finding.rule().name(),
            level,
            artifact.table().qualified() + " " + finding.path() + ": " + finding.reason(),
            table.contractKey(),
            artifact.table().qualified() + "/" + finding.path());
      }
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void result(
      JsonGenerator json, String rule, String level, String message, String file, String logical)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", rule);
    json.writeStringField("level", level);
    json.writeObjectFieldStart("message");
    json.writeStringField("text", message);
    json.writeEndObject();
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", uri(file));
    json.writeEndObject();
    json.writeEndObject();
    json.writeArrayFieldStart("logicalLocations");
    json.writeStartObject();
    json.writeStringField("fullyQualifiedName", logical);
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  /**
   * SARIF locations are URI references: a contract key (a relative path) with a space, {@code %} or
   * non-ASCII character must be percent-encoded, or code-scanning tools reject the file.
   */
  static String uri(String key) {
    try {
      return new URI(null, null, key, null).toASCIIString();
    } catch (URISyntaxException e) {
      return key;
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

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
