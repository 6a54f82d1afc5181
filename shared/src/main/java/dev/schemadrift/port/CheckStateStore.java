package dev.schemadrift.port;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.state.CheckRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the per-table check state lives (the report bucket's {@code state/checks/}): what each
 * table's last verdict was judged on, so that a scheduled run can keep verdicts whose inputs did
 * not change, and an event can tell that a table version was already judged. Updates are merged
 * with conditional writes, like the report index: overlapping runs never lose a table.
 */
public interface CheckStateStore {
  /**
   * Every table's record, with the versions read (for a later {@link #record}); empty when there is
   * no state yet.
   */
  Snapshot read();

  /**
   * The records of these tables (others may come along), with the versions of the parts read: what
   * an event run needs, without reading every part. A later {@link #record} with this snapshot may
   * only record these tables.
   */
  default Snapshot read(Collection<DiffArtifact.TableName> tables) {
    return read();
  }

  /** One table's record, reading only the part that holds it. */
  default Optional<CheckRecord> find(DiffArtifact.TableName table) {
    return Optional.ofNullable(read(List.of(table)).tables().get(BucketLayout.folder(table)));
  }

  /**
   * Merges the records into the state (a newer verdict replaces an older one, never the reverse),
   * writing only the parts they change, each with a conditional write retried on conflict.
   *
   * @param start what {@link #read} returned, or null to read the parts first
   * @return how many conflicting writes it took
   */
  int record(Collection<CheckRecord> records, Snapshot start);

  /**
   * The state as read: every record by {@code <db>.<table>}, and each part's version (absent: the
   * part did not exist).
   */
  record Snapshot(Map<String, CheckRecord> tables, Map<String, String> versions) {
    public static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of());

    public Snapshot {
      tables = Map.copyOf(tables);
      versions = Map.copyOf(versions);
    }
  }

  /** No state: nothing is remembered, so every run judges every table. */
  CheckStateStore NONE =
      new CheckStateStore() {
        @Override
        public Snapshot read() {
          return Snapshot.EMPTY;
        }

        @Override
        public int record(Collection<CheckRecord> records, Snapshot start) {
          return 0;
        }
      };
}
