package dev.schemadrift.report;

import dev.schemadrift.artifact.ArtifactJson;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.concurrent.BoundedParallelism;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Renders reports for a run (or for given diffs) and keeps index.html and each table's latest.html
 * in step with the index state, however many generations run at once.
 *
 * <p>One generation: (1) read the diffs; (2) write each table's {@code <run>.report.md} and {@code
 * .html} (a pure function of the diff, the previous run's diff and the table's history up to the
 * run, so a retried event writes the same bytes); (3) merge the results into {@code
 * state/index.json} with conditional writes; (4) publish: write each table's latest.html from the
 * report of the run the state calls latest, and index.html from the state, then read the state
 * again and publish again while it has moved. Every generation that changes the state publishes
 * after its change, and each publisher only stops after seeing the state unchanged since what it
 * rendered, so the last index.html written always shows the last state.
 */
public final class ReportGenerator {
  static final String HTML = "text/html; charset=utf-8";
  static final String MARKDOWN = "text/markdown; charset=utf-8";

  /** Publishing rounds before giving up (and letting Lambda retry the event). */
  static final int MAX_PUBLISH_ROUNDS = 25;

  private static final int DEFAULT_PARALLELISM = 8;

  /**
   * The largest manifest or diff artifact read (a manifest of 10,000 tables is about 4 MiB, a diff
   * a few KB): anything bigger could exhaust the function's memory, and a diff above it is reported
   * as that table's ERROR.
   */
  static final long MAX_INPUT_BYTES = 32L * 1024 * 1024;

  private final ObjectStore store;
  private final String bucket;
  private final IndexStateStore states;
  private final BoundedParallelism parallelism;
  private final Notifications notifications;

  public ReportGenerator(ObjectStore store, String bucket) {
    this(store, bucket, DEFAULT_PARALLELISM);
  }

  /**
   * @param parallelism how many tables are read and written at once
   */
  public ReportGenerator(ObjectStore store, String bucket, int parallelism) {
    this(store, bucket, parallelism, Notifications.off());
  }

  /** The default parallelism, telling about tables that turn BREAKING or ERROR. */
  public ReportGenerator(ObjectStore store, String bucket, Notifications notifications) {
    this(store, bucket, DEFAULT_PARALLELISM, notifications);
  }

  /**
   * @param notifications where to tell about tables that turn BREAKING or ERROR
   */
  public ReportGenerator(
      ObjectStore store, String bucket, int parallelism, Notifications notifications) {
    this.parallelism = new BoundedParallelism(parallelism);
    this.store = store;
    this.bucket = bucket;
    this.states = new IndexStateStore(store, bucket);
    this.notifications = notifications;
  }

  /**
   * Reports on every table of a run manifest ({@code runs/<run>.json}).
   *
   * @throws IllegalArgumentException when the key is not a manifest key or the manifest is absent
   * @throws InvalidDocumentException when the manifest cannot be read
   */
  public GenerationSummary generateRun(String manifestKey) {
    BucketLayout.parseManifest(manifestKey);
    byte[] json =
        store
            .get(bucket, manifestKey, MAX_INPUT_BYTES)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no manifest " + store.describe(bucket, manifestKey)));
    return generate(manifestKey, RunManifestReader.read(manifestKey, json).tables());
  }

  /**
   * Reports on the given diffs ({@code diffs/<db>.<table>/<run>.diff.json}), of any runs.
   *
   * @throws IllegalArgumentException when a key is not a diff key
   */
  public GenerationSummary generateDiffs(List<String> diffKeys) {
    return generate(null, diffKeys.stream().map(ReportInput::ofDiffKey).toList());
  }

  /** Renders index.html again from the index state (after a template change, or to repair it). */
  public GenerationSummary rebuildIndex() {
    Publication publication = publish(states.read(), new Merge(List.of(), Map.of(), null));
    return new GenerationSummary(
        0, publication.conflicts, publication.indexWrites, 0, publication.indexTables, 0, 0, 0);
  }

  /**
   * This generation's change to the index state: merge its results, then notify what the merged
   * state has not covered yet and record it. Applied again on every conflicting write, so the
   * failures kept are those of the state finally written.
   */
  private final class Merge implements UnaryOperator<IndexState> {
    private final List<IndexState.Observation> observations;
    private final Map<String, Notifications.Candidate> candidates;
    private final String manifestKey;
    private int published;
    private int newBreaking;
    private int newError;
    private List<String> failures = List.of();

    Merge(
        List<IndexState.Observation> observations,
        Map<String, Notifications.Candidate> candidates,
        String manifestKey) {
      this.observations = observations;
      this.candidates = candidates;
      this.manifestKey = manifestKey;
    }

    @Override
    public IndexState apply(IndexState state) {
      Notifications.Outcome outcome =
          notifications.publishPending(
              state.with(observations), candidates, manifestKey, parallelism);
      published += outcome.published();
      // The state finally written decides what was news: a conflict re-applies this to a newer
      // state, which may have counted some of it already.
      newBreaking = outcome.newBreaking();
      newError = outcome.newError();
      failures = outcome.failures();
      return outcome.state();
    }
  }

