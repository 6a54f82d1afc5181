package dev.schemadrift.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partitions in a snapshot folder: the get-partitions JSON beside a table's snapshot. */
class SnapshotPartitionsTest {
  private static final String TABLE =
      """
      {"Table": {"Name": "orders", "DatabaseName": "sales",
        "StorageDescriptor": {"Columns": [{"Name": "id", "Type": "bigint"}]},
        "PartitionKeys": [{"Name": "dt", "Type": "string"}]}}
      """;

  @TempDir Path folder;

  private GlueTable table(SnapshotCatalog catalog) {
    return catalog.table("sales", "orders").orElseThrow();
  }

  @Test
  void thePartitionsFileBesideTheSnapshotIsTheSampleAndNoTable() throws IOException {
    write("sales/orders.json", TABLE);
    write(
        "sales/orders.partitions.json",
        """
        {"Partitions": [
          {"Values": ["2024-01-03"], "StorageDescriptor": {"Columns": [{"Name": "id", "Type": "int"}]}},
          {"Values": ["2024-01-01"], "StorageDescriptor": {"Columns": [{"Name": "id", "Type": "bigint"}]}},
          {"Values": ["2024-01-02"], "StorageDescriptor": {"Columns": [{"Name": "id", "Type": "bigint"}]}}
        ]}
        """);
    SnapshotCatalog catalog = new SnapshotCatalog(folder);

    PartitionSample sample = catalog.partitions(table(catalog), 2).orElseThrow();

    // The first two of the file (its "first page"), sorted by value; the third is left out.
    assertEquals(2, sample.partitions().size());
    assertEquals(List.of("2024-01-01"), sample.partitions().get(0).values());
    assertEquals(List.of("2024-01-03"), sample.partitions().get(1).values());
    assertTrue(sample.more());
    assertEquals(
        List.of("orders"),
        catalog.tables("sales", List.of("orders", "orders.partitions")).orElseThrow().stream()
            .map(GlueTable::name)
            .toList());
  }

  @Test
  void withoutAPartitionsFileThereIsNoSample() throws IOException {
    write("sales/orders.json", TABLE);
    SnapshotCatalog catalog = new SnapshotCatalog(folder);

    assertFalse(catalog.partitions(table(catalog), 100).isPresent());
  }

  @Test
  void anUnreadablePartitionsFileIsAnInvalidSnapshotNamingFileAndField() throws IOException {
    write("sales/orders.json", TABLE);
    write("sales/orders.partitions.json", "{\"Partitions\": [{\"StorageDescriptor\": {}}]}");
    SnapshotCatalog catalog = new SnapshotCatalog(folder);
    GlueTable table = table(catalog);

    StoreException error = assertThrows(StoreException.class, () -> catalog.partitions(table, 100));

    assertEquals(ErrorKind.INVALID_SNAPSHOT, error.kind());
    assertTrue(
        error.getMessage().contains("sales/orders.partitions.json")
            && error.getMessage().contains("$.Partitions[0].Values"),
        error.getMessage());
  }

  private void write(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
