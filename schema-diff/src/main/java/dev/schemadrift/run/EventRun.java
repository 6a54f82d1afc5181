package dev.schemadrift.run;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.concurrent.BoundedParallelism;
import dev.schemadrift.contract.Registry;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
import dev.schemadrift.run.event.ChangeEvent;
import dev.schemadrift.run.event.ChangedPartition;
import dev.schemadrift.run.event.QueuedMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event path (docs/OPERATIONS.md, "Event-driven checks"): one SQS batch of Glue and S3 change
 * events becomes one run of exactly the registry entries they concern, through the same pipeline,
 * artifacts, manifest and report generation as a scheduled run. A table whose last verdict still
 * stands (a duplicate event: the same Glue version and contract; for an event naming changed
 * partitions, also its EventBridge id recorded with the verdict) keeps it, as in an incremental
 * scheduled run, so that an event delivered twice writes one artifact. Unreadable messages and the
 * messages of checks worth retrying are reported as batch item failures; the others are
 * acknowledged.
 */
public final class EventRun {
  /**
   * Error kinds a later attempt may not meet: the table's ERROR artifact is written as usual, and
   * its messages are also reported failed, so that SQS delivers them again.
   */
  static final Set<ErrorKind> RETRIED =
      EnumSet.of(
          ErrorKind.THROTTLED,
          ErrorKind.TIMEOUT,
          ErrorKind.UNREACHABLE,
          ErrorKind.DIFF_NOT_WRITTEN);

  /** How many seconds after the batch's arrival a run id is looked for before giving up. */
  private static final int RUN_ID_ATTEMPTS = 60;

  private static final String DELETED =
      "Glue reported the table deleted; a change event never recreates a table (the next"
          + " scheduled run applies create_if_missing)";

  private final RunSettings settings;
  private final ObjectStore store;
  private final SchemaDiffRun pipeline;
  private final ContractLoader loader;
  private final BoundedParallelism parallelism;
  private final RegistryCache cache;
  private final Listener listener;

  /** Hears what happened to the messages that were not checked. */
  public interface Listener {
    /** A message that cannot be read; reported failed when it has a message id. */
    void unreadable(String messageId, String problem);

    /** A readable message that concerns no enabled registry entry; acknowledged. */
    void ignored(String messageId, String reason);
  }

  /**
   * What a batch came to.
   *
   * @param manifest null when nothing was checked (or the run failed)
   * @param tables the request: what each checked entry was asked about
   * @param failedMessageIds the batch item failures, in batch order
   * @param failure why the run as a whole failed (all its messages then fail), or null
   */
  public record Outcome(
      RunManifest manifest,
      List<TableEvent> tables,
      List<String> failedMessageIds,
      RuntimeException failure) {
    public Outcome {
      tables = List.copyOf(tables);
      failedMessageIds = List.copyOf(failedMessageIds);
    }
  }

  public EventRun(
      RunSettings settings, ObjectStore store, SchemaDiffRun pipeline, Listener listener) {
    this.settings = settings;
    this.store = store;
    this.pipeline = pipeline;
    this.listener = listener;
    this.loader = new ContractLoader(settings, store);
    this.parallelism = new BoundedParallelism(settings.concurrency());
    this.cache = new RegistryCache(settings, store, loader, parallelism, pipeline.contractCache());
  }

