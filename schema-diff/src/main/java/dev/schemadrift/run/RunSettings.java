package dev.schemadrift.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The function's configuration (DESIGN.md §5), read once from the environment and validated with
 * every problem named, so a misconfigured deployment fails at its first invocation with a clear
 * message instead of half-working.
 *
 * @param registryBucket null in single-table mode
 * @param reportFunction null to skip report generation (e.g. a dry run)
 * @param contractKey the default contract in single-table mode when the event names none
 * @param dataBuckets the buckets a contract's {@code data_location} may name ({@code
 *     DATA_BUCKETS}); null allows any bucket, leaving the boundary to the function's IAM role
 * @param tableCreation whether missing tables may be created: the function follows the contract's
 *     {@code create_if_missing} policy; the CLI creates none unless asked to
 * @param fullCheckDays how many days a scheduled run may keep a verdict whose inputs did not change
 *     before judging the table again ({@code FULL_CHECK_DAYS}, default 7); 0 makes every scheduled
 *     run a full run
 */
public record RunSettings(
    String contractBucket,
    String reportBucket,
    String registryBucket,
    String registryKey,
    int maxTablesPerRun,
    int concurrency,
    String reportFunction,
    String contractKey,
    Set<String> dataBuckets,
    TableCreation tableCreation,
    int fullCheckDays) {

  public static final int DEFAULT_MAX_TABLES = 1000;
  public static final int DEFAULT_FULL_CHECK_DAYS = 7;
  public static final int DEFAULT_CONCURRENCY = 16;
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  public RunSettings {
    if (registryKey == null || registryKey.isBlank()) {
      registryKey = "configs/tables.json";
    }
    dataBuckets = dataBuckets == null ? null : Set.copyOf(dataBuckets);
    Objects.requireNonNull(tableCreation, "tableCreation");
    if (fullCheckDays < 0) {
      throw new IllegalArgumentException("fullCheckDays must not be negative: " + fullCheckDays);
    }
  }

  /**
   * Settings that create missing tables as each contract's policy allows (the function's way), with
   * the default full-check period.
   */
  public RunSettings(
      String contractBucket,
      String reportBucket,
      String registryBucket,
      String registryKey,
      int maxTablesPerRun,
      int concurrency,
      String reportFunction,
      String contractKey,
      Set<String> dataBuckets) {
    this(
        contractBucket,
        reportBucket,
        registryBucket,
        registryKey,
        maxTablesPerRun,
        concurrency,
        reportFunction,
        contractKey,
        dataBuckets,
        TableCreation.AS_POLICY_ALLOWS,
        DEFAULT_FULL_CHECK_DAYS);
  }

  /** These settings with another way of treating missing tables. */
  public RunSettings withTableCreation(TableCreation creation) {
    return new RunSettings(
        contractBucket,
        reportBucket,
        registryBucket,
        registryKey,
        maxTablesPerRun,
        concurrency,
        reportFunction,
        contractKey,
        dataBuckets,
        creation,
        fullCheckDays);
  }

  /** These settings with another full-check period. */
  public RunSettings withFullCheckDays(int days) {
    return new RunSettings(
        contractBucket,
        reportBucket,
        registryBucket,
        registryKey,
        maxTablesPerRun,
        concurrency,
        reportFunction,
        contractKey,
        dataBuckets,
        tableCreation,
        days);
  }

  /** Settings that allow a data location in any bucket. */
  public RunSettings(
      String contractBucket,
      String reportBucket,
      String registryBucket,
      String registryKey,
      int maxTablesPerRun,
      int concurrency,
      String reportFunction,
      String contractKey) {
    this(
        contractBucket,
        reportBucket,
        registryBucket,
        registryKey,
        maxTablesPerRun,
        concurrency,
        reportFunction,
        contractKey,
        null);
  }

  public boolean registryMode() {
    return registryBucket != null;
  }

  /** Whether a contract may have its data probed (and its table created) in this bucket. */
  public boolean allowsDataBucket(String bucket) {
    return dataBuckets == null || dataBuckets.contains(bucket);
  }

  /**
   * Whether a contract may be read from this bucket: only the contract and registry buckets, so a
   * registry entry cannot make the function read anywhere else its role happens to reach.
   */
  public boolean allowsContractBucket(String bucket) {
    return bucket.equals(contractBucket) || bucket.equals(registryBucket);
  }

  /**
   * Reads {@code DATA_BUCKETS}: unset, empty or {@code *} allows any bucket; otherwise a
   * comma-separated list of bucket names.
   */
  public static Set<String> parseDataBuckets(String name, String value, List<String> problems) {
    String text = blankToNull(value);
    if (text == null || text.equals("*")) {
      return null;
    }
    Set<String> buckets = new TreeSet<>();
    for (String part : text.split(",", -1)) {
      String bucket = part.strip();
      if (!BUCKET.matcher(bucket).matches()) {
        problems.add(
            name
                + "='"
                + text
                + "' must be * or a comma-separated list of S3 bucket names ('"
                + bucket
                + "' is not one)");
        return null;
      }
      buckets.add(bucket);
    }
    return buckets;
  }

  /** Reads and validates the settings; throws with every problem listed. */
  public static RunSettings fromEnvironment(Map<String, String> environment) {
    List<String> problems = new ArrayList<>();
    String contractBucket = bucket(environment, "CONTRACT_BUCKET", true, problems);
    String reportBucket = bucket(environment, "REPORT_BUCKET", true, problems);
    String registryBucket = bucket(environment, "REGISTRY_BUCKET", false, problems);
    int max = positive(environment, "MAX_TABLES_PER_RUN", DEFAULT_MAX_TABLES, 100_000, problems);
    int concurrency = positive(environment, "CONCURRENCY", DEFAULT_CONCURRENCY, 256, problems);
    Set<String> dataBuckets =
        parseDataBuckets("DATA_BUCKETS", environment.get("DATA_BUCKETS"), problems);
    int fullCheckDays =
        atLeastZero(environment, "FULL_CHECK_DAYS", DEFAULT_FULL_CHECK_DAYS, 365, problems);
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
        blankToNull(environment.get("CONTRACT_KEY")),
        dataBuckets,
        TableCreation.AS_POLICY_ALLOWS,
        fullCheckDays);
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
    return bounded(environment, name, fallback, 1, max, problems);
  }

  private static int atLeastZero(
      Map<String, String> environment, String name, int fallback, int max, List<String> problems) {
    return bounded(environment, name, fallback, 0, max, problems);
  }

  private static int bounded(
      Map<String, String> environment,
      String name,
      int fallback,
      int min,
      int max,
      List<String> problems) {
    String value = blankToNull(environment.get(name));
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number < min || number > max) {
        problems.add(name + "=" + value + " must be between " + min + " and " + max);
        return fallback;
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
