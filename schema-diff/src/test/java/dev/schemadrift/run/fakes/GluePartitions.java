package dev.schemadrift.run.fakes;

import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GluePartition;
import java.util.ArrayList;
import java.util.List;

/** Glue partitions for fakes. */
public final class GluePartitions {
  private GluePartitions() {}

  /**
   * A Parquet partition {@code dt=<day>} under {@code tableLocation}, with columns written {@code
   * name:type}.
   */
  public static GluePartition parquet(String tableLocation, String day, String... columns) {
    List<GlueColumn> glueColumns = new ArrayList<>();
    for (String column : columns) {
      String[] parts = column.split(":");
      glueColumns.add(new GlueColumn(parts[0], parts[1], null, null));
    }
    return new GluePartition(
        List.of(day),
        glueColumns,
        tableLocation + "dt=" + day + "/",
        "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
        "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
        null,
        true);
  }
}
