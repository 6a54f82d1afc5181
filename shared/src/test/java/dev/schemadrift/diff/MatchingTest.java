package dev.schemadrift.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.contract.ContractColumn;
import dev.schemadrift.type.DataType;
import dev.schemadrift.type.TypeParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How two lists of columns or struct fields are paired, step by step. */
class MatchingTest {

  @Test
  void sameNamesPairWhateverTheirPosition() {
    Matching matching = Matching.byName(contract("a", "b", "c"), glue("c", "a", "b"), true);

    assertEquals(List.of(1, 2, 0), partners(matching, 3));
    assertTrue(matching.isReordered());
    assertEquals("a,b,c", matching.expectedOrder());
    assertEquals("c,a,b", matching.actualOrder());
    assertEquals(List.of(), matching.unmatchedExpected());
    assertEquals(List.of(), matching.unmatchedActual());
  }

  @Test
  void namesDifferingOnlyInCasePairAfterExactNames() {
    Matching matching = Matching.byName(contract("Id", "name"), glue("name", "id"), true);

    assertEquals(List.of(1, 0), partners(matching, 2));
    assertNull(matching.evidenceOf(0), "a case-insensitive pair is not a rename");
  }

  @Test
  void anExtraColumnBeforeAPairedOneIsInsertedAndAfterTheLastIsAdded() {
    Matching matching = Matching.byName(contract("a", "b"), glue("x", "a", "b", "y"), true);

    List<Item> extras = matching.unmatchedActual();
    assertEquals(List.of("x", "y"), names(extras));
    assertTrue(matching.hasPairAfter(extras.get(0).index()), "x stands before a and b");
    assertFalse(matching.hasPairAfter(extras.get(1).index()), "y comes after every pair");
    assertFalse(matching.isReordered());
  }

  @Test
  void previousNamesPairARenamedColumnWithItsEvidence() {
    Items expected =
        Items.ofContract(
            List.of(
                column("id", "bigint", List.of()),
                column("customer", "string", List.of("client", "buyer"))));
    Matching matching = Matching.byName(expected, glue("id", "BUYER"), true);
    assertEquals(List.of("customer"), names(matching.unmatchedExpected()));

    matching.pairByPreviousNames();

    assertEquals(List.of(0, 1), partners(matching, 2));
    assertEquals(RenameEvidence.PREVIOUS_NAMES, matching.evidenceOf(1));
  }

  @Test
  void theHeuristicPairsOnlyOneRemovedAndOneAddedAtTheSamePositionWithTheSameType() {
    Matching same = Matching.byName(contract("a", "b", "c"), glue("a", "renamed", "c"), true);
    same.pairByPositionAndType();
    assertEquals(List.of(0, 1, 2), partners(same, 3));
    assertEquals(RenameEvidence.POSITION_AND_TYPE, same.evidenceOf(1));

    Matching moved = Matching.byName(contract("a", "b", "c"), glue("renamed", "a", "c"), true);
    moved.pairByPositionAndType();
    assertEquals(-1, moved.partnerIndex(1), "another position is no rename");

    Matching two = Matching.byName(contract("a", "b", "c"), glue("x", "y", "c"), true);
    two.pairByPositionAndType();
    assertEquals(List.of(-1, -1, 2), partners(two, 3), "two removed and two added: no guess");

    Items otherType = Items.ofGlue(List.of(glueColumn("a", "int"), glueColumn("z", "bigint")));
    otherType.types[0] = TypeParser.parse("int");
    otherType.types[1] = TypeParser.parse("bigint");
    Matching retyped = Matching.byName(contract("a", "b"), otherType, true);
    retyped.pairByPositionAndType();
    assertEquals(-1, retyped.partnerIndex(1), "another type is no rename");
  }

  @Test
  void repeatedStructFieldNamesAreClaimedInOrder() {
    DataType.Struct expected = (DataType.Struct) TypeParser.parse("struct<a:int,a:int,b:int>");
    DataType.Struct actual = (DataType.Struct) TypeParser.parse("struct<b:int,a:int,a:int>");

    Matching matching = Matching.byName(Items.ofFields(expected), Items.ofFields(actual), false);

    assertEquals(List.of(1, 2, 0), partners(matching, 3));
  }

  @Test
  void anItemTakenByTheOtherListIsNeitherRemovedNorAdded() {
    Matching columns = Matching.byName(contract("a", "day"), glue("a"), true);
    Matching keys = Matching.byName(contract(), glue("DAY"), true);

    Item moved = keys.takeUnmatchedActual("day");
    columns.dropExpected(columns.unmatchedExpected().getFirst());

    assertEquals("DAY", moved.name());
    assertEquals(List.of(), keys.unmatchedActual());
    assertEquals(List.of(), columns.unmatchedExpected());
    assertNull(keys.takeUnmatchedActual("day"), "taken once");
  }

  private static List<Integer> partners(Matching matching, int size) {
    List<Integer> partners = new ArrayList<>();
    for (int index = 0; index < size; index++) {
      partners.add(matching.partnerIndex(index));
    }
    return partners;
  }

  private static List<String> names(List<Item> items) {
    List<String> names = new ArrayList<>();
    for (Item item : items) {
      names.add(item.name());
    }
    return names;
  }

  /** Contract columns of type string. */
  private static Items contract(String... names) {
    List<ContractColumn> columns = new ArrayList<>();
    for (String name : names) {
      columns.add(column(name, "string", List.of()));
    }
    return Items.ofContract(columns);
  }

  private static ContractColumn column(String name, String type, List<String> previousNames) {
    return new ContractColumn(name, TypeParser.parse(type), null, null, previousNames, false, null);
  }

  /** Glue columns of type string, parsed as the table guards would. */
  private static Items glue(String... names) {
    List<GlueColumn> columns = new ArrayList<>();
    for (String name : names) {
      columns.add(glueColumn(name, "string"));
    }
    Items items = Items.ofGlue(columns);
    for (int index = 0; index < names.length; index++) {
      items.types[index] = TypeParser.parse("string");
    }
    return items;
  }

  private static GlueColumn glueColumn(String name, String type) {
    return new GlueColumn(name, type, null, Map.of());
  }
}
