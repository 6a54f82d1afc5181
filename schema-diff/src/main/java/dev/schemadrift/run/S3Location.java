package dev.schemadrift.run;

/** A bucket and key (or prefix) parsed from {@code s3://bucket/key}; s3a and s3n read as s3. */
public record S3Location(String bucket, String key) {
  /** Parses an s3:// URI, or returns null when the text is not one. */
  public static S3Location parse(String uri) {
    String rest;
    if (uri.startsWith("s3://")) {
      rest = uri.substring(5);
    } else if (uri.startsWith("s3a://") || uri.startsWith("s3n://")) {
      rest = uri.substring(6);
    } else {
      return null;
    }
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return rest.isEmpty() ? null : new S3Location(rest, "");
    }
    return slash == 0 ? null : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
  }

  /** The key as a folder prefix: data under {@code t/} must not match a sibling {@code t_old/}. */
  public String folderPrefix() {
    return key.isEmpty() || key.endsWith("/") ? key : key + "/";
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
