package dev.schemadrift.metrics;

/**
 * Every CloudWatch metric the functions emit (embedded metric format), with its unit: the one
 * source of names for the code that emits them and for the alarms and dashboard in template.yaml.
 * Each is published in {@link #NAMESPACE} with the dimension {@link #STACK_DIMENSION} (the stack's
 * name, from the functions' environment).
 */
public enum RunMetric {
  /** SchemaDiffFunction: one per finished run. */
  RUNS_COMPLETED("RunsCompleted", Unit.COUNT),
  /** SchemaDiffFunction: tables checked in the run, by status. */
  TABLES_OK("TablesOk", Unit.COUNT),
  TABLES_SAFE("TablesSafe", Unit.COUNT),
  TABLES_RISKY("TablesRisky", Unit.COUNT),
  TABLES_BREAKING("TablesBreaking", Unit.COUNT),
  TABLES_NO_DATA("TablesNoData", Unit.COUNT),
  TABLES_ERROR("TablesError", Unit.COUNT),
  /** SchemaDiffFunction: registry tables left for the next run (MaxTablesPerRun). */
  TABLES_LEFT("TablesLeft", Unit.COUNT),
  /** SchemaDiffFunction: the run's wall time. */
  RUN_DURATION("RunDuration", Unit.MILLISECONDS),
  /** Both functions: AWS SDK attempts that were retries, and those that answered throttling. */
  AWS_RETRIES("AwsRetries", Unit.COUNT),
  AWS_THROTTLES("AwsThrottles", Unit.COUNT),
  /** ReportGeneratorFunction: table reports rendered in one generation. */
  REPORTS_RENDERED("ReportsRendered", Unit.COUNT),
  /** ReportGeneratorFunction: tables newly BREAKING or ERROR (new alert keys) in one generation. */
  NEW_BREAKING("NewBreaking", Unit.COUNT),
  NEW_ERROR("NewError", Unit.COUNT);

  /** The CloudWatch namespace of every metric. */
  public static final String NAMESPACE = "SchemaDrift";

  /** The one dimension: the CloudFormation stack, so that two deployments stay apart. */
  public static final String STACK_DIMENSION = "Stack";

  /** The units used, spelled as CloudWatch and the EMF specification spell them. */
  public enum Unit {
    COUNT("Count"),
    MILLISECONDS("Milliseconds");

    private final String cloudWatchName;

    Unit(String cloudWatchName) {
      this.cloudWatchName = cloudWatchName;
    }

    public String cloudWatchName() {
      return cloudWatchName;
    }
  }

  private final String metricName;
  private final Unit unit;

  RunMetric(String metricName, Unit unit) {
    this.metricName = metricName;
    this.unit = unit;
  }

  /** The metric's name in CloudWatch. */
  public String metricName() {
    return metricName;
  }

  public Unit unit() {
    return unit;
  }
}
