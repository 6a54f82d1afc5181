package dev.schemadrift.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.artifact.DiffArtifact.Counts;
import dev.schemadrift.artifact.DiffArtifact.TableName;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.json.InvalidDocumentException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index state's merge: idempotent, order-free, never backwards, bounded history. */
class IndexStateTest {
  private static final TableName PARKS = new TableName("nyc_parks", "parks_properties");
  private static final TableName TREES = new TableName("nyc_parks", "street_trees");
  private static final Counts ONE_BREAKING = new Counts(1, 0, 0, 0);

  @Test
  void aNewerRunReplacesTheLatestAndAnOlderOneOnlyFillsTheHistory() {
    IndexState state =
        IndexState.EMPTY
            .with(List.of(seen(PARKS, "20261125T080000Z", Status.OK, "", "parks@x")))
            .with(List.of(seen(PARKS, "20261126T080000Z", Status.BREAKING, "abc", "parks@x")))
            .with(List.of(seen(PARKS, "20261124T080000Z", Status.RISKY, "def", "old@x")));

    IndexState.TableState parks = state.table(PARKS);
    assertEquals("20261126T080000Z", parks.lastChecked());
    assertEquals(Status.BREAKING, parks.status());
    assertEquals("parks@x", parks.owner(), "an old run's owner does not win");
    assertEquals(
        List.of("20261124T080000Z", "20261125T080000Z", "20261126T080000Z"),
        parks.history().stream().map(IndexState.RunStatus::runId).toList());
  }

