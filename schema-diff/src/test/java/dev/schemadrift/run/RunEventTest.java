package dev.schemadrift.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.artifact.RunId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way the function is invoked becomes a request, and a bad payload says what is wrong. */
class RunEventTest {
  private static final Instant NOW = Instant.parse("2026-11-26T08:15:42.123Z");

  @ParameterizedTest
  @ValueSource(strings = {"{}", "", " \n", "null"})
  void anEmptyEventIsAScheduledRunAtTheClocksTime(String payload) {
    RunRequest request = read(payload);

    assertEquals(new RunId("20261126T081542Z"), request.runId());
    assertNull(request.contractKey());
    assertEquals(List.of(), request.tables());
  }

  @Test
  void theEventBridgeScheduleEnvelopeGivesTheRunIdFromItsTime() {
    RunRequest request =
        read(
            """
            {"version": "0", "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
             "detail-type": "Scheduled Event", "source": "aws.events",
             "account": "123456789012", "time": "2026-11-26T08:00:00Z", "region": "us-east-1",
             "resources": ["arn:aws:events:us-east-1:123456789012:rule/schema-drift"],
             "detail": {}}
            """);

    assertEquals(new RunId("20261126T080000Z"), request.runId());
    assertNull(request.contractKey());
    assertEquals(List.of(), request.tables());
  }

  @Test
  void theSchedulerInputGivesTheRunIdFromItsScheduledTime() {
    RunRequest request = read("{\"scheduled_time\": \"2026-11-26T06:30:00Z\"}");

    assertEquals(new RunId("20261126T063000Z"), request.runId());
  }

  @Test
  void aGivenRunIdWinsOverTheTimes() {
    RunRequest request =
        read("{\"run_id\": \"20250101T000000Z\", \"time\": \"2026-11-26T08:00:00Z\"}");

    assertEquals(new RunId("20250101T000000Z"), request.runId());
  }

  @Test
  void aContractKeyAsksForOneContract() {
    RunRequest request = read("{\"contract_key\": \"contracts/nyc_parks/parks_properties.json\"}");

    assertEquals("contracts/nyc_parks/parks_properties.json", request.contractKey());
    assertEquals(List.of(), request.tables());
  }

  @Test
  void tablesAskForASubset() {
    RunRequest request = read("{\"tables\": [\"nyc_parks.playgrounds\", \"NYC_Transit.Stops\"]}");

    assertNull(request.contractKey());
    assertEquals(List.of("nyc_parks.playgrounds", "NYC_Transit.Stops"), request.tables());
  }

  @Test
  void fullAsksForAFullRunAndIsOffByDefault() {
    assertTrue(read("{\"full\": true}").full());
    assertFalse(read("{\"full\": false}").full());
    assertFalse(read("{}").full());
    assertFalse(read("{\"time\": \"2026-11-26T08:00:00Z\"}").full());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"full\": \"yes\"}                              | \"full\" must be true or false, not \"yes\"",
        "{not json                                          | the event is not JSON",
        "{} {}                                              | the event is not JSON",
        "[\"nyc_parks.playgrounds\"]                        | the event must be a JSON object",
        "\"contracts/a.json\"                               | the event must be a JSON object",
        "{\"tables\": \"nyc_parks.playgrounds\"}            | \"tables\" must be an array",
        "{\"tables\": [\"playgrounds\"]}                    | \"tables\" entries must be \"database.table\" names, not \"playgrounds\"",
        "{\"tables\": [\"nyc parks.playgrounds\"]}          | \"tables\" entries must be \"database.table\" names",
        "{\"tables\": [7]}                                  | \"tables\" entries must be \"database.table\" names, not 7",
        "{\"contract_key\": \"a.json\", \"tables\": [\"a.b\"]} | give either \"contract_key\" or \"tables\", not both",
        "{\"contract_key\": 7}                              | \"contract_key\" must be a non-empty string",
        "{\"contract_key\": \" \"}                          | \"contract_key\" must be a non-empty string",
        "{\"time\": \"yesterday\"}                          | \"time\" is not an ISO-8601 UTC time: yesterday",
        "{\"scheduled_time\": \"2026-11-26 08:00\"}         | \"scheduled_time\" is not an ISO-8601 UTC time",
        "{\"run_id\": \"2026-11-26\"}                       | run id '2026-11-26' is not of the form 20261126T080000Z",
        "{\"run_id\": \"20261131T080000Z\"}                 | is not a real UTC date and time"
      })
  void aBadEventSaysWhatIsWrong(String payload, String message) {
    IllegalArgumentException failure =
        assertThrows(IllegalArgumentException.class, () -> read(payload.strip()));

    assertTrue(
        failure.getMessage().contains(message),
        () -> "expected '" + message + "' in: " + failure.getMessage());
  }

  private static RunRequest read(String payload) {
    return RunEvent.read(payload.getBytes(StandardCharsets.UTF_8), NOW);
  }
}
