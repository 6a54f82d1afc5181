package dev.schemadrift.run.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented sample events (examples/events/) and what is wrong with broken ones. */
class SqsBatchTest {
  private static final Path EVENTS = Path.of("../examples/events");

  @Test
  void aGlueTableChangeNamesItsTableAndKeepsTheChangedPartitions() throws IOException {
    QueuedMessage message = single(batchOf(sample("glue-table-change.json")));

    assertEquals("m0", message.messageId());
    assertEquals("2617428d-715f-edef-70b9-8ad20ef2b5d3", message.eventId());
    assertEquals(Instant.parse("2026-11-26T09:15:02Z"), message.time());
    assertEquals(
        new ChangeEvent.TableChanged(
            "nyc_parks", "parks_properties", "BatchCreatePartition", List.of("[2026-11-26]")),
        message.event());
    assertEquals(false, ((ChangeEvent.TableChanged) message.event()).deleted());
  }

  @Test
  void aGlueDatabaseChangeNamesItsChangedTablesAndADeletion() throws IOException {
    QueuedMessage message = single(batchOf(sample("glue-database-change.json")));

    ChangeEvent.DatabaseChanged change = (ChangeEvent.DatabaseChanged) message.event();
    assertEquals(
        new ChangeEvent.DatabaseChanged("nyc_parks", "DeleteTable", List.of("playgrounds")),
        change);
    assertTrue(change.deleted());
    assertEquals(false, change.wholeDatabase());
  }

  @Test
  void anS3ObjectCreatedNamesBucketAndKey() throws IOException {
    QueuedMessage message = single(batchOf(sample("s3-object-created.json")));

    assertEquals(
        new ChangeEvent.ObjectCreated(
            "example-contracts", "contracts/nyc_parks/park_inspections.json"),
        message.event());
  }

  @Test
  void theSampleBatchIsReadAsLambdaPassesIt() throws IOException {
    List<QueuedMessage> messages =
        SqsBatch.read(Files.readAllBytes(EVENTS.resolve("sqs-batch.json"))).orElseThrow();

    assertEquals(1, messages.size());
    assertEquals("059f36b4-87a3-44ab-83d2-661975830a7d", messages.getFirst().messageId());
    assertEquals(
        new ChangeEvent.TableChanged(
            "nyc_parks", "parks_properties", "BatchCreatePartition", List.of("[2026-11-26]")),
        messages.getFirst().event());
  }

  @Test
  void glueNamesAreFoldedToLowerCaseAsGlueDoes() {
    ChangeEvent.TableChanged change =
        new ChangeEvent.TableChanged("NYC_Parks", "Parks ", "UpdateTable", List.of());

    assertEquals("nyc_parks", change.database());
    assertEquals("parks", change.table());
  }

  @Test
  void aDeleteDatabaseConcernsTheWholeDatabase() {
    ChangeEvent.DatabaseChanged change =
        new ChangeEvent.DatabaseChanged("nyc_parks", "DeleteDatabase", List.of());

    assertTrue(change.deleted());
    assertTrue(change.wholeDatabase());
  }

  @Test
  void anEncodedS3KeyIsAlsoTriedDecoded() {
    assertEquals(
        List.of("contracts/a+b%3D.json", "contracts/a b=.json"),
        new ChangeEvent.ObjectCreated("b", "contracts/a+b%3D.json").candidateKeys());
    assertEquals(
        List.of("contracts/plain.json"),
        new ChangeEvent.ObjectCreated("b", "contracts/plain.json").candidateKeys());
  }

