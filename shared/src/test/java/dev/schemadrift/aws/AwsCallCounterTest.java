package dev.schemadrift.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollector;

class AwsCallCounterTest {
  /** A call as the SDK reports it: its retry count and one child per attempt. */
  private static MetricCollector call(int retries, String... attemptErrors) {
    MetricCollector call = MetricCollector.create("ApiCall");
    call.reportMetric(CoreMetric.RETRY_COUNT, retries);
    for (String error : attemptErrors) {
      MetricCollector attempt = call.createChild("ApiCallAttempt");
      if (error != null) {
        attempt.reportMetric(CoreMetric.ERROR_TYPE, error);
      }
    }
    return call;
  }

  @Test
  void callsRetriesAndThrottledAttemptsAreCounted() {
    AwsCallCounter counter = new AwsCallCounter();
    AwsCallCounter.Counts before = counter.counts();

    counter.publish(call(0, (String) null).collect());
    counter.publish(call(2, "Throttling", "ServerError", null).collect());
    counter.publish(call(1, "Throttling", null).collect());

    assertEquals(new AwsCallCounter.Counts(3, 3, 2), counter.counts().minus(before));
    AwsCallCounter.Counts middle = counter.counts();
    counter.publish(call(1, "IO", null).collect());
    assertEquals(new AwsCallCounter.Counts(1, 1, 0), counter.counts().minus(middle));
  }
}
