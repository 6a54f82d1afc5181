package dev.schemadrift.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract versions: precedence as semantic versioning defines it, bumps and advice. */
class ContractVersionTest {

  @Test
  void precedenceFollowsSemanticVersioning() {
    // The chain from semver.org's precedence rule, plus numbers past what an int holds.
    List<String> ascending =
        List.of(
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.0.1",
            "1.1.0",
            "1.10.0",
            "2.0.0",
            "99999999999999999999.0.0");
    for (int index = 1; index < ascending.size(); index++) {
      ContractVersion lower = ContractVersion.parse(ascending.get(index - 1));
      ContractVersion higher = ContractVersion.parse(ascending.get(index));
      assertTrue(lower.compareTo(higher) < 0, lower + " < " + higher);
      assertTrue(higher.compareTo(lower) > 0, higher + " > " + lower);
    }
    assertEquals(
        0, ContractVersion.parse("1.2.3-rc.1").compareTo(ContractVersion.parse("1.2.3-rc.1")));
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "1.2.3, 2.0.0, MAJOR",
    "1.2.3, 1.3.0, MINOR",
    "1.2.3, 1.2.4, PATCH",
    "1.2.3, 1.2.3, NONE",
    "1.2.3, 1.2.3-rc.1, NONE",
    "2.0.0-rc.1, 2.0.0, NONE",
    "1.9.9, 2.0.0-rc.1, MAJOR",
    "1.2.3, 1.1.9, NONE",
    "2.0.0, 1.9.0, NONE",
    "1.2.3, 1.3.0-beta, MINOR"
  })
  void bumpIsTheMostSignificantNumberThatGrew(String older, String newer, VersionBump bump) {
    assertEquals(bump, ContractVersion.parse(newer).bumpFrom(ContractVersion.parse(older)));
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
    "1.4.2, MAJOR, 2.0.0",
    "1.4.2, MINOR, 1.5.0",
    "1.4.2, PATCH, 1.4.3",
    "1.4.2-rc.1, NONE, 1.4.2-rc.1",
    "1.4.2-rc.1, PATCH, 1.4.3"
  })
  void nextIsTheLowestVersionMakingTheBump(String version, VersionBump bump, String next) {
    assertEquals(next, ContractVersion.parse(version).next(bump).toString());
  }

  @Test
  void onlySemanticVersionsParse() {
    for (String text : new String[] {"1.2", "v1.2.3", "01.2.3", "1.2.3+build", "", "1.2.3-"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ContractVersion.parse(text), text);
      assertTrue(e.getMessage().contains("is not a semantic version"), e.getMessage());
    }
    assertEquals("1.2.3-rc.1", ContractVersion.parse("1.2.3-rc.1").toString());
  }
}
