package dev.schemadrift.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.aws.S3ObjectStore;
import dev.schemadrift.json.Json;
import dev.schemadrift.log.CapturedLog;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.report.handler.ReportGeneratorHandler;
import dev.schemadrift.report.it.Moto;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The report generator built from its Lambda environment (NOTIFICATION_TOPIC_ARN, REPORT_BASE_URL)
 * publishing through the real SDK to moto's SNS; an SQS queue subscribed to the topic shows what a
 * subscriber receives.
 */
class NotificationsIT {
  private static final String BUCKET = Scenario.BUCKET;
  private static final String RUN = "20261121T080000Z";

  private final CapturedLog log = new CapturedLog();
  private ObjectStore store;
  private SnsClient sns;
  private SqsClient sqs;
  private String topicArn;
  private String queueUrl;

  @BeforeEach
  void freshAccount() {
    Moto.reset();
    var clients = Moto.clients();
    clients.s3().createBucket(request -> request.bucket(BUCKET));
    store = new S3ObjectStore(clients.s3());
    sns = clients.build(SnsClient.builder(), "SNS");
    sqs = clients.build(SqsClient.builder(), "SQS");
    topicArn = sns.createTopic(request -> request.name("schema-drift-notifications")).topicArn();
    queueUrl = sqs.createQueue(request -> request.queueName("drift-inbox")).queueUrl();
    String queueArn =
        sqs.getQueueAttributes(
                request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    sns.subscribe(request -> request.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
  }

  private Map<String, String> environment(String topic) {
    return Map.of(
        "AWS_ENDPOINT_URL", Moto.endpoint(),
        "AWS_ACCESS_KEY_ID", "testing",
        "AWS_SECRET_ACCESS_KEY", "testing",
        "AWS_REGION", "us-east-1",
        "REPORT_BUCKET", BUCKET,
        "NOTIFICATION_TOPIC_ARN", topic,
        "REPORT_BASE_URL", "https://d111111abcdef8.cloudfront.net",
        "STACK_NAME", "notify-stack");
  }

  private void writeBreakingRun() {
    String columns =
        "[{\"name\": \"prop_id\", \"type\": \"string\"}, {\"name\": \"acres\", \"type\": \"double\"}]";
    DiffArtifact breaking =
        Artifacts.compared(
            RUN,
            Artifacts.contract("nyc_parks", "playgrounds", "parquet", columns, "{}"),
            Artifacts.parquetTable(
                "nyc_parks",
                "playgrounds",
                "[{\"Name\": \"prop_id\", \"Type\": \"string\"}]",
                "s3://example-data/nyc_parks/playgrounds/",
                "[]"));
    DiffArtifact fine =
        Artifacts.compared(
            RUN,
            Artifacts.contract("nyc_parks", "park_events", "parquet", columns, "{}"),
            Artifacts.parquetTable(
                "nyc_parks",
                "park_events",
                "[{\"Name\": \"prop_id\", \"Type\": \"string\"}, {\"Name\": \"acres\", \"Type\":"
                    + " \"double\"}]",
                "s3://example-data/nyc_parks/park_events/",
                "[]"));
    Scenario.writeRun(store, RUN, List.of(breaking, fine));
  }

  @Test
  void aBreakingTableReachesTheTopicsSubscribersOnce() throws Exception {
    writeBreakingRun();
    ReportGeneratorHandler handler = new ReportGeneratorHandler(environment(topicArn), log.log());

    JsonNode response = invoke(handler);

    assertEquals(1, response.get("notifications").intValue());
    // The operator's view: one generation record and one EMF document counting the new BREAKING.
    JsonNode generated = log.withMessage("reports generated").getFirst();
    assertEquals(1, generated.path("new_breaking").asInt(), generated.toString());
    assertTrue(generated.path("aws_calls").asInt() > 0, generated.toString());
    List<JsonNode> metrics = log.metricDocuments();
    assertEquals(1, metrics.size(), log.lines().toString());
    assertEquals("notify-stack", metrics.getFirst().path("Stack").asText());
    assertEquals(2, metrics.getFirst().path("ReportsRendered").asInt(), metrics.toString());
    assertEquals(1, metrics.getFirst().path("NewBreaking").asInt(), metrics.toString());
    assertEquals(0, metrics.getFirst().path("NewError").asInt(), metrics.toString());
    List<Message> received = receive();
    assertEquals(1, received.size());
    // What SNS delivers to SQS: its envelope around our subject, body and attributes.
    JsonNode envelope =
        Json.readTree("sqs", received.getFirst().body().getBytes(StandardCharsets.UTF_8));
    assertEquals(topicArn, envelope.get("TopicArn").asText());
    assertEquals("[schema-drift] BREAKING nyc_parks.playgrounds", envelope.get("Subject").asText());
    assertEquals("BREAKING", envelope.at("/MessageAttributes/status/Value").asText());
    assertEquals("nyc_parks", envelope.at("/MessageAttributes/database/Value").asText());
    assertEquals("playgrounds", envelope.at("/MessageAttributes/table/Value").asText());
    JsonNode body =
        Json.readTree("message", envelope.get("Message").asText().getBytes(StandardCharsets.UTF_8));
    assertEquals(RUN, body.get("run_id").asText());
    assertEquals("COLUMN_REMOVED", body.at("/new_findings/0/rule").asText());
    assertEquals("acres", body.at("/new_findings/0/path").asText());
    assertEquals(
        "https://d111111abcdef8.cloudfront.net/reports/nyc_parks.playgrounds/latest.html",
        body.get("report_url").asText());
    assertTrue(store.get(BUCKET, "reports/nyc_parks.playgrounds/latest.html").isPresent());

    // Lambda delivers the event again: the state says it was told, nothing is sent.
    log.clear();
    assertEquals(
        0,
        invoke(new ReportGeneratorHandler(environment(topicArn), log.log()))
            .get("notifications")
            .intValue());
    assertEquals(List.of(), receive());
    assertEquals(0, log.metricDocuments().getFirst().path("NewBreaking").asInt(), "not new");
  }

  @Test
  void anUnpublishableTopicFailsTheInvocationAfterTheReports() throws Exception {
    writeBreakingRun();
    String missing = topicArn.replace("schema-drift-notifications", "deleted-topic");
    ReportGeneratorHandler handler = new ReportGeneratorHandler(environment(missing), log.log());

    Notifier.NotificationException failure =
        assertThrows(Notifier.NotificationException.class, () -> invoke(handler));

    assertTrue(failure.getMessage().contains("nyc_parks.playgrounds"), failure.getMessage());
    assertTrue(failure.getMessage().contains(missing), failure.getMessage());
    JsonNode failed = log.withMessage("generation failed").getFirst();
    assertEquals("ERROR", failed.path("level").asText());
    assertEquals("NotificationException", failed.path("kind").asText());
    assertTrue(log.metricDocuments().isEmpty(), "a failed generation emits no metrics");
    assertTrue(store.get(BUCKET, BucketLayout.INDEX).isPresent(), "index.html is written");
    assertTrue(store.get(BUCKET, "reports/nyc_parks.playgrounds/latest.html").isPresent());
    // With the topic back (here: the right one), the retry publishes what was missed.
    assertEquals(
        1,
        invoke(new ReportGeneratorHandler(environment(topicArn), log.log()))
            .get("notifications")
            .intValue());
    assertEquals(1, receive().size());
  }

  private List<Message> receive() {
    return sqs.receiveMessage(
            request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
        .messages();
  }

  private static JsonNode invoke(ReportGeneratorHandler handler) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(
            ("{\"manifest_key\": \"runs/" + RUN + ".json\"}").getBytes(StandardCharsets.UTF_8)),
        out,
        null);
    return Json.readTree("response", out.toByteArray());
  }
}
