package dev.schemadrift.diff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's identity across runs: 12 hex of SHA-256 over rule, table, path, expected, actual;
 * also the one place that computes SHA-256 (contract hashes, placeholder names, report digests).
 */
public final class Fingerprint {
  private static final HexFormat HEX = HexFormat.of();

  /** The bytes of a fingerprint: 6 bytes, 12 hex digits. */
  private static final int FINGERPRINT_BYTES = 6;

  private Fingerprint() {}

  public static String of(String rule, String table, String path, String expected, String actual) {
    StringBuilder input = new StringBuilder(64);
    append(input, rule);
    append(input, table);
    append(input, path);
    append(input, expected);
    append(input, actual);
    byte[] digest = digest(input.toString().getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(digest, 0, FINGERPRINT_BYTES);
  }

  /** A unit separator keeps ("ab","c") apart from ("a","bc"); absent differs from empty. */
  private static void append(StringBuilder input, String part) {
    input.append(part == null ? "\u2400" : part).append('\u001f');
  }

  /** Lower-case hex SHA-256 of a string's UTF-8 bytes. */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Lower-case hex SHA-256 of bytes. */
  public static String sha256(byte[] bytes) {
    return HEX.formatHex(digest(bytes));
  }

  /** The 32-byte SHA-256 digest of {@code bytes}. */
  public static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
