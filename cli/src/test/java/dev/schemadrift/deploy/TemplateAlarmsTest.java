package dev.schemadrift.deploy;

import static dev.schemadrift.deploy.CloudFormationTemplate.list;
import static dev.schemadrift.deploy.CloudFormationTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemadrift.metrics.RunMetric;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The alarms and the dashboard of template.yaml against what the functions emit: every custom
 * metric they name is a {@link RunMetric} in its namespace with the Stack dimension (one source of
 * names), and each alarm the deployment issue asks for exists with the intended semantics.
 */
class TemplateAlarmsTest {
  private static final Set<String> METRIC_NAMES =
      Arrays.stream(RunMetric.values())
          .map(RunMetric::metricName)
          .collect(Collectors.toUnmodifiableSet());
  private static final Map<String, Object> THE_STACK =
      Map.of("Name", RunMetric.STACK_DIMENSION, "Value", Map.of("Ref", "AWS::StackName"));

  private final CloudFormationTemplate template = CloudFormationTemplate.load();

  private Map<String, Object> alarm(String id) {
    assertEquals("AWS::CloudWatch::Alarm", template.resource(id).get("Type"), id);
    return template.properties(id);
  }

  @Test
  void everyCustomMetricAnAlarmWatchesIsARunMetricOfTheStack() {
    List<String> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");
    assertTrue(alarms.size() >= 7, alarms.toString());
    Set<String> custom = new TreeSet<>();
    for (String id : alarms) {
      Map<String, Object> alarm = alarm(id);
      String namespace = (String) alarm.get("Namespace");
      assertTrue(
          Set.of(RunMetric.NAMESPACE, "AWS/Lambda", "AWS/SQS").contains(namespace),
          id + ": namespace " + namespace);
      if (namespace.equals(RunMetric.NAMESPACE)) {
        String metric = (String) alarm.get("MetricName");
        assertTrue(METRIC_NAMES.contains(metric), id + ": " + metric + " is not a RunMetric");
        assertEquals(List.of(THE_STACK), alarm.get("Dimensions"), id + ": the Stack dimension");
        custom.add(metric);
      }
    }
    assertEquals(Set.of("RunsCompleted", "TablesError"), custom);
  }

  @Test
  void everyAlarmNotifiesTheAlarmTopicOrTheGivenNotificationTopic() {
    Object action =
        Map.of(
            "Fn::If",
            List.of(
                "HasAlarmTopic",
                Map.of("Ref", "AlarmTopicArn"),
                Map.of(
                    "Fn::If",
                    List.of(
                        "UseExistingTopic",
                        Map.of("Ref", "NotificationTopicArn"),
                        Map.of("Ref", "AWS::NoValue")))));
    for (String id : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
      assertEquals(List.of(action), alarm(id).get("AlarmActions"), id);
      assertEquals(List.of(action), alarm(id).get("OKActions"), id);
      assertTrue(((String) alarm(id).get("AlarmDescription")).contains("OPERATIONS.md"), id);
    }
  }

  @Test
  void functionErrorsOfEitherFunctionAlarm() {
    for (String function : List.of("SchemaDiffFunction", "ReportGeneratorFunction")) {
      Map<String, Object> alarm = alarm(function.replace("Function", "ErrorsAlarm"));
      assertEquals("AWS/Lambda", alarm.get("Namespace"));
      assertEquals("Errors", alarm.get("MetricName"));
      assertEquals(
          List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", function))),
          alarm.get("Dimensions"));
      assertEquals("Sum", alarm.get("Statistic"));
      assertEquals("GreaterThanOrEqualToThreshold", alarm.get("ComparisonOperator"));
      assertEquals(1, alarm.get("Threshold"));
    }
  }

  @Test
  void aFailedEventInTheQueueAlarms() {
    Map<String, Object> alarm = alarm("FailedEventsAlarm");
    assertEquals("AWS/SQS", alarm.get("Namespace"));
    assertEquals("ApproximateNumberOfMessagesVisible", alarm.get("MetricName"));
    assertEquals(
        List.of(
            Map.of(
                "Name",
                "QueueName",
                "Value",
                Map.of("Fn::GetAtt", List.of("FailedEventsQueue", "QueueName")))),
        alarm.get("Dimensions"));
    assertEquals("GreaterThanOrEqualToThreshold", alarm.get("ComparisonOperator"));
    assertEquals(1, alarm.get("Threshold"));
  }

  @Test
  void aMissingScheduledRunAlarmsAndNoDataCountsAsMissing() {
    Map<String, Object> alarm = alarm("RunMissingAlarm");
    assertEquals("ScheduleOn", template.resource("RunMissingAlarm").get("Condition"));
    assertEquals(RunMetric.RUNS_COMPLETED.metricName(), alarm.get("MetricName"));
    assertEquals("Sum", alarm.get("Statistic"));
    assertEquals(Map.of("Ref", "RunMissingPeriod"), alarm.get("Period"));
    assertEquals(1, alarm.get("EvaluationPeriods"));
    assertEquals("LessThanThreshold", alarm.get("ComparisonOperator"));
    assertEquals(1, alarm.get("Threshold"));
    assertEquals("breaching", alarm.get("TreatMissingData"));
    Map<String, Object> period = map(template.section("Parameters").get("RunMissingPeriod"));
    assertEquals(86400, period.get("Default"), "a day: the default schedule is daily");
    for (Object seconds : list(period.get("AllowedValues"))) {
      // CloudWatch: periods of an hour or more are multiples of 3600, and at most a day.
      int value = (Integer) seconds;
      assertTrue(value % 3600 == 0 && value <= 86400, "period " + value);
    }
  }

