package dev.schemadrift.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GluePartition;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionMemoTest {
  private static final String PARQUET_INPUT =
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
  private static final String PARQUET_SERDE =
      "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
  private static final String CSV_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
  private static final String RUN = "20261201T080000Z";

  private static GluePartition partition(String day, String serde, String... columns) {
    List<GlueColumn> list = new ArrayList<>();
    for (String column : columns) {
      String[] parts = column.split(":");
      list.add(new GlueColumn(parts[0], parts[1], null, null));
    }
    return new GluePartition(
        List.of(day),
        list,
        "s3://lake/orders/dt=" + day + "/",
        serde.equals(CSV_SERDE) ? "org.apache.hadoop.mapred.TextInputFormat" : PARQUET_INPUT,
        serde,
        serde.equals(CSV_SERDE) ? Map.of("field.delim", "|") : Map.of(),
        true);
  }

  /** Partitions of several shapes: drifted types, another format, a comment, no storage. */
  private static PartitionSample sample() {
    List<GluePartition> partitions = new ArrayList<>();
    for (int day = 1; day <= 28; day++) {
      partitions.add(
          partition(
              String.format("2024-02-%02d", day), PARQUET_SERDE, "id:bigint", "amount:bigint"));
    }
    partitions.add(partition("2024-03-01", PARQUET_SERDE, "id:bigint", "amount:double"));
    partitions.add(partition("2024-03-02", CSV_SERDE, "id:bigint", "amount:bigint"));
    partitions.add(
        new GluePartition(
            List.of("2024-03-03"),
            List.of(new GlueColumn("id", "bigint", "the key", Map.of("k", "v"))),
            "s3://lake/orders/dt=2024-03-03/",
            PARQUET_INPUT,
            PARQUET_SERDE,
            Map.of(),
            true));
    partitions.add(new GluePartition(List.of("2024-03-04"), null, null, null, null, null, false));
    return PartitionSample.read(100, partitions, true);
  }

  private static Contract contract() {
    String json =
        "{\"contract_version\": \"1.0.0\", \"database\": \"sales\", \"table\": \"orders\","
            + " \"owner\": \"team@example.org\", \"format\": \"parquet\","
            + " \"data_location\": \"s3://lake/orders/\","
            + " \"columns\": [{\"name\": \"id\", \"type\": \"bigint\"},"
            + " {\"name\": \"amount\", \"type\": \"bigint\"}],"
            + " \"partition_keys\": [{\"name\": \"dt\", \"type\": \"string\"}]}";
    return ContractReader.read("orders.json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static GlueTable table(Contract contract) {
    return TableDefinitions.fromContract(contract).orElseThrow();
  }

  /** The artifact a check writes with this sample. */
  private static String artifact(PartitionSample sample) {
    Contract contract = contract();
    DiffArtifact artifact =
        TableCheck.compared(
            new RunId(RUN),
            new DiffArtifact.ContractInfo("contracts/orders.json", "1.0.0", "0".repeat(64)),
            contract,
            table(contract),
            sample,
            new DiffArtifact.DataProbe("s3://lake/orders/", true),
            false);
    return new String(ArtifactJson.write(artifact), StandardCharsets.UTF_8);
  }

  @Test
  void aKeptSampleIsComparedExactlyLikeTheSampleReadFromGlue() {
    PartitionSample read = sample();
    PartitionMemo memo = PartitionMemo.of(read, RUN);
    assertNotNull(memo);
    PartitionSample kept = memo.sample();
    assertEquals(RUN, kept.readIn());
    assertEquals(read.limit(), kept.limit());
    assertEquals(read.more(), kept.more());
    assertEquals(read.partitions().size(), kept.partitions().size());
    for (int index = 0; index < read.partitions().size(); index++) {
      GluePartition original = read.partitions().get(index);
      GluePartition back = kept.partitions().get(index);
      // Everything but the location, which no rule reads.
      assertEquals(
          new GluePartition(
              original.values(),
              original.columns(),
              null,
              original.inputFormat(),
              original.serdeLibrary(),
              original.serdeParameters(),
              original.hasStorageDescriptor()),
          back);
    }
    String fresh = artifact(read);
    String fromMemo = artifact(kept);
    assertTrue(fresh.contains("PARTITION_SCHEMA_MISMATCH"), fresh);
    assertTrue(fresh.contains("PARTITION_FORMAT_MISMATCH"), fresh);
    // The same findings and counts, byte for byte; the artifact says which run read them.
    assertEquals(
        fresh.replace(
            "\"skipped\": null", "\"skipped\": null,\n      \"read_in\": \"" + RUN + "\""),
        fromMemo);
  }

  @Test
  void oneShapeIsKeptOnceSoAThousandPartitionsStaySmall() {
    List<GluePartition> partitions = new ArrayList<>();
    for (int day = 0; day < 1000; day++) {
      partitions.add(
          partition(
              "2024-01-01-" + day, PARQUET_SERDE, "id:bigint", "amount:bigint", "note:string"));
    }
    PartitionMemo memo = PartitionMemo.of(PartitionSample.read(1000, partitions, false), RUN);
    assertNotNull(memo);
    assertTrue(memo.packed().length() < 4096, memo.packed().length() + " characters");
    assertEquals(1000, memo.sample().partitions().size());
  }

  @Test
  void aSampleNotReadOrTooLargeIsNotKept() {
    assertNull(PartitionMemo.of(null, RUN));
    assertNull(PartitionMemo.of(PartitionSample.skipped(100, "partition_sample is 0"), RUN));
    List<GluePartition> distinct = new ArrayList<>();
    for (int day = 0; day < 1000; day++) {
      // Every partition of its own shape, with unrelated names: nothing to share.
      distinct.add(
          partition(
              "d" + day,
              PARQUET_SERDE,
              "c" + Integer.toHexString(day * 7919) + ":bigint",
              "x" + Integer.toHexString(day * 104729) + ":string"));
    }
    assertNull(PartitionMemo.of(PartitionSample.read(1000, distinct, false), RUN));
  }

  @Test
  void aSampleKeptAgainStillNamesTheRunThatReadIt() {
    PartitionMemo first = PartitionMemo.of(sample(), RUN);
    PartitionMemo again = PartitionMemo.of(first.sample(), "20261202T080000Z");
    assertEquals(RUN, again.readIn());
    assertEquals(first.packed(), again.packed());
  }

  @Test
  void equalSamplesPackToEqualText() {
    assertArrayEquals(
        PartitionMemo.of(sample(), RUN).packed().getBytes(StandardCharsets.UTF_8),
        PartitionMemo.of(sample(), RUN).packed().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aDamagedMemoOnlyMeansReadingThePartitionsAgain() {
    PartitionMemo memo = PartitionMemo.of(sample(), RUN);
    assertNull(new PartitionMemo(100, true, RUN, "not base64 !").sample());
    assertNull(new PartitionMemo(100, true, RUN, "aGVsbG8=").sample(), "base64, not gzip");
    assertNull(
        new PartitionMemo(100, true, RUN, PackedBytes.pack("{\"Partitions\": []}".getBytes(), 100))
            .sample(),
        "no rows");
    assertNull(new PartitionMemo(3, true, RUN, memo.packed()).sample(), "more than its limit");
    assertThrows(IllegalArgumentException.class, () -> new PartitionMemo(100, true, "today", "x"));
    assertThrows(IllegalArgumentException.class, () -> new PartitionMemo(1001, true, RUN, "x"));
    assertThrows(IllegalArgumentException.class, () -> new PartitionMemo(100, true, RUN, " "));
  }

  @Test
  void unpackingRefusesMoreThanItsLimit() {
    String packed = PackedBytes.pack(new byte[100_000], 10_000);
    assertNotNull(packed, "zeros pack small");
    assertEquals(100_000, PackedBytes.unpack(packed, 100_000).length);
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> PackedBytes.unpack(packed, 99_999));
    assertTrue(error.getMessage().contains("more than 99999"), error.getMessage());
  }
}
