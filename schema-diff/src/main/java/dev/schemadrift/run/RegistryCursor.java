package dev.schemadrift.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.contract.Registry;
import dev.schemadrift.json.Json;
import dev.schemadrift.port.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the next scheduled run continues when the registry is longer than {@code
 * MAX_TABLES_PER_RUN}: every table is checked exactly once in each cycle of ⌈N / max⌉ runs (a run
 * stops at the registry's end instead of wrapping round, so the last run of a cycle may be
 * shorter). A rerun with the same run id takes the same slice again (idempotent retries), and the
 * cursor follows its contract key when entries are added or removed between runs.
 */
public record RegistryCursor(
    int registrySize, int nextIndex, String nextContract, String lastRunId, int lastStart) {

  /** The place the next run starts: an index into the enabled entries and its contract key. */
  public record Position(int index, String contract) {}

  /** The entries of this run, where the next one starts (null when all fit), and the new cursor. */
  public record Slice(List<Registry.Entry> entries, Position next, RegistryCursor cursorAfterRun) {}

  public static Slice slice(
      RegistryCursor previous, List<Registry.Entry> enabled, int max, RunId run) {
    int size = enabled.size();
    if (size == 0) {
      return new Slice(List.of(), null, null);
    }
    // When everything fits, the whole registry is checked, whatever an earlier cut left behind.
    int start = max >= size ? 0 : start(previous, enabled, run);
    // Wrapping round would check the first tables twice in one cycle and shift every later cycle.
    int count = Math.min(max, size - start);
    List<Registry.Entry> entries = List.copyOf(enabled.subList(start, start + count));
    int next = (start + count) % size;
    String nextContract = enabled.get(next).contract();
    RegistryCursor after = new RegistryCursor(size, next, nextContract, run.value(), start);
    return new Slice(entries, max < size ? new Position(next, nextContract) : null, after);
  }

  /** Where a cut registry continues: the same slice for a rerun, else the saved next entry. */
  private static int start(RegistryCursor previous, List<Registry.Entry> enabled, RunId run) {
    if (previous == null) {
      return 0;
    }
    int size = enabled.size();
    if (run.value().equals(previous.lastRunId())) {
      return previous.lastStart() < size ? previous.lastStart() : 0;
    }
    for (int index = 0; index < size; index++) {
      if (enabled.get(index).contract().equals(previous.nextContract())) {
        return index;
      }
    }
    int start = previous.nextIndex();
    return start >= size || start < 0 ? 0 : start;
  }

  /** The stored cursor, or null when there is none (or it is unreadable: start from the top). */
  public static RegistryCursor load(ObjectStore store, String bucket) {
    Optional<byte[]> bytes = store.get(bucket, BucketLayout.CURSOR);
    if (bytes.isEmpty()) {
      return null;
    }
    try {
      JsonNode node = Json.mapper().readTree(bytes.get());
      return new RegistryCursor(
          node.path("registry_size").asInt(0),
          node.path("next_index").asInt(0),
          node.path("next_contract").asText(null),
          node.path("last_run_id").asText(null),
          node.path("last_start").asInt(0));
    } catch (IOException e) {
      return null;
    }
  }

  public static void save(ObjectStore store, String bucket, RegistryCursor cursor) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("cursor_version", 1);
    body.put("registry_size", cursor.registrySize());
    body.put("next_index", cursor.nextIndex());
    body.put("next_contract", cursor.nextContract());
    body.put("last_run_id", cursor.lastRunId());
    body.put("last_start", cursor.lastStart());
    try {
      store.put(
          bucket, BucketLayout.CURSOR, Json.mapper().writeValueAsBytes(body), "application/json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
