package dev.schemadrift.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts AWS calls by service and operation, each logical call once (retries not counted). */
final class AwsCallCount implements ExecutionInterceptor {
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    counts.computeIfAbsent(service + ":" + operation, key -> new AtomicInteger()).incrementAndGet();
  }

  Map<String, Integer> snapshot() {
    Map<String, Integer> snapshot = new TreeMap<>();
    counts.forEach((key, value) -> snapshot.put(key, value.get()));
    return snapshot;
  }

  int total(String service) {
    return snapshot().entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(service + ":"))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  void clear() {
    counts.clear();
  }
}
