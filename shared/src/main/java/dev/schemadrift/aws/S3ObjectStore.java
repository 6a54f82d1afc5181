package dev.schemadrift.aws;

import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link ObjectStore} on Amazon S3, with an injected client (built once per container). */
public final class S3ObjectStore implements ObjectStore {
  private final S3Client s3;

  public S3ObjectStore(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public Optional<byte[]> get(String bucket, String key) {
    try {
      return Optional.of(
          s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray());
    } catch (SdkException e) {
      return missingOrThrow(bucket, key, e);
    }
  }

  @Override
  public Optional<byte[]> get(String bucket, String key, long maxBytes) {
    try (ResponseInputStream<GetObjectResponse> body =
        s3.getObject(request -> request.bucket(bucket).key(key))) {
      return Optional.of(bounded(body, bucket, key, maxBytes));
    } catch (SdkException e) {
      return missingOrThrow(bucket, key, e);
    } catch (IOException e) {
      throw new StoreException(
          ErrorKind.UNREACHABLE,
          "could not read s3://" + bucket + "/" + key + ": " + e.getMessage(),
          e);
    }
  }

  /** The body, refused unread when S3 announces more than maxBytes, or once more is read. */
  private static byte[] bounded(
      ResponseInputStream<GetObjectResponse> body, String bucket, String key, long maxBytes)
      throws IOException {
    Long length = body.response().contentLength();
    if (length != null && length > maxBytes) {
      body.abort();
      throw ObjectStore.tooLarge(bucket, key, maxBytes);
    }
    byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (bytes.length > maxBytes) {
      body.abort();
      throw ObjectStore.tooLarge(bucket, key, maxBytes);
    }
    return bytes;
  }

  @Override
  public void put(String bucket, String key, byte[] body, String contentType) {
    try {
      s3.putObject(
          request -> request.bucket(bucket).key(key).contentType(contentType),
          RequestBody.fromBytes(body));
    } catch (SdkException e) {
      throw AwsErrors.classify("writing s3://" + bucket + "/" + key, e);
    }
  }

  @Override
  public Optional<Versioned> getVersioned(String bucket, String key) {
    try {
      var response = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key));
      return Optional.of(new Versioned(response.asByteArray(), response.response().eTag()));
    } catch (SdkException e) {
      return missingOrThrow(bucket, key, e);
    }
  }

  @Override
  public Revalidation getIfChanged(String bucket, String key, String knownVersion, long maxBytes) {
    try (ResponseInputStream<GetObjectResponse> body =
        s3.getObject(
            request -> {
              request.bucket(bucket).key(key);
              if (knownVersion != null) {
                request.ifNoneMatch(knownVersion);
              }
            })) {
      byte[] bytes = bounded(body, bucket, key, maxBytes);
      return new Revalidation.Changed(new Versioned(bytes, body.response().eTag()));
    } catch (SdkException e) {
      // 304 Not Modified: the known version is current, and S3 sent no body.
      if (e instanceof S3Exception s3Error && s3Error.statusCode() == 304) {
        return new Revalidation.Unchanged();
      }
      // Returns only when the object is missing; any other failure is thrown, classified.
      missingOrThrow(bucket, key, e);
      return new Revalidation.Missing();
    } catch (IOException e) {
      throw new StoreException(
          ErrorKind.UNREACHABLE,
          "could not read s3://" + bucket + "/" + key + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public boolean putIfVersion(
      String bucket, String key, byte[] body, String contentType, String expectedVersion) {
    try {
      s3.putObject(
          request -> {
            request.bucket(bucket).key(key).contentType(contentType);
            if (expectedVersion == null) {
              request.ifNoneMatch("*");
            } else {
              request.ifMatch(expectedVersion);
            }
          },
          RequestBody.fromBytes(body));
      return true;
    } catch (S3Exception e) {
      // 412: someone else wrote first; 409: a concurrent conditional write is in flight.
      if (e.statusCode() == 412 || e.statusCode() == 409) {
        return false;
      }
      throw AwsErrors.classify("writing s3://" + bucket + "/" + key, e);
    } catch (SdkException e) {
      throw AwsErrors.classify("writing s3://" + bucket + "/" + key, e);
    }
  }

  /**
   * A failed read: empty when the object does not exist (404, or a 403 that a listing shows to be a
   * missing key), else the classified failure.
   */
  private <T> Optional<T> missingOrThrow(String bucket, String key, SdkException e) {
    if (e instanceof NoSuchKeyException
        || (e instanceof S3Exception s3Error
            && s3Error.statusCode() == 403
            && confirmedAbsent(bucket, key))) {
      return Optional.empty();
    }
    throw AwsErrors.classify("reading s3://" + bucket + "/" + key, e);
  }

  /**
   * Whether a key that S3 refused to read (403) is in fact missing. S3 answers a GET of a missing
   * key with 404 only when the caller may list the bucket, and whether a ListBucket grant limited
   * by an {@code s3:prefix} condition (as in template.yaml) counts for that is not something to
   * rely on. So a 403 is checked with a listing of exactly that key: when the listing is allowed
   * and the key is not there, the object is missing; otherwise the refusal stands.
   */
  private boolean confirmedAbsent(String bucket, String key) {
    try {
      // Keys are listed in order and a key sorts before every longer key it prefixes.
      List<S3Object> listed =
          s3.listObjectsV2(request -> request.bucket(bucket).prefix(key).maxKeys(1)).contents();
      return listed.isEmpty() || !listed.getFirst().key().equals(key);
    } catch (SdkException e) {
      return false;
    }
  }

  @Override
  public List<StoredObject> listAll(String bucket, String prefix) {
    try {
      List<StoredObject> objects = new ArrayList<>();
      for (ListObjectsV2Response page :
          s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))) {
        for (S3Object object : page.contents()) {
          objects.add(stored(object));
        }
      }
      return objects;
    } catch (SdkException e) {
      throw AwsErrors.classify("listing s3://" + bucket + "/" + prefix, e);
    }
  }

  private static StoredObject stored(S3Object object) {
    return new StoredObject(object.key(), object.size() == null ? 0 : object.size(), object.eTag());
  }

  @Override
  public List<StoredObject> list(String bucket, String prefix, int limit) {
    try {
      ListObjectsV2Response response =
          s3.listObjectsV2(request -> request.bucket(bucket).prefix(prefix).maxKeys(limit));
      List<StoredObject> objects = new ArrayList<>(response.contents().size());
      for (S3Object object : response.contents()) {
        objects.add(stored(object));
      }
      return objects;
    } catch (SdkException e) {
      throw AwsErrors.classify("listing s3://" + bucket + "/" + prefix, e);
    }
  }
}
