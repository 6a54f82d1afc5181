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
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

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

  /**
   * Creates a do-nothing Lambda function (moto's async invoke answers 202 without running it), so
   * that the report trigger has a real target.
   */
  public static void createReportFunction(AwsClients clients, String name) {
    IamClient iam = clients.build(IamClient.builder().region(Region.AWS_GLOBAL), "IAM");
    String role =
        iam.createRole(
                request ->
                    request
                        .roleName("report-role")
                        .assumeRolePolicyDocument(
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                                + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
            .role()
            .arn();
    LambdaClient lambda = clients.build(LambdaClient.builder(), "LAMBDA");
    lambda.createFunction(
        request ->
            request
                .functionName(name)
                .runtime(Runtime.PYTHON3_12)
                .role(role)
                .handler("index.handler")
                .code(
                    code ->
                        code.zipFile(
                            SdkBytes.fromByteArray(
                                ZipOfOneFile.of("index.py", "def handler(e, c):\n  return e\n")))));
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
