package dev.schemadrift.cli;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.run.RunManifest;
import dev.schemadrift.run.TableResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The final summary of {@code check}: tables per status, every table that is not OK, and the tables
 * the run created.
 */
final class Summary {
  private Summary() {}

  static void print(
      RunManifest manifest,
      PrintWriter out,
      double seconds,
      Path outFolder,
      String outBucket,
      String manifestKey) {
    out.printf(
        Locale.ROOT,
        "schema-drift: run %s, %d table%s in %.1f s%n",
        manifest.runId(),
        manifest.tables().size(),
        manifest.tables().size() == 1 ? "" : "s",
        seconds);
    out.println();
    out.println("  STATUS     TABLES");
    for (Map.Entry<Status, Integer> total : manifest.totals().entrySet()) {
      out.printf(Locale.ROOT, "  %-9s  %6d%n", total.getKey(), total.getValue());
    }
    boolean header = false;
    for (TableResult table : manifest.tables()) {
      DiffArtifact artifact = table.artifact();
      if (artifact.status() == Status.OK && table.writeError() == null) {
        continue;
      }
      if (!header) {
        out.println();
        out.println("  Not OK:");
        header = true;
      }
      out.printf(
          Locale.ROOT,
          "  %-9s  %-45s %s%n",
          artifact.status(),
          artifact.table().qualified(),
          detail(table));
    }
    List<String> created =
        manifest.tables().stream()
            .filter(table -> table.artifact().createdTable())
            .map(table -> table.artifact().table().qualified())
            .toList();
    if (!created.isEmpty()) {
      out.println();
      out.println("  Created from their contracts: " + String.join(", ", created));
    }
    if (!manifest.skipped().isEmpty()) {
      out.println();
      out.println("  Skipped (disabled in the registry): " + String.join(", ", manifest.skipped()));
    }
    out.println();
    if (outFolder != null) {
      Path index = outFolder.resolve("index.html");
      out.println("  Manifest: " + outFolder.resolve(manifestKey));
      if (Files.exists(index)) {
        out.println("  Report:   " + index);
      }
    } else {
      out.println("  Manifest: s3://" + outBucket + "/" + manifestKey);
    }
    out.flush();
  }

  private static String detail(TableResult table) {
    DiffArtifact artifact = table.artifact();
    if (table.writeError() != null) {
      return "artifact not written: " + table.writeError();
    }
    if (artifact.error() != null) {
      String message = artifact.error().message().replace('\n', ' ');
      return artifact.error().kindName()
          + ": "
          + (message.length() > 160 ? message.substring(0, 157) + "..." : message);
    }
    if (artifact.status() == Status.NO_DATA) {
      return "no data files at " + artifact.dataProbe().location();
    }
    DiffArtifact.Counts counts = artifact.counts();
    return String.format(
        Locale.ROOT,
        "%d breaking, %d risky, %d safe%s",
        counts.breaking(),
        counts.risky(),
        counts.safe(),
        counts.waived() > 0 ? ", " + counts.waived() + " waived" : "");
  }
}
