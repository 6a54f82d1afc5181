package dev.schemadrift.run.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an SQS event (Lambda's {@code {"Records": [...]}}) whose message bodies are EventBridge
 * events, as the change-events queue of template.yaml delivers them. A record that cannot be read
 * becomes a {@link QueuedMessage} with the problem named; it never stops the other records.
 */
public final class SqsBatch {
  static final String GLUE = "aws.glue";
  static final String S3 = "aws.s3";
  static final String TABLE_CHANGE = "Glue Data Catalog Table State Change";
  static final String DATABASE_CHANGE = "Glue Data Catalog Database State Change";
  static final String OBJECT_CREATED = "Object Created";

  private SqsBatch() {}

  /**
   * The batch's messages in order, or empty when the payload is not an SQS event (then it is a run
   * request: {@code RunEvent} reads it).
   */
  public static Optional<List<QueuedMessage>> read(byte[] payload) {
    JsonNode root;
    try {
      root = payload.length == 0 ? null : Json.mapper().readTree(payload);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (root == null || !root.isObject() || !root.path("Records").isArray()) {
      return Optional.empty();
    }
    List<QueuedMessage> messages = new ArrayList<>();
    for (JsonNode record : root.get("Records")) {
      messages.add(message(record));
    }
    return Optional.of(messages);
  }

  private static QueuedMessage message(JsonNode record) {
    if (!record.isObject()) {
      return QueuedMessage.unreadable(null, "a record is not a JSON object");
    }
    JsonNode id = record.get("messageId");
    String messageId =
        id != null && id.isTextual() && !id.textValue().isBlank() ? id.textValue() : null;
    if (messageId == null) {
      return QueuedMessage.unreadable(null, "the record has no \"messageId\"");
    }
    if (!"aws:sqs".equals(record.path("eventSource").asText(null))) {
      return QueuedMessage.unreadable(messageId, "\"eventSource\" is not \"aws:sqs\"");
    }
    JsonNode body = record.get("body");
    if (body == null || !body.isTextual()) {
      return QueuedMessage.unreadable(messageId, "\"body\" is not a string");
    }
    JsonNode event;
    try {
      event = Json.mapper().readTree(body.textValue());
    } catch (IOException e) {
      return QueuedMessage.unreadable(messageId, "\"body\" is not JSON");
    }
    try {
      return read(messageId, event);
    } catch (IllegalArgumentException e) {
      return QueuedMessage.unreadable(messageId, e.getMessage());
    }
  }

  /** One EventBridge event; throws naming the field that is wrong. */
  static QueuedMessage read(String messageId, JsonNode event) {
    if (event == null || !event.isObject()) {
      throw new IllegalArgumentException("\"body\" is not an EventBridge event (a JSON object)");
    }
    String source = text(event, "source", "");
    String detailType = text(event, "detail-type", "");
    Instant time;
    try {
      time = Instant.parse(text(event, "time", ""));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"time\" is not an ISO-8601 UTC time", e);
    }
    JsonNode detail = event.get("detail");
    if (detail == null || !detail.isObject()) {
      throw new IllegalArgumentException("\"detail\" is missing or not an object");
    }
    ChangeEvent change =
        switch (source + " / " + detailType) {
          case GLUE + " / " + TABLE_CHANGE ->
              new ChangeEvent.TableChanged(
                  text(detail, "databaseName", "detail."),
                  text(detail, "tableName", "detail."),
                  text(detail, "typeOfChange", "detail."),
                  changedPartitions(detail));
          case GLUE + " / " + DATABASE_CHANGE ->
              new ChangeEvent.DatabaseChanged(
                  text(detail, "databaseName", "detail."),
                  text(detail, "typeOfChange", "detail."),
                  strings(detail, "changedTables", "detail."));
          case S3 + " / " + OBJECT_CREATED ->
              new ChangeEvent.ObjectCreated(
                  text(detail.path("bucket"), "name", "detail.bucket."),
                  text(detail.path("object"), "key", "detail.object."));
          default ->
              throw new IllegalArgumentException(
                  "unexpected event: source \""
                      + source
                      + "\", detail-type \""
                      + detailType
                      + "\" (the rules forward Glue table and database changes and S3 Object"
                      + " Created only)");
        };
    return new QueuedMessage(messageId, eventId(event), change, time, null);
  }

  /**
   * The event's optional {@code id}: EventBridge gives every event one, but an event without it
   * (sent by hand) is still checked, only never recognised when it is delivered again.
   */
  private static String eventId(JsonNode event) {
    JsonNode value = event.get("id");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.textValue().isBlank()) {
      throw new IllegalArgumentException("\"id\" is not a non-empty string");
    }
    return value.textValue();
  }

  /** A required non-empty string; {@code parent} prefixes the field's name in the message. */
  private static String text(JsonNode object, String field, String parent) {
    JsonNode value = object.get(field);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw new IllegalArgumentException(
          "\"" + parent + field + "\" is missing or not a non-empty string");
    }
    return value.textValue();
  }

  /**
   * The optional {@code changedPartitions}, each entry checked to be a partition's values in
   * brackets: the partition check reads exactly these partitions, so a malformed one is the
   * message's problem, named by its index.
   */
  private static List<String> changedPartitions(JsonNode detail) {
    List<String> listed = strings(detail, "changedPartitions", "detail.");
    for (int index = 0; index < listed.size(); index++) {
      try {
        ChangedPartition.parse(listed.get(index));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "\"detail.changedPartitions[" + index + "]\": " + e.getMessage(), e);
      }
    }
    return listed;
  }

  /** An optional list of strings: absent or null is empty. */
  private static List<String> strings(JsonNode object, String field, String parent) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException("\"" + parent + field + "\" is not an array of strings");
    }
    List<String> strings = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new IllegalArgumentException(
            "\"" + parent + field + "\" holds " + item.getNodeType() + ", not a string");
      }
      strings.add(item.textValue());
    }
    return strings;
  }
}
