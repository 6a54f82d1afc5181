package dev.schemadrift.diff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A finding's identity across runs: 12 hex of SHA-256 over rule, table, path, expected, actual.
 *
 * <p>For fingerprints and other short strings SHA-256 is computed here (FIPS 180-4) rather than
 * through {@code java.security.MessageDigest}: the first digest through the JCA loads and
 * initialises the provider framework (tens of milliseconds in a fresh JVM, on the path of the first
 * diff), and every later call looks the provider up again. The digests are the standard ones; the
 * tests compare them with the JDK's.
 */
public final class Fingerprint {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** The round constants: the first 32 bits of the fractional parts of the primes' cube roots. */
  private static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  };

  /** The initial hash: the first 32 bits of the fractional parts of the primes' square roots. */
  private static final int[] INITIAL = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  };

  private Fingerprint() {}

  public static String of(String rule, String table, String path, String expected, String actual) {
    StringBuilder input = new StringBuilder(64);
    append(input, rule);
    append(input, table);
    append(input, path);
    append(input, expected);
    append(input, actual);
    return hex(digest(input.toString().getBytes(StandardCharsets.UTF_8)), 6);
  }

  /** A unit separator keeps ("ab","c") apart from ("a","bc"); absent differs from empty. */
  private static void append(StringBuilder input, String part) {
    input.append(part == null ? "\u2400" : part).append('\u001f');
  }

  /** Lower-case hex SHA-256 of a (short) string's UTF-8 bytes. */
  public static String sha256(String text) {
    return hex(digest(text.getBytes(StandardCharsets.UTF_8)), 32);
  }

  /**
   * Lower-case hex SHA-256 of bytes (file bodies): through the JDK, whose SHA-256 uses the CPU's
   * instructions where there are some, so it is the faster one for long inputs.
   */
  public static String sha256(byte[] bytes) {
    try {
      return hex(MessageDigest.getInstance("SHA-256").digest(bytes), 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String hex(byte[] bytes, int count) {
    char[] out = new char[count * 2];
    for (int index = 0; index < count; index++) {
      out[2 * index] = HEX[(bytes[index] >> 4) & 0xf];
      out[2 * index + 1] = HEX[bytes[index] & 0xf];
    }
    return new String(out);
  }

  /** The 32-byte SHA-256 digest of {@code message}. */
  static byte[] digest(byte[] message) {
    // The message, a 1 bit, zeros, and the length in bits as 64 bits: a multiple of 64 bytes.
    int blocks = (message.length + 8) / 64 + 1;
    byte[] padded = java.util.Arrays.copyOf(message, blocks * 64);
    padded[message.length] = (byte) 0x80;
    long bitLength = (long) message.length * 8;
    for (int index = 0; index < 8; index++) {
      padded[padded.length - 1 - index] = (byte) (bitLength >>> (8 * index));
    }
    int[] hash = INITIAL.clone();
    int[] words = new int[64];
    for (int block = 0; block < blocks; block++) {
      int base = block * 64;
      for (int word = 0; word < 16; word++) {
        int at = base + word * 4;
        words[word] =
            (padded[at] << 24)
                | ((padded[at + 1] & 0xff) << 16)
                | ((padded[at + 2] & 0xff) << 8)
                | (padded[at + 3] & 0xff);
      }
      compress(hash, words);
    }
    byte[] out = new byte[32];
    for (int index = 0; index < 8; index++) {
      out[4 * index] = (byte) (hash[index] >>> 24);
      out[4 * index + 1] = (byte) (hash[index] >>> 16);
      out[4 * index + 2] = (byte) (hash[index] >>> 8);
      out[4 * index + 3] = (byte) hash[index];
    }
    return out;
  }

  private static void compress(int[] hash, int[] words) {
    for (int index = 16; index < 64; index++) {
      int w15 = words[index - 15];
      int w2 = words[index - 2];
      int s0 = Integer.rotateRight(w15, 7) ^ Integer.rotateRight(w15, 18) ^ (w15 >>> 3);
      int s1 = Integer.rotateRight(w2, 17) ^ Integer.rotateRight(w2, 19) ^ (w2 >>> 10);
      words[index] = words[index - 16] + s0 + words[index - 7] + s1;
    }
    int a = hash[0];
    int b = hash[1];
    int c = hash[2];
    int d = hash[3];
    int e = hash[4];
    int f = hash[5];
    int g = hash[6];
    int h = hash[7];
    for (int index = 0; index < 64; index++) {
      int s1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
      int choice = (e & f) ^ (~e & g);
      int t1 = h + s1 + choice + K[index] + words[index];
      int s0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
      int majority = (a & b) ^ (a & c) ^ (b & c);
      int t2 = s0 + majority;
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    hash[0] += a;
    hash[1] += b;
    hash[2] += c;
    hash[3] += d;
    hash[4] += e;
    hash[5] += f;
    hash[6] += g;
    hash[7] += h;
  }
}
