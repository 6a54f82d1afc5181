package dev.schemadrift.diff;

import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableProfile;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.type.DataType;
import dev.schemadrift.type.TypeParseException;
import dev.schemadrift.type.TypeParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What must hold before a table can be judged at all (after {@link SparkTables} put the schema
 * Spark recorded in place of its placeholder): a StorageDescriptor, at most {@link
 * GlueTable#MAX_COLUMNS} columns, Glue types that parse and top-level names that are unique
 * ignoring case. Anything else makes the table undecidable. Hudi's metadata columns that the
 * contract does not list are set aside here, before any matching.
 */
final class TableGuards {
  private TableGuards() {}

  /**
   * The table's own columns and keys with parsed types, its Iceberg history columns, and the Hudi
   * metadata columns set aside (in table order).
   */
  record Checked(
      Items columns,
      Items partitionKeys,
      List<GlueColumn> icebergHistory,
      List<String> hudiMetadataSetAside) {}

  /**
   * Checks the table and parses its types.
   *
   * @throws UndecidableException when the table cannot be judged
   */
  static Checked check(GlueTable table, TableProfile profile, Set<String> contractNames) {
    if (!table.hasStorageDescriptor()) {
      throw new UndecidableException(
          ErrorKind.NO_STORAGE_DESCRIPTOR,
          "Glue table "
              + table.qualifiedName()
              + " has no StorageDescriptor, so its columns are"
              + " unknown; check how the table was registered.");
    }
    int count = table.columns().size() + table.partitionKeys().size();
    if (count > GlueTable.MAX_COLUMNS) {
      throw new UndecidableException(
          ErrorKind.TOO_COMPLEX,
          String.format(
              Locale.ROOT,
              "Glue table %s has %,d columns and partition keys, above the limit of %,d per"
                  + " table, so it is not compared.",
              table.qualifiedName(),
              count,
              GlueTable.MAX_COLUMNS));
    }
    List<GlueColumn> columns = table.columns();
    List<GlueColumn> history = new ArrayList<>(0);
    if (profile.profile() == FormatProfile.ICEBERG) {
      List<GlueColumn> current = new ArrayList<>(columns.size());
      for (GlueColumn column : columns) {
        if (column.isIcebergHistory()) {
          history.add(column);
        } else {
          current.add(column);
        }
      }
      columns = current;
    }
    List<String> setAside = new ArrayList<>(0);
    if (table.isHudi()) {
      // Hudi's sync lists its metadata columns before the data columns; a contract that does not
      // list them promises nothing about them, and leaving them in would shift every position.
      List<GlueColumn> data = new ArrayList<>(columns.size());
      for (GlueColumn column : columns) {
        String folded = foldCase(column.name());
        if (GlueColumn.isHudiMetadata(folded) && !contractNames.contains(folded)) {
          setAside.add(column.name());
        } else {
          data.add(column);
        }
      }
      columns = data;
    }
    // Every type is parsed before a duplicate name is reported (an invalid type is the first
    // error); the duplicate check runs in the same pass and remembers the first duplicate.
    Map<String, String> folded = new HashMap<>((columns.size() + table.partitionKeys().size()) * 2);
    String[] duplicate = null;
    Items actualColumns = Items.ofGlue(columns);
    for (int index = 0; index < columns.size(); index++) {
      actualColumns.types[index] = parsedType(table, columns.get(index), "column");
      String first =
          folded.putIfAbsent(foldCase(actualColumns.names[index]), actualColumns.names[index]);
      if (first != null && duplicate == null) {
        duplicate = new String[] {actualColumns.names[index], first};
      }
    }
    Items actualKeys = Items.ofGlue(table.partitionKeys());
    for (int index = 0; index < actualKeys.size(); index++) {
      actualKeys.types[index] =
          parsedType(table, table.partitionKeys().get(index), "partition key");
      String first = folded.putIfAbsent(foldCase(actualKeys.names[index]), actualKeys.names[index]);
      if (first != null && duplicate == null) {
        duplicate = new String[] {actualKeys.names[index], first};
      }
    }
    if (duplicate != null) {
      // Glue folds top-level names, so two columns differing only in case cannot both be real (an
      // emulator or a hand-written definition): which one a query reads is unknown.
      throw new UndecidableException(
          ErrorKind.DUPLICATE_GLUE_COLUMN,
          "Glue table "
              + table.qualifiedName()
              + " lists column '"
              + duplicate[0]
              + "' after '"
              + duplicate[1]
              + "' (top-level names are compared ignoring case), so which one a query reads is"
              + " unknown; fix the table definition.");
    }
    return new Checked(actualColumns, actualKeys, history, List.copyOf(setAside));
  }

  private static DataType parsedType(GlueTable table, GlueColumn column, String what) {
    try {
      return TypeParser.parse(column.type());
    } catch (TypeParseException e) {
      throw new UndecidableException(
          ErrorKind.INVALID_GLUE_TYPE,
          "Glue "
              + what
              + " '"
              + column.name()
              + "' of "
              + table.qualifiedName()
              + " has an invalid type: "
              + e.getMessage());
    }
  }

  /**
   * {@code name.toLowerCase(Locale.ROOT)}, without the call for names that are already lower-case
   * ASCII (what Glue stores).
   */
  private static String foldCase(String name) {
    for (int index = 0; index < name.length(); index++) {
      char c = name.charAt(index);
      if ((c >= 'A' && c <= 'Z') || c >= 0x80) {
        return name.toLowerCase(Locale.ROOT);
      }
    }
    return name;
  }
}
