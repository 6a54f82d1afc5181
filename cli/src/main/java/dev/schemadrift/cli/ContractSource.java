package dev.schemadrift.cli;

import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.local.LocalFile;
import dev.schemadrift.port.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Where {@code compat} reads a contract: a file, or a file as a git revision holds it. */
sealed interface ContractSource {
  /** The prefix of a git source: {@code git:REF:PATH}. */
  String GIT_PREFIX = "git:";

  /** The name problems and reports give the contract; its ending picks the contract format. */
  String name();

  /**
   * The contract's bytes, at most {@link ContractReader#MAX_BYTES} plus one (the reader refuses
   * more, naming the limit).
   *
   * @param workingDirectory where a relative file is resolved and git runs
   * @throws StoreException {@code TOO_LARGE} for a file above the limit, {@code IO_ERROR} when it
   *     cannot be read: no such file, no git, no such ref or path
   */
  byte[] read(Path workingDirectory);

  /** The git program: {@code git}, found on the PATH. */
  String GIT = "git";

  /**
   * Parses an option's value: {@code git:REF:PATH} or a file name.
   *
   * @param gitProgram the git program a git source runs ({@link #GIT}; tests name a missing one)
   * @throws IllegalArgumentException for a git source without a ref or a path
   */
  static ContractSource parse(String text, String gitProgram) {
    Objects.requireNonNull(text, "text");
    if (!text.startsWith(GIT_PREFIX)) {
      return new ContractFile(Path.of(text));
    }
    String rest = text.substring(GIT_PREFIX.length());
    // Git refuses ':' in ref names, so the first one ends the ref; the path may hold more.
    int colon = rest.indexOf(':');
    if (colon <= 0 || colon == rest.length() - 1) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not git:REF:PATH with a ref and a path, e.g."
              + " git:origin/main:contracts/orders.json");
    }
    String ref = rest.substring(0, colon);
    if (ref.startsWith("-")) {
      // git would read it as an option.
      throw new IllegalArgumentException(
          "'" + text + "': a git ref must not start with '-' (" + ref + ")");
    }
    return new GitRevision(ref, rest.substring(colon + 1), gitProgram);
  }

  /** A contract file. */
  record ContractFile(Path path) implements ContractSource {
    public ContractFile {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String name() {
      return path.toString();
    }

    @Override
    public byte[] read(Path workingDirectory) {
      Path file = workingDirectory.resolve(path);
      return LocalFile.read(file, ContractReader.MAX_BYTES)
          .orElseThrow(() -> new StoreException(ErrorKind.IO_ERROR, "no such file: " + path, null));
    }
  }

  /**
   * A contract as a git revision holds it, read with {@code git show REF:PATH} in the working
   * directory's repository; the path is from the repository's top, or from the working directory
   * when it starts with {@code ./}, as git reads it.
   */
  record GitRevision(String ref, String path, String program) implements ContractSource {
    /** git show answers at once from the local repository; this only stops a hung process. */
    private static final long TIMEOUT_SECONDS = 60;

    /** Enough of git's standard error for its message, however much it writes. */
    private static final int MAX_ERROR_BYTES = 8 * 1024;

    public GitRevision {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(program, "program");
    }

    @Override
    public String name() {
      return GIT_PREFIX + ref + ":" + path;
    }

    @Override
    public byte[] read(Path workingDirectory) {
      String object = ref + ":" + path;
      ProcessBuilder builder =
          new ProcessBuilder(List.of(program, "show", object)).directory(workingDirectory.toFile());
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new StoreException(
            ErrorKind.IO_ERROR,
            name()
                + ": cannot run "
                + program
                + " (is git installed and on the PATH?): "
                + e.getMessage(),
            e);
      }
      try {
        // git show reads nothing: its input ends at once.
        process.getOutputStream().close();
        CompletableFuture<byte[]> errors =
            CompletableFuture.supplyAsync(
                () -> readAtMost(process.getErrorStream(), MAX_ERROR_BYTES),
                command -> Thread.ofVirtual().start(command));
        byte[] bytes = readAtMost(process.getInputStream(), ContractReader.MAX_BYTES + 1);
        if (bytes.length > ContractReader.MAX_BYTES) {
          // The reader refuses it by its size; the rest is not worth waiting for.
          process.destroyForcibly();
          return bytes;
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new StoreException(
              ErrorKind.IO_ERROR,
              name() + ": git show " + object + " did not finish in " + TIMEOUT_SECONDS + " s",
              null);
        }
        if (process.exitValue() != 0) {
          String message =
              firstLine(
                  new String(
                      errors.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), StandardCharsets.UTF_8));
          throw new StoreException(
              ErrorKind.IO_ERROR,
              name()
                  + ": git show "
                  + object
                  + " failed (exit "
                  + process.exitValue()
                  + ")"
                  + (message.isEmpty() ? "" : ": " + message),
              null);
        }
        return bytes;
      } catch (IOException e) {
        process.destroyForcibly();
        throw new StoreException(ErrorKind.IO_ERROR, name() + ": cannot talk to git: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new StoreException(ErrorKind.IO_ERROR, name() + ": interrupted", e);
      } catch (ExecutionException | TimeoutException e) {
        process.destroyForcibly();
        throw new StoreException(
            ErrorKind.IO_ERROR, name() + ": git's error output could not be read", e);
      }
    }

    private static byte[] readAtMost(InputStream stream, int limit) {
      try (stream) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while (bytes.size() < limit
            && (read = stream.read(buffer, 0, Math.min(buffer.length, limit - bytes.size())))
                >= 0) {
          bytes.write(buffer, 0, read);
        }
        return bytes.toByteArray();
      } catch (IOException e) {
        throw new StoreException(ErrorKind.IO_ERROR, "cannot read git's output: " + e, e);
      }
    }

    /** git's first non-empty line ("fatal: invalid object name 'main'."), as one line. */
    private static String firstLine(String text) {
      return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
    }
  }
}
