package dev.schemadrift.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.aws.S3CheckStateStore;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableDefinitions;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.Json;
import dev.schemadrift.local.MemoryCheckStateStore;
import dev.schemadrift.port.CheckStateStore;
import dev.schemadrift.run.event.ChangeEvent;
import dev.schemadrift.run.event.QueuedMessage;
import dev.schemadrift.run.fakes.FakeCatalog;
import dev.schemadrift.run.fakes.GlueTables;
import dev.schemadrift.run.fakes.RecordingObjectStore;
import dev.schemadrift.run.fakes.RecordingObjectStore.Operation;
import dev.schemadrift.run.fakes.RecordingReportTrigger;
import dev.schemadrift.state.CheckRecord;
import dev.schemadrift.state.CheckState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event path on fakes: which entries a batch checks, what it reads, the run id it claims, what
 * is never created, and which messages are reported failed.
 */
class EventRunTest {
  private static final String CONTRACTS = "contract-bucket";
  private static final String REPORTS = "report-bucket";
  private static final String REGISTRY = "registry-bucket";
  private static final String REGISTRY_KEY = "configs/tables.json";
  private static final String DATA = "data-lake";
  private static final Instant NOW = Instant.parse("2026-11-26T09:15:07.250Z");
  private static final String RUN = "20261126T091507Z";

  private final RecordingObjectStore store = new RecordingObjectStore();
  private final FakeCatalog catalog = new FakeCatalog();
  private final RecordingReportTrigger trigger = new RecordingReportTrigger();
  private final Map<String, String> ignored = new TreeMap<>();
  private final Map<String, String> unreadable = new TreeMap<>();
  private EventRun events;

  @BeforeEach
  void registryOfThreeTables() {
    for (String table : List.of("parks", "playgrounds", "trees")) {
      String contract = contract("nyc_parks", table);
      store.add(CONTRACTS, "contracts/" + table + ".json", contract);
      catalog.addTable(glueTable(contract));
      store.add(DATA, "nyc_parks/" + table + "/part-00000", "some bytes");
    }
    store.add(
        REGISTRY,
        REGISTRY_KEY,
        "{\"registry_version\": 1, \"defaults\": {\"policy\": {\"create_if_missing\": true}},"
            + " \"tables\": [{\"contract\": \"contracts/parks.json\"},"
            + " {\"contract\": \"contracts/playgrounds.json\"},"
            + " {\"contract\": \"s3://"
            + CONTRACTS
            + "/contracts/trees.json\"},"
            + " {\"contract\": \"contracts/old.json\", \"enabled\": false}]}");
    events = eventRun(registrySettings());
  }

