package dev.schemadrift.report.handler;

import java.util.Map;

/**
 * ReportGeneratorFunction's configuration, read once from the environment and checked, so that a
 * misconfigured deployment fails at its first invocation with a clear message.
 *
 * @param reportBucket where the diffs, manifests, reports and index live ({@code REPORT_BUCKET})
 * @param notificationTopicArn the SNS topic told about new BREAKING and ERROR results ({@code
 *     NOTIFICATION_TOPIC_ARN}); null for no notifications
 * @param reportBaseUrl where the report bucket is served, for links in notifications ({@code
 *     REPORT_BASE_URL}); null to link with {@code s3://}
 */
public record ReportSettings(
    String reportBucket, String notificationTopicArn, String reportBaseUrl) {

  public ReportSettings {
    if (reportBucket == null || reportBucket.isBlank()) {
      throw new IllegalArgumentException(
          "invalid configuration: REPORT_BUCKET is not set (the function needs its report bucket)");
    }
  }

  /** Reads the settings; blank optional variables count as unset, values are stripped. */
  public static ReportSettings fromEnvironment(Map<String, String> environment) {
    return new ReportSettings(
        blankToNull(environment.get("REPORT_BUCKET")),
        blankToNull(environment.get("NOTIFICATION_TOPIC_ARN")),
        blankToNull(environment.get("REPORT_BASE_URL")));
  }

  /** Whether results are notified: a topic is configured. */
  public boolean notifies() {
    return notificationTopicArn != null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
