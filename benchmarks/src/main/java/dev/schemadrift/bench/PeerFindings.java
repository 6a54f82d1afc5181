package dev.schemadrift.bench;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.diff.Finding;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.iceberg.types.CheckCompatibility;
import org.apache.orc.TypeDescription;

/**
 * How many of the ten planted changes each tool reports at all. Not timed: it runs each check once
 * and attributes every reported problem to a top-level column, then counts the planted columns hit.
 * Prints one line per tool ({@code findings <tool> <hit>/<planted> <details>}).
 */
public final class PeerFindings {
  private static final Pattern AVRO_FIELD = Pattern.compile("^/fields/(\\d+)");
  private static final Pattern COLUMN = Pattern.compile("\\b(c\\d{4}|c_new)\\b");

  private PeerFindings() {}

  public static void main(String[] args) {
    WideSchemas.Pair pair = WideSchemas.widePair();
    Set<String> planted = new LinkedHashSet<>();
    WideSchemas.CHANGES.forEach(change -> planted.add(change.column()));

    DiffArtifact artifact =
        TableCheck.compared(
            new RunId("20261126T080000Z"),
            null,
            WideSchemas.contract(pair.expected()),
            WideSchemas.table(pair.actual()),
            null,
            false);
    Set<String> ours = new LinkedHashSet<>();
    for (Finding finding : artifact.findings()) {
      ours.add(topLevel(finding.path()));
    }
    print("schema-drift", planted, ours, artifact.findings().size() + " findings");

    var iceberg = IcebergSchemas.convert(pair.expected(), pair.actual());
    List<String> icebergErrors = CheckCompatibility.readCompatibilityErrors(iceberg[0], iceberg[1]);
    Set<String> icebergHits = new LinkedHashSet<>();
    for (String error : icebergErrors) {
      Matcher matcher = COLUMN.matcher(error);
      if (matcher.find()) {
        icebergHits.add(matcher.group(1));
      }
    }
    print("iceberg", planted, icebergHits, icebergErrors.size() + " errors");

    Schema reader = AvroSchemas.convert(pair.expected());
    SchemaCompatibility.SchemaPairCompatibility avro =
        SchemaCompatibility.checkReaderWriterCompatibility(
            reader, AvroSchemas.convert(pair.actual()));
    Set<String> avroHits = new LinkedHashSet<>();
    for (SchemaCompatibility.Incompatibility incompatibility :
        avro.getResult().getIncompatibilities()) {
      Matcher matcher = AVRO_FIELD.matcher(incompatibility.getLocation());
      if (matcher.find()) {
        avroHits.add(reader.getFields().get(Integer.parseInt(matcher.group(1))).name());
      }
    }
    print(
        "avro",
        planted,
        avroHits,
        avro.getResult().getIncompatibilities().size() + " incompatibilities");

    // ORC only parses; the most it offers is equality of same-named columns.
    Map<String, String> actualTypes = new HashMap<>();
    pair.actual().forEach(column -> actualTypes.put(column[0], column[1]));
    Set<String> orcHits = new LinkedHashSet<>();
    for (String[] column : pair.expected()) {
      String other = actualTypes.get(column[0]);
      if (other != null
          && !TypeDescription.fromString(column[1]).equals(TypeDescription.fromString(other))) {
        orcHits.add(column[0]);
      }
    }
    print("orc", planted, orcHits, "no diff; TypeDescription.equals per same-named column");
  }

  private static String topLevel(String path) {
    int end = path.length();
    for (char stop : new char[] {'.', '[', '{'}) {
      int at = path.indexOf(stop);
      if (at > 0) {
        end = Math.min(end, at);
      }
    }
    return path.substring(0, end);
  }

  private static void print(String tool, Set<String> planted, Set<String> hits, String details) {
    long hit = planted.stream().filter(hits::contains).count();
    Set<String> missed = new LinkedHashSet<>(planted);
    missed.removeAll(hits);
    System.out.printf(
        Locale.ROOT,
        "findings %s %d/%d (%s; missed: %s)%n",
        tool,
        hit,
        planted.size(),
        details,
        missed.isEmpty() ? "none" : String.join(",", missed));
  }
}
