package dev.schemadrift.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule engine sees each format's SerDe and access switch as an Athena table carries them. */
class RuleEngineTest {
  private static final List<Column> BEFORE =
      List.of(new Column("id", "int"), new Column("name", "string"));
  private static final List<Column> INSERTED =
      List.of(new Column("id", "int"), new Column("email", "string"), new Column("name", "string"));

  private static Experiment inserted(StorageFormat format, ColumnAccess access) {
    return new Experiment(
        "COLUMN_INSERTED", "case", format, false, access, BEFORE, INSERTED, "email");
  }

  @Test
  void anInsertedColumnIsBreakingForPositionalFormats() {
    assertEquals(
        Verdict.BREAKING,
        RuleEngine.judge(inserted(StorageFormat.ORC, ColumnAccess.DEFAULT)).verdict());
    assertEquals(
        Verdict.BREAKING,
        RuleEngine.judge(inserted(StorageFormat.CSV, ColumnAccess.DEFAULT)).verdict());
  }

  @Test
  void anInsertedColumnIsSafeForFormatsReadByName() {
    Outcome parquet = RuleEngine.judge(inserted(StorageFormat.PARQUET, ColumnAccess.DEFAULT));
    assertEquals(Verdict.SAFE, parquet.verdict());
    assertEquals("COLUMN_INSERTED email SAFE", parquet.evidence());
    assertEquals(
        Verdict.SAFE,
        RuleEngine.judge(inserted(StorageFormat.JSON, ColumnAccess.DEFAULT)).verdict());
  }

  @Test
  void theAccessSwitchReachesTheSerdeParameters() {
    assertEquals(
        Verdict.SAFE,
        RuleEngine.judge(inserted(StorageFormat.ORC, ColumnAccess.BY_NAME)).verdict());
    assertEquals(
        Verdict.BREAKING,
        RuleEngine.judge(inserted(StorageFormat.PARQUET, ColumnAccess.BY_INDEX)).verdict());
  }

  @Test
  void noFindingIsSafeAndSaysSo() {
    Experiment same =
        new Experiment(
            "COLUMN_ADDED",
            "none",
            StorageFormat.PARQUET,
            false,
            ColumnAccess.DEFAULT,
            BEFORE,
            BEFORE,
            "id");
    Outcome outcome = RuleEngine.judge(same);
    assertEquals(Verdict.SAFE, outcome.verdict());
    assertEquals("no COLUMN_ADDED finding: ", outcome.evidence());
  }

  @Test
  void aPartitionedTableIsJudgedWithItsPartitionKeyOnBothSides() {
    List<Column> widened = List.of(new Column("id", "bigint"), new Column("name", "string"));
    Experiment unpartitioned =
        new Experiment(
            "COLUMN_TYPE_WIDENED",
            "case",
            StorageFormat.PARQUET,
            false,
            ColumnAccess.DEFAULT,
            BEFORE,
            widened,
            "id");
    Experiment partitioned =
        new Experiment(
            "COLUMN_TYPE_WIDENED",
            "case",
            StorageFormat.PARQUET,
            true,
            ColumnAccess.DEFAULT,
            BEFORE,
            widened,
            "id");
    assertEquals(Verdict.BREAKING, RuleEngine.judge(unpartitioned).verdict());
    Outcome outcome = RuleEngine.judge(partitioned);
    assertEquals(Verdict.RISKY, outcome.verdict());
    assertEquals("COLUMN_TYPE_WIDENED id RISKY", outcome.evidence());
  }

  @Test
  void openCsvIsJudgedByPositionAndOpenxJsonByName() {
    // The exact findings also show that the contract's serde option matches the table's SerDe: a
    // mismatch would add a SERDE_PARAMETER_CHANGED finding.
    Outcome openCsv = RuleEngine.judge(inserted(StorageFormat.OPENCSV, ColumnAccess.DEFAULT));
    assertEquals(new Outcome(Verdict.BREAKING, "COLUMN_INSERTED email BREAKING"), openCsv);
    Outcome openx = RuleEngine.judge(inserted(StorageFormat.OPENX_JSON, ColumnAccess.DEFAULT));
    assertEquals(new Outcome(Verdict.SAFE, "COLUMN_INSERTED email SAFE"), openx);
  }

  @Test
  void aNestedChangeIsJudgedAtItsPath() {
    Experiment widened =
        new Experiment(
            "COLUMN_TYPE_WIDENED",
            "case",
            StorageFormat.OPENX_JSON,
            false,
            ColumnAccess.DEFAULT,
            List.of(new Column("scores", "map<int,int>")),
            List.of(new Column("scores", "map<int,bigint>")),
            "scores{value}");
    assertEquals(
        new Outcome(Verdict.RISKY, "COLUMN_TYPE_WIDENED scores{value} RISKY"),
        RuleEngine.judge(widened));
  }
}
