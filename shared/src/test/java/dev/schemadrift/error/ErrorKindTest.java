package dev.schemadrift.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schemadrift.artifact.DiffArtifact;
import org.junit.jupiter.api.Test;

class ErrorKindTest {
  private static final String READ_THE_MESSAGE =
      "Read the message, fix its cause, and re-run the check; the diff JSON has details.";

  @Test
  void everyKindIsNamedByItsNameAndHasAdvice() {
    for (ErrorKind kind : ErrorKind.values()) {
      assertEquals(kind, ErrorKind.named(kind.name()));
      assertFalse(kind.advice().isBlank(), kind.name());
    }
  }

  @Test
  void aNameThisVersionDoesNotKnowIsUnrecognisedWithTheGeneralAdvice() {
    assertEquals(ErrorKind.UNRECOGNISED, ErrorKind.named("GLUE_ON_FIRE"));
    assertEquals(ErrorKind.UNRECOGNISED, ErrorKind.named("throttled"));
    assertEquals(ErrorKind.UNRECOGNISED, ErrorKind.named(""));
    assertEquals(READ_THE_MESSAGE, ErrorKind.UNRECOGNISED.advice());
  }

  @Test
  void kindsThatShareAdviceShareTheText() {
    assertEquals(ErrorKind.TIMEOUT.advice(), ErrorKind.UNREACHABLE.advice());
    assertEquals(ErrorKind.DIFF_NOT_WRITTEN.advice(), ErrorKind.DIFF_MISSING.advice());
    assertEquals(ErrorKind.DIFF_NOT_WRITTEN.advice(), ErrorKind.DIFF_INVALID.advice());
    assertEquals(READ_THE_MESSAGE, ErrorKind.TOO_COMPLEX.advice());
  }

  @Test
  void anErrorKeepsTheSpellingItWasReadWith() {
    DiffArtifact.ErrorInfo unknown = DiffArtifact.ErrorInfo.read("GLUE_ON_FIRE", "m");
    assertEquals(ErrorKind.UNRECOGNISED, unknown.kind());
    assertEquals("GLUE_ON_FIRE", unknown.kindName());

    DiffArtifact.ErrorInfo known = DiffArtifact.ErrorInfo.read("THROTTLED", "m");
    assertEquals(new DiffArtifact.ErrorInfo(ErrorKind.THROTTLED, "m"), known);
    assertEquals("THROTTLED", known.kindName());

    assertThrows(
        IllegalArgumentException.class,
        () -> new DiffArtifact.ErrorInfo(ErrorKind.THROTTLED, "ACCESS_DENIED", "m"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DiffArtifact.ErrorInfo(ErrorKind.UNRECOGNISED, "THROTTLED", "m"));
  }
}
