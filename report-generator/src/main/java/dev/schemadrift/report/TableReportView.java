package dev.schemadrift.report;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.DiffArtifact.Counts;
import dev.schemadrift.artifact.Status;
import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.contract.Policy;
import dev.schemadrift.diff.AppliedWaiver;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.diff.RenameEvidence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one table's report shows, already worded and made visible ({@link VisibleText}); the
 * templates only lay it out and escape it. Built from the run's artifact, the previous run's
 * artifact (for what changed) and the table's recent history.
 */
public record TableReportView(
    String qualified,
    String database,
    String table,
    String runId,
    String runTime,
    String runIso,
    StatusView status,
    String headline,
    String summary,
    Counts counts,
    boolean createdTable,
    Problem problem,
    List<FindingRow> findings,
    Changes changes,
    List<Fact> compared,
    List<WaiverRow> unusedWaivers,
    History history,
    Links links) {

  /** Why there are no findings to show: an ERROR or NO_DATA, with what to do about it. */
  public record Problem(String title, String kind, String message, String advice) {}

  /**
   * One finding.
   *
   * @param change {@code new} or {@code persisting} against the previous run; null without one
   * @param overridden the rule's default severity when the policy changed it, else null
   */
  public record FindingRow(
      StatusView severity,
      String rule,
      String ruleSummary,
      String path,
      String expected,
      String actual,
      String reason,
      String evidence,
      WaiverRow waiver,
      String change,
      boolean counts,
      String overridden,
      String fingerprint) {}

  /** A waiver as shown; {@code state} is null for unused waivers. */
  public record WaiverRow(
      String rule, String path, String reason, String owner, String expires, String state) {}

  /**
   * What changed since the table's previous run.
   *
   * @param previousRun null when this is the table's first run
   * @param previousStatus the previous run's status, null when there is none
   * @param compared false when this run compared nothing (ERROR, NO_DATA): changes are unknown
   * @param previousReadable false when the previous run's diff could not be read
   */
  public record Changes(
      String previousRun,
      String previousTime,
      String previousHref,
      StatusView previousStatus,
      boolean compared,
      boolean previousReadable,
      int added,
      int persisting,
      List<ResolvedRow> resolved) {}

  /** A finding of the previous run that this run no longer has. */
  public record ResolvedRow(
      StatusView severity, String rule, String path, String expected, String actual) {}

  /** One line of "what was compared". */
  public record Fact(String label, String value) {}

  /** The table's recent runs, oldest first, as cells of an SVG strip. */
  public record History(List<HistoryCell> cells, int width) {}

  /**
   * One run in the history strip.
   *
   * @param x the cell's left edge in the SVG
   */
  public record HistoryCell(
      String runId, String time, StatusView status, int x, boolean current, String href) {}

  /** Relative links from the table's report folder. */
  public record Links(String index, String diffJson, String markdown, String html, String latest) {}

  static final int HISTORY_CELL = 22;
  static final int HISTORY_GAP = 4;

  /** What a data engineer can do about NO_DATA (an ERROR's advice comes with its kind). */
  private static final String NO_DATA_ADVICE =
      "Nothing was compared: the table's data location holds no files. If data is expected, check"
          + " that the producing job ran and writes to this location (the contract's"
          + " data_location); for a new table there is nothing to do: the next run compares it once"
          + " files arrive.";

  /**
   * @param previous the previous run's artifact; null when there is none or it was unreadable
   * @param previousRun the previous run's id, or null when this is the first
   * @param history the table's runs up to and including this one, oldest first
   * @param diffAvailable whether the diff JSON exists to link to
   */
  public static TableReportView of(
      DiffArtifact artifact,
      DiffArtifact previous,
      String previousRun,
      List<IndexState.RunStatus> history,
      boolean diffAvailable) {
    String run = artifact.runId();
    DiffArtifact.TableName name = artifact.table();
    Set<String> before = fingerprints(previous);
    List<FindingRow> rows = new ArrayList<>();
    int added = 0;
    for (Finding finding : artifact.findings()) {
      String change = null;
      if (previous != null) {
        change = before.contains(finding.fingerprint()) ? "persisting" : "new";
        added += change.equals("new") ? 1 : 0;
      }
      rows.add(row(finding, change));
    }
    boolean compared = artifact.status() != Status.ERROR && artifact.status() != Status.NO_DATA;
    List<ResolvedRow> resolved = new ArrayList<>();
    if (previous != null && compared) {
      Set<String> now = fingerprints(artifact);
      for (Finding finding : previous.findings()) {
        if (!now.contains(finding.fingerprint())) {
          resolved.add(
              new ResolvedRow(
                  StatusView.of(finding.severity()),
                  finding.rule().name(),
                  shown(finding.path()),
                  value(finding.expected()),
                  value(finding.actual())));
        }
      }
    }
    StatusView previousStatus = null;
    String previousReport = previousRun;
    for (IndexState.RunStatus entry : history) {
      if (entry.runId().equals(previousRun)) {
        previousStatus = StatusView.of(entry.status());
        // A run that kept an earlier verdict has that verdict's report.
        previousReport = entry.verdictRun();
      }
    }
    Changes changes =
        new Changes(
            previousRun,
            previousRun == null ? null : RunTimes.human(previousRun),
            previousRun == null ? null : previousReport + ".report.html",
            previousStatus,
            compared,
            previous != null,
            added,
            rows.size() - added,
            resolved);
    return new TableReportView(
        name.qualified(),
        name.database(),
        name.name(),
        run,
        RunTimes.human(run),
        RunTimes.iso(run),
        StatusView.of(artifact.status()),
        headline(artifact.status()),
        summary(artifact),
        artifact.counts(),
        artifact.createdTable(),
        problem(artifact),
        rows,
        changes,
        compared(artifact),
        artifact.unusedWaivers().stream().map(waiver -> waiver(waiver, null)).toList(),
        history(history, run),
        new Links(
            BucketLayout.indexFromReport(),
            diffAvailable ? BucketLayout.diffFromReport(name, run) : null,
            run + ".report.md",
            run + ".report.html",
            "latest.html"));
  }

  private static Set<String> fingerprints(DiffArtifact artifact) {
    Set<String> fingerprints = new HashSet<>();
    if (artifact != null) {
      artifact.findings().forEach(finding -> fingerprints.add(finding.fingerprint()));
    }
    return fingerprints;
  }

  private static FindingRow row(Finding finding, String change) {
    return new FindingRow(
        StatusView.of(finding.severity()),
        finding.rule().name(),
        finding.rule().summary(),
        shown(finding.path()),
        value(finding.expected()),
        value(finding.actual()),
        shown(finding.reason()),
        evidence(finding.evidence()),
        finding.waiver() == null
            ? null
            : waiver(finding.waiver().waiver(), finding.waiver().state()),
        change,
        finding.counts(),
        finding.defaultSeverity() == finding.severity() ? null : finding.defaultSeverity().name(),
        finding.fingerprint());
  }

  private static WaiverRow waiver(Policy.Waiver waiver, AppliedWaiver.State state) {
    return new WaiverRow(
        waiver.rule().name(),
        shown(waiver.path()),
        shown(waiver.reason()),
        shown(waiver.owner()),
        waiver.expires().toString(),
        state == null
            ? null
            : switch (state) {
              case ACCEPTED -> "accepted";
              case EXPIRED -> "expired";
            });
  }

  private static String evidence(RenameEvidence evidence) {
    return evidence == null ? null : evidence.reportWording();
  }

  private static String headline(Status status) {
    return switch (status) {
      case OK -> "Matches its contract";
      case SAFE -> "Safe changes only";
      case RISKY -> "Risky changes";
      case BREAKING -> "Breaking changes";
      case NO_DATA -> "No data files yet";
      case ERROR -> "The check could not be completed";
    };
  }

  private static String summary(DiffArtifact artifact) {
    return switch (artifact.status()) {
      case NO_DATA -> "The table was not compared because its data location holds no files.";
      case ERROR -> "The monitor could not decide whether the table matches its contract.";
      case OK, SAFE, RISKY, BREAKING -> counted(artifact.counts());
    };
  }

  /** "3 breaking, 2 risky and 2 safe findings; 1 waived." */
  static String counted(Counts counts) {
    List<String> parts = new ArrayList<>();
    if (counts.breaking() > 0) {
      parts.add(counts.breaking() + " breaking");
    }
    if (counts.risky() > 0) {
      parts.add(counts.risky() + " risky");
    }
    if (counts.safe() > 0) {
      parts.add(counts.safe() + " safe");
    }
    String sentence;
    if (parts.isEmpty()) {
      sentence = "No findings count against the contract";
    } else {
      int total = counts.breaking() + counts.risky() + counts.safe();
      String last = parts.removeLast();
      sentence =
          (parts.isEmpty() ? last : String.join(", ", parts) + " and " + last)
              + (total == 1 ? " finding" : " findings");
    }
    if (counts.waived() > 0) {
      sentence += "; " + counts.waived() + " waived";
    }
    return sentence + ".";
  }

  private static Problem problem(DiffArtifact artifact) {
    if (artifact.status() == Status.ERROR && artifact.error() != null) {
      return new Problem(
          "What happened",
          shown(artifact.error().kindName()),
          shown(artifact.error().message()),
          artifact.error().kind().advice());
    }
    if (artifact.status() == Status.NO_DATA) {
      String location =
          artifact.dataProbe() == null
              ? "the data location"
              : shown(artifact.dataProbe().location());
      return new Problem(
          "What happened", null, "No objects were found under " + location + ".", NO_DATA_ADVICE);
    }
    return null;
  }

  private static List<Fact> compared(DiffArtifact artifact) {
    List<Fact> facts = new ArrayList<>();
    DiffArtifact.ContractInfo contract = artifact.contract();
    if (contract != null) {
      facts.add(new Fact("Contract", shown(contract.key())));
      facts.add(new Fact("Contract version", orDash(shown(contract.version()))));
      facts.add(new Fact("Contract SHA-256", orDash(shown(contract.sha256()))));
    } else {
      facts.add(new Fact("Contract", "not read"));
    }
    if (artifact.catalogId() != null) {
      facts.add(new Fact("Glue catalog", "account " + shown(artifact.catalogId())));
    }
    DiffArtifact.CatalogInfo catalog = artifact.catalog();
    if (catalog != null) {
      facts.add(new Fact("Glue version", orDash(shown(catalog.versionId()))));
      facts.add(new Fact("Glue updated", orDash(shown(RunTimes.instant(catalog.updateTime())))));
      facts.add(new Fact("Table type", orDash(shown(catalog.tableType()))));
      facts.add(new Fact("Format profile", profile(catalog.profile())));
      facts.add(new Fact("File family", catalog.fileFamily().jsonName()));
      facts.add(new Fact("Partitioned", catalog.partitioned() ? "yes" : "no"));
      if (catalog.partitions() != null) {
        facts.add(new Fact("Partitions compared", partitions(catalog.partitions())));
      }
      facts.add(new Fact("Location", orDash(shown(catalog.location()))));
      if (!catalog.setAsideColumns().isEmpty()) {
        facts.add(
            new Fact(
                "Set aside",
                "Hudi metadata columns, not compared (the contract does not list them): "
                    + shown(String.join(", ", catalog.setAsideColumns()))));
      }
    } else {
      facts.add(new Fact("Glue table", "not read"));
    }
    if (artifact.dataProbe() != null) {
      facts.add(
          new Fact(
              "Data files",
              (artifact.dataProbe().hasData() ? "present under " : "none under ")
                  + shown(artifact.dataProbe().location())));
    }
    if (artifact.createdTable()) {
      facts.add(new Fact("Created", "this run created the Glue table from the contract"));
    }
    return facts;
  }

  /** Which partitions the sample covered, or why none was read. */
  private static String partitions(DiffArtifact.PartitionsInfo sample) {
    if (sample.skipped() != null) {
      return "none: " + shown(sample.skipped());
    }
    if (sample.read() == 0) {
      return "none: Glue lists no partitions";
    }
    String range =
        sample.read() == 1
            ? shown(sample.first())
            : shown(sample.first()) + " to " + shown(sample.last());
    return sample.read()
        + " (the first page of at most "
        + sample.limit()
        + "): "
        + range
        + (sample.more() ? "; Glue holds more, which were not compared" : "")
        + (sample.readIn() == null
            ? ""
            : "; read by run "
                + shown(sample.readIn())
                + " (the Glue table version is the same, only the contract changed)");
  }

  private static String profile(FormatProfile profile) {
    return switch (profile) {
      case POSITIONAL -> "POSITIONAL (columns read by position)";
      case BY_NAME -> "BY_NAME (columns read by name)";
      case ICEBERG -> "ICEBERG (columns read by field id)";
      case UNKNOWN -> "UNKNOWN (judged as POSITIONAL)";
    };
  }

  private static History history(List<IndexState.RunStatus> runs, String current) {
    List<HistoryCell> cells = new ArrayList<>();
    int x = 0;
    for (IndexState.RunStatus run : runs) {
      cells.add(
          new HistoryCell(
              run.runId(),
              RunTimes.human(run.runId()),
              StatusView.of(run.status()),
              x,
              run.runId().equals(current),
              run.verdictRun() + ".report.html"));
      x += HISTORY_CELL + HISTORY_GAP;
    }
    return new History(cells, Math.max(HISTORY_CELL, x - HISTORY_GAP));
  }

  private static String shown(String value) {
    return VisibleText.of(value, VisibleText.REPORT_LIMIT);
  }

  /** An expected or actual value: null stays absent, an empty value is shown as {@code ""}. */
  private static String value(String value) {
    return value != null && value.isEmpty() ? "\"\"" : shown(value);
  }

  private static String orDash(String value) {
    return value == null ? "—" : value;
  }
}
