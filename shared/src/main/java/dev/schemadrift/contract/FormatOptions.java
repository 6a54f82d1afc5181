package dev.schemadrift.contract;

import java.util.Map;
import java.util.TreeMap;

/**
 * The SerDe options a contract states; null means "not stated" (the format's default applies and is
 * not compared, except the delimiter implied by csv and tsv).
 */
public record FormatOptions(
    String delimiter,
    String quote,
    String escape,
    Boolean header,
    String serde,
    String inputRegex,
    ColumnAccess columnAccess,
    Boolean ignoreMalformed,
    Map<String, String> mapping) {

  public static final FormatOptions NONE =
      new FormatOptions(null, null, null, null, null, null, null, null, Map.of());

  public FormatOptions {
    mapping =
        mapping == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(mapping));
  }

  /** Whether the files' columns are found by name or by index (Parquet and ORC only). */
  public enum ColumnAccess {
    NAME,
    INDEX
  }
}
