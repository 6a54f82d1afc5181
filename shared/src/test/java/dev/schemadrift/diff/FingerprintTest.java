package dev.schemadrift.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static String jdkSha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** A text and its SHA-256, from FIPS 180-4's examples or Python's hashlib, not from this JDK. */
  private record Vector(String text, String sha256) {}

  private static final List<Vector> VECTORS =
      List.of(
          new Vector("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
          new Vector("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
          new Vector(
              "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
          // Leading zero bytes keep their two hex digits.
          new Vector("row 553", "00a4f7dc631320d69eb2f3e0b2ea9e12c0c40545890fcbbf287884e24758e1f4"),
          // Text is hashed as UTF-8.
          new Vector(
              "x\u00e9\u2400", "90ba5bd03a5adce1df5d23e0db1cd330f1657dc4d943a0e5a36a02da916c9e95"));

  @Test
  void knownVectors() {
    for (Vector vector : VECTORS) {
      assertEquals(vector.sha256(), Fingerprint.sha256(vector.text()), vector.text());
      assertEquals(
          vector.sha256(),
          Fingerprint.sha256(vector.text().getBytes(StandardCharsets.UTF_8)),
          vector.text());
    }
  }

  @Test
  void textIsTheJdksSha256OfItsUtf8BytesInLowerCaseHex() throws Exception {
    Random random = new Random(7);
    for (int length = 0; length <= 130; length++) {
      StringBuilder text = new StringBuilder();
      for (int index = 0; index < length; index++) {
        // ASCII, Latin-1, BMP and a supplementary character: one to four UTF-8 bytes each.
        text.appendCodePoint(
            switch (random.nextInt(4)) {
              case 0 -> 0x20 + random.nextInt(0x5f);
              case 1 -> 0xa0 + random.nextInt(0x60);
              case 2 -> 0x2400 + random.nextInt(0x40);
              default -> 0x1f600 + random.nextInt(0x40);
            });
      }
      assertEquals(
          jdkSha256(text.toString().getBytes(StandardCharsets.UTF_8)),
          Fingerprint.sha256(text.toString()));
    }
  }

  @Test
  void fingerprintIsTheFirst12HexOfSha256OverTheSeparatedParts() throws Exception {
    String input = "COLUMN_REMOVED\u001fdb.t\u001fc1\u001fint\u001f\u2400\u001f";
    assertEquals(
        jdkSha256(input.getBytes(StandardCharsets.UTF_8)).substring(0, 12),
        Fingerprint.of("COLUMN_REMOVED", "db.t", "c1", "int", null));
    // The same value from Python's hashlib: fingerprints stay those of earlier artifacts.
    assertEquals("198005a80c7c", Fingerprint.of("COLUMN_REMOVED", "db.t", "c1", "int", null));
  }
}
