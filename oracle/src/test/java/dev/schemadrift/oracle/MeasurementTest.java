package dev.schemadrift.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
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
}
