package dev.schemadrift.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the experiment files: {@code <folder>/<RULE_ID>/<case>.json}, each one schema change
 * measured in every format it lists.
 */
final class ExperimentReader {
  private ExperimentReader() {}

  /** Every experiment under {@code folder}, in id order. */
  static List<Experiment> readAll(Path folder) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list experiments in " + folder, e);
    }
    List<Experiment> experiments = new ArrayList<>();
    for (Path file : files) {
      experiments.addAll(read(file));
    }
    return experiments;
  }

  /** The experiments of one file, one per format it lists. */
  static List<Experiment> read(Path file) {
    String rule = file.getParent().getFileName().toString();
    String caseName = file.getFileName().toString().replaceFirst("\\.json$", "");
    JsonNode root;
    try {
      root = Json.mapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not readable JSON: " + e.getMessage(), e);
    }
    try {
      List<Column> before = columns(root, "before");
      List<Column> after = columns(root, "after");
      String changed = text(root, "changed");
      boolean partitioned = root.path("partitioned").asBoolean(false);
      ColumnAccess access =
          ColumnAccess.valueOf(
              root.path("access").asText("default").toUpperCase(Locale.ROOT).replace('-', '_'));
      JsonNode formats = root.path("formats");
      if (!formats.isArray() || formats.isEmpty()) {
        throw new IllegalArgumentException("field 'formats' must be a non-empty array");
      }
      List<Experiment> experiments = new ArrayList<>();
      for (JsonNode name : formats) {
        StorageFormat format =
            StorageFormat.fromJsonName(name.asText())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "field 'formats': unknown format '" + name.asText() + "'"));
        experiments.add(
            new Experiment(rule, caseName, format, partitioned, access, before, after, changed));
      }
      return experiments;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static List<Column> columns(JsonNode root, String field) {
    JsonNode array = root.path(field);
    if (!array.isArray()) {
      throw new IllegalArgumentException("field '" + field + "' must be an array of columns");
    }
    List<Column> columns = new ArrayList<>();
    for (JsonNode column : array) {
      columns.add(new Column(text(column, "name"), text(column, "type")));
    }
    return columns;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string");
    }
    return value.asText();
  }
}
