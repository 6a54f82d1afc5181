package dev.schemadrift.report;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact.Counts;
import dev.schemadrift.artifact.DiffArtifact.TableName;
import dev.schemadrift.artifact.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;

/**
 * An index state of many tables with a month of daily history each, made up deterministically
 * (seeded): 40 databases, 60 owners, 25 tags, mostly OK with every other status present.
 */
final class LargeIndex {
  private LargeIndex() {}

  static IndexState state(int tableCount) {
    Random random = new Random(20261126L);
    TreeMap<String, IndexState.TableState> tables = new TreeMap<>();
    List<String> runs = new ArrayList<>();
    LocalDate day = LocalDate.of(2026, 10, 28);
    for (int index = 0; index < IndexState.HISTORY; index++) {
      runs.add(day.plusDays(index).toString().replace("-", "") + "T080000Z");
    }
    for (int index = 0; index < tableCount; index++) {
      TableName name =
          new TableName(
              String.format(Locale.ROOT, "lake_%02d", index % 40),
              String.format(Locale.ROOT, "dataset_%05d", index));
      List<IndexState.RunStatus> history = new ArrayList<>();
      Status status = Status.OK;
      String lastChanged = runs.getFirst();
      for (String run : runs) {
        Status next = random.nextInt(10) == 0 ? pick(random) : status;
        if (next != status) {
          lastChanged = run;
        }
        status = next;
        history.add(new IndexState.RunStatus(run, status));
      }
      Counts counts =
          switch (status) {
            case BREAKING ->
                new Counts(
                    1 + random.nextInt(3), random.nextInt(3), random.nextInt(4), random.nextInt(2));
            case RISKY ->
                new Counts(0, 1 + random.nextInt(3), random.nextInt(4), random.nextInt(2));
            case SAFE -> new Counts(0, 0, 1 + random.nextInt(4), random.nextInt(2));
            case OK, NO_DATA, ERROR -> new Counts(0, 0, 0, 0);
          };
      List<String> tags = new ArrayList<>();
      tags.add(String.format(Locale.ROOT, "domain-%02d", index % 25));
      if (index % 3 == 0) {
        tags.add("tier-1");
      }
      tables.put(
          BucketLayout.folder(name),
          new IndexState.TableState(
              name,
              runs.getLast(),
              status,
              counts,
              String.format(Locale.ROOT, "team-%02d@example.org", index % 60),
              tags,
              lastChanged,
              status == Status.OK ? "" : Integer.toHexString(index),
              history,
              List.of()));
    }
    return new IndexState(tables);
  }

  private static Status pick(Random random) {
    int roll = random.nextInt(100);
    if (roll < 55) {
      return Status.OK;
    }
    if (roll < 72) {
      return Status.SAFE;
    }
    if (roll < 84) {
      return Status.RISKY;
    }
    if (roll < 92) {
      return Status.BREAKING;
    }
    return roll < 96 ? Status.NO_DATA : Status.ERROR;
  }
}
