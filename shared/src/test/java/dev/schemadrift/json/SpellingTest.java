package dev.schemadrift.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each spelling finds exactly the constants written its way. */
class SpellingTest {
  enum Choice {
    ALLOW,
    WARN_ONCE
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "none",
      value = {
        "NAME,       ALLOW,     ALLOW",
        "NAME,       WARN_ONCE, WARN_ONCE",
        "NAME,       allow,     none",
        "NAME,       none,      none",
        "LOWER_CASE, allow,     ALLOW",
        "LOWER_CASE, warn_once, WARN_ONCE",
        "LOWER_CASE, ALLOW,     none",
        "LOWER_CASE, Allow,     none",
        "ANY_CASE,   Allow,     ALLOW",
        "ANY_CASE,   warn_ONCE, WARN_ONCE",
        "ANY_CASE,   allowed,   none",
        "ANY_CASE,   '',        none"
      })
  void parsesByItsSpelling(Spelling spelling, String text, Choice expected) {
    assertEquals(Optional.ofNullable(expected), spelling.parse(Choice.class, text));
  }
}
