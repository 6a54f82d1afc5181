package dev.schemadrift.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.DiffArtifact.Counts;
import dev.schemadrift.artifact.DiffArtifact.TableName;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Json;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.StrictObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The index's source of truth, kept in {@code state/index.json}: every table's latest result
 * (status, counts, owner, tags, when it was last checked and last changed) and the statuses of its
 * last {@value #HISTORY} runs. index.html is rendered from it, never edited in place. Merging is
 * idempotent and never moves a table backwards: a result replaces a table's latest only when its
 * run is at least as new, so a late retry of an old run only fills in the history.
 */
public record IndexState(SortedMap<String, TableState> tables) {
  public static final int VERSION = 1;

  /** Runs of history kept per table. */
  public static final int HISTORY = 30;

  public static final IndexState EMPTY = new IndexState(new TreeMap<>());

  public IndexState {
    tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
  }

  /**
   * A table's status in one run.
   *
   * @param verdictRun the run whose artifact and report hold this result: the run itself, or for a
   *     verdict a scheduled run kept unchanged (the manifest's {@code reused_from}) the run that
   *     judged it
   */
  public record RunStatus(String runId, Status status, String verdictRun) {
    public RunStatus {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(verdictRun, "verdictRun");
    }

    /** The status of a run that judged the table itself. */
    public RunStatus(String runId, Status status) {
      this(runId, status, runId);
    }
  }

  /**
   * One table's line in the index.
   *
   * @param lastChecked the run of the latest result shown
   * @param lastChanged the last run whose status or set of findings differed from the run before
   * @param findings a digest of the latest result's finding fingerprints (and error kind)
   * @param history oldest first, at most {@value #HISTORY}, one entry per run
   * @param notified the alert keys of the latest result a notification has covered, sorted ({@link
   *     Notifications}); empty when notifications are off or nothing alerts
   * @param alerted the alert keys of the latest result already counted as news by the NewBreaking
   *     and NewError metrics, sorted; kept with or without notifications, empty when nothing alerts
   * @param created the run that created the table from its contract, or null when none did
   */
  public record TableState(
      TableName table,
      String lastChecked,
      Status status,
      Counts counts,
      String owner,
      List<String> tags,
      String lastChanged,
      String findings,
      List<RunStatus> history,
      List<String> notified,
      List<String> alerted,
      String created,
      String catalogId) {
    public TableState {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(lastChecked, "lastChecked");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(counts, "counts");
      Objects.requireNonNull(lastChanged, "lastChanged");
      Objects.requireNonNull(findings, "findings");
      tags = List.copyOf(tags);
      history = List.copyOf(history);
      notified = List.copyOf(new TreeSet<>(notified));
      alerted = List.copyOf(new TreeSet<>(alerted));
    }

    /** A table no run of the monitor created. */
    public TableState(
        TableName table,
        String lastChecked,
        Status status,
        Counts counts,
        String owner,
        List<String> tags,
        String lastChanged,
        String findings,
        List<RunStatus> history,
        List<String> notified) {
      this(
          table,
          lastChecked,
          status,
          counts,
          owner,
          tags,
          lastChanged,
          findings,
          history,
          notified,
          List.of(),
          null,
          null);
    }

    /** This entry with another set of notified alert keys. */
    public TableState withNotified(Collection<String> keys) {
      return new TableState(
          table,
          lastChecked,
          status,
          counts,
          owner,
          tags,
          lastChanged,
          findings,
          history,
          List.copyOf(keys),
          alerted,
          created,
          catalogId);
    }

    /** This entry with another set of alert keys counted as news. */
    public TableState withAlerted(Collection<String> keys) {
      return new TableState(
          table,
          lastChecked,
          status,
          counts,
          owner,
          tags,
          lastChanged,
          findings,
          history,
          notified,
          List.copyOf(keys),
          created,
          catalogId);
    }
  }

  /**
   * What one generation contributes for one table and run.
   *
   * @param metadata null when unknown: the table keeps its owner and tags
   * @param alerts the result's alert keys ({@link Notifications#alertKeys}), sorted
   * @param createdTable whether this run created the table from its contract
   * @param catalogId the Glue catalog (account) of another account's table; null for the monitor's
   *     own
   * @param verdictRun null for a result judged in {@code runId}; for a kept verdict, the run that
   *     judged it: the observation then confirms the result the table shows for that run (status,
   *     counts, findings, notifications, catalog) as checked again in {@code runId}
   */
  public record Observation(
      TableName table,
      String runId,
      Status status,
      Counts counts,
      String findings,
      TableMetadata metadata,
      List<String> alerts,
      boolean createdTable,
      String catalogId,
      String verdictRun) {

    public Observation {
      alerts = List.copyOf(alerts);
    }

    /**
     * A result judged in its own run, which did not create the table, in the monitor's own catalog.
     */
    public Observation(
        TableName table,
        String runId,
        Status status,
        Counts counts,
        String findings,
        TableMetadata metadata,
        List<String> alerts) {
      this(table, runId, status, counts, findings, metadata, alerts, false, null, null);
    }

    public static Observation of(DiffArtifact artifact, TableMetadata metadata) {
      return new Observation(
          artifact.table(),
          artifact.runId(),
          artifact.status(),
          artifact.counts(),
          digest(artifact),
          metadata,
          Notifications.alertKeys(artifact),
          artifact.createdTable(),
          artifact.catalogId(),
          null);
    }

    /**
     * Run {@code runId} kept the verdict of {@code verdictRun}: the table's result for that run is
     * confirmed, without its artifact being read again.
     */
    public static Observation confirming(
        TableName table, String runId, String verdictRun, TableMetadata metadata) {
      // Status, counts, findings, alerts and catalog are the row's, taken when the observation is
      // merged; confirming a verdict never creates the table.
      return new Observation(
          table, runId, null, Counts.ZERO, "", metadata, List.of(), false, null, verdictRun);
    }
  }

  /** 12 hex digits over the sorted finding fingerprints and the error kind: equal sets, equal. */
  static String digest(DiffArtifact artifact) {
    List<String> parts = new ArrayList<>();
    for (Finding finding : artifact.findings()) {
      parts.add(finding.fingerprint());
    }
    Collections.sort(parts);
    if (artifact.error() != null) {
      parts.add("error:" + artifact.error().kindName());
    }
    return parts.isEmpty() ? "" : Fingerprint.sha256(String.join(",", parts)).substring(0, 12);
  }

  public TableState table(TableName name) {
    return tables.get(BucketLayout.folder(name));
  }

  /** This state with the observations merged in. Idempotent; order of observations is irrelevant */
  public IndexState with(Collection<Observation> observations) {
    TreeMap<String, TableState> merged = new TreeMap<>(tables);
    List<Observation> ordered = new ArrayList<>(observations);
    // Oldest first, so that within one call "last changed" compares each run with the one before.
    ordered.sort(
        (left, right) -> {
          int byTable =
              BucketLayout.folder(left.table()).compareTo(BucketLayout.folder(right.table()));
          return byTable != 0 ? byTable : left.runId().compareTo(right.runId());
        });
    for (Observation observation : ordered) {
      String key = BucketLayout.folder(observation.table());
      TableState next = merge(merged.get(key), observation);
      if (next != null) {
        merged.put(key, next);
      }
    }
    return new IndexState(merged);
  }

  /**
   * Whether the table's row holds the result of {@code verdictRun}, so that a later run keeping
   * that verdict can confirm it: the row is at that run or newer and its history has it (or is full
   * of newer runs).
   */
  public boolean shows(TableName table, String verdictRun) {
    TableState state = table(table);
    return state != null && holds(state, verdictRun);
  }

  private static boolean holds(TableState state, String run) {
    if (state.lastChecked().compareTo(run) < 0) {
      return false;
    }
    for (RunStatus entry : state.history()) {
      if (entry.runId().equals(run)) {
        return true;
      }
    }
    return state.history().size() == HISTORY && state.history().get(0).runId().compareTo(run) > 0;
  }

  private static TableState merge(TableState old, Observation observed) {
    Observation seen = observed;
    if (observed.verdictRun() != null) {
      if (old == null || !holds(old, observed.verdictRun())) {
        // Nothing to confirm: the generator renders the verdict's own result first.
        return old;
      }
      // The kept verdict is the result the row shows: only when it was checked moves on. Its
      // alert keys are those already counted or notified, so that neither list forgets one.
      TreeSet<String> alerts = new TreeSet<>(old.notified());
      alerts.addAll(old.alerted());
      seen =
          new Observation(
              observed.table(),
              observed.runId(),
              old.status(),
              old.counts(),
              old.findings(),
              observed.metadata(),
              List.copyOf(alerts),
              false,
              old.catalogId(),
              observed.verdictRun());
    }
    if (old == null) {
      TableMetadata metadata =
          seen.metadata() == null ? new TableMetadata(null, List.of()) : seen.metadata();
      return new TableState(
          seen.table(),
          seen.runId(),
          seen.status(),
          seen.counts(),
          metadata.owner(),
          metadata.tags(),
          seen.runId(),
          seen.findings(),
          List.of(new RunStatus(seen.runId(), seen.status())),
          List.of(),
          List.of(),
          seen.createdTable() ? seen.runId() : null,
          seen.catalogId());
    }
    String created = created(old.created(), seen);
    List<RunStatus> history =
        withRun(
            old.history(),
            new RunStatus(
                seen.runId(),
                seen.status(),
                seen.verdictRun() == null ? seen.runId() : seen.verdictRun()));
    int age = seen.runId().compareTo(old.lastChecked());
    if (age < 0) {
      // A late result of an older run: history only.
      return new TableState(
          old.table(),
          old.lastChecked(),
          old.status(),
          old.counts(),
          old.owner(),
          old.tags(),
          old.lastChanged(),
          old.findings(),
          history,
          old.notified(),
          old.alerted(),
          created,
          old.catalogId());
    }
    boolean same = seen.status() == old.status() && seen.findings().equals(old.findings());
    String lastChanged = same ? old.lastChanged() : seen.runId();
    TableMetadata metadata =
        seen.metadata() == null ? new TableMetadata(old.owner(), old.tags()) : seen.metadata();
    // Keys the newer result no longer raises are forgotten: should they come back, they are news.
    List<String> notified = new ArrayList<>(old.notified());
    notified.retainAll(seen.alerts());
    List<String> alerted = new ArrayList<>(old.alerted());
    alerted.retainAll(seen.alerts());
    return new TableState(
        old.table(),
        seen.runId(),
        seen.status(),
        seen.counts(),
        metadata.owner(),
        metadata.tags(),
        lastChanged,
        seen.findings(),
        history,
        notified,
        alerted,
        created,
        seen.catalogId());
  }

  /** The earliest run known to have created the table: a retry or a rerun never moves it. */
  private static String created(String known, Observation seen) {
    if (!seen.createdTable()) {
      return known;
    }
    return known == null || seen.runId().compareTo(known) < 0 ? seen.runId() : known;
  }

  private static List<RunStatus> withRun(List<RunStatus> history, RunStatus added) {
    TreeMap<String, RunStatus> byRun = new TreeMap<>();
    for (RunStatus entry : history) {
      byRun.put(entry.runId(), entry);
    }
    byRun.put(added.runId(), added);
    List<RunStatus> all = new ArrayList<>(byRun.values());
    return all.subList(Math.max(0, all.size() - HISTORY), all.size());
  }

  /**
   * Whether the observation's run is recorded for its table: the table's latest is that run or a
   * newer one, and the history holds the run (or is full of newer ones). Content is not compared,
   * so two generations holding different artifacts of one run cannot undo each other forever.
   */
  public boolean records(Observation observation) {
    TableState state = table(observation.table());
    if (state == null) {
      // A confirmation of a table the index does not have confirms nothing, and waits for nothing.
      return observation.verdictRun() != null;
    }
    return holds(state, observation.runId());
  }

  /** The newest run any table was checked in, or null for an empty index. */
  public String latestRun() {
    String latest = null;
    for (TableState state : tables.values()) {
      if (latest == null || state.lastChecked().compareTo(latest) > 0) {
        latest = state.lastChecked();
      }
    }
    return latest;
  }

  // ------------------------------------------------------------------------------ JSON

  /** Compact deterministic JSON: tables in name order, equal states give equal bytes. */
  public byte[] toJson() {
    return Json.writeCompact(this::write);
  }

  private void write(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeNumberField("state_version", VERSION);
    json.writeArrayFieldStart("tables");
    for (TableState state : tables.values()) {
      json.writeStartObject();
      json.writeStringField("database", state.table().database());
      json.writeStringField("table", state.table().name());
      // Only another account's tables carry it: the state of a one-account lake keeps its bytes.
      if (state.catalogId() != null) {
        json.writeStringField("catalog_id", state.catalogId());
      }
      json.writeStringField("last_checked", state.lastChecked());
      json.writeStringField("status", state.status().name());
      ArtifactJson.writeCounts(json, state.counts());
      json.writeStringField("owner", state.owner());
      json.writeArrayFieldStart("tags");
      for (String tag : state.tags()) {
        json.writeString(tag);
      }
      json.writeEndArray();
      json.writeStringField("last_changed", state.lastChanged());
      json.writeStringField("findings", state.findings());
      // "run STATUS" pairs keep a 10,000-table state to a few megabytes.
      json.writeArrayFieldStart("history");
      for (RunStatus entry : state.history()) {
        // A kept verdict adds the run that judged it: "run STATUS verdict-run".
        json.writeString(
            entry.runId()
                + " "
                + entry.status().name()
                + (entry.verdictRun().equals(entry.runId()) ? "" : " " + entry.verdictRun()));
      }
      json.writeEndArray();
      // Only tables that alerted carry it: most of a large state stays as small as before.
      if (!state.notified().isEmpty()) {
        json.writeArrayFieldStart("notified");
        for (String key : state.notified()) {
          json.writeString(key);
        }
        json.writeEndArray();
      }
      if (!state.alerted().isEmpty()) {
        json.writeArrayFieldStart("alerted");
        for (String key : state.alerted()) {
          json.writeString(key);
        }
        json.writeEndArray();
      }
      // Only tables the monitor created carry it, for the same reason.
      if (state.created() != null) {
        json.writeStringField("created", state.created());
      }
      json.writeEndObject();
      json.writeRaw('\n');
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /**
   * @throws InvalidDocumentException listing every problem
   */
  public static IndexState read(String source, byte[] json) {
    Problems problems = new Problems(source);
    StrictObject root = StrictObject.of(Json.readTree(source, json), "$", problems);
    problems.throwIfAny();
    Integer version = root.optionalInteger("state_version");
    if (!Objects.equals(version, VERSION)) {
      problems.add(root.childPath("state_version"), "expected " + VERSION + ", found " + version);
    }
    // A state of 10,000 tables holds 300,000 history entries over a few dozen runs: each run id is
    // checked once and shared.
    Map<String, String> runIds = new HashMap<>();
    List<TableState> read =
        root.optionalList("tables", element -> tableState(element, problems, runIds));
    root.rejectUnknownFields();
    problems.throwIfAny();
    TreeMap<String, TableState> tables = new TreeMap<>();
    for (TableState state : read) {
      tables.put(BucketLayout.folder(state.table()), state);
    }
    return new IndexState(tables);
  }

  private static TableState tableState(
      StrictObject.Element element, Problems problems, Map<String, String> runIds) {
    StrictObject object = StrictObject.of(element.node(), element.path(), problems);
    if (object == null) {
      return null;
    }
    String database = object.requiredString("database");
    String table = object.requiredString("table");
    if (!BucketLayout.isKeyName(database) || !BucketLayout.isKeyName(table)) {
      problems.add(object.path(), "database and table must be Glue names");
    }
    String catalogId = object.optionalString("catalog_id");
    if (catalogId != null && !catalogId.matches("[0-9]{12}")) {
      problems.add(object.childPath("catalog_id"), "not a 12-digit catalog id");
      catalogId = null;
    }
    String lastChecked = runId(object, "last_checked", runIds);
    Status status =
        ArtifactJson.readStatus(
            object.requiredString("status"), object.childPath("status"), problems);
    Counts counts = ArtifactJson.readCounts(object);
    String owner = object.optionalString("owner");
    List<String> tags =
        object.optionalList(
            "tags",
            tag -> tag.node().isTextual() ? tag.node().textValue() : invalid(tag, problems));
    String lastChanged = runId(object, "last_changed", runIds);
    String findings = object.requiredString("findings");
    List<RunStatus> history =
        object.optionalList(
            "history",
            entry -> {
              String text = entry.node().isTextual() ? entry.node().textValue() : "";
              String[] parts = text.split(" ", -1);
              String run = parts.length < 2 ? null : known(parts[0], runIds);
              String verdictRun = parts.length == 3 ? known(parts[2], runIds) : run;
              if (run == null || verdictRun == null || parts.length > 3) {
                return invalid(entry, problems);
              }
              Status entryStatus = ArtifactJson.readStatus(parts[1], entry.path(), problems);
              return entryStatus == null ? null : new RunStatus(run, entryStatus, verdictRun);
            });
    List<String> notified =
        object.optionalList(
            "notified",
            key ->
                key.node().isTextual() && !key.node().textValue().isEmpty()
                    ? key.node().textValue()
                    : invalid(key, problems));
    List<String> alerted =
        object.optionalList(
            "alerted",
            key ->
                key.node().isTextual() && !key.node().textValue().isEmpty()
                    ? key.node().textValue()
                    : invalid(key, problems));
    String created =
        object.optionalString("created") == null ? null : runId(object, "created", runIds);
    object.rejectUnknownFields();
    if (database == null
        || table == null
        || lastChecked == null
        || status == null
        || counts == null
        || lastChanged == null
        || findings == null) {
      return null;
    }
    return new TableState(
        new TableName(database, table),
        lastChecked,
        status,
        counts,
        owner,
        tags,
        lastChanged,
        findings,
        history,
        notified,
        alerted,
        created,
        catalogId);
  }

  private static <T> T invalid(StrictObject.Element element, Problems problems) {
    problems.add(element.path(), "unexpected value " + StrictObject.describe(element.node()));
    return null;
  }

  private static String runId(StrictObject object, String field, Map<String, String> runIds) {
    String value = object.requiredString(field);
    if (value == null) {
      return null;
    }
    String run = known(value, runIds);
    if (run == null) {
      object.problems().add(object.childPath(field), "'" + value + "' is not a run id");
    }
    return run;
  }

  /** The shared instance of a valid run id, or null when the text is not one. */
  private static String known(String text, Map<String, String> runIds) {
    String run = runIds.get(text);
    if (run == null) {
      try {
        run = new RunId(text).value();
      } catch (IllegalArgumentException e) {
        return null;
      }
      runIds.put(run, run);
    }
    return run;
  }
}
