package dev.schemadrift.run.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The report generator is started by an async invoke that carries only the manifest's place. */
class LambdaReportTriggerTest {
  private static final String FUNCTION =
      "arn:aws:lambda:us-east-1:123456789012:function:report-generator:live";

  // The SDK's builder-consumer overloads are default methods that build the request and call the
  // request overload: let them run, and mock only the request overload, the real SDK boundary.
  private final LambdaClient lambda = mock(LambdaClient.class, CALLS_REAL_METHODS);
  private final LambdaReportTrigger trigger = new LambdaReportTrigger(lambda, FUNCTION);

  @Test
  void invokesTheFunctionAsynchronouslyWithOnlyTheManifestsLocation() {
    answer(202);

    trigger.trigger("report-bucket", "runs/20261126T080000Z.json");

    ArgumentCaptor<InvokeRequest> request = ArgumentCaptor.forClass(InvokeRequest.class);
    verify(lambda, times(1)).invoke(request.capture());
    assertEquals(InvocationType.EVENT, request.getValue().invocationType());
    assertEquals(FUNCTION, request.getValue().functionName());
    assertEquals(
        "{\"bucket\":\"report-bucket\",\"manifest_key\":\"runs/20261126T080000Z.json\"}",
        request.getValue().payload().asUtf8String());
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 500})
  void anyAnswerButAcceptedIsAFailure(int status) {
    answer(status);

    StoreException failure =
        assertThrows(
            StoreException.class,
            () -> trigger.trigger("report-bucket", "runs/20261126T080000Z.json"));

    assertEquals(ErrorKind.REPORT_INVOKE_FAILED, failure.kind());
    assertTrue(failure.getMessage().contains("HTTP " + status), failure.getMessage());
    assertTrue(failure.getMessage().contains(FUNCTION), failure.getMessage());
  }

  @Test
  void aMissingFunctionIsClassifiedByTheSharedErrorRules() {
    ResourceNotFoundException missing =
        ResourceNotFoundException.builder()
            .statusCode(404)
            .message("Function not found: " + FUNCTION)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("ResourceNotFoundException")
                    .errorMessage("Function not found: " + FUNCTION)
                    .build())
            .build();
    doThrow(missing).when(lambda).invoke(any(InvokeRequest.class));

    StoreException failure =
        assertThrows(
            StoreException.class,
            () -> trigger.trigger("report-bucket", "runs/20261126T080000Z.json"));

    assertEquals(ErrorKind.AWS_ERROR, failure.kind());
    assertTrue(failure.getMessage().contains("ResourceNotFoundException"), failure.getMessage());
    assertTrue(failure.getMessage().contains(FUNCTION), failure.getMessage());
    assertSame(missing, failure.getCause());
  }

  private void answer(int status) {
    doReturn(InvokeResponse.builder().statusCode(status).build())
        .when(lambda)
        .invoke(any(InvokeRequest.class));
  }
}
