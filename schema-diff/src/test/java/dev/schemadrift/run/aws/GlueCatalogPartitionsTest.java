package dev.schemadrift.run.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GluePartition;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.StoreException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionResponse;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionValueList;

/** The Glue adapter's partition sample at the SDK boundary: one call, its first page only. */
class GlueCatalogPartitionsTest {
  private static final GlueTable TABLE =
      new GlueTable(
          "sales",
          "orders",
          "EXTERNAL_TABLE",
          null,
          List.of(GlueColumn.of("id", "bigint")),
          List.of(GlueColumn.of("dt", "string")),
          "s3://lake/sales/orders/",
          null,
          null,
          "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
          null,
          true,
          "1",
          null);

  private final GlueClient glue = mock(GlueClient.class, CALLS_REAL_METHODS);

  @Test
  void oneCallAsksForTheSampleSizeAndANextTokenMeansMore() {
    doReturn(
            GetPartitionsResponse.builder()
                .partitions(partition("2024-01-02"), partition("2024-01-01"))
                .nextToken("page-2")
                .build())
        .when(glue)
        .getPartitions(any(GetPartitionsRequest.class));

    PartitionSample sample = new GlueCatalog(glue).partitions(TABLE, 2).orElseThrow();

    ArgumentCaptor<GetPartitionsRequest> request =
        ArgumentCaptor.forClass(GetPartitionsRequest.class);
    verify(glue, times(1)).getPartitions(request.capture());
    assertEquals(2, request.getValue().maxResults());
    assertEquals("sales", request.getValue().databaseName());
    assertEquals("orders", request.getValue().tableName());
    assertEquals(null, request.getValue().nextToken());
    assertTrue(sample.more());
    // Sorted by value, whatever order Glue answered in.
    assertEquals(List.of("2024-01-01"), sample.partitions().getFirst().values());
    assertEquals("amount", sample.partitions().getFirst().columns().get(1).name());
    assertEquals(
        "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
        sample.partitions().getFirst().serdeLibrary());
  }

  @Test
  void anAnswerLargerThanAskedKeepsOnlyTheSampleAndSaysMore() {
    doReturn(
            GetPartitionsResponse.builder()
                .partitions(partition("a"), partition("b"), partition("c"))
                .build())
        .when(glue)
        .getPartitions(any(GetPartitionsRequest.class));

    PartitionSample sample = new GlueCatalog(glue).partitions(TABLE, 2).orElseThrow();

    assertEquals(2, sample.partitions().size());
    assertTrue(sample.more());
  }

  @Test
  void aLastPageIsTheWholeListing() {
    doReturn(GetPartitionsResponse.builder().partitions(partition("a")).build())
        .when(glue)
        .getPartitions(any(GetPartitionsRequest.class));

    PartitionSample sample = new GlueCatalog(glue).partitions(TABLE, 100).orElseThrow();

    assertEquals(1, sample.partitions().size());
    assertFalse(sample.more());
  }

  @Test
  void aRefusedCallIsTheTablesAccessDenied() {
    doThrow(
            GlueException.builder()
                .statusCode(400)
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException")
                        .errorMessage("not authorized to perform glue:GetPartitions")
                        .build())
                .build())
        .when(glue)
        .getPartitions(any(GetPartitionsRequest.class));

    StoreException error =
        assertThrows(StoreException.class, () -> new GlueCatalog(glue).partitions(TABLE, 100));

    assertEquals(ErrorKind.ACCESS_DENIED, error.kind());
    assertTrue(error.getMessage().contains("sales.orders"), error.getMessage());
  }

  @Test
  void namedPartitionsAreOneBatchGetPartitionAndThoseGlueLacksAreLeftOut() {
    doReturn(BatchGetPartitionResponse.builder().partitions(partition("2024-01-02")).build())
        .when(glue)
        .batchGetPartition(any(BatchGetPartitionRequest.class));

    PartitionSample sample =
        new GlueCatalog(glue)
            .partitionsNamed(TABLE, List.of(List.of("2024-01-02"), List.of("2023-12-31")))
            .orElseThrow();

    ArgumentCaptor<BatchGetPartitionRequest> request =
        ArgumentCaptor.forClass(BatchGetPartitionRequest.class);
    verify(glue, times(1)).batchGetPartition(request.capture());
    assertEquals("sales", request.getValue().databaseName());
    assertEquals("orders", request.getValue().tableName());
    assertEquals(
        List.of(List.of("2024-01-02"), List.of("2023-12-31")),
        request.getValue().partitionsToGet().stream().map(PartitionValueList::values).toList());
    assertEquals(2, sample.limit());
    assertEquals(List.of(List.of("2024-01-02")), values(sample));
    assertFalse(sample.more());
  }

  @Test
  void unprocessedKeysAreAskedForAgain() {
    PartitionValueList second = PartitionValueList.builder().values("2024-01-01").build();
    doReturn(
            BatchGetPartitionResponse.builder()
                .partitions(partition("2024-01-02"))
                .unprocessedKeys(second)
                .build(),
            BatchGetPartitionResponse.builder().partitions(partition("2024-01-01")).build())
        .when(glue)
        .batchGetPartition(any(BatchGetPartitionRequest.class));

    PartitionSample sample =
        new GlueCatalog(glue)
            .partitionsNamed(TABLE, List.of(List.of("2024-01-02"), List.of("2024-01-01")))
            .orElseThrow();

    ArgumentCaptor<BatchGetPartitionRequest> request =
        ArgumentCaptor.forClass(BatchGetPartitionRequest.class);
    verify(glue, times(2)).batchGetPartition(request.capture());
    assertEquals(List.of(second), request.getAllValues().get(1).partitionsToGet());
    assertEquals(List.of(List.of("2024-01-01"), List.of("2024-01-02")), values(sample));
  }

  @Test
  void keysLeftUnprocessedEveryTimeAreTheTablesThrottling() {
    doReturn(
            BatchGetPartitionResponse.builder()
                .unprocessedKeys(PartitionValueList.builder().values("2024-01-01").build())
                .build())
        .when(glue)
        .batchGetPartition(any(BatchGetPartitionRequest.class));

    StoreException error =
        assertThrows(
            StoreException.class,
            () -> new GlueCatalog(glue).partitionsNamed(TABLE, List.of(List.of("2024-01-01"))));

    assertEquals(ErrorKind.THROTTLED, error.kind());
    assertTrue(error.getMessage().contains("sales.orders"), error.getMessage());
    verify(glue, times(3)).batchGetPartition(any(BatchGetPartitionRequest.class));
  }

  private static List<List<String>> values(PartitionSample sample) {
    return sample.partitions().stream().map(GluePartition::values).toList();
  }

  private static Partition partition(String value) {
    return Partition.builder()
        .values(value)
        .storageDescriptor(
            storage ->
                storage
                    .columns(
                        Column.builder().name("id").type("bigint").build(),
                        Column.builder().name("amount").type("bigint").build())
                    .location("s3://lake/sales/orders/dt=" + value + "/")
                    .serdeInfo(
                        serde ->
                            serde.serializationLibrary(
                                "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")))
        .build();
  }
}
