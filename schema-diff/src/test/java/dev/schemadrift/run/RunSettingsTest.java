package dev.schemadrift.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A misconfigured deployment must fail at its first invocation, naming every problem at once. */
class RunSettingsTest {
  private static final Map<String, String> MINIMAL =
      Map.of("CONTRACT_BUCKET", "contracts-bucket", "REPORT_BUCKET", "reports-bucket");

  @Test
  void onlyTheTwoBucketsAreRequiredAndTheRestHasDefaults() {
    RunSettings settings = RunSettings.fromEnvironment(MINIMAL);

    assertEquals("contracts-bucket", settings.contractBucket());
    assertEquals("reports-bucket", settings.reportBucket());
    assertNull(settings.registryBucket());
    assertFalse(settings.registryMode());
    assertEquals("configs/tables.json", settings.registryKey());
    assertEquals(RunSettings.DEFAULT_MAX_TABLES, settings.maxTablesPerRun());
    assertEquals(RunSettings.DEFAULT_CONCURRENCY, settings.concurrency());
    assertNull(settings.reportFunction());
    assertNull(settings.contractKey());
    assertEquals(7, settings.fullCheckDays());
  }

  @Test
  void fullCheckDaysIsReadAndZeroIsAllowed() {
    Map<String, String> environment = new HashMap<>(MINIMAL);
    environment.put("FULL_CHECK_DAYS", "0");
    assertEquals(0, RunSettings.fromEnvironment(environment).fullCheckDays());
    environment.put("FULL_CHECK_DAYS", " 30 ");
    assertEquals(30, RunSettings.fromEnvironment(environment).fullCheckDays());
  }

  @Test
  void everyVariableIsRead() {
    RunSettings settings =
        RunSettings.fromEnvironment(
            Map.of(
                "CONTRACT_BUCKET", "contracts-bucket",
                "REPORT_BUCKET", "reports.example-bucket",
                "REGISTRY_BUCKET", "registry-bucket",
                "REGISTRY_KEY", "registries/nyc.json",
                "MAX_TABLES_PER_RUN", "250",
                "CONCURRENCY", " 8 ",
                "REPORT_FUNCTION",
                    "arn:aws:lambda:us-east-1:123456789012:function:report-generator:live",
                "CONTRACT_KEY", "contracts/nyc_parks/parks_properties.json"));

    assertEquals(
        new RunSettings(
            "contracts-bucket",
            "reports.example-bucket",
            "registry-bucket",
            "registries/nyc.json",
            250,
            8,
            "arn:aws:lambda:us-east-1:123456789012:function:report-generator:live",
            "contracts/nyc_parks/parks_properties.json"),
        settings);
    assertTrue(settings.registryMode());
  }

