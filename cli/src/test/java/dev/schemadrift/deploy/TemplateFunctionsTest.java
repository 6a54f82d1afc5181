package dev.schemadrift.deploy;

import static dev.schemadrift.deploy.CloudFormationTemplate.listOrSingle;
import static dev.schemadrift.deploy.CloudFormationTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The functions, schedule, async configuration, parameters and outputs of template.yaml, checked
 * against the facts in AWS.md (SnapStart on published versions, the alias everywhere, log groups
 * with retention, Scheduler Input) and against what the code reads.
 */
class TemplateFunctionsTest {
  private static final Path ROOT = CloudFormationTemplate.repositoryRoot();

  private final CloudFormationTemplate template = CloudFormationTemplate.load();

  @ParameterizedTest
  @ValueSource(strings = {"SchemaDiffFunction", "ReportGeneratorFunction"})
  void functionsRunOnJava21Arm64WithSnapStartBehindTheAliasLive(String function) {
    Map<String, Object> properties = template.functionProperties(function);
    assertEquals("AWS::Serverless::Function", template.resource(function).get("Type"));
    assertEquals("java21", properties.get("Runtime"));
    assertEquals(List.of("arm64"), properties.get("Architectures"));
    assertEquals(Map.of("ApplyOn", "PublishedVersions"), properties.get("SnapStart"));
    assertEquals("live", properties.get("AutoPublishAlias"));
    int memory = (Integer) properties.get("MemorySize");
    int timeout = (Integer) properties.get("Timeout");
    assertTrue(memory >= 512 && memory <= 10_240, "memory " + memory);
    assertTrue(timeout >= 60 && timeout <= 900, "timeout " + timeout);
    assertEquals(
        Map.of("Fn::GetAtt", List.of(function.replace("Function", "Role"), "Arn")),
        properties.get("Role"),
        "the hand-written role, not one SAM generates");
    assertFalse(properties.containsKey("Policies"), "no SAM policy templates (whole buckets)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SchemaDiffFunction", "ReportGeneratorFunction"})
  void functionsLogIntoTheirOwnLogGroupWithRetention(String function) {
    Map<String, Object> logging = map(template.properties(function).get("LoggingConfig"));
    String group = (String) map(logging.get("LogGroup")).get("Ref");
    assertEquals("AWS::Logs::LogGroup", template.resource(group).get("Type"));
    assertEquals(
        Map.of("Ref", "LogRetentionInDays"), template.properties(group).get("RetentionInDays"));
  }

  @Test
  void everyLogGroupExpires() {
    List<String> groups = template.resourcesOfType("AWS::Logs::LogGroup");
    assertEquals(2, groups.size());
    for (String group : groups) {
      assertNotNull(template.properties(group).get("RetentionInDays"), group);
    }
  }

  @Test
  void codeUriIsEachModulesShadedJar() throws IOException {
    Map<String, String> modules =
        Map.of("SchemaDiffFunction", "schema-diff", "ReportGeneratorFunction", "report-generator");
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    assertTrue(
        parent.contains("<finalName>${project.artifactId}-lambda</finalName>"),
        "the parent pom names the Lambda jars <artifactId>-lambda.jar");
    for (Map.Entry<String, String> entry : modules.entrySet()) {
      String module = entry.getValue();
      assertEquals(
          module + "/target/" + module + "-lambda.jar",
          template.properties(entry.getKey()).get("CodeUri"));
      assertTrue(
          Files.readString(ROOT.resolve(module).resolve("pom.xml"))
              .contains("<artifactId>maven-shade-plugin</artifactId>"),
          module + " declares the shade plugin, so it builds the jar CodeUri names");
    }
  }

  @Test
  void handlersAreTheStreamHandlersOfBothModules() {
    assertEquals(
        "dev.schemadrift.run.handler.SchemaDiffHandler::handleRequest",
        template.properties("SchemaDiffFunction").get("Handler"));
    assertEquals(
        "dev.schemadrift.report.handler.ReportGeneratorHandler::handleRequest",
        template.properties("ReportGeneratorFunction").get("Handler"));
  }

