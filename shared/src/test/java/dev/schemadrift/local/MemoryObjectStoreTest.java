package dev.schemadrift.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.ObjectStore.StoredObject;
import dev.schemadrift.port.ObjectStore.Versioned;
import dev.schemadrift.port.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory store behaves as S3 does for what the port promises. */
class MemoryObjectStoreTest {
  private final MemoryObjectStore store = new MemoryObjectStore();

  @Test
  void objectsAreCopiedInAndOut() {
    byte[] body = bytes("one");
    store.put("reports", "a.json", body, "application/json");
    body[0] = 'X';
    store.get("reports", "a.json").orElseThrow()[0] = 'Y';

    assertArrayEquals(bytes("one"), store.get("reports", "a.json").orElseThrow());
    assertTrue(store.get("reports", "b.json").isEmpty());
    assertTrue(store.get("other", "a.json").isEmpty(), "buckets are apart");
  }

  @Test
  void listingIsInKeyOrderUnderThePrefixUpToTheLimit() {
    for (String key :
        List.of("runs/2.json", "diffs/b/1.json", "diffs/a/1.json", "diffs/a/2.json")) {
      store.put("reports", key, bytes(key), "application/json");
    }
    store.put("other", "diffs/a/0.json", bytes("x"), "application/json");

    String a1 = store.getVersioned("reports", "diffs/a/1.json").orElseThrow().version();
    String a2 = store.getVersioned("reports", "diffs/a/2.json").orElseThrow().version();
    String b1 = store.getVersioned("reports", "diffs/b/1.json").orElseThrow().version();
    assertEquals(
        List.of(
            new StoredObject("diffs/a/1.json", 14, a1),
            new StoredObject("diffs/a/2.json", 14, a2),
            new StoredObject("diffs/b/1.json", 14, b1)),
        store.list("reports", "diffs/", 10));
    assertEquals(
        List.of(new StoredObject("diffs/a/1.json", 14, a1)), store.list("reports", "diffs/", 1));
    // The whole listing, with the same versions a read returns.
    assertEquals(store.list("reports", "diffs/", 10), store.listAll("reports", "diffs/"));
    assertEquals(List.of(), store.list("reports", "state/", 10));
    assertEquals(List.of(), store.list("nowhere", "", 10));
  }

  @Test
  void aRevalidationReadsOnlyAnObjectThatChanged() {
    store.put("contracts", "a.json", bytes("one"), "application/json");
    ObjectStore.Revalidation first = store.getIfChanged("contracts", "a.json", null, 100);
    String version =
        assertInstanceOf(ObjectStore.Revalidation.Changed.class, first).object().version();

    assertInstanceOf(
        ObjectStore.Revalidation.Unchanged.class,
        store.getIfChanged("contracts", "a.json", version, 100));
    store.put("contracts", "a.json", bytes("two"), "application/json");
    ObjectStore.Revalidation.Changed changed =
        assertInstanceOf(
            ObjectStore.Revalidation.Changed.class,
            store.getIfChanged("contracts", "a.json", version, 100));
    assertArrayEquals(bytes("two"), changed.object().body());
    assertNotEquals(version, changed.object().version());
    assertInstanceOf(
        ObjectStore.Revalidation.Missing.class,
        store.getIfChanged("contracts", "gone.json", version, 100));
    assertEquals(
        ErrorKind.TOO_LARGE,
        assertThrows(StoreException.class, () -> store.getIfChanged("contracts", "a.json", "v0", 2))
            .kind());
  }

  @Test
  void aConditionalWriteSucceedsOnlyAtTheExpectedVersion() {
    assertTrue(store.putIfVersion("reports", "state.json", bytes("1"), "application/json", null));
    assertFalse(
        store.putIfVersion("reports", "state.json", bytes("2"), "application/json", null),
        "null: only if the object does not exist yet");
    Versioned first = store.getVersioned("reports", "state.json").orElseThrow();

    assertTrue(
        store.putIfVersion(
            "reports", "state.json", bytes("2"), "application/json", first.version()));
    assertFalse(
        store.putIfVersion(
            "reports", "state.json", bytes("3"), "application/json", first.version()),
        "another writer got there first");
    assertFalse(
        store.putIfVersion("reports", "absent.json", bytes("3"), "application/json", "v1"),
        "no object is at any version");
    assertArrayEquals(bytes("2"), store.get("reports", "state.json").orElseThrow());
  }

  @Test
  void everyWriteMakesANewVersionEvenOfTheSameBytes() {
    store.put("reports", "state.json", bytes("same"), "application/json");
    String before = store.getVersioned("reports", "state.json").orElseThrow().version();
    store.put("reports", "state.json", bytes("same"), "application/json");

    assertNotEquals(before, store.getVersioned("reports", "state.json").orElseThrow().version());
    assertFalse(
        store.putIfVersion("reports", "state.json", bytes("new"), "application/json", before));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
