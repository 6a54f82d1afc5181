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
      PartitionLayout layout = layout(root);
      boolean contractIsAfter = contractIsAfter(root);
      StorageFormat partitionFormat = null;
      if (root.has("partition_format")) {
        partitionFormat = format("partition_format", root.path("partition_format").asText());
      }
      JsonNode formats = root.path("formats");
      if (!formats.isArray() || formats.isEmpty()) {
        throw new IllegalArgumentException("field 'formats' must be a non-empty array");
      }
      List<Experiment> experiments = new ArrayList<>();
      for (JsonNode name : formats) {
        StorageFormat format = format("formats", name.asText());
        experiments.add(
            new Experiment(
                rule,
                caseName,
                format,
                partitioned,
                access,
                before,
                after,
                changed,
                layout,
                contractIsAfter,
                partitionFormat));
      }
      return experiments;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static StorageFormat format(String field, String name) {
    return StorageFormat.fromJsonName(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "field '" + field + "': unknown format '" + name + "'"));
  }

  /** The partition keys before and after, when the file has them (both or neither). */
  private static PartitionLayout layout(JsonNode root) {
    boolean hasBefore = root.has("before_partition_keys");
    boolean hasAfter = root.has("after_partition_keys");
    if (!hasBefore && !hasAfter) {
      if (root.has("registration")) {
        throw new IllegalArgumentException(
            "field 'registration' needs before_partition_keys and after_partition_keys");
      }
      return null;
    }
    if (hasBefore != hasAfter) {
      throw new IllegalArgumentException(
          "field '"
              + (hasBefore ? "after_partition_keys" : "before_partition_keys")
              + "' is missing: a partition layout needs the keys before and after");
    }
    String registration = root.path("registration").asText("repair");
    PartitionLayout.Registration kind =
        switch (registration) {
          case "repair" -> PartitionLayout.Registration.REPAIR;
          case "kept" -> PartitionLayout.Registration.KEPT;
          default ->
              throw new IllegalArgumentException(
                  "field 'registration': '" + registration + "' is neither 'repair' nor 'kept'");
        };
    return new PartitionLayout(
        columns(root, "before_partition_keys"), columns(root, "after_partition_keys"), kind);
  }

  private static boolean contractIsAfter(JsonNode root) {
    String contract = root.path("contract").asText("before");
    return switch (contract) {
      case "before" -> false;
      case "after" -> true;
      default ->
          throw new IllegalArgumentException(
              "field 'contract': '" + contract + "' is neither 'before' nor 'after'");
    };
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
