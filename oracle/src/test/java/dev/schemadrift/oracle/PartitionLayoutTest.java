package dev.schemadrift.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which partitions the catalog holds after a change of keys, as the rule engine is given them. */
class PartitionLayoutTest {
  private static final Column REGION = new Column("region", "string");
  private static final Column DAY = new Column("day", "string");
  private static final List<Column> BEFORE = List.of(new Column("id", "int"));
  private static final List<Column> AFTER =
      List.of(new Column("id", "int"), new Column("name", "string"));
  private static final List<List<String>> WRITTEN =
      List.of(List.of("eu", "d1"), List.of("eu", "d2"), List.of("us", "d1"));

  private static List<PartitionLayout.Registered> repaired(
      List<Column> before, List<Column> after) {
    List<List<String>> written =
        WRITTEN.stream().map(values -> values.subList(0, before.size())).toList();
    return new PartitionLayout(before, after, PartitionLayout.Registration.REPAIR)
        .registered(written, BEFORE, AFTER);
  }

  @Test
  void repairFindsEveryFolderWhenTheKeysKeepTheirNames() {
    List<PartitionLayout.Registered> found =
        repaired(List.of(REGION, DAY), List.of(REGION, new Column("day", "int")));
    assertEquals(3, found.size());
    assertEquals(
        new PartitionLayout.Registered(List.of("eu", "d1"), "region=eu/day=d1", AFTER),
        found.getFirst());
  }

  @Test
  void repairFindsTheOuterFoldersOnceWhenTheLastKeyIsRemoved() {
    assertEquals(
        List.of(
            new PartitionLayout.Registered(List.of("eu"), "region=eu", AFTER),
            new PartitionLayout.Registered(List.of("us"), "region=us", AFTER)),
        repaired(List.of(REGION, DAY), List.of(REGION)));
  }

  @Test
  void repairFindsNothingUnderAnAddedRenamedOrReorderedKey() {
    assertEquals(List.of(), repaired(List.of(REGION), List.of(REGION, DAY)));
    assertEquals(List.of(), repaired(List.of(REGION), List.of(new Column("area", "string"))));
    assertEquals(List.of(), repaired(List.of(REGION, DAY), List.of(DAY, REGION)));
  }

  @Test
  void keptPartitionsKeepTheirValuesFoldersAndColumns() {
    List<PartitionLayout.Registered> kept =
        new PartitionLayout(
                List.of(REGION, DAY), List.of(DAY, REGION), PartitionLayout.Registration.KEPT)
            .registered(WRITTEN, BEFORE, AFTER);
    assertEquals(3, kept.size());
    assertEquals(
        new PartitionLayout.Registered(List.of("us", "d1"), "region=us/day=d1", BEFORE),
        kept.get(2));
  }

  @Test
  void keptNeedsAsManyKeysAfterAsBefore() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new PartitionLayout(
                    List.of(REGION), List.of(REGION, DAY), PartitionLayout.Registration.KEPT));
    assertEquals(
        "registration 'kept' needs as many partition keys after as before", error.getMessage());
  }
}