  private GenerationSummary generate(String manifestKey, List<ReportInput> requested) {
    IndexStateStore.Snapshot before = states.read();
    Map<String, ReportInput> unique = new LinkedHashMap<>();
    List<IndexState.Observation> confirmations = new ArrayList<>();
    for (ReportInput requestedInput : requested) {
      ReportInput input = requestedInput;
      if (input.reusedFrom() != null) {
        // A kept verdict: no artifact to read and no report to write, only the check to record.
        confirmations.add(
            IndexState.Observation.confirming(
                input.table(), input.run().value(), input.reusedFrom(), input.metadata()));
        if (before.state().shows(input.table(), input.reusedFrom())) {
          continue;
        }
        // The index never showed that verdict (its own generation failed or has yet to run):
        // render it now, as its own generation would have.
        input =
            new ReportInput(
                input.table(),
                new RunId(input.reusedFrom()),
                input.diffKey(),
                input.metadata(),
                null);
      }
      unique.putIfAbsent(BucketLayout.folder(input.table()) + "/" + input.run().value(), input);
    }
    List<ReportInput> inputs = List.copyOf(unique.values());
    List<Loaded> loaded = parallelism.map(inputs, this::load);
    List<IndexState.Observation> observations =
        new ArrayList<>(loaded.size() + confirmations.size());
    Map<String, Notifications.Candidate> candidates = new HashMap<>();
    for (Loaded item : loaded) {
      IndexState.Observation observation =
          IndexState.Observation.of(item.artifact, item.input.metadata());
      observations.add(observation);
      candidates.put(
          BucketLayout.folder(item.artifact.table()) + "/" + item.artifact.runId(),
          new Notifications.Candidate(item.artifact, item.input.diffKey(), observation.alerts()));
    }
    observations.addAll(confirmations);
    Merge merge = new Merge(observations, candidates, manifestKey);
    // The history each report shows: the state as it will be once these results are in.
    IndexState preview = before.state().with(observations);
    parallelism.map(loaded, item -> writeReports(item, preview));
    int conflicts = states.update(merge, before);
    Publication publication = publish(states.read(), merge);
    if (!merge.failures.isEmpty()) {
      // Reports, state and index are written; failing makes Lambda retry the event, and the
      // retry publishes what the state does not record as notified.
      throw new Notifier.NotificationException(
          "could not publish "
              + merge.failures.size()
              + " notification(s) (reports and index are written; a retry publishes them): "
              + String.join("; ", merge.failures));
    }
    return new GenerationSummary(
        inputs.size() + confirmations.size(),
        conflicts + publication.conflicts,
        publication.indexWrites,
        publication.latestWrites,
        publication.indexTables,
        merge.published,
        merge.newBreaking,
        merge.newError);
  }

  /** A table's result as read, or made up as an ERROR when its diff is unusable. */
  private record Loaded(ReportInput input, DiffArtifact artifact, boolean diffAvailable) {}

  private Loaded load(ReportInput input) {
    if (input.diffKey() == null) {
      return unusable(
          input,
          ErrorKind.DIFF_NOT_WRITTEN,
          "SchemaDiffFunction could not write this table's diff artifact: " + input.writeError(),
          false);
    }
    Optional<byte[]> json;
    try {
      json = store.get(bucket, input.diffKey(), MAX_INPUT_BYTES);
    } catch (StoreException e) {
      if (e.kind() != ErrorKind.TOO_LARGE) {
        throw e;
      }
      return unusable(input, ErrorKind.DIFF_INVALID, e.getMessage(), true);
    }
    if (json.isEmpty()) {
      return unusable(
          input,
          ErrorKind.DIFF_MISSING,
          "the diff artifact " + input.diffKey() + " does not exist",
          false);
    }
    try {
      DiffArtifact artifact = ArtifactJson.read(input.diffKey(), json.get());
      if (!artifact.table().equals(input.table())
          || !artifact.runId().equals(input.run().value())) {
        return unusable(
            input,
            ErrorKind.DIFF_INVALID,
            "the diff artifact " + input.diffKey() + " is about another table or run",
            true);
      }
      return new Loaded(input, artifact, true);
    } catch (InvalidDocumentException e) {
      return unusable(
          input,
          ErrorKind.DIFF_INVALID,
          "the diff artifact could not be read: " + e.getMessage(),
          true);
    }
  }

  private static Loaded unusable(
      ReportInput input, ErrorKind kind, String message, boolean diffAvailable) {
    return new Loaded(
        input, TableCheck.error(input.run(), input.table(), null, kind, message), diffAvailable);
  }