  @Test
  void aTableChangeChecksExactlyThatTableThroughThePipeline() throws IOException {
    EventRun.Outcome outcome =
        events.handle(List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")), NOW);

    assertEquals(List.of(), outcome.failedMessageIds());
    assertEquals(RUN, outcome.manifest().runId().value());
    JsonNode manifest = json(REPORTS, "runs/" + RUN + ".json");
    assertEquals("event", manifest.path("mode").asText());
    assertEquals(1, manifest.path("tables").size());
    assertEquals("parks", manifest.path("tables").get(0).path("table").asText());
    assertEquals(
        "OK", json(REPORTS, "diffs/nyc_parks.parks/" + RUN + ".diff.json").path("status").asText());
    assertEquals(
        List.of(new RecordingReportTrigger.Triggered(REPORTS, "runs/" + RUN + ".json")),
        trigger.triggered());
    assertEquals(
        List.of(new TableEvent("contracts/parks.json", List.of("m1"), List.of(), false, List.of())),
        outcome.tables());
  }

  @Test
  void aWarmContainerRevalidatesTheRegistryAndTheOneContractWithoutRereadingThem() {
    events.handle(List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")), NOW);
    store.clearCalls();

    events.handle(
        List.of(tableChange("m2", "nyc_parks", "trees", "UpdateTable")), NOW.plusSeconds(5));

    // One conditional GET of the registry, one of the contract: both answered "unchanged".
    assertEquals(
        List.of(REGISTRY + "/" + REGISTRY_KEY, CONTRACTS + "/contracts/trees.json"),
        store.calls(Operation.GET).stream().map(call -> call.bucket() + "/" + call.key()).toList());
  }

  @Test
  void anEventForATableOutsideTheRegistryCostsOnlyTheRegistryRevalidation() {
    events.handle(List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")), NOW);
    store.clearCalls();

    EventRun.Outcome outcome =
        events.handle(
            List.of(tableChange("m2", "nyc_parks", "not_registered", "UpdateTable")),
            NOW.plusSeconds(5));

    assertNull(outcome.manifest());
    assertEquals(List.of(), outcome.failedMessageIds());
    assertEquals(1, store.calls().size(), store.calls().toString());
    assertEquals(REGISTRY_KEY, store.calls().getFirst().key());
    assertEquals(
        "nyc_parks.not_registered: no enabled registry entry describes it", ignored.get("m2"));
  }

  @Test
  void aDeletedTableIsItsTableMissingAndIsNeverRecreated() throws IOException {
    FakeCatalog fresh = new FakeCatalog();
    fresh.addTable(glueTable(contract("nyc_parks", "parks")));
    events = eventRun(registrySettings(), fresh);

    EventRun.Outcome outcome =
        events.handle(
            List.of(
                new QueuedMessage(
                    "m1",
                    new ChangeEvent.DatabaseChanged(
                        "nyc_parks", "DeleteTable", List.of("playgrounds")),
                    NOW,
                    null)),
            NOW);

    JsonNode artifact = json(REPORTS, "diffs/nyc_parks.playgrounds/" + RUN + ".diff.json");
    assertEquals("BREAKING", artifact.path("status").asText());
    assertEquals("TABLE_MISSING", artifact.path("findings").get(0).path("rule").asText());
    assertTrue(
        artifact.toString().contains("a change event never recreates a table"),
        artifact.toString());
    assertEquals(0, fresh.calls(FakeCatalog.Method.CREATE_TABLE));
    assertTrue(fresh.stored("nyc_parks", "playgrounds").isEmpty());
    assertTrue(outcome.tables().getFirst().deleted());
  }

  @Test
  void aMissingTableWithoutADeletionIsStillCreatedWhenTheRegistryAllows() {
    FakeCatalog fresh = new FakeCatalog();
    fresh.addDatabase("nyc_parks");
    events = eventRun(registrySettings(), fresh);

    events.handle(
        List.of(new QueuedMessage("m1", contractUpload("contracts/parks.json"), NOW, null)), NOW);

    assertEquals(1, fresh.calls(FakeCatalog.Method.CREATE_TABLE));
  }

  @Test
  void aContractUploadChecksTheEntriesUsingItByKeyOrUri() {
    EventRun.Outcome outcome =
        events.handle(
            List.of(
                new QueuedMessage("m1", contractUpload("contracts/playgrounds.json"), NOW, null),
                new QueuedMessage("m2", contractUpload("contracts/trees.json"), NOW, null),
                new QueuedMessage("m3", contractUpload("contracts/unknown.json"), NOW, null),
                new QueuedMessage("m4", contractUpload("contracts/old.json"), NOW, null)),
            NOW);

    assertEquals(
        List.of("nyc_parks.playgrounds", "nyc_parks.trees"),
        outcome.manifest().tables().stream()
            .map(result -> result.artifact().table().qualified())
            .toList());
    assertEquals(
        "s3://" + CONTRACTS + "/contracts/unknown.json is no registry contract", ignored.get("m3"));
    assertTrue(ignored.containsKey("m4"), "a disabled entry is not checked");
  }

  @Test
  void aRegistryUploadIsAcknowledgedAndLeftToTheScheduledRun() {
    EventRun.Outcome outcome =
        events.handle(
            List.of(
                new QueuedMessage(
                    "m1", new ChangeEvent.ObjectCreated(REGISTRY, REGISTRY_KEY), NOW, null)),
            NOW);

    assertNull(outcome.manifest());
    assertEquals(List.of(), outcome.failedMessageIds());
    assertTrue(ignored.get("m1").startsWith("the registry changed"), ignored.toString());
  }

  @Test
  void aDeleteDatabaseConcernsEveryRegisteredTableOfIt() {
    EventRun.Outcome outcome =
        events.handle(
            List.of(
                new QueuedMessage(
                    "m1",
                    new ChangeEvent.DatabaseChanged("nyc_parks", "DeleteDatabase", List.of()),
                    NOW,
                    null)),
            NOW);

    assertEquals(3, outcome.tables().size());
    assertTrue(outcome.tables().stream().allMatch(TableEvent::deleted));
  }

  @Test
  void eventsForOneTableAreCheckedOnceAndTheirPartitionsKeptForThePartitionCheck() {
    EventRun.Outcome outcome =
        events.handle(
            List.of(
                new QueuedMessage(
                    "m1",
                    new ChangeEvent.TableChanged(
                        "nyc_parks", "parks", "BatchCreatePartition", List.of("[2026-11-25]")),
                    NOW,
                    null),
                new QueuedMessage(
                    "m2",
                    new ChangeEvent.TableChanged(
                        "nyc_parks",
                        "parks",
                        "BatchCreatePartition",
                        List.of("[2026-11-26]", "[2026-11-25]")),
                    NOW,
                    null)),
            NOW);

    assertEquals(
        List.of(
            new TableEvent(
                "contracts/parks.json",
                List.of("m1", "m2"),
                List.of(),
                false,
                List.of("[2026-11-25]", "[2026-11-26]"))),
        outcome.tables());
    assertEquals(1, outcome.manifest().tables().size());
  }

  @Test
  void anUnreadableMessageFailsAloneAndTheOthersAreChecked() {
    EventRun.Outcome outcome =
        events.handle(
            List.of(
                new QueuedMessage("m1", null, null, "\"body\" is not JSON"),
                tableChange("m2", "nyc_parks", "parks", "UpdateTable"),
                new QueuedMessage(null, null, null, "the record has no \"messageId\"")),
            NOW);

    assertEquals(List.of("m1"), outcome.failedMessageIds());
    assertEquals(1, outcome.manifest().tables().size());
    assertEquals("\"body\" is not JSON", unreadable.get("m1"));
  }

  @Test
  void aThrottledTableIsItsErrorAndItsMessagesAreDeliveredAgain() {
    FakeCatalog throttled = new FakeCatalog();
    throttled.addTable(glueTable(contract("nyc_parks", "parks")));
    throttled.failReads("nyc_parks", ErrorKind.THROTTLED);
    events = eventRun(registrySettings(), throttled);

    EventRun.Outcome outcome =
        events.handle(List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")), NOW);

    assertEquals("ERROR", outcome.manifest().tables().getFirst().artifact().status().name());
    assertEquals(List.of("m1"), outcome.failedMessageIds());
  }

  @Test
  void anUnreadableRegistryFailsEveryReadableMessage() {
    store.fail(Operation.GET, REGISTRY, REGISTRY_KEY, ErrorKind.ACCESS_DENIED);

    EventRun.Outcome outcome =
        events.handle(
            List.of(
                tableChange("m1", "nyc_parks", "parks", "UpdateTable"),
                tableChange("m2", "nyc_parks", "trees", "UpdateTable")),
            NOW);

    assertEquals(List.of("m1", "m2"), outcome.failedMessageIds());
    assertNotNull(outcome.failure());
    assertTrue(outcome.failure().getMessage().contains("ACCESS_DENIED"));
  }

  @Test
  void aFailedPublicationFailsTheMessagesOfTheRun() {
    trigger.failWith(ErrorKind.ACCESS_DENIED);

    EventRun.Outcome outcome =
        events.handle(List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")), NOW);

    assertEquals(List.of("m1"), outcome.failedMessageIds());
    assertNotNull(outcome.failure());
  }

  @Test
  void twoBatchesInOneSecondClaimTwoRunIdsAndTheSameEventTwiceGivesTheSameVerdict()
      throws IOException {
    EventRun.Outcome first =
        events.handle(List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")), NOW);
    EventRun.Outcome second =
        events.handle(List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")), NOW);

    String other = second.manifest().runId().value();
    assertNotEquals(first.manifest().runId().value(), other);
    assertEquals("20261126T091508Z", other);
    JsonNode one = json(REPORTS, "diffs/nyc_parks.parks/" + RUN + ".diff.json");
    JsonNode two = json(REPORTS, "diffs/nyc_parks.parks/" + other + ".diff.json");
    for (String field : List.of("status", "findings", "contract", "catalog", "counts")) {
      assertEquals(one.path(field), two.path(field), field);
    }
    assertEquals(1, json(REPORTS, "runs/" + RUN + ".json").path("tables").size());
  }

  @Test
  void theSameEventTwiceWritesOneArtifactAndTheSecondRunRefersToIt() throws IOException {
    events = eventRun(registrySettings(), catalog, new S3CheckStateStore(store, REPORTS));
    EventRun.Outcome first =
        events.handle(List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")), NOW);
    store.clearCalls();

    EventRun.Outcome second =
        events.handle(
            List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")), NOW.plusSeconds(5));

    assertEquals(List.of(), second.failedMessageIds());
    assertEquals(List.of("diffs/nyc_parks.parks/" + RUN + ".diff.json"), diffKeys("parks"));
    String other = second.manifest().runId().value();
    JsonNode line = json(REPORTS, "runs/" + other + ".json").path("tables").get(0);
    assertEquals("event", json(REPORTS, "runs/" + other + ".json").path("mode").asText());
    assertEquals(RUN, line.path("reused_from").asText());
    assertEquals("diffs/nyc_parks.parks/" + RUN + ".diff.json", line.path("diff_key").asText());
    assertEquals(
        first.manifest().tables().getFirst().artifact().status().name(),
        line.path("status").asText());
    // Neither the data probe, nor an artifact, nor the state: only the claim and the manifest.
    assertEquals(List.of(), store.calls(Operation.LIST));
    assertEquals(
        List.of("runs/" + other + ".json", "runs/" + other + ".json"),
        store.calls(Operation.PUT).stream().map(RecordingObjectStore.Call::key).toList());
    // The report generator still runs: the index moves the table's last check to this run.
    assertEquals(2, trigger.triggered().size());
  }

  @Test
  void anEventNamingChangedPartitionsIsJudgedThoughTheTableVersionWasJudged() {
    MemoryCheckStateStore states = new MemoryCheckStateStore();
    events = eventRun(registrySettings(), catalog, states);
    events.handle(List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")), NOW);

    EventRun.Outcome partitions =
        events.handle(
            List.of(
                new QueuedMessage(
                    "m2",
                    new ChangeEvent.TableChanged(
                        "nyc_parks", "parks", "BatchCreatePartition", List.of("[2026-11-26]")),
                    NOW,
                    null)),
            NOW.plusSeconds(5));

    assertNull(partitions.manifest().tables().getFirst().reusedFrom());
    assertEquals(2, diffKeys("parks").size());
    assertEquals(
        partitions.manifest().runId().value(), states.records().get("nyc_parks.parks").runId());
  }

  @Test
  void theSamePartitionEventDeliveredTwiceWritesOneArtifactAndTheSecondKeepsItsVerdict()
      throws IOException {
    MemoryCheckStateStore states = new MemoryCheckStateStore();
    events = eventRun(registrySettings(), catalog, states);
    EventRun.Outcome first =
        events.handle(List.of(partitionEvent("m1", "e1", "[2026-11-26]")), NOW);
    assertNull(first.manifest().tables().getFirst().reusedFrom());

    // SQS delivers the same body again: the same EventBridge id, naming the same partitions.
    EventRun.Outcome again =
        events.handle(List.of(partitionEvent("m1", "e1", "[2026-11-26]")), NOW.plusSeconds(5));

    assertEquals(List.of(), again.failedMessageIds());
    assertEquals(List.of("diffs/nyc_parks.parks/" + RUN + ".diff.json"), diffKeys("parks"));
    String other = again.manifest().runId().value();
    JsonNode line = json(REPORTS, "runs/" + other + ".json").path("tables").get(0);
    assertEquals(RUN, line.path("reused_from").asText());
    assertEquals("diffs/nyc_parks.parks/" + RUN + ".diff.json", line.path("diff_key").asText());
    CheckRecord record = states.records().get("nyc_parks.parks");
    assertEquals(RUN, record.runId());
    assertEquals(List.of("e1"), record.eventIds());
  }

  @Test
  void aNewPartitionEventForTheSameTableVersionIsJudgedAndEveryIdRemembered() {
    MemoryCheckStateStore states = new MemoryCheckStateStore();
    events = eventRun(registrySettings(), catalog, states);
    events.handle(List.of(partitionEvent("m1", "e1", "[2026-11-26]")), NOW);

    EventRun.Outcome second =
        events.handle(List.of(partitionEvent("m2", "e2", "[2026-11-27]")), NOW.plusSeconds(5));

    assertNull(second.manifest().tables().getFirst().reusedFrom());
    assertEquals(2, diffKeys("parks").size());
    assertEquals(List.of("e1", "e2"), states.records().get("nyc_parks.parks").eventIds());

    // A batch holding a redelivery and a new event is judged: the new one's partitions changed.
    EventRun.Outcome mixed =
        events.handle(
            List.of(
                partitionEvent("m1", "e1", "[2026-11-26]"),
                partitionEvent("m3", "e3", "[2026-11-28]")),
            NOW.plusSeconds(10));
    assertNull(mixed.manifest().tables().getFirst().reusedFrom());
    assertEquals(3, diffKeys("parks").size());
    assertEquals(List.of("e1", "e2", "e3"), states.records().get("nyc_parks.parks").eventIds());

    // Any of them delivered again, alone or together, keeps the last verdict.
    EventRun.Outcome redelivered =
        events.handle(
            List.of(
                partitionEvent("m2", "e2", "[2026-11-27]"),
                partitionEvent("m1", "e1", "[2026-11-26]")),
            NOW.plusSeconds(15));
    assertEquals(
        mixed.manifest().runId().value(), redelivered.manifest().tables().getFirst().reusedFrom());
    assertEquals(3, diffKeys("parks").size());
  }

  @Test
  void aPartitionEventWithoutAnIdIsJudgedEveryTime() {
    MemoryCheckStateStore states = new MemoryCheckStateStore();
    events = eventRun(registrySettings(), catalog, states);
    events.handle(List.of(partitionEvent("m1", null, "[2026-11-26]")), NOW);
    events.handle(List.of(partitionEvent("m1", null, "[2026-11-26]")), NOW.plusSeconds(5));

    assertEquals(2, diffKeys("parks").size());
    assertEquals(List.of(), states.records().get("nyc_parks.parks").eventIds());
  }

  @Test
  void aRecordRemembersTheLastSixteenEventsOnly() {
    MemoryCheckStateStore states = new MemoryCheckStateStore();
    events = eventRun(registrySettings(), catalog, states);
    List<String> ids = new ArrayList<>();
    for (int index = 0; index < 20; index++) {
      ids.add("e" + index);
      events.handle(
          List.of(partitionEvent("m" + index, "e" + index, "[2026-11-26]")),
          NOW.plusSeconds(2L * index));
    }
    assertEquals(20, diffKeys("parks").size());
    assertEquals(
        ids.subList(20 - CheckRecord.MAX_EVENT_IDS, 20),
        states.records().get("nyc_parks.parks").eventIds());

    // The newest is still recognised; one forgotten is judged again, like a new event.
    EventRun.Outcome newest =
        events.handle(List.of(partitionEvent("m19", "e19", "[2026-11-26]")), NOW.plusSeconds(60));
    assertNotNull(newest.manifest().tables().getFirst().reusedFrom());
    EventRun.Outcome forgotten =
        events.handle(List.of(partitionEvent("m0", "e0", "[2026-11-26]")), NOW.plusSeconds(62));
    assertNull(forgotten.manifest().tables().getFirst().reusedFrom());
    assertEquals(21, diffKeys("parks").size());
  }

  @Test
  void aScheduledRunsNewVerdictKeepsTheIdsSoThatARedeliveryStillKeepsItsVerdict() {
    MemoryCheckStateStore states = new MemoryCheckStateStore();
    events = eventRun(registrySettings(), catalog, states);
    events.handle(List.of(partitionEvent("m1", "e1", "[2026-11-26]")), NOW);
    String scheduled = "20261126T100000Z";
    new SchemaDiffRun(
            registrySettings(), store, catalog, trigger, SchemaDiffRun.Listener.NONE, states)
        .execute(new RunRequest(new RunId(scheduled), null, List.of(), List.of(), true));
    CheckRecord record = states.records().get("nyc_parks.parks");
    assertEquals(scheduled, record.runId());
    assertEquals(List.of("e1"), record.eventIds());

    EventRun.Outcome again =
        events.handle(List.of(partitionEvent("m1", "e1", "[2026-11-26]")), NOW.plusSeconds(3000));

    assertEquals(scheduled, again.manifest().tables().getFirst().reusedFrom());
    assertEquals(2, diffKeys("parks").size(), "the event run's and the scheduled run's");
  }

  @Test
  void aNewGlueVersionIsJudgedAgainAndRecorded() throws IOException {
    MemoryCheckStateStore states = new MemoryCheckStateStore();
    events = eventRun(registrySettings(), catalog, states);
    events.handle(List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")), NOW);
    GlueTable before = catalog.stored("nyc_parks", "parks").orElseThrow();
    catalog.addTable(GlueTables.stamped(before, "8", "2026-11-26T09:15:30Z"));

    EventRun.Outcome second =
        events.handle(
            List.of(tableChange("m2", "nyc_parks", "parks", "UpdateTable")), NOW.plusSeconds(30));

    String other = second.manifest().runId().value();
    assertEquals(
        List.of(
            "diffs/nyc_parks.parks/" + RUN + ".diff.json",
            "diffs/nyc_parks.parks/" + other + ".diff.json"),
        diffKeys("parks"));
    assertNull(second.manifest().tables().getFirst().reusedFrom());
    CheckRecord record = states.records().get("nyc_parks.parks");
    assertEquals(other, record.runId());
    assertEquals("8", record.glueVersionId());
    // The contract's ETag as the event read it: a scheduled run listing it need not read it.
    assertEquals(
        store.getVersioned(CONTRACTS, "contracts/parks.json").orElseThrow().version(),
        record.contractEtag());
  }

  @Test
  void aDeletionEventTwiceWritesOneArtifactButALaterChangeEventAppliesCreateIfMissing()
      throws IOException {
    FakeCatalog fresh = new FakeCatalog();
    fresh.addTable(glueTable(contract("nyc_parks", "parks")));
    MemoryCheckStateStore states = new MemoryCheckStateStore();
    events = eventRun(registrySettings(), fresh, states);
    QueuedMessage deletion =
        new QueuedMessage(
            "m1",
            new ChangeEvent.DatabaseChanged("nyc_parks", "DeleteTable", List.of("playgrounds")),
            NOW,
            null);

    events.handle(List.of(deletion), NOW);
    EventRun.Outcome again = events.handle(List.of(deletion), NOW.plusSeconds(5));

    assertEquals(
        List.of("diffs/nyc_parks.playgrounds/" + RUN + ".diff.json"), diffKeys("playgrounds"));
    assertEquals(RUN, again.manifest().tables().getFirst().reusedFrom());
    assertEquals(0, fresh.calls(FakeCatalog.Method.CREATE_TABLE));

    // The verdict was the deletion's own: an event that is no deletion judges the table again,
    // and the registry's create_if_missing creates it.
    EventRun.Outcome update =
        events.handle(
            List.of(
                new QueuedMessage("m2", contractUpload("contracts/playgrounds.json"), NOW, null)),
            NOW.plusSeconds(10));

    assertNull(update.manifest().tables().getFirst().reusedFrom());
    assertEquals(1, fresh.calls(FakeCatalog.Method.CREATE_TABLE));
  }

  @Test
  void aDamagedStateShardMakesTheEventJudgeTheTableAndIsReplaced() {
    S3CheckStateStore states = new S3CheckStateStore(store, REPORTS);
    events = eventRun(registrySettings(), catalog, states);
    events.handle(List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")), NOW);
    DiffArtifact.TableName parks = new DiffArtifact.TableName("nyc_parks", "parks");
    store.add(REPORTS, CheckState.key(CheckState.shardOf(parks)), "{\"damaged\": ");

    EventRun.Outcome second =
        events.handle(
            List.of(tableChange("m2", "nyc_parks", "parks", "UpdateTable")), NOW.plusSeconds(5));

    assertNull(second.manifest().tables().getFirst().reusedFrom());
    assertEquals(2, diffKeys("parks").size());
    assertEquals(second.manifest().runId().value(), states.find(parks).orElseThrow().runId());
  }

  @Test
  void aStateThatCannotBeSavedFailsTheBatchSoThatItIsDeliveredAgain() {
    events = eventRun(registrySettings(), catalog, new S3CheckStateStore(store, REPORTS));
    String shard =
        CheckState.key(CheckState.shardOf(new DiffArtifact.TableName("nyc_parks", "parks")));
    store.fail(Operation.PUT, REPORTS, shard, ErrorKind.ACCESS_DENIED);

    EventRun.Outcome outcome =
        events.handle(List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")), NOW);

    assertEquals(List.of("m1"), outcome.failedMessageIds());
    assertTrue(
        outcome.failure().getMessage().contains("check state"), outcome.failure().toString());
  }

  @Test
  void eventRunIdsLeaveWholeMinutesToScheduledRuns() {
    EventRun.Outcome outcome =
        events.handle(
            List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")),
            Instant.parse("2026-11-26T06:00:00.400Z"));

    assertEquals("20261126T060001Z", outcome.manifest().runId().value());
  }

  @Test
  void withoutARegistryEventsAreAcknowledgedAndNothingIsRead() {
    events =
        eventRun(
            new RunSettings(
                CONTRACTS, REPORTS, null, null, 1000, 4, "report", "contracts/parks.json"));

    EventRun.Outcome outcome =
        events.handle(List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")), NOW);

    assertNull(outcome.manifest());
    assertEquals(List.of(), outcome.failedMessageIds());
    assertTrue(store.calls().isEmpty());
    assertTrue(ignored.get("m1").contains("registry mode"));
  }

  @Test
  void aContractEditedToNameAnotherTableIsLearntFromItsUpload() {
    events.handle(List.of(tableChange("m1", "nyc_parks", "parks", "UpdateTable")), NOW);
    String moved = contract("nyc_parks", "parks_v2");
    store.add(CONTRACTS, "contracts/parks.json", moved);
    catalog.addTable(glueTable(moved));
    store.add(DATA, "nyc_parks/parks_v2/part-00000", "some bytes");

    events.handle(
        List.of(new QueuedMessage("m2", contractUpload("contracts/parks.json"), NOW, null)),
        NOW.plusSeconds(5));
    EventRun.Outcome outcome =
        events.handle(
            List.of(tableChange("m3", "nyc_parks", "parks_v2", "UpdateTable")),
            NOW.plusSeconds(10));

    assertEquals(
        "nyc_parks.parks_v2",
        outcome.manifest().tables().getFirst().artifact().table().qualified());
  }

  // -------------------------------------------------------------------------------- helpers

  private EventRun eventRun(RunSettings settings) {
    return eventRun(settings, catalog);
  }

  private EventRun eventRun(RunSettings settings, FakeCatalog glue) {
    return eventRun(settings, glue, CheckStateStore.NONE);
  }

  private EventRun eventRun(RunSettings settings, FakeCatalog glue, CheckStateStore states) {
    SchemaDiffRun pipeline =
        new SchemaDiffRun(settings, store, glue, trigger, SchemaDiffRun.Listener.NONE, states);
    return new EventRun(
        settings,
        store,
        pipeline,
        new EventRun.Listener() {
          @Override
          public void unreadable(String messageId, String problem) {
            unreadable.put(String.valueOf(messageId), problem);
          }

          @Override
          public void ignored(String messageId, String reason) {
            ignored.put(messageId, reason);
          }
        });
  }

  private static RunSettings registrySettings() {
    return new RunSettings(CONTRACTS, REPORTS, REGISTRY, REGISTRY_KEY, 1000, 4, "report", null);
  }

  private static QueuedMessage tableChange(
      String messageId, String database, String table, String typeOfChange) {
    return new QueuedMessage(
        messageId,
        new ChangeEvent.TableChanged(database, table, typeOfChange, List.of()),
        NOW,
        null);
  }

  /** A BatchCreatePartition event of nyc_parks.parks; {@code eventId} null: none. */
  private static QueuedMessage partitionEvent(
      String messageId, String eventId, String... partitions) {
    return new QueuedMessage(
        messageId,
        eventId,
        new ChangeEvent.TableChanged(
            "nyc_parks", "parks", "BatchCreatePartition", List.of(partitions)),
        NOW,
        null);
  }

  private static ChangeEvent contractUpload(String key) {
    return new ChangeEvent.ObjectCreated(CONTRACTS, key);
  }

  private static String contract(String database, String table) {
    return "{\"contract_version\": \"1.0.0\", \"database\": \""
        + database
        + "\", \"table\": \""
        + table
        + "\", \"owner\": \"team@example.org\", \"format\": \"parquet\", \"data_location\":"
        + " \"s3://"
        + DATA
        + "/"
        + database
        + "/"
        + table
        + "/\", \"columns\": [{\"name\": \"id\", \"type\": \"bigint\"}]}";
  }

  private static GlueTable glueTable(String contract) {
    GlueTable definition =
        TableDefinitions.fromContract(
                ContractReader.read("test", contract.getBytes(StandardCharsets.UTF_8)))
            .orElseThrow();
    return GlueTables.stamped(definition, "7", "2026-11-20T10:00:00Z");
  }

  /** The artifacts of one nyc_parks table, in key order. */
  private List<String> diffKeys(String table) {
    return store.keys(REPORTS).stream()
        .filter(key -> key.startsWith("diffs/nyc_parks." + table + "/"))
        .toList();
  }

  private JsonNode json(String bucket, String key) throws IOException {
    return Json.mapper()
        .readTree(store.object(bucket, key).orElseThrow(() -> new AssertionError("no " + key)));
  }
}
