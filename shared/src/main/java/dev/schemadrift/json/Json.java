package dev.schemadrift.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one configured Jackson mapper (strict about duplicates, bounded in nesting and size), and the
 * one way documents are written with it.
 */
public final class Json {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(200)
                .maxStringLength(20_000_000)
                .build());
  }

  private Json() {}

  public static JsonMapper mapper() {
    return MAPPER;
  }

  /** A pretty printer that does not depend on the platform's line separator. */
  public static DefaultPrettyPrinter printer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new EmptyArraysTight()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }

  /** What a document holds, written field by field in the order its format documents. */
  @FunctionalInterface
  public interface Content {
    void writeTo(JsonGenerator json) throws IOException;
  }

  /**
   * A document in the project's pretty print ({@link #printer()}) with one trailing newline: same
   * content, same bytes, on every platform.
   */
  public static byte[] writePretty(Content content) {
    return write(content, true);
  }

  /** A document on as few lines as its content writes, with one trailing newline. */
  public static byte[] writeCompact(Content content) {
    return write(content, false);
  }

  /** A compact document as text, without a trailing newline: a message body, a script block. */
  public static String writeText(Content content) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
      content.writeTo(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static byte[] write(Content content, boolean pretty) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
      if (pretty) {
        json.setPrettyPrinter(printer());
      }
      content.writeTo(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** Prints an empty array as {@code []} rather than Jackson's {@code [ ]}. */
  private static final class EmptyArraysTight extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    EmptyArraysTight() {}

    EmptyArraysTight(EmptyArraysTight base) {
      super(base);
    }

    @Override
    public EmptyArraysTight createInstance() {
      return new EmptyArraysTight(this);
    }

    @Override
    public DefaultPrettyPrinter withSeparators(Separators separators) {
      EmptyArraysTight copy = new EmptyArraysTight(this);
      copy._separators = separators;
      copy._objectFieldValueSeparatorWithSpaces =
          separators.getObjectFieldValueSpacing().apply(separators.getObjectFieldValueSeparator());
      copy._objectEntrySeparator =
          separators.getObjectEntrySpacing().apply(separators.getObjectEntrySeparator());
      copy._arrayValueSeparator =
          separators.getArrayValueSpacing().apply(separators.getArrayValueSeparator());
      return copy;
    }

    @Override
    public void writeEndArray(JsonGenerator generator, int values) throws IOException {
      if (values == 0) {
        if (!_arrayIndenter.isInline()) {
          --_nesting;
        }
        generator.writeRaw(']');
        return;
      }
      super.writeEndArray(generator, values);
    }
  }

  /**
   * Refuses a document above {@code maxBytes} before it is parsed: every reader applies its own
   * limit here, whichever entry point (Lambda, {@code check}, {@code validate}, {@code diff}) read
   * the bytes.
   */
  public static void refuseAbove(String source, byte[] bytes, int maxBytes) {
    if (bytes.length > maxBytes) {
      throw new InvalidDocumentException(
          List.of(
              new Problem(
                  source,
                  "$",
                  "the file is larger than the "
                      + maxBytes / (1024 * 1024)
                      + " MiB limit ("
                      + bytes.length
                      + " bytes)")));
    }
  }

  /** Parses bytes into a tree, turning syntax errors into a problem with line and column. */
  public static JsonNode readTree(String source, byte[] bytes) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new InvalidDocumentException(List.of(new Problem(source, "$", "the file is empty")));
      }
      return node;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? "$"
              : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new InvalidDocumentException(
          List.of(new Problem(source, where, "not valid JSON: " + e.getOriginalMessage())));
    } catch (IOException e) {
      throw new InvalidDocumentException(
          List.of(new Problem(source, "$", "could not be read: " + e.getMessage())));
    }
  }
}
