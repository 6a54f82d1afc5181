package dev.schemadrift.deploy;

import static dev.schemadrift.deploy.CloudFormationTemplate.list;
import static dev.schemadrift.deploy.CloudFormationTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The event-driven checks of template.yaml (docs/OPERATIONS.md#event-driven-checks): the rules and
 * their patterns, the encrypted queue with its dead-letter queue, the queue policy, the event
 * source mapping with its batching and concurrency limit, the SQS grants, and the dead-letter
 * alarm; all of it behind one parameter, on by default, in registry mode only.
 */
class TemplateEventsTest {
  private static final List<String> EVENT_RESOURCES =
      List.of(
          "ChangeEventsQueue",
          "ChangeEventsDeadLetterQueue",
          "ChangeEventsQueuePolicy",
          "GlueChangesRule",
          "ContractChangesRule",
          "ChangeEventsMapping",
          "SchemaDiffEventsPolicy",
          "ChangeEventsDeadLetterAlarm");

  private final CloudFormationTemplate template = CloudFormationTemplate.load();

  private static Map<String, Object> getAtt(String resource, String attribute) {
    return Map.of("Fn::GetAtt", List.of(resource, attribute));
  }

  @Test
  void oneParameterOnByDefaultTurnsEverythingOnInRegistryModeOnly() {
    Map<String, Object> parameter = map(template.section("Parameters").get("EventDrivenChecks"));
    assertEquals("true", parameter.get("Default"));
    assertEquals(List.of("true", "false"), parameter.get("AllowedValues"));
    assertEquals(
        Map.of(
            "Fn::And",
            List.of(
                Map.of("Fn::Equals", List.of(Map.of("Ref", "EventDrivenChecks"), "true")),
                Map.of("Condition", "RegistryMode"))),
        template.section("Conditions").get("EventsOn"));
    for (String id : EVENT_RESOURCES) {
      assertEquals("EventsOn", template.resource(id).get("Condition"), id);
    }
    for (String output : List.of("ChangeEventsQueueUrl", "ChangeEventsDeadLetterQueueUrl")) {
      assertEquals("EventsOn", map(template.section("Outputs").get(output)).get("Condition"));
    }
  }

  @Test
  void glueChangesOfTheRegistrysDatabasesGoToTheQueue() {
    Map<String, Object> rule = template.properties("GlueChangesRule");
    assertEquals(
        Map.of(
            "source",
            List.of("aws.glue"),
            "detail-type",
            List.of(
                "Glue Data Catalog Table State Change", "Glue Data Catalog Database State Change"),
            "detail",
            Map.of("databaseName", Map.of("Ref", "GlueDatabases"))),
        rule.get("EventPattern"));
    assertTargetsTheQueue(rule);
  }

  @Test
  void contractUploadsUnderTheContractPrefixGoToTheQueue() {
    Map<String, Object> rule = template.properties("ContractChangesRule");
    assertEquals(
        Map.of(
            "source",
            List.of("aws.s3"),
            "detail-type",
            List.of("Object Created"),
            "detail",
            Map.of(
                "bucket",
                Map.of("name", List.of(Map.of("Ref", "ContractBucket"))),
                "object",
                Map.of("key", List.of(Map.of("prefix", "contracts/"))))),
        rule.get("EventPattern"));
    assertTargetsTheQueue(rule);
  }

  /** One target, the queue, with bounded retries and the dead-letter queue for undelivered ones. */
  private static void assertTargetsTheQueue(Map<String, Object> rule) {
    List<Object> targets = list(rule.get("Targets"));
    assertEquals(1, targets.size());
    Map<String, Object> target = map(targets.get(0));
    assertEquals(getAtt("ChangeEventsQueue", "Arn"), target.get("Arn"));
    assertEquals(
        Map.of("Arn", getAtt("ChangeEventsDeadLetterQueue", "Arn")),
        target.get("DeadLetterConfig"));
    assertTrue(map(target.get("RetryPolicy")).containsKey("MaximumEventAgeInSeconds"));
  }

  @Test
  void theQueuesAreEncryptedAndFailedMessagesMoveToTheDeadLetterQueue() {
    for (String queue : List.of("ChangeEventsQueue", "ChangeEventsDeadLetterQueue")) {
      assertEquals(true, template.properties(queue).get("SqsManagedSseEnabled"), queue);
    }
    Map<String, Object> queue = template.properties("ChangeEventsQueue");
    assertEquals(
        Map.of(
            "deadLetterTargetArn",
            getAtt("ChangeEventsDeadLetterQueue", "Arn"),
            "maxReceiveCount",
            3),
        queue.get("RedrivePolicy"));
    int timeout = (Integer) template.functionProperties("SchemaDiffFunction").get("Timeout");
    assertEquals(6 * timeout, queue.get("VisibilityTimeout"), "six times the function's timeout");
    assertEquals(
        1209600,
        template.properties("ChangeEventsDeadLetterQueue").get("MessageRetentionPeriod"),
        "14 days to look at a dead letter");
  }

  @Test
  void onlyTheTwoRulesMaySendToTheQueues() {
    Map<String, Object> policy = template.properties("ChangeEventsQueuePolicy");
    assertEquals(
        List.of(Map.of("Ref", "ChangeEventsQueue"), Map.of("Ref", "ChangeEventsDeadLetterQueue")),
        policy.get("Queues"));
    List<Object> statements = list(map(policy.get("PolicyDocument")).get("Statement"));
    assertEquals(1, statements.size());
    Map<String, Object> statement = map(statements.get(0));
    assertEquals("Allow", statement.get("Effect"));
    assertEquals(Map.of("Service", "events.amazonaws.com"), statement.get("Principal"));
    assertEquals("sqs:SendMessage", statement.get("Action"));
    assertEquals(
        Map.of(
            "ArnEquals",
            Map.of(
                "aws:SourceArn",
                List.of(getAtt("GlueChangesRule", "Arn"), getAtt("ContractChangesRule", "Arn")))),
        statement.get("Condition"));
  }

  @Test
  void theMappingBatchesReportsItemFailuresAndLimitsConcurrency() {
    Map<String, Object> mapping = template.properties("ChangeEventsMapping");
    assertEquals(getAtt("ChangeEventsQueue", "Arn"), mapping.get("EventSourceArn"));
    assertEquals(
        Map.of("Ref", "SchemaDiffFunction.Alias"),
        mapping.get("FunctionName"),
        "the alias: $LATEST has no SnapStart snapshot");
    assertEquals(100, mapping.get("BatchSize"));
    assertEquals(20, mapping.get("MaximumBatchingWindowInSeconds"));
    assertEquals(List.of("ReportBatchItemFailures"), mapping.get("FunctionResponseTypes"));
    assertEquals(
        Map.of("MaximumConcurrency", Map.of("Ref", "EventConcurrency")),
        mapping.get("ScalingConfig"));
    Map<String, Object> concurrency = map(template.section("Parameters").get("EventConcurrency"));
    assertEquals(2, concurrency.get("Default"));
    assertEquals(2, concurrency.get("MinValue"), "Lambda's least maximum concurrency");
    assertEquals(10, concurrency.get("MaxValue"), "one run id per second and batch");
    assertEquals(
        "SchemaDiffEventsPolicy", template.resource("ChangeEventsMapping").get("DependsOn"));
  }

  @Test
  void theFunctionMayOnlyReceiveAndDeleteFromTheChangeEventsQueue() {
    Map<String, Object> policy = template.properties("SchemaDiffEventsPolicy");
    assertEquals(List.of(Map.of("Ref", "SchemaDiffRole")), policy.get("Roles"));
    List<Object> statements = list(map(policy.get("PolicyDocument")).get("Statement"));
    assertEquals(1, statements.size());
    Map<String, Object> statement = map(statements.get(0));
    assertEquals(
        Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
        new TreeSet<>(list(statement.get("Action")).stream().map(String.class::cast).toList()));
    assertEquals(getAtt("ChangeEventsQueue", "Arn"), statement.get("Resource"));
  }

  @Test
  void aDeadLetterAlarms() {
    Map<String, Object> alarm = template.properties("ChangeEventsDeadLetterAlarm");
    assertEquals("AWS/SQS", alarm.get("Namespace"));
    assertEquals("ApproximateNumberOfMessagesVisible", alarm.get("MetricName"));
    assertEquals(
        List.of(
            Map.of(
                "Name", "QueueName", "Value", getAtt("ChangeEventsDeadLetterQueue", "QueueName"))),
        alarm.get("Dimensions"));
    assertEquals("GreaterThanOrEqualToThreshold", alarm.get("ComparisonOperator"));
    assertEquals(1, alarm.get("Threshold"));
    assertTrue(
        ((String) alarm.get("AlarmDescription")).contains("OPERATIONS.md#event-driven-checks"));
  }
}