  @Test
  void aPayloadThatIsNoSqsBatchIsLeftToTheRunRequestReader() {
    for (String payload : List.of("", "{}", "{\"tables\": []}", "not json", "[1]")) {
      assertTrue(
          SqsBatch.read(payload.getBytes(StandardCharsets.UTF_8)).isEmpty(),
          payload + " is a run request");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"messageId\": \"m0\", \"eventSource\": \"aws:sqs\", \"body\": \"nope\"}"
            + "| m0 | \"body\" is not JSON",
        "{\"messageId\": \"m0\", \"eventSource\": \"aws:sqs\", \"body\": \"[]\"}"
            + "| m0 | \"body\" is not an EventBridge event (a JSON object)",
        "{\"messageId\": \"m0\", \"eventSource\": \"aws:sqs\"}| m0 | \"body\" is not a string",
        "{\"messageId\": \"m0\", \"eventSource\": \"aws:sns\", \"body\": \"{}\"}"
            + "| m0 | \"eventSource\" is not \"aws:sqs\"",
        "{\"eventSource\": \"aws:sqs\", \"body\": \"{}\"}|| the record has no \"messageId\"",
        "{\"messageId\": \"m0\", \"eventSource\": \"aws:sqs\", \"body\": \"{}\"}"
            + "| m0 | \"source\" is missing or not a non-empty string",
      })
  void anUnreadableRecordNamesItsProblem(String record, String messageId, String problem) {
    QueuedMessage message =
        single(("{\"Records\": [" + record + "]}").getBytes(StandardCharsets.UTF_8));

    assertEquals(messageId, message.messageId());
    assertNull(message.event());
    assertEquals(problem, message.problem());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "glue-table-change.json | /detail/tableName | \"detail.tableName\" is missing or not a"
            + " non-empty string",
        "glue-table-change.json | /detail/changedPartitions | \"detail.changedPartitions\" holds"
            + " NUMBER, not a string",
        "glue-database-change.json | /detail/typeOfChange | \"detail.typeOfChange\" is missing or"
            + " not a non-empty string",
        "s3-object-created.json | /detail/object/key | \"detail.object.key\" is missing or not a"
            + " non-empty string",
        "s3-object-created.json | /time | \"time\" is not an ISO-8601 UTC time",
        "s3-object-created.json | /detail-type | unexpected event: source \"aws.s3\", detail-type"
            + " \"Object Deleted\" (the rules forward Glue table and database changes and S3 Object Created"
            + " only)",
      })
  void aBrokenEventNamesTheField(String sample, String field, String problem) throws IOException {
    ObjectNode event = (ObjectNode) Json.mapper().readTree(sample(sample));
    String parent = field.substring(0, field.lastIndexOf('/'));
    String name = field.substring(field.lastIndexOf('/') + 1);
    ObjectNode holder = parent.isEmpty() ? event : (ObjectNode) event.at(parent);
    if (name.equals("changedPartitions")) {
      holder.putArray(name).add(3);
    } else if (name.equals("time")) {
      holder.put(name, "yesterday");
    } else if (name.equals("detail-type")) {
      holder.put(name, "Object Deleted");
    } else {
      holder.remove(name);
    }

    QueuedMessage message = single(batchOf(Json.mapper().writeValueAsString(event)));

    assertEquals(problem, message.problem());
    assertEquals("m0", message.messageId());
  }

  @Test
  void theEventIdIsOptionalButMustBeAStringWhenGiven() throws IOException {
    ObjectNode event = (ObjectNode) Json.mapper().readTree(sample("s3-object-created.json"));
    assertEquals(
        event.path("id").textValue(),
        single(batchOf(Json.mapper().writeValueAsString(event))).eventId());

    event.remove("id");
    QueuedMessage withoutId = single(batchOf(Json.mapper().writeValueAsString(event)));
    assertNull(withoutId.problem());
    assertNull(withoutId.eventId(), "checked, never recognised as a redelivery");

    event.put("id", 17);
    QueuedMessage numbered = single(batchOf(Json.mapper().writeValueAsString(event)));
    assertEquals("\"id\" is not a non-empty string", numbered.problem());
    assertEquals("m0", numbered.messageId());
  }

  @Test
  void oneBrokenRecordLeavesTheOthersReadable() throws IOException {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode records = root.putArray("Records");
    records.add(record("m0", sample("glue-table-change.json")));
    records.add(record("m1", "broken"));
    records.add(record("m2", sample("s3-object-created.json")));

    List<QueuedMessage> messages =
        SqsBatch.read(Json.mapper().writeValueAsBytes(root)).orElseThrow();

    assertEquals(3, messages.size());
    assertNull(messages.get(0).problem());
    assertEquals("\"body\" is not JSON", messages.get(1).problem());
    assertNull(messages.get(2).problem());
  }

  // -------------------------------------------------------------------------------- helpers

  static String sample(String name) throws IOException {
    return Files.readString(EVENTS.resolve(name), StandardCharsets.UTF_8);
  }

  private static ObjectNode record(String messageId, String body) {
    ObjectNode record = Json.mapper().createObjectNode();
    record.put("messageId", messageId);
    record.put("eventSource", "aws:sqs");
    record.put("body", body);
    return record;
  }

  private static byte[] batchOf(String body) throws IOException {
    ObjectNode root = Json.mapper().createObjectNode();
    root.putArray("Records").add(record("m0", body));
    return Json.mapper().writeValueAsBytes(root);
  }

  private static QueuedMessage single(byte[] batch) {
    List<QueuedMessage> messages = SqsBatch.read(batch).orElseThrow();
    assertEquals(1, messages.size());
    return messages.getFirst();
  }
}