  /** Every variable RunSettings reads (DESIGN.md §5) is set by the template, and nothing else. */
  @Test
  void schemaDiffEnvironmentCoversEverySettingTheFunctionReads() throws IOException {
    String source =
        Files.readString(
            ROOT.resolve("schema-diff/src/main/java/dev/schemadrift/run/RunSettings.java"));
    Set<String> read = new TreeSet<>();
    Matcher names = Pattern.compile("\"([A-Z][A-Z_]{2,})\"").matcher(source);
    while (names.find()) {
      read.add(names.group(1));
    }
    assertTrue(
        read.containsAll(Set.of("CONTRACT_BUCKET", "REPORT_BUCKET", "REPORT_FUNCTION")),
        read.toString());
    Map<String, Object> variables = variables("SchemaDiffFunction");
    assertEquals(read, variables.keySet());
    assertEquals(Map.of("Ref", "ContractBucket"), variables.get("CONTRACT_BUCKET"));
    assertEquals(Map.of("Ref", "ReportBucket"), variables.get("REPORT_BUCKET"));
    assertEquals(Map.of("Ref", "MaxTablesPerRun"), variables.get("MAX_TABLES_PER_RUN"));
    assertEquals(Map.of("Ref", "FullCheckDays"), variables.get("FULL_CHECK_DAYS"));
    // The function refuses data locations outside the buckets its role may list.
    assertEquals(
        Map.of("Fn::Join", List.of(",", Map.of("Ref", "DataBuckets"))),
        variables.get("DATA_BUCKETS"));
    // Single-table mode leaves the registry unset (the function then reads CONTRACT_KEY).
    assertEquals(
        Map.of(
            "Fn::If",
            List.of(
                "RegistryMode", Map.of("Ref", "RegistryBucket"), Map.of("Ref", "AWS::NoValue"))),
        variables.get("REGISTRY_BUCKET"));
  }

  @Test
  void reportGeneratorEnvironmentNamesItsBucketAndTheOptionalTopic() {
    Map<String, Object> variables = variables("ReportGeneratorFunction");
    assertEquals(
        Set.of("REPORT_BUCKET", "NOTIFICATION_TOPIC_ARN", "REPORT_BASE_URL"), variables.keySet());
    assertEquals(Map.of("Ref", "ReportBucket"), variables.get("REPORT_BUCKET"));
    assertEquals(
        Map.of(
            "Fn::If",
            List.of(
                "Notify",
                Map.of(
                    "Fn::If",
                    List.of(
                        "UseExistingTopic",
                        Map.of("Ref", "NotificationTopicArn"),
                        Map.of("Ref", "NotificationTopic"))),
                Map.of("Ref", "AWS::NoValue"))),
        variables.get("NOTIFICATION_TOPIC_ARN"));
  }

  private Map<String, Object> variables(String function) {
    return map(map(template.properties(function).get("Environment")).get("Variables"));
  }

  @Test
  void theSamCliCanReadTheTemplateAndBothFunctionsShareTheirSettingsThroughGlobals() {
    // The SAM CLI (sam validate, sam build) rejects Fn::ForEach and so AWS::LanguageExtensions.
    assertEquals("AWS::Serverless-2016-10-31", template.root().get("Transform"));
    assertTrue(
        template.resources().keySet().stream().noneMatch(id -> id.startsWith("Fn::")),
        "no loops among the resources");
    Map<String, Object> globals = map(template.section("Globals").get("Function"));
    for (String shared :
        List.of("Runtime", "Architectures", "MemorySize", "AutoPublishAlias", "SnapStart")) {
      assertTrue(globals.containsKey(shared), shared + " in Globals");
      for (String function : List.of("SchemaDiffFunction", "ReportGeneratorFunction")) {
        assertFalse(
            template.properties(function).containsKey(shared), function + " repeats " + shared);
      }
    }
    for (String function : List.of("SchemaDiffFunction", "ReportGeneratorFunction")) {
      assertEquals(
          true,
          map(template.resource(function).get("Metadata")).get("SkipBuild"),
          function + ": sam build takes the jar Maven built");
    }
  }

