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
  void aPartitionedTableIsJudgedWithItsPartitionKeyOnBothSidesAndItsOldPartition() {
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
    // The old partition keeps int; the partition drift check reads it as the table's bigint.
    assertEquals(
        "PARTITION_SCHEMA_MISMATCH @partition[part=p1].id SAFE; COLUMN_TYPE_WIDENED id RISKY",
        outcome.evidence());
  }

  private static final List<Column> AMOUNT =
      List.of(new Column("id", "int"), new Column("amount", "double"));

  private static Experiment oldPartition(
      String rule, StorageFormat format, List<Column> table, StorageFormat partitionFormat) {
    return new Experiment(
        rule,
        "case",
        format,
        true,
        ColumnAccess.DEFAULT,
        AMOUNT,
        table,
        "id",
        null,
        true,
        partitionFormat);
  }

  @Test
  void anOldPartitionIsJudgedAgainstItsTableAlone() {
    List<Column> widened = List.of(new Column("id", "bigint"), new Column("amount", "double"));
    Outcome safe =
        RuleEngine.judge(
            oldPartition("PARTITION_SCHEMA_MISMATCH", StorageFormat.CSV, widened, null));
    assertEquals(
        new Outcome(Verdict.SAFE, "PARTITION_SCHEMA_MISMATCH @partition[part=p1].id SAFE"), safe);
    List<Column> toDouble = List.of(new Column("id", "double"), new Column("amount", "double"));
    assertEquals(
        Verdict.BREAKING,
        RuleEngine.judge(
                oldPartition("PARTITION_SCHEMA_MISMATCH", StorageFormat.CSV, toDouble, null))
            .verdict());
  }

  @Test
  void aPartitionInAnotherFormatIsSeen() {
    Outcome outcome =
        RuleEngine.judge(
            oldPartition(
                "PARTITION_FORMAT_MISMATCH", StorageFormat.PARQUET, AMOUNT, StorageFormat.CSV));
    assertEquals(
        new Outcome(Verdict.BREAKING, "PARTITION_FORMAT_MISMATCH @partition[part=p1] BREAKING"),
        outcome);
  }

  private static Experiment keys(
      String rule, List<Column> before, List<Column> after, PartitionLayout.Registration how) {
    return new Experiment(
        rule,
        "case",
        StorageFormat.JSON,
        false,
        ColumnAccess.DEFAULT,
        BEFORE,
        BEFORE,
        "region",
        new PartitionLayout(before, after, how),
        false,
        null);
  }

  @Test
  void partitionKeysGoToTheContractAndTheTable() {
    Column region = new Column("region", "string");
    Outcome added =
        RuleEngine.judge(
            keys(
                "PARTITION_KEY_ADDED",
                List.of(region),
                List.of(region, new Column("day", "string")),
                PartitionLayout.Registration.REPAIR));
    assertEquals(new Outcome(Verdict.BREAKING, "PARTITION_KEY_ADDED day BREAKING"), added);
    Outcome widened =
        RuleEngine.judge(
            keys(
                "PARTITION_KEY_TYPE_CHANGED",
                List.of(new Column("region", "int")),
                List.of(new Column("region", "bigint")),
                PartitionLayout.Registration.KEPT));
    assertEquals(new Outcome(Verdict.RISKY, "PARTITION_KEY_TYPE_CHANGED region RISKY"), widened);
  }

  @Test
  void keptPartitionsAreGivenWithTheirOldValuesAndFolders() {
    Experiment renamed =
        keys(
            "PARTITION_KEY_RENAMED",
            List.of(new Column("region", "string")),
            List.of(new Column("area", "string")),
            PartitionLayout.Registration.KEPT);
    var partitions = RuleEngine.gluePartitions(renamed).get("Partitions");
    assertEquals(3, partitions.size());
    // region is seeded after the two data columns: its values are c2r1, c2r2, c2r3.
    assertEquals("c2r1", partitions.get(0).get("Values").get(0).asText());
    assertEquals(
        "s3://oracle-data/partition_key_renamed_case_json/region=c2r1/",
        partitions.get(0).get("StorageDescriptor").get("Location").asText());
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
