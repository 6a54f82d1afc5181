package dev.schemadrift.catalog;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A Glue {@code Column}: name, unvalidated type string, comment, parameters. No nullability. */
public record GlueColumn(String name, String type, String comment, Map<String, String> parameters) {
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

  /** Iceberg keeps columns of older schemas with {@code iceberg.field.current=false}: history. */
  public boolean isIcebergHistory() {
    return "false".equalsIgnoreCase(parameters.get("iceberg.field.current"));
  }
}
