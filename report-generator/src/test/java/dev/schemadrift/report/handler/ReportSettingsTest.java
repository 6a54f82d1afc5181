package dev.schemadrift.report.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The report function reads its environment once; without its bucket it must not start. */
class ReportSettingsTest {
  private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:schema-drift";

  @Test
  void onlyTheBucketIsRequiredAndBlankOptionalVariablesCountAsUnset() {
    ReportSettings minimal = ReportSettings.fromEnvironment(Map.of("REPORT_BUCKET", "reports"));
    ReportSettings blank =
        ReportSettings.fromEnvironment(
            Map.of(
                "REPORT_BUCKET", "reports", "NOTIFICATION_TOPIC_ARN", " ", "REPORT_BASE_URL", ""));

    assertEquals(new ReportSettings("reports", null, null), minimal);
    assertEquals(minimal, blank);
    assertFalse(minimal.notifies());
  }

  @Test
  void everyVariableIsReadAndStripped() {
    ReportSettings settings =
        ReportSettings.fromEnvironment(
            Map.of(
                "REPORT_BUCKET", " reports ",
                "NOTIFICATION_TOPIC_ARN", TOPIC + "\n",
                "REPORT_BASE_URL", " https://d111111abcdef8.cloudfront.net/"));

    assertEquals(
        new ReportSettings("reports", TOPIC, "https://d111111abcdef8.cloudfront.net/"), settings);
    assertTrue(settings.notifies());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void aMissingOrBlankBucketIsRefused(String bucket) {
    Map<String, String> environment = new HashMap<>(Map.of("NOTIFICATION_TOPIC_ARN", TOPIC));
    IllegalArgumentException unset =
        assertThrows(
            IllegalArgumentException.class, () -> ReportSettings.fromEnvironment(environment));
    environment.put("REPORT_BUCKET", bucket);
    IllegalArgumentException blank =
        assertThrows(
            IllegalArgumentException.class, () -> ReportSettings.fromEnvironment(environment));

    String message =
        "invalid configuration: REPORT_BUCKET is not set (the function needs its report bucket)";
    assertEquals(message, unset.getMessage());
    assertEquals(message, blank.getMessage());
  }

  @Test
  void theHandlerRefusesToStartWithoutItsBucket() {
    IllegalArgumentException failure =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ReportGeneratorHandler(Map.of("AWS_REGION", "eu-west-1")));

    assertTrue(failure.getMessage().contains("REPORT_BUCKET"), failure.getMessage());
  }
}
