package dev.schemadrift.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * template.yaml as plain maps, lists and strings: each CloudFormation short-form tag ({@code !Ref
 * X}, {@code !Sub s}, {@code !GetAtt A.B}, {@code !If [...]}, ...) becomes its long form ({@code
 * {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}}, ...), as CloudFormation itself reads it.
 */
record CloudFormationTemplate(Map<String, Object> root) {
  /** The short-form tags CloudFormation accepts and the functions they stand for. */
  private static final Map<String, String> SHORT_FORMS =
      Map.ofEntries(
          Map.entry("!Ref", "Ref"),
          Map.entry("!Condition", "Condition"),
          Map.entry("!Sub", "Fn::Sub"),
          Map.entry("!GetAtt", "Fn::GetAtt"),
          Map.entry("!If", "Fn::If"),
          Map.entry("!Join", "Fn::Join"),
          Map.entry("!Split", "Fn::Split"),
          Map.entry("!Select", "Fn::Select"),
          Map.entry("!Equals", "Fn::Equals"),
          Map.entry("!Not", "Fn::Not"),
          Map.entry("!And", "Fn::And"),
          Map.entry("!Or", "Fn::Or"),
          Map.entry("!FindInMap", "Fn::FindInMap"),
          Map.entry("!Base64", "Fn::Base64"),
          Map.entry("!Cidr", "Fn::Cidr"),
          Map.entry("!GetAZs", "Fn::GetAZs"),
          Map.entry("!ImportValue", "Fn::ImportValue"),
          Map.entry("!Length", "Fn::Length"),
          Map.entry("!ToJsonString", "Fn::ToJsonString"),
          Map.entry("!Transform", "Fn::Transform"));

  /** Finds template.yaml above the working directory (a module folder when Maven runs tests). */
  static Path locate() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      Path candidate = folder.resolve("template.yaml");
      if (Files.isRegularFile(candidate) && Files.isDirectory(folder.resolve("schema-diff"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "template.yaml not found above " + Path.of("").toAbsolutePath());
  }

  /** The repository root: the folder holding template.yaml. */
  static Path repositoryRoot() {
    return locate().getParent();
  }

  static CloudFormationTemplate load() {
    return load(locate());
  }

  @SuppressWarnings("unchecked")
  static CloudFormationTemplate load(Path file) {
    LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
    try {
      Object document =
          new Load(settings, new ShortFormConstructor(settings))
              .loadFromString(Files.readString(file));
      return new CloudFormationTemplate((Map<String, Object>) document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, Object> section(String name) {
    return map(root.getOrDefault(name, Map.of()));
  }

  Map<String, Object> resources() {
    return section("Resources");
  }

  Map<String, Object> resource(String logicalId) {
    Object resource = resources().get(logicalId);
    if (resource == null) {
      throw new AssertionError("template.yaml has no resource " + logicalId);
    }
    return map(resource);
  }

  Map<String, Object> properties(String logicalId) {
    return map(resource(logicalId).getOrDefault("Properties", Map.of()));
  }

  /** The logical ids of the resources of one type, in template order. */
  List<String> resourcesOfType(String type) {
    List<String> ids = new ArrayList<>();
    resources()
        .forEach(
            (id, resource) -> {
              if (resource instanceof Map<?, ?> body && type.equals(body.get("Type"))) {
                ids.add(id);
              }
            });
    return ids;
  }

  /**
   * A function's properties as SAM applies them: its own over the template's {@code
   * Globals.Function}, nested mappings (Environment.Variables) merged key by key.
   */
  Map<String, Object> functionProperties(String logicalId) {
    Map<String, Object> globals = map(section("Globals").getOrDefault("Function", Map.of()));
    return merge(globals, properties(logicalId));
  }

  private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
    Map<String, Object> merged = new LinkedHashMap<>(base);
    over.forEach(
        (key, value) ->
            merged.merge(
                key,
                value,
                (global, own) ->
                    global instanceof Map<?, ?> && own instanceof Map<?, ?>
                        ? merge(map(global), map(own))
                        : own));
    return merged;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw new AssertionError("expected a mapping, found " + value);
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    if (!(value instanceof List<?>)) {
      throw new AssertionError("expected a list, found " + value);
    }
    return (List<Object>) value;
  }

  /** A one-element list for a single value: IAM and SAM accept either form in many places. */
  static List<Object> listOrSingle(Object value) {
    return value instanceof List<?> ? list(value) : List.of(value);
  }

  /** Builds the long form of each short-form tag from the node under it. */
  private static final class ShortFormConstructor extends StandardConstructor {
    ShortFormConstructor(LoadSettings settings) {
      super(settings);
      SHORT_FORMS.forEach(
          (tag, function) ->
              tagConstructors.put(
                  new Tag(tag), node -> Map.of(function, argument(node, function))));
    }

    private Object argument(Node node, String function) {
      if (node instanceof ScalarNode scalar) {
        String text = constructScalar(scalar);
        if (function.equals("Fn::GetAtt")) {
          // !GetAtt Resource.Attribute (the attribute may itself hold dots).
          int dot = text.indexOf('.');
          return dot < 0 ? List.of(text) : List.of(text.substring(0, dot), text.substring(dot + 1));
        }
        return text;
      }
      if (node instanceof SequenceNode sequence) {
        return constructSequence(sequence);
      }
      if (node instanceof MappingNode mapping) {
        return constructMapping(mapping);
      }
      throw new IllegalStateException("unexpected node " + node);
    }
  }
}