  @Test
  void tablesInErrorAboveTheThresholdAlarm() {
    Map<String, Object> alarm = alarm("TablesInErrorAlarm");
    assertEquals(RunMetric.TABLES_ERROR.metricName(), alarm.get("MetricName"));
    assertEquals("Maximum", alarm.get("Statistic"));
    assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"));
    assertEquals(Map.of("Ref", "TablesErrorThreshold"), alarm.get("Threshold"));
    assertEquals("notBreaching", alarm.get("TreatMissingData"));
  }

  /** The Duration maximum against 80 % of the function's own timeout, in milliseconds. */
  @Test
  void aRunCloseToItsTimeoutAlarms() {
    for (String function : List.of("SchemaDiffFunction", "ReportGeneratorFunction")) {
      Map<String, Object> alarm = alarm(function.replace("Function", "NearTimeoutAlarm"));
      int timeoutSeconds = (Integer) template.functionProperties(function).get("Timeout");
      assertEquals("AWS/Lambda", alarm.get("Namespace"));
      assertEquals("Duration", alarm.get("MetricName"));
      assertEquals(
          List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", function))),
          alarm.get("Dimensions"));
      assertEquals("Maximum", alarm.get("Statistic"));
      assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"));
      assertEquals(timeoutSeconds * 1000 * 8 / 10, alarm.get("Threshold"), function);
    }
  }

  /** The dashboard's metric rows: [namespace, name, dimension, value, (options)]. */
  private List<JsonNode> dashboardMetrics() throws IOException {
    List<String> dashboards = template.resourcesOfType("AWS::CloudWatch::Dashboard");
    assertEquals(1, dashboards.size());
    String body =
        (String) map(template.properties(dashboards.get(0)).get("DashboardBody")).get("Fn::Sub");
    // The variables CloudFormation substitutes are plain strings inside the JSON.
    JsonNode root = new ObjectMapper().readTree(body);
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode widget : root.get("widgets")) {
      JsonNode metrics = widget.path("properties").path("metrics");
      metrics.forEach(rows::add);
    }
    return rows;
  }

  @Test
  void theDashboardShowsRunMetricsOfTheStackAndTheFailures() throws IOException {
    Set<String> custom = new TreeSet<>();
    Set<String> builtIn = new TreeSet<>();
    for (JsonNode row : dashboardMetrics()) {
      String namespace = row.get(0).asText();
      String metric = row.get(1).asText();
      if (namespace.equals(RunMetric.NAMESPACE)) {
        assertTrue(METRIC_NAMES.contains(metric), metric + " is not a RunMetric");
        assertEquals(RunMetric.STACK_DIMENSION, row.get(2).asText(), metric);
        assertEquals("${AWS::StackName}", row.get(3).asText(), metric);
        custom.add(metric);
      } else {
        builtIn.add(namespace + " " + metric + " " + row.get(3).asText());
      }
    }
    assertTrue(
        custom.containsAll(
            Set.of(
                "TablesOk",
                "TablesSafe",
                "TablesRisky",
                "TablesBreaking",
                "TablesNoData",
                "TablesError",
                "NewBreaking",
                "NewError",
                "RunDuration")),
        custom.toString());
    assertEquals(
        Set.of(
            "AWS/Lambda Errors ${SchemaDiffFunction}",
            "AWS/Lambda Errors ${ReportGeneratorFunction}",
            "AWS/SQS ApproximateNumberOfMessagesVisible ${FailedEventsQueue.QueueName}"),
        builtIn);
  }

  /** Nothing else in the template spells the namespace: no metric escapes the checks above. */
  @Test
  void theNamespaceAppearsOnlyInTheCheckedAlarmsAndDashboard() throws IOException {
    String text = Files.readString(CloudFormationTemplate.locate());
    long alarms =
        template.resourcesOfType("AWS::CloudWatch::Alarm").stream()
            .filter(id -> RunMetric.NAMESPACE.equals(alarm(id).get("Namespace")))
            .count();
    long rows =
        dashboardMetrics().stream()
            .filter(row -> row.get(0).asText().equals(RunMetric.NAMESPACE))
            .count();
    long spelled =
        text.lines()
            .filter(line -> !line.stripLeading().startsWith("#"))
            .mapToLong(line -> line.split(RunMetric.NAMESPACE + "\\b", -1).length - 1)
            .sum();
    assertTrue(alarms > 0 && rows > 0, "alarms " + alarms + ", dashboard rows " + rows);
    assertEquals(alarms + rows, spelled, "every SchemaDrift in template.yaml is a checked metric");
  }
}
