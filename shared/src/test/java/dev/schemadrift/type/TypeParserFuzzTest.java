package dev.schemadrift.type;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the type grammar: any string either parses, and then its canonical spelling reads back as
 * the same type, or is refused with a {@link TypeParseException}; nothing else escapes.
 */
class TypeParserFuzzTest {
  @MethodSource("dev.schemadrift.corpus.SeedCorpus#typeStrings")
  @FuzzTest(maxDuration = "10m")
  void parse(byte[] input) {
    String typeString = new String(input, StandardCharsets.UTF_8);
    DataType type;
    try {
      type = TypeParser.parseUncached(typeString);
    } catch (TypeParseException refused) {
      return;
    }
    assertEquals(type, TypeParser.parseUncached(type.canonical()), typeString);
    assertEquals(type, TypeParser.parse(typeString), typeString);
  }
}
