package dev.schemadrift.deploy;

import static dev.schemadrift.deploy.CloudFormationTemplate.list;
import static dev.schemadrift.deploy.CloudFormationTemplate.listOrSingle;
import static dev.schemadrift.deploy.CloudFormationTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The IAM of template.yaml, statement by statement: hand-written least privilege (DESIGN.md §4, the
 * deployment issue): no wildcard actions, no {@code Resource: "*"}, S3 objects by prefix, listing
 * only under an {@code s3:prefix} condition, Glue on the catalog + named databases + their tables,
 * Lambda invokes through the aliases only.
 */
class TemplatePolicyTest {
  private static final String S3 = "arn:${AWS::Partition}:s3:::";
  private static final String GLUE = "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:";

  /** Every action the template may grant: a new one must be added here, deliberately. */
  private static final Set<String> KNOWN_ACTIONS =
      Set.of(
          "logs:CreateLogStream",
          "logs:PutLogEvents",
          "s3:GetObject",
          "s3:PutObject",
          "s3:ListBucket",
          "glue:GetDatabase",
          "glue:GetTables",
          "glue:GetTable",
          "glue:GetPartitions",
          "glue:BatchGetPartition",
          "glue:CreateDatabase",
          "glue:CreateTable",
          "lambda:InvokeFunction",
          "sqs:SendMessage",
          "sqs:ReceiveMessage",
          "sqs:DeleteMessage",
          "sqs:GetQueueAttributes",
          "sns:Publish");

  private static final Map<String, Object> NO_VALUE = Map.of("Ref", "AWS::NoValue");

  private final CloudFormationTemplate template = CloudFormationTemplate.load();

  /** One statement of a permission policy and the role it is granted to. */
  record Grant(String role, String policy, Map<String, Object> statement) {
    List<String> actions() {
      return listOrSingle(statement.get("Action")).stream().map(String.class::cast).toList();
    }

    /** The resources; an optional one (Fn::If with AWS::NoValue) counts as present. */
    List<Object> resources() {
      List<Object> resources = new ArrayList<>();
      for (Object resource : listOrSingle(statement.get("Resource"))) {
        List<Object> branches =
            resource instanceof Map<?, ?> function && function.containsKey("Fn::If")
                ? list(map(resource).get("Fn::If"))
                : List.of();
        if (branches.size() == 3 && NO_VALUE.equals(branches.get(2))) {
          resources.add(branches.get(1));
        } else {
          resources.add(resource);
        }
      }
      return resources;
    }

    boolean allows(String action) {
      return actions().contains(action);
    }
  }

