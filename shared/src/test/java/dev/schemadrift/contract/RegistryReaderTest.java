package dev.schemadrift.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.json.InvalidDocumentException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The registry's per-entry catalog id (issue 16): optional, 12 digits, named where it is wrong. */
class RegistryReaderTest {
  private static Registry read(String tables) {
    String json = "{\"registry_version\": 1, \"tables\": [" + tables + "]}";
    return RegistryReader.read("configs/tables.json", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anEntryMayNameTheCatalogThatHoldsItsTable() {
    Registry registry =
        read(
            "{\"contract\": \"a.json\", \"catalog_id\": \"111122223333\"},"
                + " {\"contract\": \"b.json\"}");

    assertEquals("111122223333", registry.tables().get(0).catalogId());
    assertNull(registry.tables().get(1).catalogId());
  }

  @Test
  void aCatalogIdThatIsNotTwelveDigitsNamesTheEntry() {
    InvalidDocumentException thrown =
        assertThrows(
            InvalidDocumentException.class,
            () -> read("{\"contract\": \"a.json\", \"catalog_id\": \"12345\"}"));

    assertTrue(
        thrown.getMessage().contains("$.tables[0].catalog_id: '12345' is not a Glue catalog id"),
        thrown.getMessage());
  }
}
