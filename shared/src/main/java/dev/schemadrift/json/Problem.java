package dev.schemadrift.json;

/** One thing wrong with an input document: which file, where in it (a JSON path), and what. */
public record Problem(String source, String jsonPath, String message) {
  @Override
  public String toString() {
    return source + ": " + jsonPath + ": " + message;
  }
}
