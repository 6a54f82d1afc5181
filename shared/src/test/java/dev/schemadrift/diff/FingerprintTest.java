package dev.schemadrift.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static String jdkSha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void digestIsTheJdksSha256ForEveryLengthAroundTheBlockBoundaries() throws Exception {
    Random random = new Random(7);
    for (int length = 0; length <= 300; length++) {
      for (int sample = 0; sample < 3; sample++) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        assertEquals(jdkSha256(bytes), HexFormat.of().formatHex(Fingerprint.digest(bytes)));
      }
    }
  }

  @Test
  void knownVectors() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Fingerprint.sha256(""));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Fingerprint.sha256("abc"));
    assertEquals(
        Fingerprint.sha256("x\u00e9\u2400"),
        Fingerprint.sha256("x\u00e9\u2400".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void fingerprintIsTheFirst12HexOfSha256OverTheSeparatedParts() throws Exception {
    String input = "COLUMN_REMOVED\u001fdb.t\u001fc1\u001fint\u001f\u2400\u001f";
    assertEquals(
        jdkSha256(input.getBytes(StandardCharsets.UTF_8)).substring(0, 12),
        Fingerprint.of("COLUMN_REMOVED", "db.t", "c1", "int", null));
  }
}
