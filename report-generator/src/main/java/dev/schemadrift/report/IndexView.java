package dev.schemadrift.report;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything index.html shows, from the index state alone: one row per table (worst first), the
 * totals per status, the filter choices, and the trend of statuses over recent runs.
 */
public record IndexView(
    String asOf,
    String asOfIso,
    int tableCount,
    List<StatusTotal> totals,
    Trend trend,
    List<StatusView> statuses,
    List<String> databases,
    List<String> owners,
    List<String> tags,
    List<Row> rows,
    List<AccountGroup> accounts) {

  /**
   * The tables of one Glue catalog and their statuses, for a lake that spans accounts.
   *
   * @param account the 12-digit catalog id, or "own account" for the monitor's own catalog
   * @param byStatus the number of tables per status, in attention order (as {@link #statuses})
   */
  public record AccountGroup(String account, int tables, List<Integer> byStatus) {}

  /** How the monitor's own catalog is named among other accounts' catalogs. */
  static final String OWN_ACCOUNT = "own account";

  /** Runs shown in the trend. */
  public static final int TREND_RUNS = 30;

  static final int TREND_WIDTH = 720;
  static final int TREND_HEIGHT = 120;
  private static final int TREND_WIDEST_BAR = 48;

  /** How many tables have a status. */
  public record StatusTotal(StatusView status, int count) {}

  /**
   * One table, as the index's data block carries it ({@link ScriptData}).
   *
   * @param owner null when the registry names none
   * @param lastChecked the run id of the latest result
   * @param lastChanged the run id of the last change of status or findings
   * @param created the run id of the run that created the table from its contract, or null
   */
  public record Row(
      String database,
      String table,
      StatusView status,
      int breaking,
      int risky,
      int safe,
      int waived,
      String owner,
      List<String> tags,
      String lastChecked,
      String lastChanged,
      String created) {}

  /** Tables by status as of each recent run, as stacked SVG bars. */
  public record Trend(List<Bar> bars, int width, int height, int max) {}

  /**
   * One run's bar.
   *
   * @param x its left edge
   * @param byStatus the number of tables per status, in attention order (as {@link #statuses})
   */
  public record Bar(
      String runId,
      String time,
      int x,
      int width,
      int total,
      List<Segment> segments,
      List<Integer> byStatus) {}

  /** One status's part of a bar. */
  public record Segment(StatusView status, int count, int y, int height) {}

  public static IndexView of(IndexState state) {
    List<IndexState.TableState> tables = new ArrayList<>(state.tables().values());
    tables.sort(
        Comparator.comparing(IndexState.TableState::status, StatusView.BY_ATTENTION)
            .thenComparing(table -> BucketLayout.folder(table.table())));
    List<Row> rows = new ArrayList<>(tables.size());
    Map<Status, Integer> totals = new EnumMap<>(Status.class);
    TreeSet<String> databases = new TreeSet<>();
    TreeSet<String> owners = new TreeSet<>();
    TreeSet<String> tags = new TreeSet<>();
    for (IndexState.TableState table : tables) {
      String owner = VisibleText.of(table.owner(), VisibleText.INDEX_LIMIT);
      List<String> shownTags =
          table.tags().stream().map(tag -> VisibleText.of(tag, VisibleText.INDEX_LIMIT)).toList();
      rows.add(
          new Row(
              table.table().database(),
              table.table().name(),
              StatusView.of(table.status()),
              table.counts().breaking(),
              table.counts().risky(),
              table.counts().safe(),
              table.counts().waived(),
              owner,
              shownTags,
              table.lastChecked(),
              table.lastChanged(),
              table.created()));
      totals.merge(table.status(), 1, Integer::sum);
      databases.add(table.table().database());
      if (owner != null && !owner.isEmpty()) {
        owners.add(owner);
      }
      tags.addAll(shownTags);
    }
    List<StatusTotal> statusTotals = new ArrayList<>();
    for (StatusView status : StatusView.all()) {
      statusTotals.add(
          new StatusTotal(status, totals.getOrDefault(Status.valueOf(status.name()), 0)));
    }
    String latest = state.latestRun();
    return new IndexView(
        latest == null ? null : RunTimes.human(latest),
        latest == null ? null : RunTimes.iso(latest),
        rows.size(),
        statusTotals,
        trend(state),
        StatusView.all(),
        List.copyOf(databases),
        List.copyOf(owners),
        List.copyOf(tags),
        rows,
        accounts(tables));
  }

  /**
   * The tables grouped by the catalog that holds them, own account first, then by catalog id; empty
   * when every table is in the own account (the index then shows no account section).
   */
  static List<AccountGroup> accounts(List<IndexState.TableState> tables) {
    TreeMap<String, int[]> byAccount = new TreeMap<>();
    boolean other = false;
    List<StatusView> order = StatusView.all();
    for (IndexState.TableState table : tables) {
      other |= table.catalogId() != null;
      // " " sorts before every digit: the own account comes first.
      String key = table.catalogId() == null ? " " : table.catalogId();
      int[] counts = byAccount.computeIfAbsent(key, account -> new int[order.size() + 1]);
      counts[0]++;
      for (int index = 0; index < order.size(); index++) {
        if (order.get(index).name().equals(table.status().name())) {
          counts[index + 1]++;
        }
      }
    }
    if (!other) {
      return List.of();
    }
    List<AccountGroup> groups = new ArrayList<>();
    byAccount.forEach(
        (account, counts) -> {
          List<Integer> byStatus = new ArrayList<>();
          for (int index = 1; index < counts.length; index++) {
            byStatus.add(counts[index]);
          }
          groups.add(
              new AccountGroup(
                  account.equals(" ") ? OWN_ACCOUNT : account, counts[0], List.copyOf(byStatus)));
        });
    return List.copyOf(groups);
  }

  /**
   * For each of the last {@value #TREND_RUNS} runs seen in any table's history: how many tables had
   * each status as of that run (each table counted with its newest result at or before the run).
   * Derived from the histories, so the state stores no separate totals that could disagree.
   */
  static Trend trend(IndexState state) {
    TreeSet<String> allRuns = new TreeSet<>();
    for (IndexState.TableState table : state.tables().values()) {
      table.history().forEach(entry -> allRuns.add(entry.runId()));
    }
    List<String> runs = new ArrayList<>(allRuns.descendingSet());
    runs = new ArrayList<>(runs.subList(0, Math.min(TREND_RUNS, runs.size())));
    runs.sort(Comparator.naturalOrder());
    List<Map<Status, Integer>> counts = new ArrayList<>();
    for (int index = 0; index < runs.size(); index++) {
      counts.add(new EnumMap<>(Status.class));
    }
    for (IndexState.TableState table : state.tables().values()) {
      List<IndexState.RunStatus> history = table.history();
      int next = 0;
      Status current = null;
      for (int index = 0; index < runs.size(); index++) {
        String run = runs.get(index);
        while (next < history.size() && history.get(next).runId().compareTo(run) <= 0) {
          current = history.get(next).status();
          next++;
        }
        if (current != null) {
          counts.get(index).merge(current, 1, Integer::sum);
        }
      }
    }
    int max = 1;
    for (Map<Status, Integer> perStatus : counts) {
      max = Math.max(max, perStatus.values().stream().mapToInt(Integer::intValue).sum());
    }
    List<Bar> bars = new ArrayList<>();
    // Runs spread over the whole width; bars fill most of their slot, up to a sensible width.
    int slot = runs.isEmpty() ? TREND_WIDTH : TREND_WIDTH / runs.size();
    int barWidth = Math.min(TREND_WIDEST_BAR, Math.max(4, slot * 3 / 4));
    for (int index = 0; index < runs.size(); index++) {
      Map<Status, Integer> perStatus = counts.get(index);
      List<Segment> segments = new ArrayList<>();
      int total = 0;
      int bottom = TREND_HEIGHT;
      // OK at the bottom, BREAKING on top: the reverse of attention order.
      for (Status status : StatusView.ATTENTION_ORDER.reversed()) {
        int count = perStatus.getOrDefault(status, 0);
        if (count == 0) {
          continue;
        }
        total += count;
        int top = TREND_HEIGHT - (int) Math.round((double) total * TREND_HEIGHT / max);
        segments.add(new Segment(StatusView.of(status), count, top, Math.max(1, bottom - top)));
        bottom = top;
      }
      List<Integer> byStatus =
          StatusView.ATTENTION_ORDER.stream()
              .map(status -> perStatus.getOrDefault(status, 0))
              .toList();
      String run = runs.get(index);
      bars.add(
          new Bar(
              run,
              RunTimes.human(run),
              index * slot + (slot - barWidth) / 2,
              barWidth,
              total,
              segments,
              byStatus));
    }
    return new Trend(bars, TREND_WIDTH, TREND_HEIGHT, max);
  }
}
