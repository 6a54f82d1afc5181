package dev.schemadrift.json;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one document so that a user sees all of them in one run. */
public final class Problems {
  private final String source;
  private final List<Problem> problems = new ArrayList<>();

  public Problems(String source) {
    this.source = source;
  }

  public void add(String jsonPath, String message) {
    problems.add(new Problem(source, jsonPath, message));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Throws when anything was recorded. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidDocumentException(problems);
    }
  }
}
