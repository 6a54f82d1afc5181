package dev.schemadrift.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The classification of one column's answers (the engine run itself is make oracle's). */
class MeasurementTest {
  @Test
  void theSameValuesInAnyOrderAreSafe() {
    Outcome outcome =
        Measurement.compare("a", Arrays.asList("1", "2", "3"), Arrays.asList("3", "1", "2"));
    assertEquals(new Outcome(Verdict.SAFE, ""), outcome);
  }

  @Test
  void nullsWhereValuesWereAreRisky() {
    Outcome outcome =
        Measurement.compare("a", Arrays.asList("1", "2", "3"), Arrays.asList(null, "1", "2"));
    assertEquals(Verdict.RISKY, outcome.verdict());
    assertEquals("a: wrote [1, 2, 3], read [null, 1, 2]", outcome.evidence());
  }

  @Test
  void otherValuesAreBreaking() {
    assertEquals(
        Verdict.BREAKING,
        Measurement.compare("a", Arrays.asList("c1", "c2"), Arrays.asList("c2", "x")).verdict());
  }

  @Test
  void valuesWhereNoneWereWrittenAreBreaking() {
    assertEquals(
        Verdict.BREAKING,
        Measurement.compare("a", Arrays.asList(null, null), Arrays.asList("c1", null)).verdict());
  }

  @Test
  void aNumberAnsweringAnotherNumberTypeIsRisky() {
    // The consumer axis: a typed consumer of the promised type may overflow.
    assertEquals(Verdict.RISKY, Measurement.resultType("integer", "bigint"));
    assertEquals(Verdict.RISKY, Measurement.resultType("real", "double"));
    assertEquals(Verdict.RISKY, Measurement.resultType("decimal(10,2)", "decimal(20,2)"));
    assertEquals(Verdict.RISKY, Measurement.resultType("integer", "double"));
    assertEquals(Verdict.RISKY, Measurement.resultType("bigint", "integer"));
  }

  @Test
  void aStringsLengthOrTheSameTypeIsNoConsumerChange() {
    assertEquals(Verdict.SAFE, Measurement.resultType("varchar(10)", "varchar(2)"));
    assertEquals(Verdict.SAFE, Measurement.resultType("varchar(10)", "varchar"));
    assertEquals(Verdict.SAFE, Measurement.resultType("char(10)", "varchar(10)"));
    assertEquals(Verdict.SAFE, Measurement.resultType("integer", "integer"));
    assertEquals(Verdict.SAFE, Measurement.resultType("decimal(10,2)", "decimal(10,2)"));
  }

  @Test
  void numbersCompareByValueNotByType() {
    assertEquals("11", SampleValues.canonical(11L));
    assertEquals("11.5", SampleValues.canonical(11.5f));
    assertEquals("11.5", SampleValues.canonical(new java.math.BigDecimal("11.50")));
  }

  @Test
  void theEnginesMessageLosesItsFileNames() {
    RuntimeException error =
        new RuntimeException(
            "Malformed ORC file. Decoded value out of range [local:///data/t/20261206_1_x.orc]\nstack");
    assertEquals(
        "Malformed ORC file. Decoded value out of range [<file>]", Measurement.firstLine(error));
  }

  @Test
  void aBareFileNameIsReplacedToo() {
    RuntimeException error =
        new RuntimeException(
            "Failed to read Avro file: 20261206_101043_00491_gx434_af779fcc-6fad-4759-812a-bd657a20fdc1");
    assertEquals("Failed to read Avro file: <file>", Measurement.firstLine(error));
    RuntimeException split =
        new RuntimeException(
            "Error opening Hive split local:///tmp/work/t/20261206_113500_00012_abcde-1f2e3d"
                + " (offset=0, length=518): low must be less than or equal to high");
    assertEquals(
        "Error opening Hive split <file> (<split>): low must be less than or equal to high",
        Measurement.firstLine(split));
  }

  @Test
  void aStructColumnIsSelectedFieldByFieldWithValuesOfItsOwn() {
    var leaves =
        Measurement.leaves(
            java.util.List.of(
                new Column("id", "int"), new Column("address", "struct<street:string,zip:int>")));
    assertEquals(
        java.util.List.of("id", "address.street", "address.zip"),
        leaves.stream().map(Measurement.Leaf::path).toList());
    assertEquals(java.util.List.of("11", "12", "13"), leaves.get(0).written());
    assertEquals(java.util.List.of("c20r1", "c20r2", "c20r3"), leaves.get(1).written());
    assertEquals(java.util.List.of("221", "222", "223"), leaves.get(2).written());
  }

  @Test
  void aStructIsWrittenAsACastRow() {
    assertEquals(
        "CAST(ROW(CAST('c20r1' AS varchar), CAST('221' AS integer))"
            + " AS row(street varchar, zip integer))",
        SampleValues.expression(
            dev.schemadrift.type.TypeParser.parse("struct<street:string,zip:int>"), 1, 1));
  }

