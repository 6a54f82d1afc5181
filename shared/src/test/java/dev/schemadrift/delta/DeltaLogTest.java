package dev.schemadrift.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.SparkDatasource;
import dev.schemadrift.catalog.TableProfile;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.Json;
import dev.schemadrift.local.LocalFolderObjectStore;
import dev.schemadrift.local.MemoryObjectStore;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every Delta log case under {@code src/test/resources/delta/}: a {@code _delta_log} folder
 * (read through the local folder adapter, as the CLI's {@code --data-root} does) and the schema,
 * error and number of reads expected of it.
 */
class DeltaLogTest {
  private static final Path CASES = Path.of("src/test/resources/delta");
  private static final String BUCKET = "lake";
  private static final String PREFIX = "sales/orders/";

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> folders = Files.list(CASES)) {
      List<Path> list = folders.filter(Files::isDirectory).sorted().toList();
      assertFalse(list.isEmpty(), "no Delta cases under " + CASES.toAbsolutePath());
      return list.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseHolds(Path folder) throws IOException {
    Path file = folder.resolve("expected.json");
    JsonNode expected = Json.readTree(file.toString(), Files.readAllBytes(file));
    assertTrue(expected.path("description").isTextual(), file + ": a case needs a description");
    CountingStore store = new CountingStore(new LocalFolderObjectStore(folder.toAbsolutePath()));
    GlueTable placeholder = deltaTable();
    if (expected.has("error_kind")) {
      StoreException error =
          assertThrows(
              StoreException.class,
              () -> DeltaLog.resolved(store, BUCKET, PREFIX, placeholder),
              folder.toString());
      assertEquals(expected.get("error_kind").asText(), error.kind().name(), error.getMessage());
      for (JsonNode part : expected.get("message")) {
        assertTrue(
            error.getMessage().contains(part.asText()),
            folder + ": message lacks '" + part.asText() + "': " + error.getMessage());
      }
      return;
    }
    GlueTable resolved = DeltaLog.resolved(store, BUCKET, PREFIX, placeholder);
    assertEquals(
        expected.get("version").asText(),
        resolved.parameters().get(SparkDatasource.DELTA_LOG_VERSION),
        folder + ": version");
    assertEquals(columns(expected.get("columns")), resolved.columns(), folder + ": columns");
    assertEquals(
        columns(expected.get("partition_keys")), resolved.partitionKeys(), folder + ": keys");
    assertEquals(expected.get("gets").asInt(), store.gets, folder + ": GET requests");
    assertEquals(expected.get("lists").asInt(), store.lists, folder + ": LIST requests");
    assertEquals("s3://lake/sales/orders/", resolved.location(), "the path storage property");
    TableProfile profile = TableProfile.of(resolved);
    assertEquals("BY_NAME PARQUET", profile.profile() + " " + profile.family());
  }

  @Test
  void readsAreBoundedWhenNoCheckpointWasWritten() {
    MemoryObjectStore memory = new MemoryObjectStore();
    String first =
        "{\"metaData\":{\"schemaString\":\"{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":[]}\","
            + "\"partitionColumns\":[]}}\n";
    memory.put(BUCKET, PREFIX + "_delta_log/00000000000000000000.json", utf8(first), "json");
    for (int version = 1; version <= DeltaLog.MAX_COMMIT_READS + 5; version++) {
      memory.put(
          BUCKET,
          PREFIX + String.format("_delta_log/%020d.json", version),
          utf8("{\"commitInfo\":{}}\n"),
          "json");
    }
    CountingStore store = new CountingStore(memory);
    StoreException error =
        assertThrows(
            StoreException.class, () -> DeltaLog.resolved(store, BUCKET, PREFIX, deltaTable()));
    assertEquals(ErrorKind.TOO_COMPLEX, error.kind(), error.getMessage());
    // The _last_checkpoint probe and at most MAX_COMMIT_READS commits.
    assertEquals(DeltaLog.MAX_COMMIT_READS + 1, store.gets);
  }

  @Test
  void aCommitAboveTheLimitIsRefusedUnread() {
    CountingStore store =
        new CountingStore(new LocalFolderObjectStore(CASES.resolve("one-commit").toAbsolutePath()));
    ObjectStore tiny =
        new ObjectStore() {
          @Override
          public Optional<byte[]> get(String bucket, String key) {
            return store.get(bucket, key);
          }

          @Override
          public Optional<byte[]> get(String bucket, String key, long maxBytes) {
            return store.get(bucket, key, Math.min(maxBytes, 16));
          }

          @Override
          public void put(String bucket, String key, byte[] body, String contentType) {
            throw new UnsupportedOperationException();
          }

          @Override
          public List<StoredObject> list(String bucket, String prefix, int limit) {
            return store.list(bucket, prefix, limit);
          }

          @Override
          public Optional<Versioned> getVersioned(String bucket, String key) {
            throw new UnsupportedOperationException();
          }

          @Override
          public boolean putIfVersion(
              String bucket, String key, byte[] body, String contentType, String version) {
            throw new UnsupportedOperationException();
          }
        };
    StoreException error =
        assertThrows(
            StoreException.class, () -> DeltaLog.resolved(tiny, BUCKET, PREFIX, deltaTable()));
    assertEquals(ErrorKind.TOO_LARGE, error.kind(), error.getMessage());
  }

  /** A Delta table as Spark registers it: placeholder column, placeholder location, path. */
  private static GlueTable deltaTable() {
    return new GlueTable(
        "sales",
        "orders",
        "EXTERNAL_TABLE",
        Map.of("spark.sql.sources.provider", "delta", "EXTERNAL", "TRUE"),
        List.of(new GlueColumn("col", "array<string>", "from deserializer", Map.of())),
        List.of(),
        "s3://lake/sales/orders-__PLACEHOLDER__",
        "org.apache.hadoop.mapred.SequenceFileInputFormat",
        "org.apache.hadoop.hive.ql.io.HiveSequenceFileOutputFormat",
        "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
        Map.of("path", "s3://lake/sales/orders/", "serialization.format", "1"),
        true,
        "1",
        null);
  }

  private static List<GlueColumn> columns(JsonNode rows) {
    List<GlueColumn> columns = new ArrayList<>();
    for (JsonNode row : rows) {
      columns.add(
          new GlueColumn(
              row.get(0).asText(),
              row.get(1).asText(),
              row.size() > 2 ? row.get(2).asText() : null,
              Map.of()));
    }
    return columns;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Counts the requests the reader makes: the bound on reads is part of the contract. */
  private static final class CountingStore implements ObjectStore {
    private final ObjectStore delegate;
    int gets;
    int lists;

    CountingStore(ObjectStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
      gets++;
      return delegate.get(bucket, key);
    }

    @Override
    public Optional<byte[]> get(String bucket, String key, long maxBytes) {
      gets++;
      return delegate.get(bucket, key, maxBytes);
    }

    @Override
    public void put(String bucket, String key, byte[] body, String contentType) {
      throw new UnsupportedOperationException("the Delta reader never writes");
    }

    @Override
    public List<StoredObject> list(String bucket, String prefix, int limit) {
      lists++;
      return delegate.list(bucket, prefix, limit);
    }

    @Override
    public Optional<Versioned> getVersioned(String bucket, String key) {
      throw new UnsupportedOperationException("the Delta reader never reads versions");
    }

    @Override
    public boolean putIfVersion(
        String bucket, String key, byte[] body, String contentType, String expectedVersion) {
      throw new UnsupportedOperationException("the Delta reader never writes");
    }

    @Override
    public String describe(String bucket, String key) {
      return delegate.describe(bucket, key);
    }
  }
}
