package dev.schemadrift.report;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.DiffArtifact.TableName;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.concurrent.BoundedParallelism;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.json.Json;
import dev.schemadrift.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tells people when a table turns BREAKING or ERROR for a reason they have not been told about.
 *
 * <p>A result's <em>alert keys</em> are the fingerprints of its BREAKING findings that no live
 * waiver covers (status BREAKING), or {@code ERROR:<kind>} (status ERROR); other statuses raise
 * none. The index state remembers, per table, which keys of its latest result a message has covered
 * ({@code notified}); a newer result keeps only the keys it still raises, so a problem that goes
 * away and comes back is news again. One message per table whose latest result raises keys not
 * covered yet, listing only those.
 *
 * <p>Messages are published before the state that records them is written (at least once: a crash
 * between the two sends it again, nothing is lost). A message that cannot be published leaves its
 * keys unrecorded, the reports and index are still written, and the generation then fails so Lambda
 * retries it, which publishes what is still missing.
 */
public final class Notifications {
  /** Findings listed in one message; the total is always given. */
  static final int MAX_FINDINGS = 50;

  /** Longest path, reason or error message quoted, so that a message stays far below 256 KB. */
  static final int MAX_TEXT = 1_000;

  static final int VERSION = 1;

  private static final Notifications OFF = new Notifications(null, null, null);

  private final Notifier notifier;
  private final String bucket;
  private final String reportBaseUrl;

  private Notifications(Notifier notifier, String bucket, String reportBaseUrl) {
    this.notifier = notifier;
    this.bucket = bucket;
    this.reportBaseUrl = reportBaseUrl;
  }

  /**
   * No messages; the state records no notified keys (a topic configured later tells each table's
   * current problems once), but still the keys counted as news by the metrics.
   */
  public static Notifications off() {
    return OFF;
  }

