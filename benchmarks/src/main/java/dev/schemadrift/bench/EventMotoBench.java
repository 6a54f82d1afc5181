package dev.schemadrift.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemadrift.aws.AwsClients;
import dev.schemadrift.json.Json;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.handler.SchemaDiffHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event path against moto: the scale registry loaded as for {@link ScaleMotoBench}, then
 * SchemaDiffFunction's handler fed SQS batches of one Glue "Table State Change" each, and the wall
 * time from the handler's call to its return (the table's artifact and the run manifest written)
 * measured per event, warm. Also the first event of a fresh handler (which reads every contract
 * once to learn the registry's tables) and one batch of 100 events for 100 tables.
 *
 * <p>The handler's clock moves on a second at each reading, so that every batch gets a fresh run id
 * without probing (a second taken by another batch costs one conditional PUT each).
 *
 * <p>Usage (under scripts/with-moto.sh): {@code EventMotoBench DATABASES TABLES_PER_DATABASE
 * EVENTS}
 */
public final class EventMotoBench {
  private EventMotoBench() {}

  public static void main(String[] args) throws Exception {
    if (System.getenv("AWS_ENDPOINT_URL") == null) {
      throw new IllegalStateException("run under scripts/with-moto.sh (AWS_ENDPOINT_URL unset)");
    }
    int databases = Integer.parseInt(args[0]);
    int perDatabase = Integer.parseInt(args[1]);
    int events = Integer.parseInt(args[2]);
    List<ScaleRegistry.Table> tables = ScaleRegistry.tables(databases, perDatabase);
    AwsCallCount calls = new AwsCallCount();
    AwsClients clients = new AwsClients(System.getenv(), List.of(calls));
    ScaleMotoBench.load(clients, tables);
    RunSettings settings =
        new RunSettings(
            ScaleMotoBench.CONTRACTS,
            ScaleMotoBench.REPORTS,
            ScaleMotoBench.CONTRACTS,
            ScaleMotoBench.REGISTRY_KEY,
            RunSettings.DEFAULT_MAX_TABLES,
            RunSettings.DEFAULT_CONCURRENCY,
            null,
            null);
    SchemaDiffHandler handler =
        new SchemaDiffHandler(
            settings, clients, new Ticking(Instant.parse("2026-11-26T09:00:01Z")));

    calls.clear();
    double first = invoke(handler, batch(tables.subList(0, 1)));
    int firstCalls = calls.snapshot().values().stream().mapToInt(Integer::intValue).sum();
    // Warm-up: the JIT and the connection pool, as in a container that has handled events.
    for (int index = 0; index < Math.min(events, 50); index++) {
      invoke(handler, batch(List.of(tables.get(1 + index % (tables.size() - 1)))));
    }
    calls.clear();
    double[] millis = new double[events];
    for (int index = 0; index < events; index++) {
      millis[index] = invoke(handler, batch(List.of(tables.get(index % tables.size()))));
    }
    Map<String, Integer> perEvents = calls.snapshot();
    int total = perEvents.values().stream().mapToInt(Integer::intValue).sum();
    Arrays.sort(millis);
    calls.clear();
    int batchSize = Math.min(100, tables.size());
    double batchMillis = invoke(handler, batch(tables.subList(0, batchSize)));
    int batchCalls = calls.snapshot().values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf(
        Locale.ROOT,
        "event-moto tables=%d first_event_ms=%.0f first_event_calls=%d warm_events=%d"
            + " median_ms=%.1f p95_ms=%.1f calls_per_event=%.2f batch_of=%d batch_ms=%.0f"
            + " batch_ms_per_table=%.1f batch_calls=%d%n",
        tables.size(),
        first,
        firstCalls,
        events,
        millis[events / 2],
        millis[(int) Math.min(events - 1, Math.ceil(events * 0.95) - 1)],
        total / (double) events,
        batchSize,
        batchMillis,
        batchMillis / batchSize,
        batchCalls);
    System.out.println("event-moto calls per " + events + " warm events " + perEvents);
  }

  /** Milliseconds from the call to the return of the handler. */
  private static double invoke(SchemaDiffHandler handler, byte[] batch) throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    long start = System.nanoTime();
    handler.handleRequest(new ByteArrayInputStream(batch), output, null);
    double millis = (System.nanoTime() - start) / 1e6;
    String response = output.toString(StandardCharsets.UTF_8);
    if (!response.contains("\"batchItemFailures\":[]")) {
      throw new IllegalStateException("the batch reported failures: " + response);
    }
    return millis;
  }

  /** An SQS batch of one Glue table change per table, as Lambda passes it. */
  private static byte[] batch(List<ScaleRegistry.Table> tables) throws Exception {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode records = root.putArray("Records");
    int number = 0;
    for (ScaleRegistry.Table table : tables) {
      ObjectNode event = Json.mapper().createObjectNode();
      event.put("version", "0");
      event.put("detail-type", "Glue Data Catalog Table State Change");
      event.put("source", "aws.glue");
      event.put("time", "2026-11-26T09:00:00Z");
      ObjectNode detail = event.putObject("detail");
      detail.put("databaseName", table.database());
      detail.put("tableName", table.name());
      detail.put("typeOfChange", "UpdateTable");
      ObjectNode record = records.addObject();
      record.put("messageId", "bench-" + number++);
      record.put("eventSource", "aws:sqs");
      record.put("body", Json.mapper().writeValueAsString(event));
    }
    return Json.mapper().writeValueAsBytes(root);
  }

  /** A clock a second further at each reading: every batch claims a run id of its own at once. */
  private static final class Ticking extends Clock {
    private Instant next;

    Ticking(Instant start) {
      this.next = start;
    }

    @Override
    public synchronized Instant instant() {
      Instant now = next;
      // Whole minutes are skipped by event run ids anyway.
      next = next.plusSeconds(next.getEpochSecond() % 60 == 59 ? 2 : 1);
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
