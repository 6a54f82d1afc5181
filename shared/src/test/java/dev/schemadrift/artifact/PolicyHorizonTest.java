package dev.schemadrift.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.Contracts;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PolicyHorizonTest {
  private static Contract contract(String waiverExpires, String sunset) {
    String json =
        """
        {"contract_version": "1.0.0", "database": "db", "table": "t",
         "data_location": "s3://data/db/t/", "format": "parquet",
         "columns": [{"name": "id", "type": "bigint"},
                     {"name": "old", "type": "string", "deprecated": true, "sunset": "%s"}],
         "policy": {"waivers": [{"rule": "COLUMN_TYPE_WIDENED", "path": "id", "reason": "r",
                                 "owner": "o", "expires": "%s"}]}}
        """
            .formatted(sunset, waiverExpires);
    return Contracts.read("contract.json", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theDayAfterTheEarliestExpiryOrSunsetStillAhead() {
    Contract contract = contract("2027-03-31", "2027-01-01");
    // The sunset is past from 2027-01-02, the waiver lapses from 2027-04-01.
    assertEquals(
        LocalDate.of(2027, 1, 2), PolicyHorizon.after(contract, LocalDate.of(2026, 12, 1)));
    assertEquals(LocalDate.of(2027, 1, 2), PolicyHorizon.after(contract, LocalDate.of(2027, 1, 1)));
    assertEquals(LocalDate.of(2027, 4, 1), PolicyHorizon.after(contract, LocalDate.of(2027, 1, 2)));
    assertEquals(
        LocalDate.of(2027, 4, 1), PolicyHorizon.after(contract, LocalDate.of(2027, 3, 31)));
    assertNull(PolicyHorizon.after(contract, LocalDate.of(2027, 4, 1)));
  }
}
