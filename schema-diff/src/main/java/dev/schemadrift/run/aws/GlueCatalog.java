package dev.schemadrift.run.aws;

import dev.schemadrift.aws.AwsErrors;
import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GluePartition;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.Catalog;
import dev.schemadrift.port.StoreException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionResponse;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionValueList;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * {@link Catalog} on AWS Glue. Tables are read in batches: one paginated {@code GetTables} per
 * database, filtered by an {@code Expression} naming the wanted tables, instead of a {@code
 * GetTable} per table.
 */
public final class GlueCatalog implements Catalog {
  /** Glue's limit on Expression is 2,048 characters; names are split into chunks below it. */
  private static final int MAX_EXPRESSION = 2000;

  /**
   * BatchGetPartition calls for one table's partitions before unprocessed keys count as throttling.
   */
  private static final int BATCH_ATTEMPTS = 3;

  private final GlueClient glue;

  /** Null for the caller's own catalog: requests then carry no CatalogId. */
  private final String catalogId;

  public GlueCatalog(GlueClient glue) {
    this(glue, null);
  }

  private GlueCatalog(GlueClient glue, String catalogId) {
    this.glue = glue;
    this.catalogId = catalogId;
  }

  @Override
  public Catalog inCatalog(String otherCatalogId) {
    return java.util.Objects.equals(otherCatalogId, catalogId)
        ? this
        : new GlueCatalog(glue, otherCatalogId);
  }

  /** "Glue database sales" or "Glue database sales of catalog 111122223333", for messages. */
  private String where(String what) {
    return catalogId == null ? what : what + " of catalog " + catalogId;
  }

  @Override
  public Optional<List<GlueTable>> tables(String database, Collection<String> names) {
    Set<String> wanted =
        names.stream()
            .map(name -> name.toLowerCase(Locale.ROOT))
            .collect(Collectors.toCollection(TreeSet::new));
    // By folded name: a table that several Expression chunks match is still one table.
    Map<String, GlueTable> found = new LinkedHashMap<>();
    try {
      for (String expression : expressions(wanted)) {
        GetTablesRequest request =
            GetTablesRequest.builder()
                .catalogId(catalogId)
                .databaseName(database)
                .expression(expression)
                .build();
        for (var page : glue.getTablesPaginator(request)) {
          for (Table table : page.tableList()) {
            // Glue folds names; emulators may not, and an Expression is only a filter hint.
            String name = table.name().toLowerCase(Locale.ROOT);
            if (wanted.contains(name) && !found.containsKey(name)) {
              found.put(name, fromGlue(table));
            }
          }
        }
      }
    } catch (EntityNotFoundException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw AwsErrors.classify(where("reading tables of Glue database " + database), e);
    }
    return Optional.of(List.copyOf(found.values()));
  }