  /** Checks what the batch's events concern; {@code now} is the invocation's clock reading. */
  public Outcome handle(List<QueuedMessage> messages, Instant now) {
    Set<String> failed = new LinkedHashSet<>();
    List<QueuedMessage> readable = new ArrayList<>();
    for (QueuedMessage message : messages) {
      if (message.problem() == null) {
        readable.add(message);
        continue;
      }
      listener.unreadable(message.messageId(), message.problem());
      if (message.messageId() != null) {
        failed.add(message.messageId());
      }
    }
    if (readable.isEmpty()) {
      return new Outcome(null, List.of(), order(messages, failed), null);
    }
    if (!settings.registryMode()) {
      readable.forEach(
          message ->
              listener.ignored(
                  message.messageId(),
                  "event-driven checks need registry mode (REGISTRY_BUCKET is not set)"));
      return new Outcome(null, List.of(), order(messages, failed), null);
    }
    Registry registry;
    try {
      registry = cache.refresh(RunId.of(now));
    } catch (RunFailedException e) {
      readable.forEach(message -> failed.add(message.messageId()));
      return new Outcome(null, List.of(), order(messages, failed), e);
    }
    List<TableEvent> request = request(readable);
    if (request.isEmpty()) {
      return new Outcome(null, List.of(), order(messages, failed), null);
    }
    try {
      RunId run = claimRunId(now);
      Map<String, Registry.Entry> entries = new LinkedHashMap<>();
      registry.tables().forEach(entry -> entries.putIfAbsent(entry.contract(), entry));
      List<LoadedContract> loaded =
          parallelism.map(
              request,
              table ->
                  loader.load(
                      entries.get(table.contractKey()), registry.defaultPolicy(), run, cache));
      Map<String, String> notCreated = new LinkedHashMap<>();
      Map<String, String> tags = new LinkedHashMap<>();
      Map<String, List<ChangedPartition>> changedPartitions = new LinkedHashMap<>();
      Map<String, List<String>> eventIds = new LinkedHashMap<>();
      for (int index = 0; index < loaded.size(); index++) {
        LoadedContract item = loaded.get(index);
        cache.learn(item);
        if (item.contract() != null) {
          eventIds.put(item.contract().qualifiedName(), request.get(index).eventIds());
        }
        if (request.get(index).deleted() && item.contract() != null) {
          notCreated.put(item.contract().qualifiedName(), DELETED);
        }
        if (!request.get(index).changedPartitions().isEmpty() && item.contract() != null) {
          changedPartitions.put(
              item.contract().qualifiedName(),
              request.get(index).changedPartitions().stream()
                  .map(ChangedPartition::parse)
                  .toList());
        }
        String tag = cache.tag(item.entry());
        if (tag != null) {
          tags.put(item.key(), tag);
        }
      }
      RunManifest manifest =
          pipeline.executeLoaded(
              run,
              loaded,
              notCreated,
              registry.defaultPolicy(),
              tags,
              new SchemaDiffRun.EventRequest(changedPartitions, eventIds));
      Map<String, TableEvent> byContract = new LinkedHashMap<>();
      request.forEach(table -> byContract.put(table.contractKey(), table));
      for (TableResult result : manifest.tables()) {
        if (retried(result)) {
          failed.addAll(byContract.get(result.contractKey()).messageIds());
        }
      }
      return new Outcome(manifest, request, order(messages, failed), null);
    } catch (RunFailedException | StoreException e) {
      request.forEach(table -> failed.addAll(table.messageIds()));
      return new Outcome(null, request, order(messages, failed), e);
    }
  }

  /** The registry entries the events concern, each once, in the order first named. */
  private List<TableEvent> request(List<QueuedMessage> readable) {
    Map<String, Collector> byContract = new LinkedHashMap<>();
    for (QueuedMessage message : readable) {
      List<Registry.Entry> entries = new ArrayList<>();
      boolean deleted = false;
      List<String> partitions = List.of();
      String ignored = null;
      switch (message.event()) {
        case ChangeEvent.TableChanged table -> {
          String name = table.database() + "." + table.table();
          Optional<Registry.Entry> entry = cache.entryFor(name);
          entry.ifPresent(entries::add);
          ignored = entry.isEmpty() ? notInRegistry(name) : null;
          deleted = table.deleted();
          partitions = table.changedPartitions();
        }
        case ChangeEvent.DatabaseChanged database -> {
          List<String> names = new ArrayList<>();
          if (database.wholeDatabase()) {
            names.addAll(cache.tablesOf(database.database()));
          } else {
            database.changedTables().forEach(table -> names.add(database.database() + "." + table));
          }
          for (String name : names) {
            cache.entryFor(name).ifPresent(entries::add);
          }
          ignored =
              entries.isEmpty()
                  ? (names.isEmpty()
                      ? database.typeOfChange() + " names no table of the registry"
                      : notInRegistry(String.join(", ", names)))
                  : null;
          deleted = database.deleted();
        }
        case ChangeEvent.ObjectCreated object -> {
          for (String key : object.candidateKeys()) {
            if (cache.isRegistry(object.bucket(), key)) {
              ignored =
                  "the registry changed: this container reads it again; entries it adds are"
                      + " checked by the next scheduled run";
              break;
            }
            entries.addAll(cache.entriesUsing(object.bucket(), key));
          }
          if (ignored == null && entries.isEmpty()) {
            ignored = "s3://" + object.bucket() + "/" + object.key() + " is no registry contract";
          }
        }
      }
      if (ignored != null) {
        listener.ignored(message.messageId(), ignored);
        continue;
      }
      for (Registry.Entry entry : entries) {
        byContract
            .computeIfAbsent(entry.contract(), key -> new Collector())
            .add(message.messageId(), message.eventId(), deleted, partitions);
      }
    }
    List<TableEvent> request = new ArrayList<>();
    byContract.forEach((key, collector) -> request.add(collector.toTableEvent(key)));
    return request;
  }

