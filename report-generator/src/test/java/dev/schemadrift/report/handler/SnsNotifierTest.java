package dev.schemadrift.report.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.schemadrift.report.Notification;
import dev.schemadrift.report.Notifier;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/** The SNS adapter at the SDK boundary: what one Publish call carries, and how failures read. */
class SnsNotifierTest {
  private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:schema-drift";

  private final SnsClient sns = mock(SnsClient.class);
  private final Notification message =
      new Notification(
          "[schema-drift] BREAKING nyc_parks.playgrounds",
          "{\"notification_version\":1}",
          Map.of("status", "BREAKING", "database", "nyc_parks", "table", "playgrounds"));

  @Test
  void publishesSubjectBodyAndStringAttributesToTheTopic() {
    when(sns.publish(any(PublishRequest.class)))
        .thenReturn(PublishResponse.builder().messageId("m-1").build());

    new SnsNotifier(sns, TOPIC).publish(message);

    ArgumentCaptor<PublishRequest> sent = ArgumentCaptor.forClass(PublishRequest.class);
    verify(sns).publish(sent.capture());
    PublishRequest request = sent.getValue();
    assertEquals(TOPIC, request.topicArn());
    assertEquals("[schema-drift] BREAKING nyc_parks.playgrounds", request.subject());
    assertEquals("{\"notification_version\":1}", request.message());
    assertEquals(3, request.messageAttributes().size());
    request
        .messageAttributes()
        .forEach(
            (name, value) -> {
              assertEquals("String", value.dataType(), name);
              assertEquals(message.attributes().get(name), value.stringValue(), name);
            });
  }

  @Test
  void aFailedPublishNamesTheTopicAndTheMessage() {
    NotFoundException missing = NotFoundException.builder().message("Topic does not exist").build();
    when(sns.publish(any(PublishRequest.class))).thenThrow(missing);

    Notifier.NotificationException failure =
        assertThrows(
            Notifier.NotificationException.class,
            () -> new SnsNotifier(sns, TOPIC).publish(message));

    assertTrue(failure.getMessage().contains(TOPIC), failure.getMessage());
    assertTrue(failure.getMessage().contains("nyc_parks.playgrounds"), failure.getMessage());
    assertTrue(failure.getMessage().contains("Topic does not exist"), failure.getMessage());
    assertSame(missing, failure.getCause());
  }

  @Test
  void aTopicMustBeAnArn() {
    IllegalArgumentException failure =
        assertThrows(IllegalArgumentException.class, () -> new SnsNotifier(sns, "schema-drift"));
    assertTrue(failure.getMessage().contains("NOTIFICATION_TOPIC_ARN"), failure.getMessage());
  }
}
