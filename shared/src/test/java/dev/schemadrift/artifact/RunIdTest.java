package dev.schemadrift.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Run ids name artifacts in S3 and judge waivers, so only real UTC instants are accepted. */
class RunIdTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"20261126T080000Z", "20280229T000000Z", "20261231T235959Z", "19700101T000000Z"})
  void acceptsUtcTimestamps(String value) {
    RunId runId = new RunId(value);

    assertEquals(value, runId.value());
    assertEquals(value, runId.toString());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "2026-11-26T08:00:00Z",
        "20261126T080000",
        "20261126T0800Z",
        "20261126t080000z",
        "20261126T080000+0100",
        " 20261126T080000Z",
        "20261126T080000Z\n",
        "２０２６1126T080000Z",
        "20261399T080000Z",
        "20261300T080000Z",
        "20261100T080000Z",
        "20261131T080000Z",
        "20270229T080000Z",
        "20261126T250000Z",
        "20261126T240000Z",
        "20261126T086000Z",
        "20261126T080060Z"
      })
  void rejectsAnythingElse(String value) {
    IllegalArgumentException exception =
        assertThrows(IllegalArgumentException.class, () -> new RunId(value));

    assertTrue(
        exception.getMessage().contains("20261126T080000Z"),
        "the message shows the expected form: " + exception.getMessage());
  }

  @Test
  void dateIsTheUtcDay() {
    assertEquals(LocalDate.of(2026, 11, 26), new RunId("20261126T235959Z").date());
    assertEquals(LocalDate.of(2028, 2, 29), new RunId("20280229T000000Z").date());
  }

  @Test
  void ofInstantFormatsInUtcAndDropsFractions() {
    assertEquals(
        new RunId("20261126T080000Z"), RunId.of(Instant.parse("2026-11-26T08:00:00.987Z")));
    assertEquals(
        new RunId("20261125T230000Z"), RunId.of(Instant.parse("2026-11-26T00:00:00+01:00")));
    assertEquals(
        LocalDate.of(2026, 11, 25), RunId.of(Instant.parse("2026-11-25T23:59:59Z")).date());
  }

  @Test
  void ofInstantRoundTrips() {
    Instant instant = Instant.parse("2031-07-04T12:34:56Z");

    RunId runId = RunId.of(instant);

    assertEquals("20310704T123456Z", runId.value());
    assertEquals(runId, new RunId(runId.value()));
  }
}