  /**
   * The index keeps the run that created a table from its contract through later runs, retries and
   * a round trip through state/index.json; tables nobody created carry no field at all.
   */
  @Test
  void theRunThatCreatedATableIsKeptAndWritten() {
    IndexState state =
        IndexState.EMPTY
            .with(List.of(created(seen(PARKS, "20261125T080000Z", Status.OK, "", null))))
            .with(List.of(seen(PARKS, "20261126T080000Z", Status.OK, "", null)))
            .with(List.of(seen(TREES, "20261126T080000Z", Status.OK, "", null)))
            // A late retry of an older run that also says "created" keeps the earliest.
            .with(List.of(created(seen(PARKS, "20261124T080000Z", Status.OK, "", null))));

    assertEquals("20261124T080000Z", state.table(PARKS).created());
    assertEquals(null, state.table(TREES).created());
    String json = new String(state.toJson(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(json.contains("\"created\":\"20261124T080000Z\""), json);
    assertEquals(1, json.split("\"created\"", -1).length - 1, "only the created table: " + json);
    IndexState read = IndexState.read("state", state.toJson());
    assertEquals(state, read);
    assertEquals(
        "20261124T080000Z",
        IndexView.of(read).rows().stream()
            .filter(row -> row.table().equals(PARKS.name()))
            .findFirst()
            .orElseThrow()
            .created());
    assertThrows(
        InvalidDocumentException.class,
        () ->
            IndexState.read("state", Artifacts.bytes(json.replace("20261124T080000Z\"}", "x\"}"))));
  }

  @Test
  void lastChangedIsTheLastRunWhoseStatusOrFindingsDiffered() {
    IndexState state = IndexState.EMPTY;
    state = state.with(List.of(seen(PARKS, "20261120T080000Z", Status.OK, "", null)));
    assertEquals("20261120T080000Z", state.table(PARKS).lastChanged(), "first seen");
    state = state.with(List.of(seen(PARKS, "20261121T080000Z", Status.OK, "", null)));
    assertEquals("20261120T080000Z", state.table(PARKS).lastChanged());
    state = state.with(List.of(seen(PARKS, "20261122T080000Z", Status.RISKY, "aaa", null)));
    assertEquals("20261122T080000Z", state.table(PARKS).lastChanged(), "status changed");
    state = state.with(List.of(seen(PARKS, "20261123T080000Z", Status.RISKY, "bbb", null)));
    assertEquals("20261123T080000Z", state.table(PARKS).lastChanged(), "findings changed");
    state = state.with(List.of(seen(PARKS, "20261124T080000Z", Status.RISKY, "bbb", null)));
    assertEquals("20261123T080000Z", state.table(PARKS).lastChanged());
  }

  @Test
  void mergingIsIdempotentAndIndependentOfOrder() {
    List<IndexState.Observation> observations = new ArrayList<>();
    for (int day = 10; day < 28; day++) {
      String run = "202611" + day + "T080000Z";
      observations.add(
          seen(PARKS, run, day % 3 == 0 ? Status.OK : Status.RISKY, "f" + day % 3, null));
      observations.add(seen(TREES, run, Status.SAFE, "t", "trees@x"));
    }
    IndexState inOrder = IndexState.EMPTY;
    for (IndexState.Observation observation : observations) {
      inOrder = inOrder.with(List.of(observation));
    }
    IndexState atOnce = IndexState.EMPTY.with(observations);

    assertEquals(inOrder, atOnce);
    assertEquals(atOnce, atOnce.with(observations), "merging again changes nothing");
    List<IndexState.Observation> shuffled = new ArrayList<>(observations);
    Collections.shuffle(shuffled, new Random(7));
    IndexState shuffledState = IndexState.EMPTY;
    for (IndexState.Observation observation : shuffled) {
      shuffledState = shuffledState.with(List.of(observation));
    }
    // Only "last changed" may depend on arrival order; everything shown as latest does not.
    assertEquals(atOnce.table(PARKS).lastChecked(), shuffledState.table(PARKS).lastChecked());
    assertEquals(atOnce.table(PARKS).status(), shuffledState.table(PARKS).status());
    assertEquals(atOnce.table(PARKS).history(), shuffledState.table(PARKS).history());
    assertEquals(atOnce.table(TREES).history(), shuffledState.table(TREES).history());
    assertEquals(atOnce.table(TREES).owner(), shuffledState.table(TREES).owner());
  }

  @Test
  void historyKeepsTheLastThirtyRuns() {
    IndexState state = IndexState.EMPTY;
    for (int hour = 0; hour < 24; hour++) {
      for (int day = 1; day <= 2; day++) {
        String run = "2026110" + day + "T" + String.format("%02d", hour) + "0000Z";
        state = state.with(List.of(seen(PARKS, run, Status.OK, "", null)));
      }
    }
    List<IndexState.RunStatus> history = state.table(PARKS).history();
    assertEquals(IndexState.HISTORY, history.size());
    assertEquals("20261102T230000Z", history.getLast().runId());
    assertEquals("20261101T180000Z", history.getFirst().runId());
    assertTrue(state.records(seen(PARKS, "20261101T000000Z", Status.OK, "", null)), "trimmed");
  }

  @Test
  void recordsTellsWhetherARunIsIn() {
    IndexState state =
        IndexState.EMPTY.with(List.of(seen(PARKS, "20261126T080000Z", Status.OK, "", null)));

    assertTrue(state.records(seen(PARKS, "20261126T080000Z", Status.BREAKING, "x", null)));
    assertFalse(state.records(seen(PARKS, "20261127T080000Z", Status.OK, "", null)));
    assertFalse(state.records(seen(PARKS, "20261125T080000Z", Status.OK, "", null)));
    assertFalse(state.records(seen(TREES, "20261126T080000Z", Status.OK, "", null)));
  }

  @Test
  void metadataUnknownKeepsOwnerAndTags() {
    IndexState state =
        IndexState.EMPTY
            .with(List.of(seen(PARKS, "20261125T080000Z", Status.OK, "", "parks@x")))
            .with(
                List.of(
                    new IndexState.Observation(
                        PARKS,
                        "20261126T080000Z",
                        Status.SAFE,
                        Counts.ZERO,
                        "s",
                        null,
                        List.of())));

    assertEquals("parks@x", state.table(PARKS).owner());
    assertEquals(List.of("parks"), state.table(PARKS).tags());
    assertEquals(Status.SAFE, state.table(PARKS).status());
  }

  @Test
  void jsonRoundTripsToTheSameBytes() {
    IndexState state =
        IndexState.EMPTY.with(
            List.of(
                seen(PARKS, "20261125T080000Z", Status.OK, "", null),
                seen(PARKS, "20261126T080000Z", Status.BREAKING, "abc", "\"quoted\" <owner>\n"),
                seen(TREES, "20261126T080000Z", Status.NO_DATA, "", "trees@x")));

    byte[] json = state.toJson();
    IndexState read = IndexState.read("state.json", json);

    assertEquals(state, read);
    assertArrayEquals(json, read.toJson());
  }

  @Test
  void anotherAccountsTableKeepsItsCatalogIdThroughTheStateAndIsGroupedByIt() {
    IndexState state =
        IndexState.EMPTY.with(
            List.of(
                inCatalog(seen(PARKS, "20261126T080000Z", Status.BREAKING, "abc", null), "222"),
                inCatalog(seen(TREES, "20261126T080000Z", Status.OK, "", null), "111"),
                seen(
                    new TableName("nyc_parks", "playgrounds"),
                    "20261126T080000Z",
                    Status.OK,
                    "",
                    null)));

    byte[] json = state.toJson();
    IndexState read = IndexState.read("state.json", json);

    assertEquals(state, read);
    assertArrayEquals(json, read.toJson());
    assertEquals("222222222222", read.table(PARKS).catalogId());
    // Own account first, then by catalog id; the counts follow the attention order of statuses.
    List<IndexView.AccountGroup> accounts = IndexView.of(read).accounts();
    assertEquals(
        List.of("own account", "111111111111", "222222222222"),
        accounts.stream().map(IndexView.AccountGroup::account).toList());
    assertEquals(List.of(1, 1, 1), accounts.stream().map(IndexView.AccountGroup::tables).toList());
    int breaking = StatusView.all().indexOf(StatusView.of(Status.BREAKING));
    assertEquals(1, accounts.get(2).byStatus().get(breaking));
    assertEquals(0, accounts.get(1).byStatus().get(breaking));
  }

  @Test
  void aLakeOfOneAccountHasNoAccountGroups() {
    IndexState state =
        IndexState.EMPTY.with(List.of(seen(PARKS, "20261126T080000Z", Status.OK, "", null)));

    assertEquals(List.of(), IndexView.of(state).accounts());
    assertFalse(
        new String(state.toJson(), java.nio.charset.StandardCharsets.UTF_8).contains("catalog_id"));
  }

  private static IndexState.Observation inCatalog(IndexState.Observation seen, String digits) {
    return new IndexState.Observation(
        seen.table(),
        seen.runId(),
        seen.status(),
        seen.counts(),
        seen.findings(),
        seen.metadata(),
        seen.alerts(),
        seen.createdTable(),
        digits.repeat(4),
        null);
  }

  @Test
  void rejectsAStateItDoesNotUnderstand() {
    assertThrows(
        InvalidDocumentException.class,
        () -> IndexState.read("s", Artifacts.bytes("{\"state_version\": 2, \"tables\": []}")));
    assertThrows(
        InvalidDocumentException.class,
        () ->
            IndexState.read(
                "s", Artifacts.bytes("{\"state_version\": 1, \"tables\": [], \"extra\": 1}")));
    assertThrows(
        InvalidDocumentException.class,
        () ->
            IndexState.read(
                "s",
                Artifacts.bytes(
                    "{\"state_version\": 1, \"tables\": [{\"database\": \"../x\", \"table\": \"t\"}]}")));
  }

  private static IndexState.Observation created(IndexState.Observation seen) {
    return new IndexState.Observation(
        seen.table(),
        seen.runId(),
        seen.status(),
        seen.counts(),
        seen.findings(),
        seen.metadata(),
        seen.alerts(),
        true,
        seen.catalogId(),
        null);
  }

  private static IndexState.Observation seen(
      TableName table, String run, Status status, String findings, String owner) {
    return new IndexState.Observation(
        table,
        run,
        status,
        status == Status.BREAKING ? ONE_BREAKING : Counts.ZERO,
        findings,
        owner == null ? null : new TableMetadata(owner, List.of(table.name().split("_")[0])),
        List.of());
  }

  @Test
  void aConfirmationKeepsTheCatalogTheCreatingRunAndTheAlertKeysCountedOrNotified() {
    TableName table = new TableName("db", "t");
    IndexState judged =
        IndexState.EMPTY.with(
            List.of(
                new IndexState.Observation(
                    table,
                    "20261201T080000Z",
                    Status.BREAKING,
                    ONE_BREAKING,
                    "abcdefabcdef",
                    null,
                    List.of("counted", "notified"),
                    true,
                    "123456789012",
                    null)));
    IndexState.TableState row = judged.table(table);
    IndexState alerted =
        new IndexState(
            new java.util.TreeMap<>(
                java.util.Map.of(
                    "db.t",
                    row.withNotified(List.of("notified")).withAlerted(List.of("counted")))));

    IndexState.TableState confirmed =
        alerted
            .with(
                List.of(
                    IndexState.Observation.confirming(
                        table, "20261202T080000Z", "20261201T080000Z", null)))
            .table(table);

    assertEquals("20261202T080000Z", confirmed.lastChecked());
    assertEquals("123456789012", confirmed.catalogId());
    assertEquals("20261201T080000Z", confirmed.created());
    assertEquals(List.of("notified"), confirmed.notified());
    assertEquals(List.of("counted"), confirmed.alerted());
  }

  @Test
  void aConfirmationMovesTheCheckOnAndNotesTheVerdictRunInTheHistory() {
    TableName table = new TableName("db", "t");
    IndexState judged =
        IndexState.EMPTY.with(
            List.of(
                new IndexState.Observation(
                    table,
                    "20261201T080000Z",
                    Status.RISKY,
                    new Counts(0, 1, 0, 0),
                    "abcdefabcdef",
                    new TableMetadata("o", List.of()),
                    List.of())));
    IndexState confirmed =
        judged.with(
            List.of(
                IndexState.Observation.confirming(
                    table,
                    "20261202T080000Z",
                    "20261201T080000Z",
                    new TableMetadata("o2", List.of()))));
    IndexState.TableState row = confirmed.table(table);
    assertEquals("20261202T080000Z", row.lastChecked());
    assertEquals("20261201T080000Z", row.lastChanged());
    assertEquals(Status.RISKY, row.status());
    assertEquals("abcdefabcdef", row.findings());
    assertEquals("o2", row.owner());
    assertEquals(
        new IndexState.RunStatus("20261202T080000Z", Status.RISKY, "20261201T080000Z"),
        row.history().getLast());
    // The verdict run survives the JSON: "run STATUS verdict-run".
    byte[] json = confirmed.toJson();
    assertTrue(
        new String(json, java.nio.charset.StandardCharsets.UTF_8)
            .contains("\"20261202T080000Z RISKY 20261201T080000Z\""));
    assertEquals(confirmed, IndexState.read("state", json));
    // A verdict the row does not show is not confirmed.
    assertEquals(
        judged,
        judged.with(
            List.of(
                IndexState.Observation.confirming(
                    table, "20261202T080000Z", "20261130T080000Z", null))));
    assertFalse(judged.shows(table, "20261130T080000Z"));
    assertTrue(judged.shows(table, "20261201T080000Z"));
  }
}
