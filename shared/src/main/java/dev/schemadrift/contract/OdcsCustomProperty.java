package dev.schemadrift.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.StrictObject;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The value of one ODCS custom property (an entry of a {@code customProperties} list) and the path
 * it was read from; the value is any JSON, or null when the entry has none.
 */
record OdcsCustomProperty(JsonNode value, String path) {
  OdcsCustomProperty {
    Objects.requireNonNull(path, "path");
  }

  /**
   * Reports every {@code customProperties} in the document that is not a list of entries with a
   * text {@code property}: such a list would be skipped, and what it says (a precision, a scale, an
   * owner) silently lost.
   */
  static void checkShapes(JsonNode node, String path, Problems problems) {
    if (node.isArray()) {
      for (int index = 0; index < node.size(); index++) {
        checkShapes(node.get(index), path + "[" + index + "]", problems);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String at = path + "." + field.getKey();
      if (field.getKey().equals("customProperties")) {
        checkList(field.getValue(), at, problems);
      }
      checkShapes(field.getValue(), at, problems);
    }
  }

  private static void checkList(JsonNode list, String path, Problems problems) {
    if (list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      problems.add(path, "expected a list of {property, value} entries, not " + kind(list));
      return;
    }
    for (int index = 0; index < list.size(); index++) {
      JsonNode property = list.get(index).get("property");
      if (property == null || !property.isTextual()) {
        problems.add(
            path + "[" + index + "]", "a custom property needs a text 'property' and a 'value'");
      }
    }
  }

  private static String kind(JsonNode node) {
    return node.isObject()
        ? "a mapping"
        : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** The custom property of {@code owner} with this name (ignoring case), or null. */
  static OdcsCustomProperty find(StrictObject owner, String name) {
    JsonNode list = owner.field("customProperties");
    if (list == null || !list.isArray()) {
      return null;
    }
    for (int index = 0; index < list.size(); index++) {
      JsonNode entry = list.get(index);
      JsonNode property = entry.get("property");
      if (property != null && property.isTextual() && property.textValue().equalsIgnoreCase(name)) {
        return new OdcsCustomProperty(
            entry.get("value"), owner.childPath("customProperties") + "[" + index + "].value");
      }
    }
    return null;
  }
}
