package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.type.TypeParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A type nested to the parser's documented limit gets the same verdict whatever stack the caller
 * runs on: the command does its work on a stack of its own, not on the JVM's default.
 */
class DeepNestingTest {
  @TempDir Path directory;

  @Test
  void diffOfATypeNestedToTheLimitIsTheSameOnASmallAndALargeStack() throws Exception {
    String deepInt = nested("int");
    String deepBigint = nested("bigint");
    Path contract =
        write(
            "contract.json",
            """
            {"contract_version": "1.0.0", "database": "db", "table": "deep",
             "data_location": "s3://bucket/deep/", "format": "json",
             "columns": [{"name": "id", "type": "bigint"}, {"name": "payload", "type": "%s"}]}
            """
                .formatted(deepInt));
    Path table =
        write(
            "table.json",
            """
            {"Table": {"Name": "deep", "DatabaseName": "db", "TableType": "EXTERNAL_TABLE",
             "StorageDescriptor": {
               "Columns": [{"Name": "id", "Type": "bigint"}, {"Name": "payload", "Type": "%s"}],
               "Location": "s3://bucket/deep/",
               "SerdeInfo": {"SerializationLibrary": "org.openx.data.jsonserde.JsonSerDe"}},
             "PartitionKeys": []}}
            """
                .formatted(deepBigint));
    String[] arguments = {
      "diff",
      "--contract",
      contract.toString(),
      "--table",
      table.toString(),
      "--run-id",
      "20261126T080000Z"
    };

    CliRun small = onStack(256 * 1024, arguments);
    CliRun large = onStack(512L * 1024 * 1024, arguments);

    assertEquals(large.exitCode(), small.exitCode(), small.describe());
    assertEquals(large.out(), small.out());
    assertEquals(large.err(), small.err());
    assertEquals(0, large.exitCode(), large.describe());
    assertTrue(large.out().contains("\"COLUMN_TYPE_WIDENED\""), large.describe());
    assertFalse(large.err().contains("StackOverflow"), large.describe());
  }

  /** Runs the command on a new thread with the given stack, as a JVM with that -Xss would. */
  private static CliRun onStack(long stackBytes, String... arguments) throws InterruptedException {
    AtomicReference<CliRun> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result.set(CliRun.of(arguments));
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "stack-" + stackBytes,
            stackBytes);
    thread.start();
    thread.join();
    if (failure.get() != null) {
      throw new AssertionError(
          "the command threw on a " + stackBytes + "-byte stack", failure.get());
    }
    return result.get();
  }

  private static String nested(String leaf) {
    return "struct<a:".repeat(TypeParser.MAX_NESTING) + leaf + ">".repeat(TypeParser.MAX_NESTING);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(directory.resolve(name), text);
  }
}
