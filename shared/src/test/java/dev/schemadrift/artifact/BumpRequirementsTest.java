package dev.schemadrift.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.contract.VersionBump;
import dev.schemadrift.rule.Severity;
import org.junit.jupiter.api.Test;

/** What {@code --require-bump} accepts and what each severity then needs. */
class BumpRequirementsTest {

  @Test
  void defaultNeedsMajorForBreakingMinorForRiskyNothingForSafe() {
    BumpRequirements requirements = BumpRequirements.DEFAULT;
    assertEquals(VersionBump.MAJOR, requirements.requiredFor(Severity.BREAKING));
    assertEquals(VersionBump.MINOR, requirements.requiredFor(Severity.RISKY));
    assertEquals(VersionBump.NONE, requirements.requiredFor(Severity.SAFE));
    assertEquals(VersionBump.NONE, requirements.requiredFor(null));
  }

  @Test
  void parsedEntriesReplaceTheDefaultsInAnyCase() {
    assertEquals(
        new BumpRequirements(VersionBump.MAJOR, VersionBump.MAJOR, VersionBump.PATCH),
        BumpRequirements.parse("RISKY=Major, safe=patch"));
    assertEquals(BumpRequirements.DEFAULT, BumpRequirements.parse("breaking=major,risky=minor"));
    assertEquals("breaking=major,risky=minor,safe=none", BumpRequirements.DEFAULT.toString());
  }

  @Test
  void anEntryThatIsNotSeverityEqualsBumpIsNamed() {
    for (String text : new String[] {"breaking", "fatal=major", "risky=huge", "", "risky=minor,"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> BumpRequirements.parse(text), text);
      assertTrue(e.getMessage().contains("is not SEVERITY=BUMP"), e.getMessage());
    }
    IllegalArgumentException named =
        assertThrows(IllegalArgumentException.class, () -> BumpRequirements.parse("risky=huge"));
    assertTrue(named.getMessage().startsWith("'risky=huge'"), named.getMessage());
  }
}
