package dev.schemadrift.port;

import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.PartitionSample;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The table catalog: AWS Glue, or a folder of {@code aws glue get-table} snapshots locally. */
public interface Catalog {
  /**
   * The tables of one database among the given names (compared ignoring case), fetched in as few
   * calls as the catalog allows; empty when the database itself does not exist.
   */
  Optional<List<GlueTable>> tables(String database, Collection<String> names);

  /** One table, or empty when it (or its database) does not exist. */
  Optional<GlueTable> table(String database, String name);

  /**
   * At most {@code limit} (1 to 1,000) partitions of a table in one call: the first page the
   * catalog returns, with whether it holds more. Empty when the catalog keeps no partition listing
   * for the table (a local snapshot without a partitions file); catalogs that cannot list
   * partitions at all keep this default.
   */
  default Optional<PartitionSample> partitions(GlueTable table, int limit) {
    return Optional.empty();
  }

  /**
   * The partitions of a table with the given values (1 to 1,000 lists, each one value per partition
   * key), in as few calls as the catalog allows; a partition that does not exist (deleted since) is
   * left out, not an error. The sample's limit is the number of lists asked for. Empty when the
   * catalog keeps no partition listing for the table; catalogs that cannot read partitions keep
   * this default.
   */
  default Optional<PartitionSample> partitionsNamed(GlueTable table, List<List<String>> values) {
    return Optional.empty();
  }

  /** Creates a database; returns false when it already existed (not an error). */
  boolean createDatabase(String database, String description);

  /**
   * Creates a table from a definition; returns false when it already existed (a concurrent run may
   * have created it first), which callers treat as success and then read the table.
   */
  boolean createTable(GlueTable definition, String description);

  /**
   * The same catalog port for the Glue Data Catalog of another account: every call made through the
   * result names that catalog id. Null is the caller's own catalog. A catalog that holds one
   * account only (local snapshots) returns itself.
   *
   * @param catalogId a 12-digit account id, or null
   */
  default Catalog inCatalog(String catalogId) {
    return this;
  }
}
