package dev.schemadrift.run.it;

import dev.schemadrift.aws.AwsClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The moto server that {@code scripts/with-moto.sh} started for this build. Integration tests fail
 * (never skip) without it, so a green build always means they ran.
 */
public final class Moto {
  private Moto() {}

  public static String endpoint() {
    String endpoint = System.getenv("AWS_ENDPOINT_URL");
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalStateException(
          "AWS_ENDPOINT_URL is not set: run integration tests through `make test` (scripts/with-moto.sh"
              + " starts moto server and sets it)");
    }
    return endpoint;
  }

  /** The environment the SDK clients read: emulator endpoint, dummy credentials, one region. */
  public static Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>();
    environment.put("AWS_ENDPOINT_URL", endpoint());
    environment.put("AWS_ACCESS_KEY_ID", "testing");
    environment.put("AWS_SECRET_ACCESS_KEY", "testing");
    environment.put("AWS_REGION", "us-east-1");
    return environment;
  }

  public static AwsClients clients(ExecutionInterceptor... interceptors) {
    return new AwsClients(environment(), List.of(interceptors));
  }

  /** Clears every resource in the emulator. */
  public static void reset() {
    post("/moto-api/reset", "");
  }

  static void post(String path, String body) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(endpoint() + path))
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            "moto " + path + " answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "moto at " + endpoint() + " is unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
