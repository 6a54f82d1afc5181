package dev.schemadrift.run.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.CreateDatabaseRequest;
import software.amazon.awssdk.services.glue.model.CreateDatabaseResponse;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.CreateTableResponse;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTableResponse;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * A {@link GlueClient} as strict as AWS Glue where moto is not: names folded to lower case,
 * GetTables in pages of at most 100 with a NextToken, Expression limited to 2,048 characters,
 * EntityNotFoundException for a missing database or table, AlreadyExistsException on duplicates.
 * Glue documents Expression only as "a regular expression pattern", so the fake takes the loosest
 * reading (a match anywhere in the name): the adapter must filter what comes back itself.
 */
public final class FakeGlueClient implements GlueClient {
  /** The most tables one GetTables page holds (older API models; the newest allow more). */
  public static final int PAGE_SIZE = 100;

  /** Glue's limit on a GetTables Expression. */
  public static final int MAX_EXPRESSION = 2048;

  /** The time Glue stamps on tables this fake creates. */
  public static final Instant CREATED = Instant.parse("2026-11-20T10:00:00Z");

  private final Map<String, Map<String, Table>> databases = new TreeMap<>();
  private final List<GetTablesRequest> getTablesRequests = new ArrayList<>();
  private AwsServiceException failure;

  /** Adds an empty database. */
  public synchronized FakeGlueClient addDatabase(String name) {
    databases.computeIfAbsent(fold(name), key -> new TreeMap<>());
    return this;
  }

  /** Adds a table with only a name and a location, as Glue would fold it. */
  public synchronized FakeGlueClient addTable(String database, String name) {
    Table table =
        Table.builder()
            .databaseName(fold(database))
            .name(fold(name))
            .tableType("EXTERNAL_TABLE")
            .storageDescriptor(
                StorageDescriptor.builder()
                    .location("s3://data-lake/" + fold(database) + "/" + fold(name) + "/")
                    .columns(Column.builder().name("id").type("bigint").build())
                    .build())
            .build();
    databases.computeIfAbsent(fold(database), key -> new TreeMap<>()).put(table.name(), table);
    return this;
  }

  /** Makes every later call throw this exception, as the SDK does once its retries are spent. */
  public synchronized void failWith(AwsServiceException exception) {
    failure = exception;
  }

  private final List<String> catalogIds = new ArrayList<>();

  /**
   * The CatalogId of every request so far, as "Operation:id" ("Operation:-" when a request named
   * none), in call order.
   */
  public synchronized List<String> catalogIds() {
    return List.copyOf(catalogIds);
  }

  private void recordCatalog(String operation, String catalogId) {
    catalogIds.add(operation + ":" + (catalogId == null ? "-" : catalogId));
  }

  /** Every GetTables request so far, pages included. */
  public synchronized List<GetTablesRequest> getTablesRequests() {
    return List.copyOf(getTablesRequests);
  }

  @Override
  public synchronized GetTablesResponse getTables(GetTablesRequest request) {
    getTablesRequests.add(request);
    recordCatalog("GetTables", request.catalogId());
    throwIfFailing();
    String expression = request.expression();
    if (expression != null && expression.length() > MAX_EXPRESSION) {
      throw InvalidInputException.builder()
          .statusCode(400)
          .message("Expression is longer than " + MAX_EXPRESSION + " characters")
          .build();
    }
    Map<String, Table> tables = database(request.databaseName());
    Pattern pattern = expression == null ? null : Pattern.compile(expression);
    List<Table> matching =
        tables.values().stream()
            .filter(table -> pattern == null || pattern.matcher(table.name()).find())
            .toList();
    int start = start(request.nextToken());
    int size = request.maxResults() == null ? PAGE_SIZE : Math.min(PAGE_SIZE, request.maxResults());
    int end = Math.min(matching.size(), start + size);
    return GetTablesResponse.builder()
        .tableList(matching.subList(Math.min(start, end), end))
        .nextToken(end < matching.size() ? "page-" + end : null)
        .build();
  }

  @Override
  public synchronized GetTableResponse getTable(GetTableRequest request) {
    recordCatalog("GetTable", request.catalogId());
    throwIfFailing();
    Table table = database(request.databaseName()).get(fold(request.name()));
    if (table == null) {
      throw notFound("Table " + request.name() + " not found.");
    }
    return GetTableResponse.builder().table(table).build();
  }

  @Override
  public synchronized CreateDatabaseResponse createDatabase(CreateDatabaseRequest request) {
    recordCatalog("CreateDatabase", request.catalogId());
    throwIfFailing();
    String name = fold(request.databaseInput().name());
    if (databases.containsKey(name)) {
      throw AlreadyExistsException.builder()
          .statusCode(400)
          .message("Database already exists.")
          .build();
    }
    databases.put(name, new TreeMap<>());
    return CreateDatabaseResponse.builder().build();
  }

  @Override
  public synchronized CreateTableResponse createTable(CreateTableRequest request) {
    recordCatalog("CreateTable", request.catalogId());
    throwIfFailing();
    Map<String, Table> tables = database(request.databaseName());
    TableInput input = request.tableInput();
    String name = fold(input.name());
    if (tables.containsKey(name)) {
      throw AlreadyExistsException.builder()
          .statusCode(400)
          .message("Table already exists.")
          .build();
    }
    StorageDescriptor storage = input.storageDescriptor();
    tables.put(
        name,
        Table.builder()
            .databaseName(fold(request.databaseName()))
            .name(name)
            .description(input.description())
            .tableType(input.tableType())
            .parameters(input.parameters())
            .partitionKeys(folded(input.partitionKeys()))
            .storageDescriptor(
                storage == null
                    ? null
                    : storage.toBuilder().columns(folded(storage.columns())).build())
            .createTime(CREATED)
            .updateTime(CREATED)
            .versionId("0")
            .build());
    return CreateTableResponse.builder().build();
  }

  @Override
  public String serviceName() {
    return "glue";
  }

  @Override
  public void close() {}

  private Map<String, Table> database(String name) {
    Map<String, Table> tables = databases.get(fold(name));
    if (tables == null) {
      throw notFound("Database " + name + " not found.");
    }
    return tables;
  }

  private static int start(String nextToken) {
    if (nextToken == null) {
      return 0;
    }
    if (!nextToken.startsWith("page-")) {
      throw InvalidInputException.builder().statusCode(400).message("Invalid NextToken").build();
    }
    return Integer.parseInt(nextToken.substring("page-".length()));
  }

  private void throwIfFailing() {
    if (failure != null) {
      throw failure;
    }
  }

  private static EntityNotFoundException notFound(String message) {
    return EntityNotFoundException.builder().statusCode(400).message(message).build();
  }

  private static List<Column> folded(List<Column> columns) {
    return columns.stream()
        .map(column -> column.toBuilder().name(fold(column.name())).build())
        .toList();
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