  /** Regex alternations of the names, each below Glue's Expression limit. */
  static List<String> expressions(Collection<String> names) {
    List<String> expressions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String name : names) {
      if (current.length() > 0 && current.length() + name.length() + 1 > MAX_EXPRESSION) {
        expressions.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append('|');
      }
      current.append(name);
    }
    if (current.length() > 0) {
      expressions.add(current.toString());
    }
    return expressions;
  }

  @Override
  public Optional<GlueTable> table(String database, String name) {
    try {
      return Optional.of(
          fromGlue(
              glue.getTable(
                      request -> request.catalogId(catalogId).databaseName(database).name(name))
                  .table()));
    } catch (EntityNotFoundException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw AwsErrors.classify(where("reading Glue table " + database + "." + name), e);
    }
  }

  /**
   * One {@code GetPartitions} call with {@code MaxResults} = limit: its first page is the sample,
   * and a next token says Glue holds more. Emulators that ignore paging may answer with more
   * partitions than asked for; only the first {@code limit} count.
   */
  @Override
  public Optional<PartitionSample> partitions(GlueTable table, int limit) {
    try {
      GetPartitionsResponse page =
          glue.getPartitions(
              request ->
                  request
                      .catalogId(catalogId)
                      .databaseName(table.databaseName())
                      .tableName(table.name())
                      .maxResults(limit));
      List<GluePartition> read = new ArrayList<>();
      for (Partition partition : page.partitions()) {
        if (read.size() == limit) {
          break;
        }
        read.add(fromGlue(partition));
      }
      boolean more = page.nextToken() != null || page.partitions().size() > limit;
      return Optional.of(PartitionSample.read(limit, read, more));
    } catch (EntityNotFoundException e) {
      // The table went away between the batch read and now: no partitions to compare.
      return Optional.of(PartitionSample.read(limit, List.of(), false));
    } catch (SdkException e) {
      throw AwsErrors.classify("reading partitions of Glue table " + table.qualifiedName(), e);
    }
  }

  /**
   * One {@code BatchGetPartition} call for up to 1,000 partitions: Glue answers with those that
   * exist and leaves out the others. Keys Glue left unprocessed (it does so under load) are asked
   * for again, a few times, before the table's check fails as throttled.
   */
  @Override
  public Optional<PartitionSample> partitionsNamed(GlueTable table, List<List<String>> values) {
    List<PartitionValueList> wanted =
        values.stream().map(list -> PartitionValueList.builder().values(list).build()).toList();
    List<GluePartition> read = new ArrayList<>();
    try {
      for (int attempt = 0; !wanted.isEmpty(); attempt++) {
        if (attempt == BATCH_ATTEMPTS) {
          throw new StoreException(
              ErrorKind.THROTTLED,
              "Glue left "
                  + wanted.size()
                  + " partitions of table "
                  + table.qualifiedName()
                  + " unprocessed after "
                  + BATCH_ATTEMPTS
                  + " BatchGetPartition calls",
              null);
        }
        List<PartitionValueList> asked = wanted;
        BatchGetPartitionResponse answer =
            glue.batchGetPartition(
                request ->
                    request
                        .catalogId(catalogId)
                        .databaseName(table.databaseName())
                        .tableName(table.name())
                        .partitionsToGet(asked));
        answer.partitions().forEach(partition -> read.add(fromGlue(partition)));
        wanted = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : List.of();
      }
    } catch (EntityNotFoundException e) {
      // The table went away since the event: no partitions to compare.
      return Optional.of(PartitionSample.read(values.size(), List.of(), false));
    } catch (SdkException e) {
      throw AwsErrors.classify(
          "reading changed partitions of Glue table " + table.qualifiedName(), e);
    }
    return Optional.of(PartitionSample.read(values.size(), read, false));
  }

  static GluePartition fromGlue(Partition partition) {
    StorageDescriptor storage = partition.storageDescriptor();
    SerDeInfo serde = storage == null ? null : storage.serdeInfo();
    return new GluePartition(
        partition.hasValues() ? partition.values() : List.of(),
        storage == null || !storage.hasColumns() ? List.of() : fromColumns(storage.columns()),
        storage == null ? null : storage.location(),
        storage == null ? null : storage.inputFormat(),
        serde == null ? null : serde.serializationLibrary(),
        serde == null || !serde.hasParameters() ? null : serde.parameters(),
        storage != null);
  }

  @Override
  public boolean createDatabase(String database, String description) {
    try {
      glue.createDatabase(
          request ->
              request
                  .catalogId(catalogId)
                  .databaseInput(input -> input.name(database).description(description)));
      return true;
    } catch (AlreadyExistsException e) {
      return false;
    } catch (SdkException e) {
      throw AwsErrors.classify(where("creating Glue database " + database), e);
    }
  }

  @Override
  public boolean createTable(GlueTable definition, String description) {
    try {
      glue.createTable(
          request ->
              request
                  .catalogId(catalogId)
                  .databaseName(definition.databaseName())
                  .tableInput(toInput(definition, description)));
      return true;
    } catch (AlreadyExistsException e) {
      return false;
    } catch (SdkException e) {
      throw AwsErrors.classify(where("creating Glue table " + definition.qualifiedName()), e);
    }
  }

  static TableInput toInput(GlueTable table, String description) {
    return TableInput.builder()
        .name(table.name())
        .description(description)
        .tableType(table.tableType())
        .parameters(table.parameters())
        .partitionKeys(toColumns(table.partitionKeys()))
        .storageDescriptor(
            StorageDescriptor.builder()
                .columns(toColumns(table.columns()))
                .location(table.location())
                .inputFormat(table.inputFormat())
                .outputFormat(table.outputFormat())
                .serdeInfo(
                    SerDeInfo.builder()
                        .serializationLibrary(table.serdeLibrary())
                        .parameters(table.serdeParameters())
                        .build())
                .build())
        .build();
  }

  private static List<Column> toColumns(List<GlueColumn> columns) {
    return columns.stream()
        .map(
            column ->
                Column.builder()
                    .name(column.name())
                    .type(column.type())
                    .comment(column.comment())
                    .parameters(column.parameters().isEmpty() ? null : column.parameters())
                    .build())
        .toList();
  }

  static GlueTable fromGlue(Table table) {
    StorageDescriptor storage = table.storageDescriptor();
    SerDeInfo serde = storage == null ? null : storage.serdeInfo();
    return new GlueTable(
        table.databaseName(),
        table.name(),
        table.tableType(),
        table.hasParameters() ? table.parameters() : null,
        storage == null || !storage.hasColumns() ? List.of() : fromColumns(storage.columns()),
        table.hasPartitionKeys() ? fromColumns(table.partitionKeys()) : List.of(),
        storage == null ? null : storage.location(),
        storage == null ? null : storage.inputFormat(),
        storage == null ? null : storage.outputFormat(),
        serde == null ? null : serde.serializationLibrary(),
        serde == null || !serde.hasParameters() ? null : serde.parameters(),
        storage != null,
        table.versionId(),
        table.updateTime() == null ? null : table.updateTime().toString());
  }

  private static List<GlueColumn> fromColumns(List<Column> columns) {
    List<GlueColumn> result = new ArrayList<>(columns.size());
    for (Column column : columns) {
      result.add(
          new GlueColumn(
              column.name(),
              column.type() == null ? "" : column.type(),
              column.comment(),
              column.hasParameters() ? column.parameters() : null));
    }
    return result;
  }
}
