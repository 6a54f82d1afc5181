package dev.schemadrift.run.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How an entry of Glue's {@code changedPartitions} reads as partition values. */
class ChangedPartitionTest {
  @Test
  void valuesAreSeparatedByACommaAndASpaceInKeyOrder() {
    assertEquals(List.of("2026-11-26"), ChangedPartition.parse("[2026-11-26]").values());
    assertEquals(List.of("2024", "01"), ChangedPartition.parse("[2024, 01]").values());
    assertEquals(List.of("eu west", "a,b"), ChangedPartition.parse("[eu west, a,b]").values());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-01-01", "[]", "[2024", "2024]", "(2024, 01)", ""})
  void anEntryNotInBracketsIsRefusedNamingIt(String listed) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ChangedPartition.parse(listed));

    assertEquals(
        "'" + listed + "' is not a partition's values in brackets, such as [2024, 01]",
        error.getMessage());
  }
}