  /** The metrics' Stack dimension comes from STACK_NAME, which must be the stack's name. */
  @ParameterizedTest
  @ValueSource(strings = {"SchemaDiffFunction", "ReportGeneratorFunction"})
  void bothFunctionsKnowTheirStacksName(String function) {
    Map<String, Object> variables =
        map(map(template.functionProperties(function).get("Environment")).get("Variables"));
    assertEquals(Map.of("Ref", "AWS::StackName"), variables.get("STACK_NAME"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SchemaDiffFunction", "ReportGeneratorFunction"})
  void activeTracingIsAParameterOffByDefault(String function) {
    assertEquals(
        Map.of("Fn::If", List.of("TracingOn", "Active", "PassThrough")),
        template.functionProperties(function).get("Tracing"));
    assertEquals("false", map(template.section("Parameters").get("ActiveTracing")).get("Default"));
    assertEquals(
        Map.of("Fn::Equals", List.of(Map.of("Ref", "ActiveTracing"), "true")),
        template.section("Conditions").get("TracingOn"));
  }

  /** Every resource type here that CloudFormation can tag carries the stack-wide tag. */
  @Test
  void everyTaggableResourceCarriesTheProjectTag() {
    Set<String> untaggable =
        Set.of(
            "AWS::IAM::Policy",
            "AWS::SQS::QueuePolicy",
            "AWS::CloudWatch::Dashboard",
            "AWS::Serverless::Function");
    Map<String, Object> tag = Map.of("Key", "project", "Value", Map.of("Ref", "ProjectTag"));
    int tagged = 0;
    for (String id : template.resources().keySet()) {
      String type = (String) template.resource(id).get("Type");
      if (untaggable.contains(type)) {
        continue;
      }
      assertTrue(
          listOrSingle(template.properties(id).getOrDefault("Tags", List.of())).contains(tag),
          id + " (" + type + ") carries the tag project=ProjectTag");
      tagged++;
    }
    assertTrue(tagged >= 10, "roles, queue, log groups, topic, alarms: " + tagged);
    Map<String, Object> globals = map(template.section("Globals").get("Function"));
    assertEquals(Map.of("project", Map.of("Ref", "ProjectTag")), globals.get("Tags"));
    assertEquals(true, globals.get("PropagateTags"), "onto the alias, version and schedule");
  }

  @Test
  void theScheduleIsAParameterisedScheduleV2WithExplicitInput() {
    Map<String, Object> events = map(template.properties("SchemaDiffFunction").get("Events"));
    assertEquals(1, events.size(), "one event source: the schedule");
    Map<String, Object> schedule = map(events.values().iterator().next());
    assertEquals("ScheduleV2", schedule.get("Type"));
    Map<String, Object> properties = map(schedule.get("Properties"));
    assertEquals(
        "{\"scheduled_time\": \"<aws.scheduler.scheduled-time>\"}", properties.get("Input"));
    assertEquals(Map.of("Ref", "ScheduleExpression"), properties.get("ScheduleExpression"));
    assertEquals(Map.of("Ref", "ScheduleTimezone"), properties.get("ScheduleExpressionTimezone"));
    assertEquals(
        Map.of("Fn::If", List.of("ScheduleOn", "ENABLED", "DISABLED")), properties.get("State"));
    assertEquals(Map.of("Fn::GetAtt", List.of("SchedulerRole", "Arn")), properties.get("RoleArn"));
    assertEquals(
        Map.of("Arn", Map.of("Fn::GetAtt", List.of("FailedEventsQueue", "Arn"))),
        properties.get("DeadLetterConfig"));
    assertEquals(true, properties.get("OmitName"), "a schedule name unique per stack");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SchemaDiffFunction", "ReportGeneratorFunction"})
  void asyncInvocationsRetryBoundedAndEndInTheEncryptedQueue(String function) {
    Map<String, Object> config = map(template.properties(function).get("EventInvokeConfig"));
    int retries = (Integer) config.get("MaximumRetryAttempts");
    int age = (Integer) config.get("MaximumEventAgeInSeconds");
    assertTrue(retries >= 0 && retries <= 2, "retries " + retries);
    assertTrue(age >= 60 && age <= 21_600, "max event age " + age);
    assertEquals(
        Map.of(
            "Type",
            "SQS",
            "Destination",
            Map.of("Fn::GetAtt", List.of("FailedEventsQueue", "Arn"))),
        map(map(config.get("DestinationConfig")).get("OnFailure")));
    assertEquals(true, template.properties("FailedEventsQueue").get("SqsManagedSseEnabled"));
  }

  @Test
  void theNotificationTopicIsOptionalAndEncrypted() {
    Map<String, Object> topic = template.resource("NotificationTopic");
    assertEquals("CreateTopic", topic.get("Condition"));
    assertEquals("alias/aws/sns", template.properties("NotificationTopic").get("KmsMasterKeyId"));
  }

  @Test
  void everyParameterIsDescribedAndTheIssuesParametersExist() {
    Map<String, Object> parameters = template.section("Parameters");
    for (String name :
        List.of(
            "ContractBucket",
            "ReportBucket",
            "RegistryBucket",
            "RegistryKey",
            "MaxTablesPerRun",
            "FullCheckDays",
            "GlueDatabases",
            "ScheduleExpression",
            "ScheduleTimezone",
            "ScheduleEnabled",
            "CreateNotificationTopic",
            "NotificationTopicArn")) {
      assertTrue(parameters.containsKey(name), name);
    }
    parameters.forEach(
        (name, parameter) -> {
          Object description = map(parameter).get("Description");
          assertTrue(
              description instanceof String text && text.length() > 20,
              name + " has a description");
        });
    assertEquals("configs/tables.json", map(parameters.get("RegistryKey")).get("Default"));
    assertEquals(
        "", map(parameters.get("RegistryBucket")).get("Default"), "empty: single-table mode");
  }

  @Test
  void outputsNameFunctionsAliasesQueueAndIndex() {
    Map<String, Object> outputs = template.section("Outputs");
    for (String name :
        List.of(
            "SchemaDiffFunctionName",
            "SchemaDiffFunctionArn",
            "SchemaDiffAliasArn",
            "ReportGeneratorFunctionName",
            "ReportGeneratorFunctionArn",
            "ReportGeneratorAliasArn",
            "FailedEventsQueueUrl",
            "FailedEventsQueueArn",
            "IndexUri",
            "NotificationTopicArn")) {
      assertTrue(outputs.containsKey(name), name);
    }
    outputs.forEach(
        (name, output) ->
            assertNotNull(map(output).get("Description"), name + " has a description"));
    assertEquals(
        Map.of("Ref", "ReportGeneratorFunction.Alias"),
        map(outputs.get("ReportGeneratorAliasArn")).get("Value"));
  }

  @Test
  void checkovSkipsAreJustifiedWhereTheyApply() {
    int skips = 0;
    for (Map.Entry<String, Object> resource : template.resources().entrySet()) {
      Object metadata = map(resource.getValue()).get("Metadata");
      if (metadata == null) {
        continue;
      }
      Object checkov = map(metadata).get("checkov");
      if (checkov == null) {
        continue;
      }
      for (Object skip : listOrSingle(map(checkov).get("skip"))) {
        Map<String, Object> entry = map(skip);
        assertTrue(
            String.valueOf(entry.get("id")).matches("CKV_AWS_\\d+"),
            resource.getKey() + ": " + entry);
        assertTrue(
            String.valueOf(entry.get("comment")).length() > 40,
            resource.getKey() + " justifies " + entry.get("id"));
        skips++;
      }
    }
    // 13: the two change-event queues (EventsOn) skip CKV_AWS_27 as FailedEventsQueue does.
    assertEquals(13, skips, "a new skip needs a reason here and in the report");
  }
}
