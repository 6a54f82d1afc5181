package dev.schemadrift.diff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A finding's identity across runs: 12 hex of SHA-256 over rule, table, path, expected, actual. */
public final class Fingerprint {
  private Fingerprint() {}

  public static String of(String rule, String table, String path, String expected, String actual) {
    StringBuilder input = new StringBuilder();
    for (String part : new String[] {rule, table, path, expected, actual}) {
      // A unit separator keeps ("ab","c") apart from ("a","bc"); absent differs from empty.
      input.append(part == null ? "\u2400" : part).append('\u001f');
    }
    return sha256(input.toString()).substring(0, 12);
  }

  /** Lower-case hex SHA-256 of a string's UTF-8 bytes. */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Lower-case hex SHA-256 of bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
