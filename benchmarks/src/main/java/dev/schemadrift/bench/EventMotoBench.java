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
 * measured per event, warm, each for a table no event named before. Then the same events again,
 * duplicates that keep the verdicts judged (no artifact); the first event of a fresh handler (which
 * reads every contract once to learn the registry's tables) and one batch of 100 events for 100
 * other tables.
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
    int firstCalls = total(calls.snapshot());
    // Every measured event names a table no event named before (a table judged already keeps its
    // verdict: a duplicate), so the tables are split: warm-up, measured events, the batch.
    int warmUp = Math.min(events, 50);
    int batchSize = Math.min(100, tables.size() - 1 - warmUp - events);
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "too few tables for " + events + " events: at least " + (events + warmUp + 2));
    }
    // Warm-up: the JIT and the connection pool, as in a container that has handled events.
    for (int index = 0; index < warmUp; index++) {
      invoke(handler, batch(List.of(tables.get(tables.size() - 1 - index))));
    }
    List<ScaleRegistry.Table> measured = tables.subList(1, 1 + events);
    calls.clear();
    double[] millis = new double[events];
    for (int index = 0; index < events; index++) {
      millis[index] = invoke(handler, batch(List.of(measured.get(index))));
    }
    Map<String, Integer> perEvents = calls.snapshot();
    Arrays.sort(millis);
    // The same events again: each table version was judged, so each keeps its verdict.
    calls.clear();
    double[] duplicateMillis = new double[events];
    for (int index = 0; index < events; index++) {
      duplicateMillis[index] = invoke(handler, batch(List.of(measured.get(index))));
    }
    Map<String, Integer> perDuplicates = calls.snapshot();
    Arrays.sort(duplicateMillis);
    calls.clear();
    double batchMillis = invoke(handler, batch(tables.subList(1 + events, 1 + events + batchSize)));
    int batchCalls = total(calls.snapshot());
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
        percentile95(millis),
        total(perEvents) / (double) events,
        batchSize,
        batchMillis,
        batchMillis / batchSize,
        batchCalls);
    System.out.printf(
        Locale.ROOT,
        "event-moto duplicates=%d median_ms=%.1f p95_ms=%.1f calls_per_duplicate=%.2f%n",
        events,
        duplicateMillis[events / 2],
        percentile95(duplicateMillis),
        total(perDuplicates) / (double) events);
    System.out.println("event-moto calls per " + events + " warm events " + perEvents);
    System.out.println("event-moto calls per " + events + " duplicate events " + perDuplicates);
  }

  private static int total(Map<String, Integer> calls) {
    return calls.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The 95th percentile of sorted values (nearest rank). */
  private static double percentile95(double[] sorted) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
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
