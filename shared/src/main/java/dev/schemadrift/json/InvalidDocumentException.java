package dev.schemadrift.json;

import java.util.List;
import java.util.stream.Collectors;

/** A document that failed validation; it carries every problem found, not just the first. */
public final class InvalidDocumentException extends RuntimeException {
  private final transient List<Problem> problems;

  public InvalidDocumentException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /** The problems in document order. */
  public List<Problem> problems() {
    return problems;
  }
}
