package dev.schemadrift.run.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.aws.S3ObjectStore;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Bounded reads through the real SDK: an oversized object is refused without being loaded. */
class S3ObjectStoreIT {
  private static final String BUCKET = "bounded-reads";

  private S3Client s3;
  private S3ObjectStore store;

  @BeforeEach
  void bucket() {
    Moto.reset();
    s3 = Moto.clients().s3();
    s3.createBucket(request -> request.bucket(BUCKET));
    store = new S3ObjectStore(s3);
  }

  @Test
  void anObjectAboveTheLimitIsTooLargeAndOneAtTheLimitIsRead() {
    byte[] atLimit = new byte[ContractReader.MAX_BYTES];
    Arrays.fill(atLimit, (byte) 'x');
    byte[] tenMebibytes = new byte[10 * 1024 * 1024];
    s3.putObject(request -> request.bucket(BUCKET).key("at-limit"), RequestBody.fromBytes(atLimit));
    s3.putObject(
        request -> request.bucket(BUCKET).key("contracts/huge.json"),
        RequestBody.fromBytes(tenMebibytes));

    assertArrayEquals(
        atLimit, store.get(BUCKET, "at-limit", ContractReader.MAX_BYTES).orElseThrow());
    StoreException failure =
        assertThrows(
            StoreException.class,
            () -> store.get(BUCKET, "contracts/huge.json", ContractReader.MAX_BYTES));
    assertEquals(ErrorKind.TOO_LARGE, failure.kind());
    assertTrue(
        failure
            .getMessage()
            .contains("s3://" + BUCKET + "/contracts/huge.json is larger than the 5 MiB limit"),
        failure.getMessage());
    assertTrue(store.get(BUCKET, "missing", ContractReader.MAX_BYTES).isEmpty());
    s3.putObject(request -> request.bucket(BUCKET).key("small"), RequestBody.fromString("abc"));
    assertEquals(
        "abc", new String(store.get(BUCKET, "small", 3).orElseThrow(), StandardCharsets.UTF_8));
    assertEquals(
        ErrorKind.TOO_LARGE,
        assertThrows(StoreException.class, () -> store.get(BUCKET, "small", 2)).kind());
  }

  @Test
  void aRevalidationByETagIsAnswered304UntilTheObjectChanges() {
    s3.putObject(
        request -> request.bucket(BUCKET).key("contracts/a.json"), RequestBody.fromString("one"));
    ObjectStore.Revalidation.Changed first =
        assertInstanceOf(
            ObjectStore.Revalidation.Changed.class,
            store.getIfChanged(BUCKET, "contracts/a.json", null, 100));
    assertEquals("one", new String(first.object().body(), StandardCharsets.UTF_8));

    assertInstanceOf(
        ObjectStore.Revalidation.Unchanged.class,
        store.getIfChanged(BUCKET, "contracts/a.json", first.object().version(), 100));
    s3.putObject(
        request -> request.bucket(BUCKET).key("contracts/a.json"), RequestBody.fromString("two"));
    ObjectStore.Revalidation.Changed second =
        assertInstanceOf(
            ObjectStore.Revalidation.Changed.class,
            store.getIfChanged(BUCKET, "contracts/a.json", first.object().version(), 100));
    assertEquals("two", new String(second.object().body(), StandardCharsets.UTF_8));
    assertInstanceOf(
        ObjectStore.Revalidation.Missing.class,
        store.getIfChanged(BUCKET, "contracts/gone.json", first.object().version(), 100));
    assertEquals(
        ErrorKind.TOO_LARGE,
        assertThrows(
                StoreException.class,
                () -> store.getIfChanged(BUCKET, "contracts/a.json", "\"stale\"", 2))
            .kind());
  }

  @Test
  void listAllReadsEveryPageWithTheObjectsETags() {
    CallCounter calls = new CallCounter();
    S3Client counted = Moto.clients(calls).s3();
    S3ObjectStore listing = new S3ObjectStore(counted);
    int objects = 1_005;
    for (int index = 0; index < objects; index++) {
      String key = String.format(java.util.Locale.ROOT, "contracts/c_%05d.json", index);
      s3.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromString(key));
    }
    s3.putObject(
        request -> request.bucket(BUCKET).key("other/x.json"), RequestBody.fromString("x"));

    java.util.List<dev.schemadrift.port.ObjectStore.StoredObject> listed =
        listing.listAll(BUCKET, "contracts/");

    assertEquals(objects, listed.size());
    // 1,000 keys per ListObjectsV2 call: two pages.
    assertEquals(2, calls.count("S3", "ListObjectsV2"));
    String key = "contracts/c_01004.json";
    assertEquals(
        s3.headObject(request -> request.bucket(BUCKET).key(key)).eTag(),
        listed.getLast().version());
    assertEquals(key, listed.getLast().key());
  }
}
