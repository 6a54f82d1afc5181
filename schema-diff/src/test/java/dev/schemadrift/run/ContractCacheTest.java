package dev.schemadrift.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schemadrift.run.fakes.RecordingObjectStore;
import dev.schemadrift.run.fakes.RecordingObjectStore.Operation;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the container's contract cache makes a request, and what it answers. */
class ContractCacheTest {
  private static final String BUCKET = "contracts";
  private static final String KEY = "contracts/orders.json";

  private final RecordingObjectStore store = new RecordingObjectStore();

  @Test
  void aListedVersionEqualToTheCachedOneCostsNoRequestAndAnotherOneReadsTheNewBytes() {
    store.add(BUCKET, KEY, "first");
    ContractCache cache = new ContractCache(store);
    assertEquals("first", text(cache.read(BUCKET, KEY, null)));
    String listed = store.list(BUCKET, KEY, 1).getFirst().version();
    store.clearCalls();

    assertEquals("first", text(cache.read(BUCKET, KEY, listed)));
    assertEquals(0, store.calls(Operation.GET).size());

    store.add(BUCKET, KEY, "second");
    String relisted = store.list(BUCKET, KEY, 1).getFirst().version();
    assertEquals("second", text(cache.read(BUCKET, KEY, relisted)));
    assertEquals(1, store.calls(Operation.GET).size());
  }

  @Test
  void withoutAListedVersionEveryReadIsARevalidation() {
    store.add(BUCKET, KEY, "first");
    ContractCache cache = new ContractCache(store);
    cache.read(BUCKET, KEY, null);
    store.clearCalls();

    assertEquals("first", text(cache.read(BUCKET, KEY, null)));
    assertEquals(1, store.calls(Operation.GET).size());
  }

  @Test
  void aContractAboveTheBoundIsNotKept() {
    store.add(BUCKET, KEY, "first");
    ContractCache cache = new ContractCache(store, 4);
    cache.read(BUCKET, KEY, null);
    String listed = store.list(BUCKET, KEY, 1).getFirst().version();
    store.clearCalls();

    // Five bytes do not fit in four: the listed version cannot be answered from memory.
    assertEquals("first", text(cache.read(BUCKET, KEY, listed)));
    assertEquals(1, store.calls(Operation.GET).size());
  }

  private static String text(Optional<byte[]> bytes) {
    return new String(bytes.orElseThrow(), StandardCharsets.UTF_8);
  }
}
