package dev.schemadrift.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads untrusted YAML into the same Jackson tree that {@link Json#readTree} gives, so that YAML
 * documents are checked with the same strict, path-named problems as JSON ones.
 *
 * <p>Safety: snakeyaml-engine constructs only standard Java values (maps, lists, strings, numbers,
 * booleans, null, byte arrays and sets); it has no way to instantiate an arbitrary class, so a tag
 * such as {@code !!java.lang.Object} or {@code !com.example.Gadget} only fails with "could not
 * determine a constructor". On top of that every resource a document could exhaust is bounded:
 * aliases to collections (the "billion laughs"), recursive keys, duplicate keys, the number of code
 * points, the nesting depth (the engine composes recursively, so a deep document would overflow the
 * stack) and the number of values after aliases are expanded. Environment variables are never
 * substituted (no {@code EnvConfig} is set).
 */
public final class Yaml {
  /** A real contract is a few KB; 10 MiB leaves room for generated giants and stops abuse. */
  public static final int MAX_CODE_POINTS = 10 * 1024 * 1024;

  /** Aliases to mappings and sequences; ODCS documents rarely use any. */
  public static final int MAX_COLLECTION_ALIASES = 50;

  /** The same depth bound as the JSON reader's. */
  public static final int MAX_NESTING = 200;

  /**
   * Values in the tree after aliases are expanded: 50 aliases can still double a tree 50 times, so
   * the expansion is counted. A 10 MiB document of one-character list items stays below this.
   */
  public static final int MAX_VALUES = 6_000_000;

  /** UTF-8 never needs more than four bytes per code point, so larger inputs cannot fit. */
  private static final long MAX_BYTES = 4L * MAX_CODE_POINTS;

  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setLabel("yaml")
          .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
          .setAllowRecursiveKeys(false)
          .setAllowDuplicateKeys(false)
          .setAllowNonScalarKeys(false)
          .setCodePointLimit(MAX_CODE_POINTS)
          // YAML 1.2 core schema: true/True/TRUE, null/~, 0x1F, .inf; no YAML 1.1 yes/no guessing.
          .setSchema(new CoreSchema())
          .build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Yaml() {}

  /**
   * Parses UTF-8 YAML bytes (one document) into a tree; every failure is an {@link
   * InvalidDocumentException} naming the source and, where known, the line and column.
   */
  public static JsonNode readTree(String source, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw invalid(
          source,
          "$",
          "the file has "
              + bytes.length
              + " bytes; a YAML document may have at most "
              + MAX_CODE_POINTS
              + " characters");
    }
    String text = decode(source, bytes);
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints > MAX_CODE_POINTS) {
      throw invalid(
          source,
          "$",
          "the file has "
              + codePoints
              + " characters; a YAML document may have at most "
              + MAX_CODE_POINTS);
    }
    checkNesting(source, text);
    Object loaded;
    try {
      loaded = new Load(SETTINGS).loadFromString(text);
    } catch (YamlEngineException e) {
      throw invalid(source, where(e), "not valid YAML: " + describe(e));
    }
    if (loaded == null) {
      throw invalid(source, "$", "the file is empty");
    }
    return new Converter(source).convert(loaded, "$", 0);
  }

  /** Strict UTF-8: a file in another encoding must fail clearly, not turn into mojibake. */
  private static String decode(String source, byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      // A byte-order mark is legal at the start of a UTF-8 file and means nothing.
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw invalid(
          source,
          "$",
          "not UTF-8 text (byte "
              + firstInvalidByte(bytes)
              + " is not valid UTF-8); save the file as UTF-8");
    }
  }

  private static int firstInvalidByte(byte[] bytes) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    var out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length));
    var result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : bytes.length;
  }

  /**
   * Walks the parser's events (which need no recursion) before composing, so that a deeply nested
   * document is rejected with a message instead of overflowing the composer's stack.
   */
  private static void checkNesting(String source, String text) {
    int depth = 0;
    try {
      for (Event event : new Parse(SETTINGS).parseString(text)) {
        if (event instanceof CollectionStartEvent) {
          depth++;
          if (depth > MAX_NESTING) {
            throw invalid(
                source,
                event.getStartMark().map(Yaml::lineAndColumn).orElse("$"),
                "nested deeper than " + MAX_NESTING + " levels");
          }
        } else if (event instanceof CollectionEndEvent) {
          depth--;
        }
      }
    } catch (YamlEngineException e) {
      throw invalid(source, where(e), "not valid YAML: " + describe(e));
    }
  }

  private static String where(YamlEngineException exception) {
    if (exception instanceof MarkedYamlEngineException marked) {
      return marked
          .getProblemMark()
          .or(marked::getContextMark)
          .map(Yaml::lineAndColumn)
          .orElse("$");
    }
    return "$";
  }

  private static String lineAndColumn(Mark mark) {
    return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  /** The engine's own words without its multi-line source snippet (the location is separate). */
  private static String describe(YamlEngineException exception) {
    if (exception instanceof MarkedYamlEngineException marked) {
      String context = marked.getContext();
      String problem = marked.getProblem();
      if (context != null && problem != null) {
        return context + ": " + problem;
      }
      if (problem != null) {
        return problem;
      }
    }
    String message = exception.getMessage();
    return message == null ? exception.getClass().getSimpleName() : message.strip();
  }

  private static InvalidDocumentException invalid(String source, String where, String message) {
    return new InvalidDocumentException(List.of(new Problem(source, where, message)));
  }

  /** Turns the engine's Java values into Jackson nodes, counting values and watching for cycles. */
  private static final class Converter {
    private final String source;
    // Collections on the path from the root: one seen again is a value that contains itself.
    private final Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private int values;

    Converter(String source) {
      this.source = source;
    }

    JsonNode convert(Object value, String path, int depth) {
      if (++values > MAX_VALUES) {
        throw invalid(
            source,
            path,
            "the document expands to more than "
                + MAX_VALUES
                + " values (through aliases); refusing to read it");
      }
      if (depth > MAX_NESTING) {
        throw invalid(source, path, "nested deeper than " + MAX_NESTING + " levels");
      }
      return switch (value) {
        case null -> NODES.nullNode();
        case String text -> NODES.textNode(text);
        case Boolean bool -> NODES.booleanNode(bool);
        case Integer number -> NODES.numberNode(number);
        case Long number -> NODES.numberNode(number);
        case BigInteger number -> NODES.numberNode(number);
        case Double number -> NODES.numberNode(number);
        case Float number -> NODES.numberNode(number);
        case BigDecimal number -> NODES.numberNode(number);
        case byte[] binary -> NODES.binaryNode(binary);
        case Map<?, ?> map -> object(map, path, depth);
        // Sequences, and !!set (a set of keys): both read as arrays.
        case Collection<?> collection -> array(collection, path, depth);
        default ->
            throw invalid(
                source, path, "unsupported YAML value of type " + value.getClass().getSimpleName());
      };
    }

    private ObjectNode object(Map<?, ?> map, String path, int depth) {
      enter(map, path);
      ObjectNode node = NODES.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw invalid(
              source,
              path,
              "a key must be text, found "
                  + (entry.getKey() == null ? "null" : "the value " + entry.getKey())
                  + "; quote it");
        }
        node.set(key, convert(entry.getValue(), path + "." + key, depth + 1));
      }
      open.remove(map);
      return node;
    }

    private ArrayNode array(Collection<?> collection, String path, int depth) {
      enter(collection, path);
      ArrayNode node = NODES.arrayNode();
      int index = 0;
      for (Object element : collection) {
        node.add(convert(element, path + "[" + index++ + "]", depth + 1));
      }
      open.remove(collection);
      return node;
    }

    private void enter(Object collection, String path) {
      if (!open.add(collection)) {
        throw invalid(source, path, "the value contains itself (through an alias)");
      }
    }
  }
}