  @Test
  void nestedLeavesAreReachedAtAnyDepthWithValuesOfTheirOwn() {
    var leaves =
        Measurement.leaves(
            java.util.List.of(
                new Column("id", "int"),
                new Column("address", "struct<street:string,geo:struct<lat:float,lon:float>>"),
                new Column("items", "array<struct<a:int,b:string>>"),
                new Column("scores", "map<int,string>")));
    assertEquals(
        java.util.List.of(
            "id",
            "address.street",
            "address.geo.lat",
            "address.geo.lon",
            "items[].a",
            "items[].b",
            "scores{key}",
            "scores{value}"),
        leaves.stream().map(Measurement.Leaf::path).toList());
    assertEquals(
        java.util.List.of(
            "id",
            "address.street",
            "address.geo.lat",
            "address.geo.lon",
            "items[1].a",
            "items[1].b",
            "map_keys(scores)[1]",
            "map_values(scores)[1]"),
        leaves.stream().map(Measurement.Leaf::sql).toList());
    // Every leaf reads values no other leaf has, so a value read from the wrong place shows.
    java.util.Set<String> all = new java.util.HashSet<>();
    for (Measurement.Leaf leaf : leaves) {
      for (String value : leaf.written()) {
        assertTrue(all.add(value), leaf.path() + " repeats " + value);
      }
    }
    assertEquals(java.util.List.of("2211.5", "2212.5", "2213.5"), leaves.get(2).written());
    assertEquals(java.util.List.of("c311r1", "c311r2", "c311r3"), leaves.get(5).written());
    assertEquals(java.util.List.of("c41r1", "c41r2", "c41r3"), leaves.get(7).written());
  }

  @Test
  void anArrayHoldsOneElementAndAMapOneEntry() {
    assertEquals(
        "ARRAY[CAST('211' AS integer)]",
        SampleValues.expression(dev.schemadrift.type.TypeParser.parse("array<int>"), 1, 1));
    assertEquals(
        "MAP(ARRAY[CAST('c20r3' AS varchar)], ARRAY[CAST('3000000021' AS bigint)])",
        SampleValues.expression(dev.schemadrift.type.TypeParser.parse("map<string,bigint>"), 1, 3));
  }

  @Test
  void aFieldOnlyTheAfterSchemaHasIsReachedAsTheAfterSchemaNestsIt() {
    Experiment added =
        new Experiment(
            "NESTED_FIELD_ADDED",
            "in-array",
            StorageFormat.PARQUET,
            false,
            ColumnAccess.DEFAULT,
            java.util.List.of(new Column("items", "array<struct<a:int>>")),
            java.util.List.of(new Column("items", "array<struct<a:int,c:string>>")),
            "items[].c");
    assertEquals("items[1].c", Measurement.changedSql(added));
  }

  @Test
  void theConsumerOfTheTableExpectsEachColumnsOldValuesByName() {
    List<Column> written = List.of(new Column("id", "int"), new Column("name", "string"));
    List<Column> table =
        List.of(
            new Column("name", "string"),
            new Column("id", "bigint"),
            new Column("email", "string"));
    Experiment experiment =
        new Experiment(
            "PARTITION_SCHEMA_MISMATCH",
            "case",
            StorageFormat.CSV,
            true,
            ColumnAccess.DEFAULT,
            written,
            table,
            "id",
            null,
            true,
            null);
    List<Measurement.Asked> asked = Measurement.asked(experiment);
    assertEquals(
        List.of("name", "id", "email"), asked.stream().map(Measurement.Asked::path).toList());
    assertEquals(List.of("c1r1", "c1r2", "c1r3"), asked.get(0).expected());
    assertEquals(List.of("11", "12", "13"), asked.get(1).expected());
    assertEquals("bigint", SampleValues.trinoType(asked.get(1).promised()));
    assertEquals(Arrays.asList(null, null, null), asked.get(2).expected());
  }

  @Test
  void theConsumerOfTheContractAsksItsPartitionKeysToo() {
    List<Column> data = List.of(new Column("id", "int"));
    Experiment experiment =
        new Experiment(
            "PARTITION_KEY_RENAMED",
            "case",
            StorageFormat.CSV,
            false,
            ColumnAccess.DEFAULT,
            data,
            data,
            "region",
            new PartitionLayout(
                List.of(new Column("region", "string")),
                List.of(new Column("area", "string")),
                PartitionLayout.Registration.REPAIR),
            false,
            null);
    List<Measurement.Asked> asked = Measurement.asked(experiment);
    assertEquals(List.of("id", "region"), asked.stream().map(Measurement.Asked::path).toList());
    // A key's values are the folder names written: the values of its place after the columns.
    assertEquals(
        experiment.writtenPartitionValues().stream().map(List::getFirst).toList(),
        asked.get(1).expected());
  }
}
