package dev.schemadrift.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Bytes kept inside a check record as text: gzip, then base64 (so {@code base64 -d | gunzip} shows
 * them). Equal bytes pack to equal text, and unpacking refuses more than a limit (a damaged or
 * crafted record cannot make the monitor inflate gigabytes).
 */
final class PackedBytes {
  private PackedBytes() {}

  /** The packed text, or null when it would be longer than {@code maxChars}. */
  static String pack(byte[] bytes, int maxChars) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String packed = Base64.getEncoder().encodeToString(out.toByteArray());
    return packed.length() <= maxChars ? packed : null;
  }

  /**
   * The bytes packed in {@code text}.
   *
   * @throws IllegalArgumentException when the text is not base64 of gzip, or unpacks to more than
   *     {@code maxBytes}
   */
  static byte[] unpack(String text, int maxBytes) {
    byte[] gzipped = Base64.getDecoder().decode(text);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new IllegalArgumentException("unpacks to more than " + maxBytes + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new IllegalArgumentException("not gzip: " + e.getMessage(), e);
    }
  }
}