  private Void writeReports(Loaded item, IndexState preview) {
    DiffArtifact artifact = item.artifact;
    String run = artifact.runId();
    List<IndexState.RunStatus> history = new ArrayList<>();
    IndexState.TableState state = preview.table(artifact.table());
    for (IndexState.RunStatus entry : state.history()) {
      if (entry.runId().compareTo(run) < 0) {
        history.add(entry);
      }
    }
    // This run ends the strip, even when it is so old that the state's history has let it go.
    history.add(new IndexState.RunStatus(run, artifact.status()));
    IndexState.RunStatus before = history.size() < 2 ? null : history.get(history.size() - 2);
    String previousRun = before == null ? null : before.runId();
    // A run that kept an earlier verdict has no artifact of its own: compare with the verdict's.
    DiffArtifact previous = before == null ? null : previous(artifact, before.verdictRun());
    TableReportView view =
        TableReportView.of(artifact, previous, previousRun, history, item.diffAvailable);
    store.put(
        bucket,
        BucketLayout.markdownReport(artifact.table(), run),
        ReportTemplates.markdown(view),
        MARKDOWN);
    store.put(
        bucket, BucketLayout.htmlReport(artifact.table(), run), ReportTemplates.html(view), HTML);
    return null;
  }

  /** The previous run's artifact, or null when it cannot be read (the report says so). */
  private DiffArtifact previous(DiffArtifact artifact, String previousRun) {
    String key = BucketLayout.diff(artifact.table(), previousRun);
    try {
      return store
          .get(bucket, key, MAX_INPUT_BYTES)
          .map(json -> ArtifactJson.read(key, json))
          .orElse(null);
    } catch (InvalidDocumentException e) {
      return null;
    } catch (StoreException e) {
      if (e.kind() != ErrorKind.TOO_LARGE) {
        throw e;
      }
      return null;
    }
  }

  // ------------------------------------------------------------------------------ publishing

  private static final class Publication {
    int conflicts;
    int indexWrites;
    int latestWrites;
    int indexTables;
  }

  /**
   * Writes latest.html for this generation's tables and index.html, from {@code snapshot}, until
   * the state is seen unchanged since what was written. Also re-merges this generation's results
   * should the state have lost them: S3 never does, but a store whose conditional write is not
   * atomic (moto server checks If-Match and then writes without a lock) could.
   */
  private Publication publish(IndexStateStore.Snapshot snapshot, Merge merge) {
    List<IndexState.Observation> observations = merge.observations;
    Set<String> mine = new TreeSet<>();
    for (IndexState.Observation observation : observations) {
      // A confirmed verdict's latest.html already shows it.
      if (observation.verdictRun() == null) {
        mine.add(BucketLayout.folder(observation.table()));
      }
    }
    Publication publication = new Publication();
    // Per table: the run whose report latest.html was last made from, by this generation.
    Map<String, String> latestWritten = new HashMap<>();
    IndexStateStore.Snapshot current = snapshot;
    for (int round = 0; round < MAX_PUBLISH_ROUNDS; round++) {
      IndexState state = current.state();
      if (!observations.stream().allMatch(state::records)) {
        publication.conflicts += states.update(merge, current);
        current = states.read();
        continue;
      }
      List<IndexState.TableState> stale = new ArrayList<>();
      for (String table : mine) {
        IndexState.TableState entry = state.tables().get(table);
        if (!entry.lastChecked().equals(latestWritten.get(table))) {
          stale.add(entry);
        }
      }
      for (String written : parallelism.map(stale, this::writeLatest)) {
        if (written != null) {
          publication.latestWrites++;
        }
      }
      for (IndexState.TableState entry : stale) {
        latestWritten.put(BucketLayout.folder(entry.table()), entry.lastChecked());
      }
      store.put(bucket, BucketLayout.INDEX, ReportTemplates.index(IndexView.of(state)), HTML);
      publication.indexWrites++;
      publication.indexTables = state.tables().size();
      IndexStateStore.Snapshot again = states.read();
      if (Objects.equals(again.version(), current.version())) {
        return publication;
      }
      current = again;
    }
    throw new IndexStateStore.ConcurrentUpdateException(
        "index.html: the state kept changing through " + MAX_PUBLISH_ROUNDS + " publications");
  }

  /**
   * Copies the report of the table's latest run to its latest.html. When that report is not there
   * yet, its own generation has yet to publish and will write latest.html itself.
   *
   * @return the run copied, or null when there was nothing to copy
   */
  private String writeLatest(IndexState.TableState entry) {
    // The latest run's report, or for a run that kept an earlier verdict, that verdict's.
    String reportRun = entry.lastChecked();
    for (IndexState.RunStatus run : entry.history()) {
      if (run.runId().equals(entry.lastChecked())) {
        reportRun = run.verdictRun();
      }
    }
    Optional<byte[]> report = store.get(bucket, BucketLayout.htmlReport(entry.table(), reportRun));
    if (report.isEmpty()) {
      return null;
    }
    store.put(bucket, BucketLayout.latest(entry.table()), report.get(), HTML);
    return entry.lastChecked();
  }
}
