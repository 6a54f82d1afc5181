package dev.schemadrift.run.fakes;

import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import java.util.List;

/** Copies of a Glue table with a few parts replaced, for fakes and the tables tests compare. */
public final class GlueTables {
  private GlueTables() {}

  /** The table as Glue returns it once stored: with the version id and time Glue stamps on it. */
  public static GlueTable stamped(GlueTable table, String versionId, String updateTime) {
    return copy(
        table,
        table.databaseName(),
        table.name(),
        table.columns(),
        table.partitionKeys(),
        versionId,
        updateTime);
  }

  /** The table under other names or with other columns, everything else kept. */
  public static GlueTable withNamesAndColumns(
      GlueTable table,
      String database,
      String name,
      List<GlueColumn> columns,
      List<GlueColumn> partitionKeys) {
    return copy(
        table, database, name, columns, partitionKeys, table.versionId(), table.updateTime());
  }

  private static GlueTable copy(
      GlueTable table,
      String database,
      String name,
      List<GlueColumn> columns,
      List<GlueColumn> partitionKeys,
      String versionId,
      String updateTime) {
    return new GlueTable(
        database,
        name,
        table.tableType(),
        table.parameters(),
        columns,
        partitionKeys,
        table.location(),
        table.inputFormat(),
        table.outputFormat(),
        table.serdeLibrary(),
        table.serdeParameters(),
        table.hasStorageDescriptor(),
        versionId,
        updateTime);
  }
}
