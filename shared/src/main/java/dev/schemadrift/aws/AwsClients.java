package dev.schemadrift.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds SDK clients the same way everywhere: the url-connection HTTP client (fast start, no extra
 * threads), the region and credentials from the SDK's default chains (read from the given
 * environment), the SDK's standard retry strategy (bounded attempts, exponential backoff with
 * jitter, a retry quota), and endpoints from the standard {@code AWS_ENDPOINT_URL} / {@code
 * AWS_ENDPOINT_URL_<SERVICE>} variables so the same jar runs against emulators.
 */
public final class AwsClients {
  private final Map<String, String> environment;
  private final DefaultChains chains;
  private final AwsCredentialsProvider credentials;
  private final List<ExecutionInterceptor> interceptors;
  private final Limits limits;
  private final AwsCallCounter calls = new AwsCallCounter();

  /**
   * How long and how often a call may try; {@link #DEFAULT} in production, shorter in fault tests.
   *
   * @param maxAttempts attempts per call, the first included (standard mode: 3)
   * @param backoff the base delay of the exponential backoff, or null for the SDK's standard delays
   *     (100 ms, 1 s after throttling, both capped at 20 s)
   */
  public record Limits(
      int maxAttempts,
      Duration backoff,
      Duration connectTimeout,
      Duration socketTimeout,
      Duration apiCallTimeout) {
    public static final Limits DEFAULT =
        new Limits(3, null, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(120));

    public Limits {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
    }
  }

  public AwsClients(Map<String, String> environment, List<ExecutionInterceptor> interceptors) {
    this(environment, interceptors, Limits.DEFAULT);
  }

  public AwsClients(
      Map<String, String> environment, List<ExecutionInterceptor> interceptors, Limits limits) {
    this.environment = Map.copyOf(environment);
    this.chains = new DefaultChains(environment);
    this.credentials = chains.credentials();
    this.interceptors = List.copyOf(interceptors);
    this.limits = limits;
  }

  /** Clients configured from the process environment, without extra interceptors. */
  public static AwsClients fromEnvironment() {
    return new AwsClients(System.getenv(), List.of());
  }

  /** What every client built here has called so far (calls, retries, throttles). */
  public AwsCallCounter calls() {
    return calls;
  }

  public S3Client s3() {
    var builder = S3Client.builder();
    URI endpoint = endpoint("S3");
    // Emulators serve buckets as paths, not as virtual hosts.
    builder.forcePathStyle(endpoint != null);
    return configure(builder, endpoint);
  }

  /**
   * Applies the shared settings to any service's builder; {@code service} as in
   * AWS_ENDPOINT_URL_<SERVICE>.
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
      B builder, String service) {
    return configure(builder, endpoint(service));
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(
      B builder, URI endpoint) {
    builder
        .region(region())
        .credentialsProvider(credentials)
        .httpClientBuilder(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(limits.connectTimeout())
                .socketTimeout(limits.socketTimeout()))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy())
                .executionInterceptors(interceptors)
                .addMetricPublisher(calls)
                .apiCallTimeout(limits.apiCallTimeout())
                .build());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  /** Standard mode: throttling, 5xx, timeouts and broken connections are retried, boundedly. */
  private StandardRetryStrategy retryStrategy() {
    StandardRetryStrategy.Builder strategy =
        AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(limits.maxAttempts());
    if (limits.backoff() != null) {
      BackoffStrategy backoff =
          BackoffStrategy.exponentialDelay(limits.backoff(), limits.backoff().multipliedBy(8));
      strategy.backoffStrategy(backoff).throttlingBackoffStrategy(backoff);
    }
    return strategy.build();
  }

  /**
   * The region from the SDK's default chain: aws.region or AWS_REGION (always set in Lambda), the
   * AWS CLI's AWS_DEFAULT_REGION, the profile's {@code region} (AWS_PROFILE, AWS_CONFIG_FILE or
   * ~/.aws/config), instance metadata.
   *
   * @throws IllegalStateException naming how to set a region when none of them gives one
   */
  public Region region() {
    return chains.region();
  }

  /** The endpoint override for a service, or null to use AWS. */
  public URI endpoint(String service) {
    String specific = environment.get("AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT));
    String value =
        specific != null && !specific.isBlank() ? specific : environment.get("AWS_ENDPOINT_URL");
    return value == null || value.isBlank() ? null : URI.create(value.strip());
  }
}
