package dev.schemadrift.local;

import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link ObjectStore} on local folders: {@code s3://bucket/key} is {@code <root>/bucket/key}, or a
 * folder mounted for one bucket. Writes go through a temporary file and an atomic rename, so
 * readers never see half a file; conditional writes hold a file lock.
 */
public final class LocalFolderObjectStore implements ObjectStore {
  private static final String LOCK_SUFFIX = ".schema-drift-lock";

  private final Path root;
  private final java.util.Map<String, Path> mounts;

  /** Every bucket is a sub-folder of {@code root}. */
  public LocalFolderObjectStore(Path root) {
    this(root, java.util.Map.of());
  }

  /** Named buckets live in their own folders; any other bucket is a sub-folder of {@code root}. */
  public LocalFolderObjectStore(Path root, java.util.Map<String, Path> mounts) {
    this.root = root.toAbsolutePath().normalize();
    this.mounts = java.util.Map.copyOf(mounts);
  }

  /** The folder that holds a bucket's objects. */
  public Path bucketFolder(String bucket) {
    Path mounted = mounts.get(bucket);
    if (mounted != null) {
      return mounted.toAbsolutePath().normalize();
    }
    if (bucket.isEmpty()
        || bucket.contains("/")
        || bucket.contains("\\")
        || bucket.startsWith(".")) {
      throw new StoreException(ErrorKind.INVALID_KEY, "invalid bucket name '" + bucket + "'", null);
    }
    return root.resolve(bucket);
  }

  /** The file of an object; keys that would leave the bucket's folder are refused. */
  public Path file(String bucket, String key) {
    Path folder = bucketFolder(bucket);
    Path file = folder.resolve(key).normalize();
    if (key.isEmpty() || !file.startsWith(folder) || file.equals(folder)) {
      throw new StoreException(
          ErrorKind.INVALID_KEY, "key '" + key + "' leaves bucket " + bucket, null);
    }
    return file;
  }

  /** The file: the CLI's buckets are stand-ins whose names would point users nowhere. */
  @Override
  public String describe(String bucket, String key) {
    try {
      return file(bucket, key).toString();
    } catch (StoreException e) {
      return ObjectStore.super.describe(bucket, key);
    }
  }

  @Override
  public Optional<byte[]> get(String bucket, String key) {
    return get(bucket, key, LocalFile.MAX_ARRAY_BYTES);
  }

  @Override
  public Optional<byte[]> get(String bucket, String key, long maxBytes) {
    Path file = file(bucket, key);
    if (!LocalFile.isInside(file, bucketFolder(bucket))) {
      // file() compares paths; a link inside the folder may still point anywhere.
      throw new StoreException(
          ErrorKind.INVALID_KEY,
          "key '" + key + "' is a link to a file outside bucket " + bucket + " (" + file + ")",
          null);
    }
    return LocalFile.read(file, maxBytes);
  }

  @Override
  public void put(String bucket, String key, byte[] body, String contentType) {
    Path file = file(bucket, key);
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), ".write-", ".tmp");
      try {
        Files.write(temporary, body);
        try {
          Files.move(
              temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new StoreException(
          ErrorKind.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<StoredObject> list(String bucket, String prefix, int limit) {
    Path folder = bucketFolder(bucket);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    // Walk only below the prefix's folder part: a data lake folder can be large.
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? folder : folder.resolve(prefix.substring(0, slash)).normalize();
    if (!start.startsWith(folder) || !Files.isDirectory(start)) {
      return List.of();
    }
    List<StoredObject> objects = new ArrayList<>();
    try (Stream<Path> files = Files.walk(start)) {
      files
          .filter(Files::isRegularFile)
          .map(path -> folder.relativize(path).toString().replace('\\', '/'))
          .filter(key -> key.startsWith(prefix) && !isOwnFile(key))
          .sorted()
          .limit(limit)
          .forEach(key -> objects.add(new StoredObject(key, size(folder.resolve(key)))));
    } catch (IOException e) {
      throw new StoreException(
          ErrorKind.IO_ERROR, "cannot list " + start + ": " + e.getMessage(), e);
    }
    return objects;
  }

  /** Temporary and lock files of this store are not objects. */
  private static boolean isOwnFile(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    return name.startsWith(".write-") || name.endsWith(LOCK_SUFFIX);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public Optional<Versioned> getVersioned(String bucket, String key) {
    return get(bucket, key).map(body -> new Versioned(body, Fingerprint.sha256(body)));
  }

  @Override
  public boolean putIfVersion(
      String bucket, String key, byte[] body, String contentType, String expectedVersion) {
    Path file = file(bucket, key);
    Path lockFile = file.resolveSibling("." + file.getFileName() + LOCK_SUFFIX);
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lockAcrossThreads(channel)) {
        Objects.requireNonNull(lock);
        String current = getVersioned(bucket, key).map(Versioned::version).orElse(null);
        if (!Objects.equals(current, expectedVersion)) {
          return false;
        }
        put(bucket, key, body, contentType);
        return true;
      }
    } catch (IOException e) {
      throw new StoreException(
          ErrorKind.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** File locks guard other processes; the JVM-wide monitor guards threads of this one. */
  private static FileLock lockAcrossThreads(FileChannel channel) throws IOException {
    synchronized (LocalFolderObjectStore.class) {
      while (true) {
        try {
          return channel.lock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
          try {
            LocalFolderObjectStore.class.wait(5);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a lock", interrupted);
          }
        }
      }
    }
  }
}
