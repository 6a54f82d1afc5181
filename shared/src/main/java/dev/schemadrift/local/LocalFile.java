package dev.schemadrift.local;

import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The one way every entry point reads a local input file: only a regular file (never a device, a
 * FIFO or a folder, which could be endless or block forever), and never more than a limit.
 */
public final class LocalFile {
  /** The most a byte array can hold: the bound of reads that have no limit of their own. */
  public static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

  private LocalFile() {}

  /**
   * The file's bytes, or empty when there is no such file.
   *
   * @throws StoreException {@code IO_ERROR} when it is not a regular file or cannot be read, {@code
   *     TOO_LARGE} when it holds more than {@code maxBytes}
   */
  public static Optional<byte[]> read(Path file, long maxBytes) {
    BasicFileAttributes attributes;
    try {
      // Links are followed: what counts is the file read. The type is checked before opening,
      // since opening a FIFO blocks until a writer comes.
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
    if (!attributes.isRegularFile()) {
      throw new StoreException(
          ErrorKind.IO_ERROR,
          file + " is not a regular file (a folder, device or FIFO): only regular files are read",
          null);
    }
    long limit = Math.min(maxBytes, MAX_ARRAY_BYTES);
    if (attributes.size() > limit) {
      throw ObjectStore.tooLarge(file.toString(), limit);
    }
    try (InputStream input = Files.newInputStream(file)) {
      // The file may grow between the size check and the read: read one byte past the limit.
      byte[] bytes = input.readNBytes((int) Math.min(limit + 1, MAX_ARRAY_BYTES));
      if (bytes.length > limit) {
        throw ObjectStore.tooLarge(file.toString(), limit);
      }
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  /**
   * Whether {@code file}, links resolved, lies inside {@code folder}, links resolved: a link in a
   * folder must not reach what the folder does not hold. A file that does not exist is inside when
   * its path is.
   */
  public static boolean isInside(Path file, Path folder) {
    if (!Files.exists(file)) {
      return true;
    }
    try {
      return file.toRealPath().startsWith(folder.toRealPath());
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  private static StoreException cannotRead(Path file, IOException e) {
    return new StoreException(ErrorKind.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
  }
}
