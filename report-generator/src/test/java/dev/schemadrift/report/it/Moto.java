package dev.schemadrift.report.it;

import dev.schemadrift.aws.AwsClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The moto server that {@code scripts/with-moto.sh} started for this build (a small copy of
 * schema-diff's). Integration tests fail, never skip, without it: a green build means they ran.
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

  /** SDK clients for the emulator: its endpoint, dummy credentials, one region. */
  public static AwsClients clients() {
    return new AwsClients(
        Map.of(
            "AWS_ENDPOINT_URL", endpoint(),
            "AWS_ACCESS_KEY_ID", "testing",
            "AWS_SECRET_ACCESS_KEY", "testing",
            "AWS_REGION", "us-east-1"),
        List.of());
  }

  /** Clears every resource in the emulator. */
  public static void reset() {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(endpoint() + "/moto-api/reset"))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException("moto reset answered " + response.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException("moto at " + endpoint() + " is unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
