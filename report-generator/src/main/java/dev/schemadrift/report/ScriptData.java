package dev.schemadrift.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.schemadrift.json.Json;
import java.util.List;

/**
 * The index rows as JSON for a {@code <script type="application/json">} data block. Inside a script
 * element HTML escaping does not apply, so the JSON itself must never contain {@code <}, {@code >}
 * or {@code &} (no {@code </script>} can end the block early) nor U+2028/U+2029: each is written as
 * a {@code \\uXXXX} escape, which JSON.parse turns back into the character.
 */
public final class ScriptData {
  private ScriptData() {}

  /**
   * One array per table: database, table, status, breaking, risky, safe, waived, owner (or null),
   * tags, last checked run, last changed run, the run that created the table (or null).
   */
  public static String rows(List<IndexView.Row> rows) {
    return Json.writeText(
        json -> {
          json.setCharacterEscapes(new ScriptSafe());
          json.writeStartObject();
          json.writeArrayFieldStart("rows");
          for (IndexView.Row row : rows) {
            json.writeRaw('\n');
            json.writeStartArray();
            json.writeString(row.database());
            json.writeString(row.table());
            json.writeString(row.status().name());
            json.writeNumber(row.breaking());
            json.writeNumber(row.risky());
            json.writeNumber(row.safe());
            json.writeNumber(row.waived());
            json.writeString(row.owner());
            json.writeStartArray();
            for (String tag : row.tags()) {
              json.writeString(tag);
            }
            json.writeEndArray();
            json.writeString(row.lastChecked());
            json.writeString(row.lastChanged());
            json.writeString(row.created());
            json.writeEndArray();
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private static final class ScriptSafe extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes = standardAsciiEscapesForJSON();

    ScriptSafe() {
      escapes['<'] = ESCAPE_STANDARD;
      escapes['>'] = ESCAPE_STANDARD;
      escapes['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int character) {
      if (character == 0x2028 || character == 0x2029) {
        return new SerializedString(String.format("\\u%04x", character));
      }
      return null;
    }
  }
}
