package dev.schemadrift.run.aws;

import dev.schemadrift.aws.AwsErrors;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.Json;
import dev.schemadrift.port.ReportTrigger;
import dev.schemadrift.port.StoreException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * {@link ReportTrigger} by asynchronous Lambda invoke ({@code InvocationType=Event}) of the report
 * generator's alias. Anything but HTTP 202 is a failure, so the caller can fail loudly and let
 * Lambda's own retry run again.
 */
public final class LambdaReportTrigger implements ReportTrigger {
  private final LambdaClient lambda;
  private final String function;

  public LambdaReportTrigger(LambdaClient lambda, String function) {
    this.lambda = lambda;
    this.function = function;
  }

  /** The payload: only the manifest's location, never the diffs (async payloads are ≤ 1 MB). */
  public static byte[] payload(String bucket, String manifestKey) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("bucket", bucket);
    body.put("manifest_key", manifestKey);
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a two-string map always serialises", e);
    }
  }

  @Override
  public void trigger(String bucket, String manifestKey) {
    InvokeResponse response;
    try {
      response =
          lambda.invoke(
              request ->
                  request
                      .functionName(function)
                      .invocationType(InvocationType.EVENT)
                      .payload(SdkBytes.fromByteArray(payload(bucket, manifestKey))));
    } catch (SdkException e) {
      throw AwsErrors.classify("invoking report function " + function, e);
    }
    if (response.statusCode() != 202) {
      throw new StoreException(
          ErrorKind.REPORT_INVOKE_FAILED,
          "report function "
              + function
              + " answered HTTP "
              + response.statusCode()
              + " instead of 202",
          null);
    }
  }
}
