package dev.schemadrift.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The function's configuration (DESIGN.md §5), read once from the environment and validated with
 * every problem named, so a misconfigured deployment fails at its first invocation with a clear
 * message instead of half-working.
 *
 * @param registryBucket null in single-table mode
 * @param reportFunction null to skip report generation (e.g. a dry run)
 * @param contractKey the default contract in single-table mode when the event names none
 */
public record RunSettings(
    String contractBucket,
    String reportBucket,
    String registryBucket,
    String registryKey,
    int maxTablesPerRun,
    int concurrency,
    String reportFunction,
    String contractKey) {

  public static final int DEFAULT_MAX_TABLES = 1000;
  public static final int DEFAULT_CONCURRENCY = 16;
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  public RunSettings {
    if (registryKey == null || registryKey.isBlank()) {
      registryKey = "configs/tables.json";
    }
  }

  public boolean registryMode() {
    return registryBucket != null;
  }

  /** Reads and validates the settings; throws with every problem listed. */
  public static RunSettings fromEnvironment(Map<String, String> environment) {
    List<String> problems = new ArrayList<>();
    String contractBucket = bucket(environment, "CONTRACT_BUCKET", true, problems);
    String reportBucket = bucket(environment, "REPORT_BUCKET", true, problems);
    String registryBucket = bucket(environment, "REGISTRY_BUCKET", false, problems);
    int max = positive(environment, "MAX_TABLES_PER_RUN", DEFAULT_MAX_TABLES, 100_000, problems);
    int concurrency = positive(environment, "CONCURRENCY", DEFAULT_CONCURRENCY, 256, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid configuration: " + String.join("; ", problems));
    }
    return new RunSettings(
        contractBucket,
        reportBucket,
        registryBucket,
        blankToNull(environment.get("REGISTRY_KEY")),
        max,
        concurrency,
        blankToNull(environment.get("REPORT_FUNCTION")),
        blankToNull(environment.get("CONTRACT_KEY")));
  }

  private static String bucket(
      Map<String, String> environment, String name, boolean required, List<String> problems) {
    String value = blankToNull(environment.get(name));
    if (value == null) {
      if (required) {
        problems.add(name + " is not set (the name of an S3 bucket)");
      }
      return null;
    }
    if (!BUCKET.matcher(value).matches()) {
      problems.add(name + "='" + value + "' is not an S3 bucket name");
    }
    return value;
  }

  private static int positive(
      Map<String, String> environment, String name, int fallback, int max, List<String> problems) {
    String value = blankToNull(environment.get(name));
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number < 1 || number > max) {
        problems.add(name + "=" + value + " must be between 1 and " + max);
      }
      return number;
    } catch (NumberFormatException e) {
      problems.add(name + "='" + value + "' is not a whole number");
      return fallback;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
