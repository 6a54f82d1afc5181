package dev.schemadrift.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Files that are not regular files, for the tests of what is refused before it is opened. */
public final class SpecialFiles {
  private SpecialFiles() {}

  /** Makes a FIFO (skipping the test where {@code mkfifo} is missing). */
  public static Path fifo(Path file) throws IOException {
    try {
      Process process = new ProcessBuilder(List.of("mkfifo", file.toString())).start();
      assumeTrue(process.waitFor() == 0, "needs mkfifo");
    } catch (IOException e) {
      assumeTrue(false, "needs mkfifo: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return file;
  }
}
