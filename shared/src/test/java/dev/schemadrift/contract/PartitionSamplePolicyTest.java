package dev.schemadrift.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.json.InvalidDocumentException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy's partition_sample: its default, its range, and how a contract overrides defaults. */
class PartitionSamplePolicyTest {
  private static Contract contract(String policy) {
    String json =
        "{\"contract_version\": \"1.0.0\", \"database\": \"sales\", \"table\": \"orders\","
            + " \"data_location\": \"s3://lake/sales/orders/\", \"format\": \"parquet\","
            + " \"columns\": [{\"name\": \"id\", \"type\": \"bigint\"}]"
            + policy
            + "}";
    return ContractReader.read("orders.json", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theDefaultIsAHundredAndAContractSettingWinsOverTheRegistrys() {
    assertEquals(100, contract("").policy().effectivePartitionSample());
    Policy defaults = new Policy(null, null, null, null, List.of(), List.of(), 5);
    assertEquals(5, contract("").policy().over(defaults).effectivePartitionSample());
    assertEquals(
        0,
        contract(", \"policy\": {\"partition_sample\": 0}")
            .policy()
            .over(defaults)
            .effectivePartitionSample());
  }

  @Test
  void aSampleOutsideZeroToAThousandIsRejectedNamingTheField() {
    InvalidDocumentException error =
        assertThrows(
            InvalidDocumentException.class,
            () -> contract(", \"policy\": {\"partition_sample\": 1001}"));

    assertTrue(
        error.getMessage().contains("$.policy.partition_sample")
            && error.getMessage().contains("1001"),
        error.getMessage());
  }
}