  private static String notInRegistry(String tables) {
    return tables + ": no enabled registry entry describes it";
  }

  /**
   * The messages of one entry, gathered across the batch. When every one of them named partitions,
   * the check reads exactly those; a change of the table itself (or of its contract) in the batch
   * makes it read the usual sample.
   */
  private static final class Collector {
    private final Set<String> messageIds = new LinkedHashSet<>();
    private final Set<String> eventIds = new LinkedHashSet<>();
    private final Set<String> partitions = new LinkedHashSet<>();
    private boolean deleted;
    private boolean wholeTable;

    void add(String messageId, String eventId, boolean deletion, List<String> changedPartitions) {
      messageIds.add(messageId);
      if (eventId != null) {
        eventIds.add(eventId);
      }
      deleted |= deletion;
      wholeTable |= changedPartitions.isEmpty();
      partitions.addAll(changedPartitions);
    }

    TableEvent toTableEvent(String contractKey) {
      return new TableEvent(
          contractKey,
          List.copyOf(messageIds),
          List.copyOf(eventIds),
          deleted,
          wholeTable ? List.of() : List.copyOf(partitions));
    }
  }

  /** Whether the table's check should be delivered again: a transient failure or a lost write. */
  private static boolean retried(TableResult result) {
    DiffArtifact.ErrorInfo error = result.artifact().error();
    return result.diffKey() == null || (error != null && RETRIED.contains(error.kind()));
  }

  /**
   * A run id of its own for this batch: the invocation's second, or the next free one. Another
   * batch (the queue feeds several invocations at once) may have started in the same second, so the
   * id is claimed by creating its manifest only if it does not exist (an empty event manifest,
   * replaced when the run publishes). Seconds :00 are left to scheduled runs, whose ids are whole
   * minutes and whose manifests are written without a claim.
   */
  private RunId claimRunId(Instant now) {
    Instant second = now.truncatedTo(ChronoUnit.SECONDS);
    for (int attempt = 0; attempt < RUN_ID_ATTEMPTS; attempt++, second = second.plusSeconds(1)) {
      if (second.getEpochSecond() % 60 == 0) {
        continue;
      }
      RunId run = RunId.of(second);
      RunManifest placeholder =
          new RunManifest(run, RunMode.EVENT, List.of(), List.of(), List.of(), null);
      if (store.putIfVersion(
          settings.reportBucket(),
          BucketLayout.manifest(run.value()),
          placeholder.toJson(),
          SchemaDiffRun.JSON,
          null)) {
        return run;
      }
    }
    throw new RunFailedException(
        "no free run id within " + RUN_ID_ATTEMPTS + " s of " + now + ": too many runs at once",
        null);
  }

  /** The failed message ids in the order of the batch. */
  private static List<String> order(List<QueuedMessage> messages, Set<String> failed) {
    List<String> ordered = new ArrayList<>();
    for (QueuedMessage message : messages) {
      if (message.messageId() != null
          && failed.contains(message.messageId())
          && !ordered.contains(message.messageId())) {
        ordered.add(message.messageId());
      }
    }
    return ordered;
  }
}