  /** The permission statements of every role, inline and in AWS::IAM::Policy. */
  private List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (String role : template.resourcesOfType("AWS::IAM::Role")) {
      for (Object policy :
          listOrSingle(template.properties(role).getOrDefault("Policies", List.of()))) {
        Map<String, Object> body = map(policy);
        addStatements(grants, role, (String) body.get("PolicyName"), body.get("PolicyDocument"));
      }
    }
    for (String id : template.resourcesOfType("AWS::IAM::Policy")) {
      addPolicyResource(grants, id, template.resource(id));
    }
    return grants;
  }

  private static void addPolicyResource(
      List<Grant> grants, String id, Map<String, Object> resource) {
    Map<String, Object> properties = map(resource.get("Properties"));
    List<Object> roles = list(properties.get("Roles"));
    assertEquals(1, roles.size(), id + " is attached to exactly one role");
    String role = (String) map(roles.get(0)).get("Ref");
    assertNotNull(role, id + " names its role with Ref");
    addStatements(grants, role, id, properties.get("PolicyDocument"));
  }

  private static void addStatements(
      List<Grant> grants, String role, String policy, Object document) {
    Map<String, Object> body = map(document);
    assertEquals("2012-10-17", body.get("Version"), policy + ": policy language version");
    for (Object statement : listOrSingle(body.get("Statement"))) {
      grants.add(new Grant(role, policy, map(statement)));
    }
  }

  private List<Grant> grantsOf(String role, String action) {
    return grants().stream()
        .filter(grant -> grant.role().equals(role) && grant.allows(action))
        .toList();
  }

  /** The Fn::Sub strings (or other intrinsic values) a role is granted an action on. */
  private Set<String> resourcesOf(String role, String action) {
    Set<String> resources = new TreeSet<>();
    for (Grant grant : grantsOf(role, action)) {
      for (Object resource : grant.resources()) {
        resources.add(describe(resource));
      }
    }
    return resources;
  }

  /** A readable, comparable form of a resource value: the Sub text, or Ref/GetAtt spelled out. */
  private static String describe(Object value) {
    if (value instanceof String text) {
      return text;
    }
    Map<String, Object> function = map(value);
    if (function.containsKey("Fn::Sub")) {
      // The template text: a variable map's names stay as ${Name} (slots check their values).
      Object sub = function.get("Fn::Sub");
      return sub instanceof String text ? text : (String) list(sub).get(0);
    }
    if (function.containsKey("Ref")) {
      return "Ref " + function.get("Ref");
    }
    if (function.containsKey("Fn::GetAtt")) {
      return "GetAtt "
          + String.join(
              ".", list(function.get("Fn::GetAtt")).stream().map(String.class::cast).toList());
    }
    return function.toString();
  }

  @Test
  void everyStatementAllowsNamedActionsOnNamedResources() {
    List<Grant> grants = grants();
    assertTrue(grants.size() > 10, "the roles carry their statements: " + grants.size());
    for (Grant grant : grants) {
      String where = grant.role() + "/" + grant.policy() + " " + grant.statement().get("Sid");
      assertEquals("Allow", grant.statement().get("Effect"), where);
      for (String forbidden : List.of("NotAction", "NotResource", "NotPrincipal", "Principal")) {
        assertFalse(grant.statement().containsKey(forbidden), where + " uses " + forbidden);
      }
      assertFalse(grant.actions().isEmpty(), where + " has actions");
      for (String action : grant.actions()) {
        assertFalse(action.contains("*"), where + ": wildcard action " + action);
        assertTrue(KNOWN_ACTIONS.contains(action), where + ": unexpected action " + action);
      }
      for (Object resource : grant.resources()) {
        // A wildcard may only close a named prefix (contracts/*, table/<db>/*): never "*". The
        // one exception is Delta logs, which sit under any table folder of a data bucket: the
        // key must still name the _delta_log/ folder, so no data file is readable.
        String text = describe(resource);
        int star = text.indexOf('*');
        boolean deltaLogs = text.endsWith("}/*_delta_log/*");
        assertTrue(
            deltaLogs
                || star < 0
                || (star == text.length() - 1 && text.endsWith("/*") && text.length() > 2),
            where + ": resource " + text);
      }
    }
  }

  @Test
  void schemaDiffReadsContractsRegistryAndCursorAndWritesRunArtifactsOnly() {
    assertEquals(
        Set.of(
            S3 + "${ContractBucket}/contracts/*",
            S3 + "${RegistryBucket}/${RegistryKey}",
            S3 + "${ReportBucket}/state/cursor.json",
            S3 + "${ReportBucket}/state/checks/*",
            S3 + "${Bucket}/*_delta_log/*"),
        resourcesOf("SchemaDiffRole", "s3:GetObject"));
    assertEquals(
        Set.of(
            S3 + "${ReportBucket}/diffs/*",
            S3 + "${ReportBucket}/runs/*",
            S3 + "${ReportBucket}/state/cursor.json",
            S3 + "${ReportBucket}/state/checks/*"),
        resourcesOf("SchemaDiffRole", "s3:PutObject"));
  }

  @Test
  void reportGeneratorReadsRunArtifactsAndWritesReportsIndexAndIndexStateOnly() {
    assertEquals(
        Set.of(
            S3 + "${ReportBucket}/diffs/*",
            S3 + "${ReportBucket}/runs/*",
            S3 + "${ReportBucket}/reports/*",
            S3 + "${ReportBucket}/state/*"),
        resourcesOf("ReportGeneratorRole", "s3:GetObject"));
    assertEquals(
        Set.of(
            S3 + "${ReportBucket}/reports/*",
            S3 + "${ReportBucket}/index.html",
            S3 + "${ReportBucket}/state/index.json"),
        resourcesOf("ReportGeneratorRole", "s3:PutObject"));
  }

  @Test
  void noRoleReadsOrWritesAWholeBucketOrDeletes() {
    for (Grant grant : grants()) {
      for (String action : grant.actions()) {
        assertFalse(action.startsWith("s3:Delete") || action.contains("Acl"), action);
        if (action.equals("s3:GetObject") || action.equals("s3:PutObject")) {
          for (Object resource : grant.resources()) {
            String arn = describe(resource);
            assertTrue(
                arn.startsWith(S3 + "${"), arn + " is an object ARN in a parameter's bucket");
            String key = arn.substring(arn.indexOf('}') + 2);
            assertFalse(key.isEmpty() || key.equals("*"), arn + " names a prefix or key");
          }
        }
      }
    }
  }

  @Test
  void listingAlwaysCarriesAnS3PrefixCondition() {
    List<Grant> listings =
        grants().stream().filter(grant -> grant.allows("s3:ListBucket")).toList();
    Set<String> prefixes = new TreeSet<>();
    for (Grant grant : listings) {
      assertEquals(List.of("s3:ListBucket"), grant.actions(), "listing stands alone: " + grant);
      for (Object resource : grant.resources()) {
        String arn = describe(resource);
        assertTrue(
            arn.matches("arn:\\$\\{AWS::Partition}:s3:::\\$\\{[A-Za-z]+}"), "bucket ARN " + arn);
      }
      Map<String, Object> condition = map(grant.statement().get("Condition"));
      assertEquals(1, condition.size(), "one condition operator: " + condition);
      String operator = condition.keySet().iterator().next();
      assertTrue(Set.of("StringLike", "StringEquals").contains(operator), operator);
      Map<String, Object> keys = map(condition.get(operator));
      assertEquals(Set.of("s3:prefix"), keys.keySet(), "condition on s3:prefix only");
      for (Object prefix : listOrSingle(keys.get("s3:prefix"))) {
        prefixes.add(grant.role() + " " + describe(prefix));
      }
    }
    assertEquals(
        Set.of(
            "SchemaDiffRole contracts/*",
            "SchemaDiffRole Ref RegistryKey",
            "SchemaDiffRole state/*",
            "SchemaDiffRole Ref DataPrefixes",
            "ReportGeneratorRole diffs/*",
            "ReportGeneratorRole runs/*",
            "ReportGeneratorRole reports/*",
            "ReportGeneratorRole state/*"),
        prefixes);
  }

  /**
   * The SAM CLI rejects Fn::ForEach, so a list parameter is granted item by item in fixed slots:
   * slot 0 always, slot i under a condition that holds when the list has an item i. Item i is
   * {@code Select [i, Split [',', Join ['', [Join [',', Ref LIST], ',,,...']]]]}: the padding keeps
   * every Select in range for a shorter list.
   */
  private Map<String, Object> slotItem(String parameter, int slot) {
    Map<String, Object> joined = Map.of("Fn::Join", List.of(",", Map.of("Ref", parameter)));
    Map<String, Object> padded =
        Map.of("Fn::Join", List.of("", List.of(joined, ",".repeat(SLOTS))));
    return Map.of("Fn::Select", List.of(slot, Map.of("Fn::Split", List.of(",", padded))));
  }

  private static final int SLOTS = 10;

  /** The slot's ARN, checked against the list's item, with the slot's condition when i > 0. */
  private void assertSlot(
      Object resource, String parameter, int slot, String condition, String arn, String name) {
    Object value = resource;
    if (slot > 0) {
      List<Object> branches = list(map(resource).get("Fn::If"));
      assertEquals(condition + slot, branches.get(0), "slot " + slot + " is conditional");
      assertEquals(NO_VALUE, branches.get(2));
      assertEquals(
          Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of("", slotItem(parameter, slot))))),
          template.section("Conditions").get(condition + slot),
          condition + slot + " holds when " + parameter + " has an item " + slot);
      value = branches.get(1);
    }
    assertEquals(
        Map.of("Fn::Sub", List.of(arn, Map.of(name, slotItem(parameter, slot)))),
        value,
        parameter + " slot " + slot);
  }

  @Test
  void glueActionsCoverCatalogDatabaseAndTablesOfTheNamedDatabasesOnly() {
    Map<String, Object> parameter = map(template.section("Parameters").get("GlueDatabases"));
    assertEquals("CommaDelimitedList", parameter.get("Type"));

    // Other accounts' catalogs have their own read-only policy (the next test).
    List<Grant> glue =
        grants().stream()
            .filter(
                grant -> grant.actions().stream().anyMatch(action -> action.startsWith("glue:")))
            .filter(grant -> !grant.policy().equals("SchemaDiffCrossAccountGlue"))
            .toList();
    assertEquals(1, glue.size(), "one Glue statement, one slot per database: " + glue);
    Grant grant = glue.get(0);
    assertEquals("SchemaDiffGlue", grant.policy());
    assertEquals("SchemaDiffRole", grant.role());
    assertEquals(
        Set.of(
            "glue:GetDatabase",
            "glue:GetTables",
            "glue:GetTable",
            "glue:GetPartitions",
            "glue:BatchGetPartition",
            "glue:CreateDatabase",
            "glue:CreateTable"),
        Set.copyOf(grant.actions()));
    List<Object> resources = listOrSingle(grant.statement().get("Resource"));
    assertEquals(1 + 2 * SLOTS, resources.size(), "the catalog, then two ARNs per database slot");
    assertEquals(Map.of("Fn::Sub", GLUE + "catalog"), resources.get(0));
    for (int slot = 0; slot < SLOTS; slot++) {
      // Glue authorises table calls on the catalog, the database and the table: all three.
      assertSlot(
          resources.get(1 + 2 * slot),
          "GlueDatabases",
          slot,
          "GlueDatabase",
          GLUE + "database/${Name}",
          "Name");
      assertSlot(
          resources.get(2 + 2 * slot),
          "GlueDatabases",
          slot,
          "GlueDatabase",
          GLUE + "table/${Name}/*",
          "Name");
    }
  }

  private static final int CROSS_ACCOUNT_SLOTS = 5;

  @Test
  void otherAccountsCatalogsAreReadOnlyAndOnlyThoseNamedInCrossAccountCatalogIds() {
    Map<String, Object> parameter =
        map(template.section("Parameters").get("CrossAccountCatalogIds"));
    assertEquals("CommaDelimitedList", parameter.get("Type"));
    assertEquals("", parameter.get("Default"), "no other account unless named");
    // Without a catalog id the policy does not exist at all.
    assertEquals(
        "CrossAccountCatalog0", template.resource("SchemaDiffCrossAccountGlue").get("Condition"));

    List<Grant> crossAccount =
        grants().stream()
            .filter(grant -> grant.policy().equals("SchemaDiffCrossAccountGlue"))
            .toList();
    assertEquals(1, crossAccount.size(), "one statement: " + crossAccount);
    Grant grant = crossAccount.get(0);
    assertEquals("SchemaDiffRole", grant.role());
    assertEquals(
        Set.of(
            "glue:GetDatabase",
            "glue:GetTables",
            "glue:GetTable",
            "glue:GetPartitions",
            "glue:BatchGetPartition"),
        Set.copyOf(grant.actions()),
        "read-only: the monitor never creates in another account's catalog");
    List<Object> resources = listOrSingle(grant.statement().get("Resource"));
    assertEquals(3 * CROSS_ACCOUNT_SLOTS, resources.size(), "three ARNs per catalog slot");
    String otherGlue = "arn:${AWS::Partition}:glue:${AWS::Region}:${Id}:";
    for (int slot = 0; slot < CROSS_ACCOUNT_SLOTS; slot++) {
      // Glue authorises table calls on the catalog, the database and the table: all three.
      List<String> suffixes = List.of("catalog", "database/*", "table/*");
      for (int index = 0; index < suffixes.size(); index++) {
        assertSlot(
            resources.get(3 * slot + index),
            "CrossAccountCatalogIds",
            slot,
            "CrossAccountCatalog",
            otherGlue + suffixes.get(index),
            "Id");
      }
      assertEquals(
          Map.of(
              "Fn::Not",
              List.of(Map.of("Fn::Equals", List.of("", slotItem("CrossAccountCatalogIds", slot))))),
          template.section("Conditions").get("CrossAccountCatalog" + slot),
          "slot " + slot + " exists when the list has an item " + slot);
    }
  }

  @Test
  void dataBucketsAreListedPerBucketUnderTheDataPrefixes() {
    List<Grant> probes =
        grants().stream()
            .filter(grant -> grant.policy().equals("SchemaDiffData"))
            .filter(grant -> grant.actions().contains("s3:ListBucket"))
            .toList();
    assertEquals(1, probes.size());
    Grant probe = probes.get(0);
    assertEquals("SchemaDiffRole", probe.role());
    assertEquals(List.of("s3:ListBucket"), probe.actions());
    List<Object> resources = listOrSingle(probe.statement().get("Resource"));
    assertEquals(SLOTS, resources.size(), "one slot per data bucket");
    for (int slot = 0; slot < SLOTS; slot++) {
      assertSlot(
          resources.get(slot), "DataBuckets", slot, "DataBucket", S3 + "${Bucket}", "Bucket");
    }
  }

  /** Delta Lake tables: only the {@code _delta_log/} keys of each data bucket are readable. */
  @Test
  void deltaLogsAreReadablePerDataBucketAndNothingElseOfIt() {
    List<Grant> data =
        grants().stream().filter(grant -> grant.policy().equals("SchemaDiffData")).toList();
    assertEquals(2, data.size(), "a listing and the Delta log reads");
    List<Grant> reads =
        data.stream().filter(grant -> grant.actions().contains("s3:GetObject")).toList();
    assertEquals(1, reads.size());
    Grant read = reads.get(0);
    assertEquals("SchemaDiffRole", read.role());
    assertEquals(List.of("s3:GetObject"), read.actions());
    assertEquals(null, read.statement().get("Condition"));
    List<Object> resources = listOrSingle(read.statement().get("Resource"));
    assertEquals(SLOTS, resources.size(), "one slot per data bucket");
    for (int slot = 0; slot < SLOTS; slot++) {
      assertSlot(
          resources.get(slot),
          "DataBuckets",
          slot,
          "DataBucket",
          S3 + "${Bucket}/*_delta_log/*",
          "Bucket");
    }
  }

  /** Active tracing adds AWS's X-Ray write policy (X-Ray takes no resource ARNs), nothing else. */
  @Test
  void managedPoliciesOnlyForActiveTracing() {
    for (String role : template.resourcesOfType("AWS::IAM::Role")) {
      Object managed = template.properties(role).get("ManagedPolicyArns");
      if (role.equals("SchedulerRole")) {
        assertEquals(null, managed, role);
        continue;
      }
      assertEquals(
          Map.of(
              "Fn::If",
              List.of(
                  "TracingOn",
                  List.of(
                      Map.of(
                          "Fn::Sub",
                          "arn:${AWS::Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess")),
                  NO_VALUE)),
          managed,
          role);
    }
  }

  @Test
  void lambdaInvokesGoThroughTheAliases() {
    assertEquals(
        Set.of("Ref ReportGeneratorFunction.Alias"),
        resourcesOf("SchemaDiffRole", "lambda:InvokeFunction"));
    assertEquals(
        Set.of("Ref SchemaDiffFunction.Alias"),
        resourcesOf("SchedulerRole", "lambda:InvokeFunction"));
    assertTrue(grantsOf("ReportGeneratorRole", "lambda:InvokeFunction").isEmpty());
    assertEquals(
        Map.of("Ref", "ReportGeneratorFunction.Alias"),
        map(map(template.properties("SchemaDiffFunction").get("Environment")).get("Variables"))
            .get("REPORT_FUNCTION"),
        "REPORT_FUNCTION is the alias ARN: a bare name would invoke $LATEST, which has no snapshot");
  }

  @Test
  void onlyTheReportGeneratorPublishesAndOnlyToTheNotificationTopic() {
    List<Grant> publishes = grants().stream().filter(grant -> grant.allows("sns:Publish")).toList();
    assertEquals(1, publishes.size());
    assertEquals("ReportGeneratorRole", publishes.get(0).role());
    assertEquals(
        List.of(
            Map.of(
                "Fn::If",
                List.of(
                    "UseExistingTopic",
                    Map.of("Ref", "NotificationTopicArn"),
                    Map.of("Ref", "NotificationTopic")))),
        publishes.get(0).resources());
    assertEquals("Notify", template.resource("ReportGeneratorNotificationPolicy").get("Condition"));
  }

  @Test
  void failedEventsAndLogsGoOnlyToTheStacksOwnQueueAndLogGroups() {
    for (String role : List.of("SchemaDiffRole", "ReportGeneratorRole", "SchedulerRole")) {
      assertEquals(
          Set.of("GetAtt FailedEventsQueue.Arn"), resourcesOf(role, "sqs:SendMessage"), role);
    }
    assertEquals(
        Set.of("GetAtt SchemaDiffLogGroup.Arn"),
        resourcesOf("SchemaDiffRole", "logs:PutLogEvents"));
    assertEquals(
        Set.of("GetAtt ReportGeneratorLogGroup.Arn"),
        resourcesOf("ReportGeneratorRole", "logs:PutLogEvents"));
    assertTrue(grantsOf("SchedulerRole", "logs:PutLogEvents").isEmpty());
  }

  @Test
  void rolesTrustOnlyTheirService() {
    Map<String, String> services =
        Map.of(
            "SchemaDiffRole", "lambda.amazonaws.com",
            "ReportGeneratorRole", "lambda.amazonaws.com",
            "SchedulerRole", "scheduler.amazonaws.com");
    assertEquals(services.keySet(), Set.copyOf(template.resourcesOfType("AWS::IAM::Role")));
    services.forEach(
        (role, service) -> {
          Map<String, Object> trust =
              map(template.properties(role).get("AssumeRolePolicyDocument"));
          List<Object> statements = listOrSingle(trust.get("Statement"));
          assertEquals(1, statements.size(), role);
          Map<String, Object> statement = map(statements.get(0));
          assertEquals("sts:AssumeRole", statement.get("Action"), role);
          assertEquals(Map.of("Service", service), statement.get("Principal"), role);
          // Managed policies: managedPoliciesOnlyForActiveTracing.
        });
    assertEquals(
        Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))),
        map(listOrSingle(
                    map(template.properties("SchedulerRole").get("AssumeRolePolicyDocument"))
                        .get("Statement"))
                .get(0))
            .get("Condition"),
        "the scheduler acts for this account's schedules only");
  }
}
