package dev.schemadrift.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one JSON object while recording every problem with its JSON path, and
 * remembers which fields were read so that unknown (mistyped) fields can be reported too.
 */
public final class StrictObject {
  private final ObjectNode node;
  private final String path;
  private final Problems problems;
  private final Set<String> read = new HashSet<>();

  private StrictObject(ObjectNode node, String path, Problems problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  /** Wraps a node that must be an object; returns null (with a problem recorded) otherwise. */
  public static StrictObject of(JsonNode node, String path, Problems problems) {
    if (node instanceof ObjectNode object) {
      return new StrictObject(object, path, problems);
    }
    problems.add(path, "expected an object but found " + describe(node));
    return null;
  }

  public String path() {
    return path;
  }

  public Problems problems() {
    return problems;
  }

  /** The raw node of a field (null when absent), marking it as known. */
  public JsonNode field(String name) {
    read.add(name);
    JsonNode value = node.get(name);
    return value == null || value.isMissingNode() ? null : value;
  }

  public String childPath(String name) {
    return path + "." + name;
  }

  public String requiredString(String name) {
    JsonNode value = field(name);
    if (value == null || value.isNull()) {
      problems.add(childPath(name), "required field is missing");
      return null;
    }
    return asString(value, childPath(name));
  }

  public String optionalString(String name) {
    JsonNode value = field(name);
    if (value == null || value.isNull()) {
      return null;
    }
    return asString(value, childPath(name));
  }

  public Boolean optionalBoolean(String name) {
    JsonNode value = field(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      problems.add(childPath(name), "expected true or false but found " + describe(value));
      return null;
    }
    return value.booleanValue();
  }

  public Integer optionalInteger(String name) {
    JsonNode value = field(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      problems.add(childPath(name), "expected a whole number but found " + describe(value));
      return null;
    }
    return value.intValue();
  }

  /** Reads an optional array, converting each element; elements that fail are left out. */
  public <T> List<T> optionalList(String name, Function<Element, T> converter) {
    JsonNode value = field(name);
    List<T> result = new ArrayList<>();
    if (value == null || value.isNull()) {
      return result;
    }
    if (!value.isArray()) {
      problems.add(childPath(name), "expected an array but found " + describe(value));
      return result;
    }
    for (int index = 0; index < value.size(); index++) {
      T converted =
          converter.apply(new Element(value.get(index), childPath(name) + "[" + index + "]"));
      if (converted != null) {
        result.add(converted);
      }
    }
    return result;
  }

  /** A nested object field, or null when absent (or not an object, with a problem recorded). */
  public StrictObject optionalObject(String name) {
    JsonNode value = field(name);
    if (value == null || value.isNull()) {
      return null;
    }
    return of(value, childPath(name), problems);
  }

  /** Field names of this object in document order. */
  public List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    node.properties().forEach(entry -> names.add(entry.getKey()));
    return names;
  }

  /** Reports every field that no reader asked for: typos must not be silently ignored. */
  public void rejectUnknownFields(String... ignored) {
    Set<String> tolerated = Set.of(ignored);
    for (String name : fieldNames()) {
      if (!read.contains(name) && !tolerated.contains(name)) {
        problems.add(childPath(name), "unknown field");
      }
    }
  }

  private String asString(JsonNode value, String at) {
    if (!value.isTextual()) {
      problems.add(at, "expected a string but found " + describe(value));
      return null;
    }
    return value.textValue();
  }

  /** Names a node's JSON type for messages. */
  public static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case BINARY -> "binary data";
      case BOOLEAN -> node.booleanValue() ? "true" : "false";
      case MISSING -> "nothing";
      case NULL -> "null";
      case NUMBER -> "the number " + node.asText();
      case OBJECT -> "an object";
      case POJO -> "an object";
      case STRING -> "a string";
    };
  }

  /** One element of an array with its JSON path. */
  public record Element(JsonNode node, String path) {}
}
