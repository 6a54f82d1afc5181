package dev.schemadrift.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.StrictObject;
import java.util.Objects;

/**
 * The value of one ODCS custom property (an entry of a {@code customProperties} list) and the path
 * it was read from; the value is any JSON, or null when the entry has none.
 */
record OdcsCustomProperty(JsonNode value, String path) {
  OdcsCustomProperty {
    Objects.requireNonNull(path, "path");
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
