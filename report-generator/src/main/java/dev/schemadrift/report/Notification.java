package dev.schemadrift.report;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One message about one table.
 *
 * @param subject one line of at most {@value #MAX_SUBJECT} characters
 * @param message the JSON body (docs/OPERATIONS.md#notifications)
 * @param attributes message attributes for subscription filter policies, in name order
 */
public record Notification(String subject, String message, Map<String, String> attributes) {
  /** SNS's limit for a subject. */
  public static final int MAX_SUBJECT = 100;

  public Notification {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
      throw new IllegalArgumentException("a subject has 1 to " + MAX_SUBJECT + " characters");
    }
    attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
  }
}
