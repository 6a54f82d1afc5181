package dev.schemadrift.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.json.Json;
import dev.schemadrift.rule.RuleCatalogue;
import dev.schemadrift.rule.RuleId;
import dev.schemadrift.run.RunManifest;
import dev.schemadrift.run.TableResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.function.Function;

/**
 * The run as SARIF 2.1.0 for code scanning: one result per counted finding (and per ERROR table),
 * located at the contract file and, where the file names the column, at its line.
 */
final class SarifLog {
  /** The id of results for tables the monitor could not decide; not a drift rule. */
  static final String TABLE_ERROR = "TABLE_ERROR";

  /** The key of the finding's fingerprint in {@code partialFingerprints}; versioned per SARIF. */
  static final String FINGERPRINT_KEY = "schemaDriftFinding/v1";

  /**
   * Where the project is published. SARIF wants absolute URIs for both, so each is left out when
   * the build does not say.
   *
   * @param informationUri the project's repository or home page, or null
   * @param rulesDocument docs/RULES.md as published, the base of each rule's helpUri, or null
   */
  record Links(URI informationUri, URI rulesDocument) {
    Links {
      if (informationUri != null && !informationUri.isAbsolute()
          || rulesDocument != null && !rulesDocument.isAbsolute()) {
        throw new IllegalArgumentException("SARIF links must be absolute URIs");
      }
    }

    /** Neither link: what a build without a repository URL gives. */
    static final Links NONE = new Links(null, null);

    /**
     * The links the build wrote into {@code project.properties} from the pom's {@code
     * schemadrift.repository.url}; none when it is empty.
     */
    static Links fromBuild() {
      Properties properties = new Properties();
      try (InputStream in = SarifLog.class.getResourceAsStream("project.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("the jar's project.properties cannot be read", e);
      }
      return fromRepository(properties.getProperty("repository", ""));
    }

    /** The links of a repository URL such as https://github.com/org/schema-drift. */
    static Links fromRepository(String repository) {
      String url = repository.strip();
      // An unset Maven property is left as its own expression by resource filtering.
      if (url.isEmpty() || url.startsWith("${")) {
        return NONE;
      }
      String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      return new Links(URI.create(base), URI.create(base + "/blob/HEAD/docs/RULES.md"));
    }
  }

  private SarifLog() {}

  /**
   * The SARIF log; {@code contracts} gives a contract key's text (null when it cannot be read),
   * searched for the line of each finding's column.
   */
  static byte[] write(RunManifest manifest, Links links, Function<String, byte[]> contracts) {
    return Json.writePretty(json -> write(json, manifest, links, contracts));
  }

  private static void write(
      JsonGenerator json, RunManifest manifest, Links links, Function<String, byte[]> contracts)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    json.writeStringField("version", "2.1.0");
    json.writeArrayFieldStart("runs");
    json.writeStartObject();
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "schema-drift");
    if (links.informationUri() != null) {
      json.writeStringField("informationUri", links.informationUri().toString());
    }
    json.writeArrayFieldStart("rules");
    for (RuleId rule : RuleId.values()) {
      json.writeStartObject();
      json.writeStringField("id", rule.name());
      text(json, "shortDescription", rule.summary());
      String anchor = "docs/RULES.md#" + RuleCatalogue.anchor(rule);
      if (links.rulesDocument() != null) {
        json.writeStringField("helpUri", links.rulesDocument() + "#" + RuleCatalogue.anchor(rule));
      }
      text(json, "help", rule.name() + ": " + rule.summary() + ". See " + anchor + ".");
      json.writeEndObject();
    }
    json.writeStartObject();
    json.writeStringField("id", TABLE_ERROR);
    text(
        json,
        "shortDescription",
        "the monitor could not decide: an invalid contract or Glue table, or a failed read");
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
    json.writeArrayFieldStart("results");
    for (TableResult table : manifest.tables()) {
      results(json, table, contracts);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void results(
      JsonGenerator json, TableResult table, Function<String, byte[]> contracts)
      throws IOException {
    DiffArtifact artifact = table.artifact();
    String qualified = artifact.table().qualified();
    if (artifact.status() == Status.ERROR) {
      result(
          json,
          TABLE_ERROR,
          RuleId.values().length,
          "error",
          qualified + ": " + artifact.error().message(),
          Fingerprint.of(TABLE_ERROR, qualified, "", artifact.error().kindName(), null),
          table.contractKey(),
          OptionalInt.empty(),
          qualified);
    }
    byte[] text = null;
    boolean read = false;
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
      String column = ContractLines.column(finding.path());
      if (!read && column != null && table.contractKey() != null) {
        text = contracts.apply(table.contractKey());
        read = true;
      }
      result(
          json,
          finding.rule().name(),
          finding.rule().ordinal(),
          level,
          qualified + " " + finding.path() + ": " + finding.reason(),
          finding.fingerprint(),
          table.contractKey(),
          table.contractKey() == null
              ? OptionalInt.empty()
              : ContractLines.line(table.contractKey(), text, column),
          qualified + "/" + finding.path());
    }
  }

  private static void result(
      JsonGenerator json,
      String rule,
      int ruleIndex,
      String level,
      String message,
      String fingerprint,
      String file,
      OptionalInt line,
      String logical)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", rule);
    json.writeNumberField("ruleIndex", ruleIndex);
    json.writeStringField("level", level);
    text(json, "message", message);
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    if (file != null) {
      json.writeObjectFieldStart("physicalLocation");
      json.writeObjectFieldStart("artifactLocation");
      json.writeStringField("uri", uri(file));
      json.writeEndObject();
      if (line.isPresent()) {
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", line.getAsInt());
        json.writeEndObject();
      }
      json.writeEndObject();
    }
    json.writeArrayFieldStart("logicalLocations");
    json.writeStartObject();
    json.writeStringField("fullyQualifiedName", logical);
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField(FINGERPRINT_KEY, fingerprint);
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void text(JsonGenerator json, String field, String text) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("text", text);
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
}
