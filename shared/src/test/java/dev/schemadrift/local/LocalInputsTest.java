package dev.schemadrift.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local inputs are bounded before they are read: only regular files below their folder, up to a
 * limit, so that a device, a FIFO or a link out of the folder is a named error, never a hang or an
 * unbounded read.
 */
class LocalInputsTest {
  private static final Duration NO_HANG = Duration.ofSeconds(10);

  @TempDir Path temp;

  private static final String TABLE =
      "{\"Table\": {\"Name\": \"%s\", \"DatabaseName\": \"%s\", \"UpdateTime\": %s,"
          + " \"StorageDescriptor\": {\"Columns\": [{\"Name\": \"id\", \"Type\": \"bigint\"}]}}}";

  @Test
  void aFifoIsRefusedWithoutOpeningIt() throws IOException {
    Path bucket = Files.createDirectories(temp.resolve("contracts"));
    fifo(bucket.resolve("orders.json"));
    LocalFolderObjectStore store = new LocalFolderObjectStore(temp);

    StoreException failure =
        assertTimeoutPreemptively(
            NO_HANG,
            () ->
                assertThrows(
                    StoreException.class,
                    () -> store.get("contracts", "orders.json", ContractReader.MAX_BYTES)));

    assertEquals(ErrorKind.IO_ERROR, failure.kind());
    assertTrue(failure.getMessage().contains("not a regular file"), failure.getMessage());
    assertTrue(failure.getMessage().contains("orders.json"), failure.getMessage());
  }

  @Test
  void aDeviceIsRefusedWithoutReadingIt() throws IOException {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "needs /dev/zero");

    StoreException failure =
        assertTimeoutPreemptively(
            NO_HANG, () -> assertThrows(StoreException.class, () -> LocalFile.read(zero, 1024)));

    assertEquals(ErrorKind.IO_ERROR, failure.kind());
    assertTrue(failure.getMessage().contains("/dev/zero"), failure.getMessage());
  }

  @Test
  void aLinkOutOfTheBucketFolderIsRefused() throws IOException {
    Path outside = Files.writeString(temp.resolve("secret.json"), "{\"secret\": true}");
    Path bucket = Files.createDirectories(temp.resolve("root/contracts"));
    Files.createSymbolicLink(bucket.resolve("orders.json"), outside);
    LocalFolderObjectStore store = new LocalFolderObjectStore(temp.resolve("root"));

    StoreException failure =
        assertThrows(
            StoreException.class,
            () -> store.get("contracts", "orders.json", ContractReader.MAX_BYTES));

    assertEquals(ErrorKind.INVALID_KEY, failure.kind());
    assertTrue(failure.getMessage().contains("outside"), failure.getMessage());
  }

  @Test
  void aLinkInsideTheBucketFolderIsRead() throws IOException {
    Path bucket = Files.createDirectories(temp.resolve("contracts"));
    Files.writeString(bucket.resolve("real.json"), "{}");
    Files.createSymbolicLink(bucket.resolve("orders.json"), bucket.resolve("real.json"));
    LocalFolderObjectStore store = new LocalFolderObjectStore(temp);

    byte[] body = store.get("contracts", "orders.json", ContractReader.MAX_BYTES).orElseThrow();

    assertEquals("{}", new String(body, StandardCharsets.UTF_8));
  }

  @Test
  void aFileAboveTheLimitIsRefusedAndAMissingOneIsAbsent() throws IOException {
    Path file = Files.write(temp.resolve("big.json"), new byte[2048]);

    StoreException failure = assertThrows(StoreException.class, () -> LocalFile.read(file, 1024));

    assertEquals(ErrorKind.TOO_LARGE, failure.kind());
    assertTrue(failure.getMessage().contains("big.json"), failure.getMessage());
    assertTrue(LocalFile.read(temp.resolve("absent.json"), 1024).isEmpty());
    assertEquals(2048, LocalFile.read(file, 2048).orElseThrow().length);
  }

  @Test
  void aSnapshotFifoBreaksOnlyItsDatabase() throws IOException {
    Path catalog = healthyCatalog();
    Files.createDirectories(catalog.resolve("broken"));
    fifo(catalog.resolve("broken/events.json"));

    SnapshotCatalog snapshots =
        assertTimeoutPreemptively(NO_HANG, () -> new SnapshotCatalog(catalog));

    assertBrokenOnly(snapshots, "not a regular file");
  }

  @Test
  void aSnapshotAboveTheLimitBreaksOnlyItsDatabase() throws IOException {
    Path catalog = healthyCatalog();
    Files.createDirectories(catalog.resolve("broken"));
    byte[] big = new byte[GlueTableReader.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    Files.write(catalog.resolve("broken/events.json"), big);

    assertBrokenOnly(new SnapshotCatalog(catalog), "limit");
  }

  @Test
  void aSnapshotWithAnUpdateTimeOutOfRangeBreaksOnlyItsDatabase() throws IOException {
    Path catalog = healthyCatalog();
    Files.createDirectories(catalog.resolve("broken"));
    Files.writeString(
        catalog.resolve("broken/events.json"), TABLE.formatted("events", "broken", "1e400"));

    assertBrokenOnly(new SnapshotCatalog(catalog), "UpdateTime");
  }

  private Path healthyCatalog() throws IOException {
    Path catalog = Files.createDirectories(temp.resolve("catalog/sales"));
    Files.writeString(
        catalog.resolve("orders.json"), TABLE.formatted("orders", "sales", "1795168800"));
    return catalog.getParent();
  }

  private static void assertBrokenOnly(SnapshotCatalog snapshots, String fragment) {
    assertEquals("orders", snapshots.table("sales", "orders").orElseThrow().name());
    StoreException failure =
        assertThrows(StoreException.class, () -> snapshots.table("broken", "events"));
    assertEquals(ErrorKind.INVALID_SNAPSHOT, failure.kind());
    assertTrue(failure.getMessage().contains("events.json"), failure.getMessage());
    assertTrue(failure.getMessage().contains(fragment), failure.getMessage());
  }

  private static void fifo(Path file) throws IOException {
    SpecialFiles.fifo(file);
  }
}
