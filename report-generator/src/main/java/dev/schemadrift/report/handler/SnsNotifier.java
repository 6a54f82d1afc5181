package dev.schemadrift.report.handler;

import dev.schemadrift.report.Notification;
import dev.schemadrift.report.Notifier;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** Publishes notifications to one SNS topic (the SDK client retries throttling and 5xx). */
public final class SnsNotifier implements Notifier {
  private final SnsClient sns;
  private final String topicArn;

  public SnsNotifier(SnsClient sns, String topicArn) {
    if (topicArn == null || !topicArn.startsWith("arn:")) {
      throw new IllegalArgumentException(
          "NOTIFICATION_TOPIC_ARN must be an SNS topic ARN, not '" + topicArn + "'");
    }
    this.sns = sns;
    this.topicArn = topicArn;
  }

  @Override
  public void publish(Notification notification) {
    Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
    notification
        .attributes()
        .forEach(
            (name, value) ->
                attributes.put(
                    name,
                    MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
    try {
      sns.publish(
          PublishRequest.builder()
              .topicArn(topicArn)
              .subject(notification.subject())
              .message(notification.message())
              .messageAttributes(attributes)
              .build());
    } catch (SdkException e) {
      throw new NotificationException(
          "SNS Publish to " + topicArn + " failed for '" + notification.subject() + "': " + e, e);
    }
  }
}
