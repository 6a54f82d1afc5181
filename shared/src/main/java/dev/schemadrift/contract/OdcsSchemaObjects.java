package dev.schemadrift.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.StrictObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The schema objects of an ODCS document: which one is the table, and the Glue names it gives (its
 * own, and the database a qualified physicalName carries).
 */
final class OdcsSchemaObjects {
  private final Problems problems;
  private final String wantedTable;

  /** {@code wantedTable} is the caller's choice (a name or physicalName), or null for none. */
  OdcsSchemaObjects(Problems problems, String wantedTable) {
    this.problems = problems;
    this.wantedTable = wantedTable;
  }

  /** The schema object this contract is about, or null with a problem recorded. */
  StrictObject chooseTable(StrictObject document) {
    JsonNode list = document.field("schema");
    if (OdcsTypes.absent(list)) {
      problems.add("$.schema", "required field is missing: a schema object describes the table");
      return null;
    }
    List<StrictObject> objects =
        document.optionalList(
            "schema", element -> StrictObject.of(element.node(), element.path(), problems));
    if (!list.isArray()) {
      return null;
    }
    if (list.isEmpty()) {
      problems.add("$.schema", "needs at least one schema object (the table)");
      return null;
    }
    if (objects.size() != list.size()) {
      return null; // an element that is not an object was reported
    }
    if (wantedTable != null) {
      List<StrictObject> matches =
          objects.stream().filter(object -> isNamed(object, wantedTable)).toList();
      if (matches.size() == 1) {
        return matches.get(0);
      }
      problems.add(
          "$.schema",
          (matches.isEmpty() ? "no schema object is named '" : "several schema objects are named '")
              + wantedTable
              + "'; the schema objects are "
              + labels(objects));
      return null;
    }
    List<StrictObject> tables =
        objects.stream()
            .filter(
                object -> "table".equalsIgnoreCase(OdcsTypes.text(object.field("physicalType"))))
            .toList();
    if (tables.size() == 1) {
      return tables.get(0);
    }
    if (tables.isEmpty() && objects.size() == 1) {
      return objects.get(0);
    }
    problems.add(
        "$.schema",
        (tables.isEmpty()
                ? "none of the " + objects.size() + " schema objects has physicalType table"
                : "the contract describes " + tables.size() + " tables")
            + "; choose one with a table name: "
            + labels(tables.isEmpty() ? objects : tables));
    return null;
  }

  private static boolean isNamed(StrictObject object, String wanted) {
    String name = OdcsTypes.text(object.field("name"));
    String physicalName = OdcsTypes.text(object.field("physicalName"));
    return wanted.equalsIgnoreCase(name)
        || wanted.equalsIgnoreCase(physicalName)
        || physicalName != null && wanted.equalsIgnoreCase(unqualified(physicalName));
  }

  private static String labels(List<StrictObject> objects) {
    List<String> labels = new ArrayList<>();
    for (StrictObject object : objects) {
      String name = OdcsTypes.text(object.field("name"));
      String physicalName = OdcsTypes.text(object.field("physicalName"));
      labels.add(
          (name == null ? object.path() : name)
              + (physicalName == null || physicalName.equals(name)
                  ? ""
                  : " (" + physicalName + ")"));
    }
    return String.join(", ", labels);
  }

  /** physicalName, else name; a qualified "database.table" physicalName gives its last part. */
  String tableName(StrictObject table) {
    boolean physical = !OdcsTypes.absent(table.field("physicalName"));
    String field = physical ? "physicalName" : "name";
    String name = table.requiredString(field);
    if (name == null) {
      return null;
    }
    return glueName(physical ? unqualified(name) : name, table.childPath(field), "table", problems);
  }

  private static String unqualified(String physicalName) {
    int dot = physicalName.lastIndexOf('.');
    return dot < 0 ? physicalName : physicalName.substring(dot + 1);
  }

  /** The database part of a qualified physicalName such as "sales.orders", else null. */
  static String qualifier(String physicalName) {
    String[] parts = physicalName.split("\\.");
    return parts.length >= 2 ? parts[parts.length - 2] : null;
  }

  /** Glue folds names to lower case; what is left must be a valid Glue name. */
  static String glueName(String name, String path, String what, Problems problems) {
    String folded = name.strip().toLowerCase(Locale.ROOT);
    if (!ContractConstraints.GLUE_NAME.matcher(folded).matches()) {
      problems.add(
          path,
          "'"
              + name
              + "' is not a valid Glue "
              + what
              + " name (1-255 letters, digits and underscores; Glue folds them to lower case)");
      return null;
    }
    return folded;
  }
}
