package dev.schemadrift.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Byte-for-byte comparison with files under {@code src/test/resources/golden/}. Run the tests with
 * {@code -Dgolden.update=true} to write the current output as the new goldens (then review the diff
 * in git).
 */
final class Goldens {
  static final Path FOLDER = Path.of("src/test/resources/golden");

  private Goldens() {}

  static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  static void check(String name, byte[] actual) {
    Path golden = FOLDER.resolve(name);
    try {
      if (updating()) {
        Files.createDirectories(golden.getParent());
        Files.write(golden, actual);
        return;
      }
      if (!Files.exists(golden)) {
        fail(golden + " does not exist; run with -Dgolden.update=true to create it");
      }
      byte[] expected = Files.readAllBytes(golden);
      if (!Arrays.equals(expected, actual)) {
        fail(
            name
                + " differs from its golden "
                + firstDifference(expected, actual)
                + "; if the change is intended, run with -Dgolden.update=true and review the diff");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstDifference(byte[] expected, byte[] actual) {
    String[] want = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
    String[] got = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
    for (int line = 0; line < Math.max(want.length, got.length); line++) {
      String left = line < want.length ? want[line] : "<end of file>";
      String right = line < got.length ? got[line] : "<end of file>";
      if (!left.equals(right)) {
        return "at line "
            + (line + 1)
            + ":\n  golden: "
            + clip(left)
            + "\n  actual: "
            + clip(right);
      }
    }
    return "(line ends or encoding)";
  }

  private static String clip(String line) {
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
