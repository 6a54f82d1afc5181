package dev.schemadrift.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.StoreException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads of missing objects at the SDK boundary: S3 answers 403 instead of 404 when the role may not
 * list the bucket (or when its ListBucket grant is limited by {@code s3:prefix}); the store tells a
 * missing object from a real refusal by listing exactly that key.
 */
class S3ObjectStoreTest {
  private static final String BUCKET = "my-reports";
  private static final String KEY = "state/index.json";

  private final S3Client s3 = mock(S3Client.class, CALLS_REAL_METHODS);
  private final S3ObjectStore store = new S3ObjectStore(s3);

  private static S3Exception denied() {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(403)
            .message("Access Denied")
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("AccessDenied")
                    .errorMessage("Access Denied")
                    .build())
            .build();
  }

  private void getIsDenied() {
    doThrow(denied()).when(s3).getObjectAsBytes(any(GetObjectRequest.class));
    doThrow(denied()).when(s3).getObject(any(GetObjectRequest.class));
  }

  private void listingShows(String... keys) {
    ListObjectsV2Response.Builder response = ListObjectsV2Response.builder();
    S3Object[] objects = new S3Object[keys.length];
    for (int index = 0; index < keys.length; index++) {
      objects[index] = S3Object.builder().key(keys[index]).size(10L).build();
    }
    doReturn(response.contents(objects).build())
        .when(s3)
        .listObjectsV2(any(ListObjectsV2Request.class));
  }

  @Test
  void aRefusedReadOfAKeyTheListingDoesNotShowIsAMissingObject() {
    getIsDenied();
    listingShows();

    assertEquals(Optional.empty(), store.get(BUCKET, KEY));
    assertEquals(Optional.empty(), store.get(BUCKET, KEY, 1024));
    assertEquals(Optional.empty(), store.getVersioned(BUCKET, KEY));

    ArgumentCaptor<ListObjectsV2Request> listed =
        ArgumentCaptor.forClass(ListObjectsV2Request.class);
    verify(s3, times(3)).listObjectsV2(listed.capture());
    assertEquals(BUCKET, listed.getValue().bucket());
    assertEquals(KEY, listed.getValue().prefix(), "exactly the key: s3:prefix conditions allow it");
    assertEquals(1, listed.getValue().maxKeys());
  }

  @Test
  void onlyALongerKeyUnderTheSamePrefixStillMeansMissing() {
    getIsDenied();
    listingShows("state/index.json.previous");

    assertEquals(Optional.empty(), store.get(BUCKET, KEY));
  }

  @Test
  void aRefusedReadOfAnExistingObjectIsAccessDenied() {
    getIsDenied();
    listingShows(KEY);

    StoreException failure = assertThrows(StoreException.class, () -> store.get(BUCKET, KEY));
    assertEquals(ErrorKind.ACCESS_DENIED, failure.kind());
    assertTrue(failure.getMessage().contains("s3://" + BUCKET + "/" + KEY), failure.getMessage());
  }

  @Test
  void whenTheListingIsRefusedTooTheRefusalStands() {
    getIsDenied();
    doThrow(denied()).when(s3).listObjectsV2(any(ListObjectsV2Request.class));

    StoreException failure =
        assertThrows(StoreException.class, () -> store.getVersioned(BUCKET, KEY));
    assertEquals(ErrorKind.ACCESS_DENIED, failure.kind());
    assertEquals(
        ErrorKind.ACCESS_DENIED,
        assertThrows(StoreException.class, () -> store.get(BUCKET, KEY, 1024)).kind());
  }

  @Test
  void aPlain404NeedsNoListing() {
    doThrow(NoSuchKeyException.builder().statusCode(404).message("missing").build())
        .when(s3)
        .getObjectAsBytes(any(GetObjectRequest.class));

    assertEquals(Optional.empty(), store.get(BUCKET, KEY));
    verify(s3, never()).listObjectsV2(any(ListObjectsV2Request.class));
  }
}