  @Test
  void blankOptionalVariablesCountAsUnset() {
    Map<String, String> environment = new HashMap<>(MINIMAL);
    environment.putAll(
        Map.of(
            "REGISTRY_BUCKET", " ",
            "REGISTRY_KEY", "",
            "MAX_TABLES_PER_RUN", "",
            "CONCURRENCY", "  ",
            "REPORT_FUNCTION", "",
            "CONTRACT_KEY", " "));

    assertEquals(RunSettings.fromEnvironment(MINIMAL), RunSettings.fromEnvironment(environment));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "CONTRACT_BUCKET    |                  | CONTRACT_BUCKET is not set (the name of an S3 bucket)",
        "REPORT_BUCKET      |                  | REPORT_BUCKET is not set (the name of an S3 bucket)",
        "CONTRACT_BUCKET    | Contracts_Bucket | CONTRACT_BUCKET='Contracts_Bucket' is not an S3 bucket name",
        "REPORT_BUCKET      | s3://reports     | REPORT_BUCKET='s3://reports' is not an S3 bucket name",
        "REGISTRY_BUCKET    | ab               | REGISTRY_BUCKET='ab' is not an S3 bucket name",
        "MAX_TABLES_PER_RUN | 0                | MAX_TABLES_PER_RUN=0 must be between 1 and 100000",
        "MAX_TABLES_PER_RUN | 100001           | MAX_TABLES_PER_RUN=100001 must be between 1 and 100000",
        "MAX_TABLES_PER_RUN | ten              | MAX_TABLES_PER_RUN='ten' is not a whole number",
        "CONCURRENCY        | -1               | CONCURRENCY=-1 must be between 1 and 256",
        "CONCURRENCY        | 257              | CONCURRENCY=257 must be between 1 and 256",
        "CONCURRENCY        | 2.5              | CONCURRENCY='2.5' is not a whole number",
        "FULL_CHECK_DAYS    | -1               | FULL_CHECK_DAYS=-1 must be between 0 and 365",
        "FULL_CHECK_DAYS    | 366              | FULL_CHECK_DAYS=366 must be between 0 and 365",
        "FULL_CHECK_DAYS    | weekly           | FULL_CHECK_DAYS='weekly' is not a whole number"
      })
  void eachProblemIsNamed(String variable, String value, String message) {
    Map<String, String> environment = new HashMap<>(MINIMAL);
    if (value == null) {
      environment.remove(variable);
    } else {
      environment.put(variable, value);
    }

    IllegalArgumentException failure =
        assertThrows(
            IllegalArgumentException.class, () -> RunSettings.fromEnvironment(environment));

    assertEquals("invalid configuration: " + message, failure.getMessage());
  }

  @Test
  void allProblemsAreListedAtOnce() {
    IllegalArgumentException failure =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RunSettings.fromEnvironment(
                    Map.of(
                        "REPORT_BUCKET", "Reports",
                        "REGISTRY_BUCKET", "-registry",
                        "MAX_TABLES_PER_RUN", "many",
                        "CONCURRENCY", "0")));

    assertEquals(
        "invalid configuration: "
            + String.join(
                "; ",
                List.of(
                    "CONTRACT_BUCKET is not set (the name of an S3 bucket)",
                    "REPORT_BUCKET='Reports' is not an S3 bucket name",
                    "REGISTRY_BUCKET='-registry' is not an S3 bucket name",
                    "MAX_TABLES_PER_RUN='many' is not a whole number",
                    "CONCURRENCY=0 must be between 1 and 256")),
        failure.getMessage());
  }

  @Test
  void dataBucketsDefaultToAnyAndCanBeListed() {
    assertNull(RunSettings.fromEnvironment(MINIMAL).dataBuckets(), "unset: the IAM role decides");
    assertTrue(RunSettings.fromEnvironment(MINIMAL).allowsDataBucket("anything"));
    Map<String, String> star = new HashMap<>(MINIMAL);
    star.put("DATA_BUCKETS", "*");
    assertNull(RunSettings.fromEnvironment(star).dataBuckets());

    Map<String, String> listed = new HashMap<>(MINIMAL);
    listed.put("DATA_BUCKETS", "lake-raw, lake-curated");
    RunSettings settings = RunSettings.fromEnvironment(listed);
    assertEquals(java.util.Set.of("lake-raw", "lake-curated"), settings.dataBuckets());
    assertTrue(settings.allowsDataBucket("lake-raw"));
    assertFalse(settings.allowsDataBucket("lake-raw-other"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"lake-raw,,lake-curated|''", "*,lake-raw|*", "Lake|Lake", "s3://lake|s3://lake"})
  void dataBucketsThatAreNotBucketNamesAreRefused(String value, String named) {
    Map<String, String> environment = new HashMap<>(MINIMAL);
    environment.put("DATA_BUCKETS", value);
    IllegalArgumentException failure =
        assertThrows(
            IllegalArgumentException.class, () -> RunSettings.fromEnvironment(environment));
    assertTrue(failure.getMessage().contains("DATA_BUCKETS="), failure.getMessage());
    assertTrue(failure.getMessage().contains("('" + named + "' is not one)"), failure.getMessage());
  }

  @Test
  void contractsAreReadOnlyFromTheContractAndRegistryBuckets() {
    RunSettings settings =
        new RunSettings("contracts", "reports", "registry", null, 10, 1, null, null);
    assertTrue(settings.allowsContractBucket("contracts"));
    assertTrue(settings.allowsContractBucket("registry"));
    assertFalse(settings.allowsContractBucket("reports"));
    assertFalse(settings.allowsContractBucket("someone-elses"));
  }
}
