package dev.schemadrift.aws;

import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Counts the AWS calls the clients of one {@link AwsClients} made, the attempts that were retries
 * and the attempts AWS answered with throttling, from the SDK's own per-call metrics (no extra
 * requests, nothing sent anywhere). Thread-safe: the pipeline calls AWS from several threads.
 */
public final class AwsCallCounter implements MetricPublisher {
  /** The SDK's {@link CoreMetric#ERROR_TYPE} for an attempt that was throttled. */
  private static final String THROTTLING = "Throttling";

  private final LongAdder calls = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder throttles = new LongAdder();

  /** Counts at one moment; {@link #minus} gives what happened between two of them. */
  public record Counts(long calls, long retries, long throttles) {
    public static final Counts ZERO = new Counts(0, 0, 0);

    public Counts minus(Counts earlier) {
      return new Counts(
          calls - earlier.calls, retries - earlier.retries, throttles - earlier.throttles);
    }
  }

  public Counts counts() {
    return new Counts(calls.sum(), retries.sum(), throttles.sum());
  }

  @Override
  public void publish(MetricCollection call) {
    calls.increment();
    for (Integer retryCount : call.metricValues(CoreMetric.RETRY_COUNT)) {
      retries.add(retryCount);
    }
    for (MetricCollection attempt : call.children()) {
      for (String errorType : attempt.metricValues(CoreMetric.ERROR_TYPE)) {
        if (THROTTLING.equals(errorType)) {
          throttles.increment();
        }
      }
    }
  }

  @Override
  public void close() {
    // Nothing buffered, nothing to release.
  }
}
