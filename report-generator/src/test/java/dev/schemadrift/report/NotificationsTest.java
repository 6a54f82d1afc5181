package dev.schemadrift.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.json.Json;
import dev.schemadrift.local.MemoryObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Notifications on tables that turn BREAKING or ERROR, new findings only, against the in-memory
 * store with a recording notifier (the port's fake): what is sent, what is not sent again, and what
 * happens when publishing fails.
 */
class NotificationsTest {
  private static final String BUCKET = Scenario.BUCKET;
  private static final String COLUMNS =
      """
      [{"name": "order_id", "type": "bigint"}, {"name": "amount", "type": "decimal(10,2)"},
       {"name": "customer", "type": "string"}, {"name": "note", "type": "string"}]
      """;

  /** The port's fake: records every message, or refuses the tables it is told to. */
  static final class RecordingNotifier implements Notifier {
    final List<Notification> sent = Collections.synchronizedList(new ArrayList<>());
    final Set<String> refuse = Collections.synchronizedSet(new HashSet<>());

    @Override
    public void publish(Notification notification) {
      if (refuse.contains(notification.attributes().get("table"))) {
        throw new NotificationException("topic unavailable (test)");
      }
      sent.add(notification);
    }

    List<Notification> drain() {
      synchronized (sent) {
        List<Notification> copy = List.copyOf(sent);
        sent.clear();
        return copy;
      }
    }
  }

  private final MemoryObjectStore store = new MemoryObjectStore();
  private final RecordingNotifier notifier = new RecordingNotifier();
  private final ReportGenerator generator =
      new ReportGenerator(
          store, BUCKET, 2, Notifications.to(notifier, BUCKET, "https://reports.example.org/"));

  /** The orders table with the given Glue columns (names of the contract's columns kept). */
  private static DiffArtifact orders(String run, String... kept) {
    List<String> glue = new ArrayList<>();
    for (String column : kept) {
      String type =
          switch (column) {
            case "order_id" -> "bigint";
            case "amount" -> "decimal(10,2)";
            default -> "string";
          };
      glue.add("{\"Name\": \"" + column + "\", \"Type\": \"" + type + "\"}");
    }
    return Artifacts.compared(
        run,
        Artifacts.contract("nyc_parks", "orders", "parquet", COLUMNS, "{}"),
        Artifacts.parquetTable(
            "nyc_parks",
            "orders",
            "[" + String.join(", ", glue) + "]",
            "s3://example-data/nyc_parks/orders/",
            "[]"));
  }

  private GenerationSummary run(String run, DiffArtifact... artifacts) {
    Scenario.writeRun(store, run, List.of(artifacts));
    return generator.generateRun("runs/" + run + ".json");
  }

  private static JsonNode body(Notification notification) {
    return Json.readTree("message", notification.message().getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> newPaths(Notification notification) {
    List<String> paths = new ArrayList<>();
    body(notification).get("new_findings").forEach(node -> paths.add(node.get("path").asText()));
    return paths;
  }

  private JsonNode stateEntry(String table) {
    JsonNode state =
        Json.readTree("state", store.get(BUCKET, BucketLayout.INDEX_STATE).orElseThrow());
    for (JsonNode entry : state.get("tables")) {
      if ((entry.get("database").asText() + "." + entry.get("table").asText()).equals(table)) {
        return entry;
      }
    }
    throw new AssertionError(table + " is not in the state");
  }

  @Test
  void aTableThatTurnsBreakingIsNotifiedOnceWithItsNewFindingsOnly() {
    GenerationSummary first =
        run(
            "20261120T080000Z",
            orders("20261120T080000Z", "order_id", "amount", "customer", "note"));
    assertEquals(0, first.notifications(), "OK: nothing to tell");
    assertEquals(List.of(), notifier.drain());

    run("20261121T080000Z", orders("20261121T080000Z", "order_id", "amount", "customer"));
    List<Notification> sent = notifier.drain();
    assertEquals(1, sent.size());
    Notification message = sent.getFirst();
    assertEquals("[schema-drift] BREAKING nyc_parks.orders", message.subject());
    assertEquals(
        Map.of("status", "BREAKING", "database", "nyc_parks", "table", "orders"),
        message.attributes());
    JsonNode body = body(message);
    assertEquals(1, body.get("notification_version").asInt());
    assertEquals("20261121T080000Z", body.get("run_id").asText());
    assertEquals("nyc_parks", body.at("/table/database").asText());
    assertEquals("orders", body.at("/table/name").asText());
    assertEquals("BREAKING", body.get("status").asText());
    assertEquals("OK", body.get("previous_status").asText());
    assertEquals("parks-data@example.org", body.get("owner").asText(), "from the manifest");
    assertEquals("contracts/nyc_parks/orders.json", body.at("/contract/key").asText());
    assertEquals("1.2.0", body.at("/contract/version").asText());
    assertEquals(List.of("note"), newPaths(message));
    JsonNode finding = body.get("new_findings").get(0);
    assertEquals("COLUMN_REMOVED", finding.get("rule").asText());
    assertEquals("BREAKING", finding.get("severity").asText());
    assertEquals(12, finding.get("fingerprint").asText().length());
    assertFalse(finding.get("reason").asText().isBlank());
    assertEquals(1, body.get("new_findings_total").asInt());
    assertTrue(body.get("error").isNull());
    assertEquals(
        "https://reports.example.org/reports/nyc_parks.orders/latest.html",
        body.get("report_url").asText());
    assertEquals(
        "diffs/nyc_parks.orders/20261121T080000Z.diff.json", body.get("diff_key").asText());
    assertEquals("runs/20261121T080000Z.json", body.get("manifest_key").asText());
    assertEquals(
        List.of(finding.get("fingerprint").asText()),
        Json.mapper().convertValue(stateEntry("nyc_parks.orders").get("notified"), List.class));

    // The same event again (Lambda's retry), and a later run with the same finding: nothing new.
    assertEquals(0, generator.generateRun("runs/20261121T080000Z.json").notifications());
    run("20261122T080000Z", orders("20261122T080000Z", "order_id", "amount", "customer"));
    assertEquals(List.of(), notifier.drain());

    // A second BREAKING finding: only it is news.
    GenerationSummary more =
        run("20261123T080000Z", orders("20261123T080000Z", "order_id", "customer"));
    assertEquals(1, more.notifications());
    sent = notifier.drain();
    assertEquals(List.of("amount"), newPaths(sent.getFirst()));
    assertEquals("BREAKING", body(sent.getFirst()).get("previous_status").asText());
  }

  @Test
  void aProblemThatGoesAwayAndComesBackIsNewsAgain() {
    run("20261121T080000Z", orders("20261121T080000Z", "order_id", "amount", "customer"));
    assertEquals(1, notifier.drain().size());
    run("20261122T080000Z", orders("20261122T080000Z", "order_id", "amount", "customer", "note"));
    assertEquals(List.of(), notifier.drain(), "fixed: OK is not notified");
    assertTrue(stateEntry("nyc_parks.orders").path("notified").isMissingNode());
    run("20261123T080000Z", orders("20261123T080000Z", "order_id", "amount", "customer"));
    List<Notification> again = notifier.drain();
    assertEquals(1, again.size());
    assertEquals(List.of("note"), newPaths(again.getFirst()));
    assertEquals("OK", body(again.getFirst()).get("previous_status").asText());
  }

  @Test
  void errorsAreNotifiedByKindAndOtherStatusesNever() {
    DiffArtifact error =
        Artifacts.error(
            "20261121T080000Z", "nyc_parks", "orders", "GLUE_ACCESS_DENIED", "no glue:GetTables");
    run("20261121T080000Z", error);
    List<Notification> sent = notifier.drain();
    assertEquals(1, sent.size());
    assertEquals("[schema-drift] ERROR nyc_parks.orders", sent.getFirst().subject());
    JsonNode body = body(sent.getFirst());
    assertEquals("GLUE_ACCESS_DENIED", body.at("/error/kind").asText());
    assertEquals("no glue:GetTables", body.at("/error/message").asText());
    assertEquals(0, body.get("new_findings").size());
    assertEquals(0, body.get("new_findings_total").asInt());
    assertTrue(body.get("previous_status").isNull(), "its first run");
    assertEquals(List.of("ERROR:GLUE_ACCESS_DENIED"), notified("nyc_parks.orders"));

    // The same kind of error again is not news; another kind is.
    run(
        "20261122T080000Z",
        Artifacts.error("20261122T080000Z", "nyc_parks", "orders", "GLUE_ACCESS_DENIED", "still"));
    assertEquals(List.of(), notifier.drain());
    run(
        "20261123T080000Z",
        Artifacts.error("20261123T080000Z", "nyc_parks", "orders", "CONTRACT_INVALID", "bad json"));
    assertEquals(1, notifier.drain().size());

    // The scenario's seven tables over three days: RISKY, SAFE, NO_DATA and OK never notify;
    // each BREAKING or ERROR table does once per new reason.
    MemoryObjectStore scenario = Scenario.store();
    RecordingNotifier recording = new RecordingNotifier();
    ReportGenerator generator =
        new ReportGenerator(scenario, BUCKET, 2, Notifications.to(recording, BUCKET, null));
    for (String day : Scenario.RUNS) {
      generator.generateRun("runs/" + day + ".json");
    }
    Set<String> statuses =
        recording.sent.stream()
            .map(message -> message.attributes().get("status"))
            .collect(Collectors.toSet());
    assertTrue(Set.of("BREAKING", "ERROR").containsAll(statuses), statuses.toString());
    Set<String> tables =
        recording.sent.stream()
            .map(
                message ->
                    message.attributes().get("database") + "." + message.attributes().get("table"))
            .collect(Collectors.toSet());
    Set<String> alerting = new HashSet<>();
    Scenario.LAST_STATUS.forEach(
        (table, status) -> {
          if (status.equals("BREAKING") || status.equals("ERROR")) {
            alerting.add(table);
          }
        });
    assertTrue(tables.containsAll(alerting), tables + " must include " + alerting);
    assertTrue(
        recording.sent.stream()
            .allMatch(
                message ->
                    body(message).get("report_url").asText().startsWith("s3://reports/reports/")));
  }

  private List<String> notified(String table) {
    List<String> keys = new ArrayList<>();
    stateEntry(table).path("notified").forEach(key -> keys.add(key.asText()));
    return keys;
  }

  @Test
  void aFailedPublicationStillWritesTheReportsAndIsRetriedByTheNextGeneration() {
    notifier.refuse.add("orders");
    Scenario.writeRun(
        store,
        "20261121T080000Z",
        List.of(
            orders("20261121T080000Z", "order_id", "amount", "customer"),
            Artifacts.error(
                "20261121T080000Z", "nyc_parks", "refunds", "GLUE_TABLE_NOT_FOUND", "gone")));
    Notifier.NotificationException failure =
        assertThrows(
            Notifier.NotificationException.class,
            () -> generator.generateRun("runs/20261121T080000Z.json"));
    assertTrue(
        failure.getMessage().contains("nyc_parks.orders: topic unavailable"), failure.getMessage());
    assertFalse(failure.getMessage().contains("nyc_parks.refunds"), failure.getMessage());
    // Everything else is done: reports, latest, index, the state with both tables.
    assertTrue(store.get(BUCKET, BucketLayout.INDEX).isPresent());
    assertTrue(
        store.get(BUCKET, "reports/nyc_parks.orders/20261121T080000Z.report.html").isPresent());
    assertTrue(store.get(BUCKET, "reports/nyc_parks.orders/latest.html").isPresent());
    assertEquals(List.of(), notified("nyc_parks.orders"), "not published, so not recorded");
    assertEquals(List.of("ERROR:GLUE_TABLE_NOT_FOUND"), notified("nyc_parks.refunds"));
    assertEquals(List.of("nyc_parks.refunds"), qualified(notifier.drain()));

    // Lambda retries the event: only the missing message goes out, and then never again.
    notifier.refuse.clear();
    assertEquals(1, generator.generateRun("runs/20261121T080000Z.json").notifications());
    assertEquals(List.of("nyc_parks.orders"), qualified(notifier.drain()));
    assertEquals(0, generator.generateRun("runs/20261121T080000Z.json").notifications());
    assertEquals(List.of(), notifier.drain());
  }

  private static List<String> qualified(List<Notification> messages) {
    return messages.stream()
        .map(
            message ->
                message.attributes().get("database") + "." + message.attributes().get("table"))
        .sorted()
        .toList();
  }

  @Test
  void aLateResultOfAnOlderRunNeverNotifies() {
    run("20261122T080000Z", orders("20261122T080000Z", "order_id", "amount", "customer", "note"));
    run("20261121T080000Z", orders("20261121T080000Z", "order_id"));
    assertEquals(List.of(), notifier.drain(), "the table's latest result is OK");
  }

  @Test
  void withNotificationsOffTheStateRecordsNothing() {
    ReportGenerator quiet = new ReportGenerator(store, BUCKET, 2);
    Scenario.writeRun(store, "20261121T080000Z", List.of(orders("20261121T080000Z", "order_id")));
    assertEquals(0, quiet.generateRun("runs/20261121T080000Z.json").notifications());
    assertTrue(stateEntry("nyc_parks.orders").path("notified").isMissingNode());
    // Turned on later, the table's current problems are told once.
    assertEquals(1, generator.generateRun("runs/20261121T080000Z.json").notifications());
    assertEquals(List.of("amount", "customer", "note"), newPaths(notifier.drain().getFirst()));
  }

  @Test
  void withNotificationsOffTheMetricsStillCountNewsOnce() {
    ReportGenerator quiet = new ReportGenerator(store, BUCKET, 2);
    Scenario.writeRun(
        store,
        "20261120T080000Z",
        List.of(orders("20261120T080000Z", "order_id", "amount", "customer", "note")));
    GenerationSummary ok = quiet.generateRun("runs/20261120T080000Z.json");
    assertEquals(List.of(0, 0), List.of(ok.newBreaking(), ok.newError()), "OK is never news");

    Scenario.writeRun(
        store, "20261121T080000Z", List.of(orders("20261121T080000Z", "order_id", "amount")));
    GenerationSummary breaking = quiet.generateRun("runs/20261121T080000Z.json");
    assertEquals(1, breaking.newBreaking(), "the table turned BREAKING");
    assertEquals(0, breaking.notifications(), "no topic: nothing is published");
    assertEquals(2, stateEntry("nyc_parks.orders").get("alerted").size());
    assertTrue(stateEntry("nyc_parks.orders").path("notified").isMissingNode());

    // The same event again, and a later run with the same findings: not news.
    assertEquals(0, quiet.generateRun("runs/20261121T080000Z.json").newBreaking());
    Scenario.writeRun(
        store, "20261122T080000Z", List.of(orders("20261122T080000Z", "order_id", "amount")));
    assertEquals(0, quiet.generateRun("runs/20261122T080000Z.json").newBreaking());

    // A further BREAKING finding is news again.
    Scenario.writeRun(store, "20261123T080000Z", List.of(orders("20261123T080000Z", "order_id")));
    assertEquals(1, quiet.generateRun("runs/20261123T080000Z.json").newBreaking());

    // An error is counted by kind.
    Scenario.writeRun(
        store,
        "20261124T080000Z",
        List.of(
            Artifacts.error(
                "20261124T080000Z", "nyc_parks", "orders", "GLUE_ACCESS_DENIED", "denied")));
    GenerationSummary error = quiet.generateRun("runs/20261124T080000Z.json");
    assertEquals(List.of(0, 1), List.of(error.newBreaking(), error.newError()));
  }

  @Test
  void messagesStayBounded() {
    StringBuilder contract = new StringBuilder("[");
    for (int index = 0; index < 60; index++) {
      contract
          .append(index == 0 ? "" : ", ")
          .append("{\"name\": \"c")
          .append(index)
          .append("\", \"type\": \"int\"}");
    }
    contract.append("]");
    String longName = "t".repeat(200);
    DiffArtifact wide =
        Artifacts.compared(
            "20261121T080000Z",
            Artifacts.contract("nyc_parks", longName, "parquet", contract.toString(), "{}"),
            Artifacts.parquetTable(
                "nyc_parks",
                longName,
                "[{\"Name\": \"other\", \"Type\": \"int\"}]",
                "s3://example-data/nyc_parks/wide/",
                "[]"));
    run("20261121T080000Z", wide);
    Notification message = notifier.drain().getFirst();
    assertEquals(Notification.MAX_SUBJECT, message.subject().length());
    assertTrue(message.subject().startsWith("[schema-drift] BREAKING nyc_parks.ttt"));
    assertTrue(message.subject().endsWith("..."));
    JsonNode body = body(message);
    assertEquals(Notifications.MAX_FINDINGS, body.get("new_findings").size());
    assertEquals(60, body.get("new_findings_total").asInt());
    assertEquals(longName, body.at("/table/name").asText(), "the body keeps the whole name");
    assertEquals(longName, message.attributes().get("table"));
  }

  @Test
  void subjectsArePrintableAscii() {
    assertEquals(
        "[schema-drift] ERROR a.b?c", Notifications.subject("[schema-drift] ERROR a.b\nc"));
    assertEquals("x?", Notifications.subject("x\u00e9"));
  }
}
