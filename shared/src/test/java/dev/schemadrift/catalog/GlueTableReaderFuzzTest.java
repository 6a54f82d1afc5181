package dev.schemadrift.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.schemadrift.corpus.Refusals;
import dev.schemadrift.json.InvalidDocumentException;
import java.util.List;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the Glue table reader: any bytes give the same tables when read again, or an {@link
 * InvalidDocumentException}; {@code readOne} agrees with {@code read}; nothing else escapes.
 */
class GlueTableReaderFuzzTest {
  private static final String SOURCE = "fuzz.json";

  @MethodSource("dev.schemadrift.corpus.SeedCorpus#glueTables")
  @FuzzTest(maxDuration = "10m")
  void read(byte[] input) {
    List<GlueTable> tables;
    try {
      tables = GlueTableReader.read(SOURCE, input);
    } catch (InvalidDocumentException refused) {
      Refusals.assertNamed(SOURCE, refused);
      return;
    }
    assertEquals(tables, GlueTableReader.read(SOURCE, input));
    if (tables.size() == 1) {
      assertEquals(tables.getFirst(), GlueTableReader.readOne(SOURCE, input));
    } else {
      InvalidDocumentException refused =
          assertThrows(
              InvalidDocumentException.class, () -> GlueTableReader.readOne(SOURCE, input));
      Refusals.assertNamed(SOURCE, refused);
    }
  }
}
