package dev.schemadrift.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A Glue {@code Column}: name, unvalidated type string, comment, parameters. No nullability. */
public record GlueColumn(String name, String type, String comment, Map<String, String> parameters) {
  /** The metadata columns Hudi's Glue sync puts before a Hudi table's data columns, in order. */
  public static final List<String> HUDI_METADATA =
      List.of(
          "_hoodie_commit_time",
          "_hoodie_commit_seqno",
          "_hoodie_record_key",
          "_hoodie_partition_path",
          "_hoodie_file_name");

  public GlueColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    parameters =
        parameters == null || parameters.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
  }

  public static GlueColumn of(String name, String type) {
    return new GlueColumn(name, type, null, Map.of());
  }

  /** An Iceberg parameter such as {@code iceberg.field.id}, or null. */
  public String parameter(String key) {
    return parameters.get(key);
  }

  /** Whether a name is one of Hudi's metadata columns (compared ignoring case, as Glue folds). */
  public static boolean isHudiMetadata(String name) {
    return HUDI_METADATA.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Iceberg keeps columns of older schemas with {@code iceberg.field.current=false}: history. */
  public boolean isIcebergHistory() {
    return "false".equalsIgnoreCase(parameters.get("iceberg.field.current"));
  }
}