  /**
   * @param bucket the report bucket, for {@code s3://} links when there is no base URL
   * @param reportBaseUrl where the report bucket is served (e.g. a CloudFront domain), or null
   */
  public static Notifications to(Notifier notifier, String bucket, String reportBaseUrl) {
    if (notifier == null) {
      throw new IllegalArgumentException("a notifier is required");
    }
    String base = reportBaseUrl == null || reportBaseUrl.isBlank() ? null : reportBaseUrl.strip();
    while (base != null && base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return new Notifications(notifier, bucket, base);
  }

  public boolean enabled() {
    return notifier != null;
  }

  /** The keys a result raises, sorted; empty unless it is BREAKING or ERROR. */
  public static List<String> alertKeys(DiffArtifact artifact) {
    Set<String> keys = new TreeSet<>();
    if (artifact.status() == Status.ERROR) {
      keys.add("ERROR:" + (artifact.error() == null ? "UNKNOWN" : artifact.error().kindName()));
    } else if (artifact.status() == Status.BREAKING) {
      for (Finding finding : artifact.findings()) {
        if (finding.counts() && finding.severity() == Severity.BREAKING) {
          keys.add(finding.fingerprint());
        }
      }
    }
    return List.copyOf(keys);
  }

  /**
   * A result of this generation that may be notified.
   *
   * @param alerts its {@link #alertKeys}
   */
  record Candidate(DiffArtifact artifact, String diffKey, List<String> alerts) {}

  /** What one pass did. */
  record Outcome(
      IndexState state, int published, List<String> failures, int newBreaking, int newError) {}

  /** A table to notify: its entry in the merged state, its result, the keys not covered yet. */
  private record Due(IndexState.TableState entry, Candidate candidate, Set<String> pending) {}

  /**
   * Publishes what {@code state} has not covered yet for this generation's results, and returns the
   * state with the published keys recorded.
   *
   * @param candidates this generation's results by {@code <db>.<table>/<run>}
   * @param manifestKey the run manifest this generation reports on, or null
   */
  Outcome publishPending(
      IndexState state,
      Map<String, Candidate> candidates,
      String manifestKey,
      BoundedParallelism parallelism) {
    TreeMap<String, IndexState.TableState> tables = new TreeMap<>(state.tables());
    int newBreaking = 0;
    int newError = 0;
    // News for the metrics, with or without a topic: keys this table's latest result raises that
    // no earlier generation counted.
    for (IndexState.TableState entry : state.tables().values()) {
      Candidate candidate =
          candidates.get(BucketLayout.folder(entry.table()) + "/" + entry.lastChecked());
      if (candidate != null && !entry.alerted().containsAll(candidate.alerts())) {
        switch (candidate.artifact().status()) {
          case BREAKING -> newBreaking++;
          case ERROR -> newError++;
          case OK, SAFE, RISKY, NO_DATA -> {
            // Raises no alert keys, so it is never news.
          }
        }
        tables.put(BucketLayout.folder(entry.table()), entry.withAlerted(candidate.alerts()));
      }
    }
    if (notifier == null) {
      return new Outcome(new IndexState(tables), 0, List.of(), newBreaking, newError);
    }
    List<Due> due = new ArrayList<>();
    for (IndexState.TableState entry : tables.values()) {
      Candidate candidate =
          candidates.get(BucketLayout.folder(entry.table()) + "/" + entry.lastChecked());
      if (candidate != null) {
        Set<String> pending = new TreeSet<>(candidate.alerts());
        pending.removeAll(entry.notified());
        if (!pending.isEmpty()) {
          due.add(new Due(entry, candidate, pending));
        }
      }
    }
    if (due.isEmpty()) {
      return new Outcome(new IndexState(tables), 0, List.of(), newBreaking, newError);
    }
    List<Notification> messages = new ArrayList<>(due.size());
    for (Due table : due) {
      messages.add(message(table, manifestKey));
    }
    List<String> outcomes = parallelism.map(messages, this::publish);
    int published = 0;
    List<String> failures = new ArrayList<>();
    for (int index = 0; index < due.size(); index++) {
      IndexState.TableState entry = due.get(index).entry();
      String failure = outcomes.get(index);
      if (failure == null) {
        published++;
        tables.put(
            BucketLayout.folder(entry.table()),
            entry.withNotified(due.get(index).candidate().alerts()));
      } else {
        failures.add(entry.table().qualified() + ": " + failure);
      }
    }
    return new Outcome(
        new IndexState(tables), published, List.copyOf(failures), newBreaking, newError);
  }

  private String publish(Notification message) {
    try {
      notifier.publish(message);
      return null;
    } catch (RuntimeException e) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }

  /** The message about one table's latest result (its shape: docs/OPERATIONS.md). */
  private Notification message(Due due, String manifestKey) {
    DiffArtifact artifact = due.candidate().artifact();
    IndexState.TableState entry = due.entry();
    TableName table = artifact.table();
    List<Finding> fresh = new ArrayList<>();
    for (Finding finding : artifact.findings()) {
      if (finding.counts()
          && finding.severity() == Severity.BREAKING
          && due.pending().contains(finding.fingerprint())) {
        fresh.add(finding);
      }
    }
    String body =
        Json.writeText(
            json -> {
              json.writeStartObject();
              json.writeNumberField("notification_version", VERSION);
              json.writeStringField("run_id", artifact.runId());
              json.writeObjectFieldStart("table");
              json.writeStringField("database", table.database());
              json.writeStringField("name", table.name());
              json.writeEndObject();
              json.writeStringField("status", artifact.status().name());
              json.writeStringField("previous_status", previousStatus(entry, artifact.runId()));
              json.writeStringField("owner", entry.owner());
              if (artifact.contract() == null) {
                json.writeNullField("contract");
              } else {
                json.writeObjectFieldStart("contract");
                json.writeStringField("key", artifact.contract().key());
                json.writeStringField("version", artifact.contract().version());
                json.writeEndObject();
              }
              json.writeArrayFieldStart("new_findings");
              for (Finding finding : fresh.subList(0, Math.min(fresh.size(), MAX_FINDINGS))) {
                json.writeStartObject();
                json.writeStringField("rule", finding.rule().name());
                json.writeStringField("severity", finding.severity().name());
                json.writeStringField("path", clip(finding.path()));
                json.writeStringField("fingerprint", finding.fingerprint());
                json.writeStringField("reason", clip(finding.reason()));
                json.writeEndObject();
              }
              json.writeEndArray();
              json.writeNumberField("new_findings_total", fresh.size());
              if (artifact.error() == null) {
                json.writeNullField("error");
              } else {
                json.writeObjectFieldStart("error");
                json.writeStringField("kind", artifact.error().kindName());
                json.writeStringField("message", clip(artifact.error().message()));
                json.writeEndObject();
              }
              json.writeStringField("report_url", reportUrl(table));
              json.writeStringField("diff_key", due.candidate().diffKey());
              json.writeStringField("manifest_key", manifestKey);
              json.writeEndObject();
            });
    Map<String, String> attributes = new TreeMap<>();
    attributes.put("status", artifact.status().name());
    attributes.put("database", table.database());
    attributes.put("table", table.name());
    return new Notification(
        subject("[schema-drift] " + artifact.status().name() + " " + table.qualified()),
        body,
        attributes);
  }

  /** The status of the run before {@code run} in the table's history, or null for its first. */
  private static String previousStatus(IndexState.TableState entry, String run) {
    String previous = null;
    for (IndexState.RunStatus status : entry.history()) {
      if (status.runId().compareTo(run) >= 0) {
        break;
      }
      previous = status.status().name();
    }
    return previous;
  }

  String reportUrl(TableName table) {
    String key = BucketLayout.latest(table);
    return reportBaseUrl == null ? "s3://" + bucket + "/" + key : reportBaseUrl + "/" + key;
  }

  /** One printable line of at most {@value Notification#MAX_SUBJECT} characters. */
  static String subject(String text) {
    StringBuilder line = new StringBuilder(text.length());
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      line.append(c < 0x20 || c > 0x7e ? '?' : c);
    }
    if (line.length() > Notification.MAX_SUBJECT) {
      line.setLength(Notification.MAX_SUBJECT - 3);
      line.append("...");
    }
    return line.toString();
  }

  private static String clip(String text) {
    if (text == null || text.length() <= MAX_TEXT) {
      return text;
    }
    int end = MAX_TEXT - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }
}
