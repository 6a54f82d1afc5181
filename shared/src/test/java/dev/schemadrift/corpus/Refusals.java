package dev.schemadrift.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Problem;

/** What every refusal of a document must carry, as the fuzz tests check it on any input. */
public final class Refusals {
  private Refusals() {}

  /** Fails unless the refusal has problems, each naming {@code source}, a place and why. */
  public static void assertNamed(String source, InvalidDocumentException refused) {
    assertFalse(refused.problems().isEmpty(), "a refusal without problems: " + refused);
    for (Problem problem : refused.problems()) {
      assertEquals(source, problem.source(), refused.getMessage());
      // A document that does not parse names the line and column instead of a JSON path.
      assertFalse(problem.jsonPath().isBlank(), "a problem without a place: " + problem);
      assertFalse(problem.message().isBlank(), "a problem without a message: " + problem);
    }
  }
}
