package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.corpus.Corpus;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus through the command line: {@code diff} for contracts and Glue tables, {@code check}
 * for registries. Exit codes as documented, the error named, and never an exception name or a stack
 * trace on either stream.
 */
class CorpusCliTest {
  private static final String RUN = "20261126T080000Z";
  private static final Duration NO_HANG = Duration.ofSeconds(30);

  @TempDir Path temp;

  record Result(int code, String out, String err) {}

  static List<Corpus.Case> diffCases() {
    List<Corpus.Case> cases = new ArrayList<>(Corpus.cases("contract", "cli"));
    cases.addAll(Corpus.cases("glue_table", "cli"));
    return cases;
  }

  static List<Corpus.Case> registryCases() {
    return Corpus.cases("registry", "cli");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diffCases")
  void diff(Corpus.Case item) {
    if ("init".equals(item.command())) {
      init(item);
      return;
    }
    Path contract =
        item.type().equals("contract") ? item.path(temp) : Corpus.root().resolve(item.contract());
    Path table =
        item.type().equals("contract") ? Corpus.root().resolve(item.table()) : item.path(temp);

    Result result =
        run(
            item,
            "diff",
            "--contract",
            contract.toString(),
            "--table",
            table.toString(),
            "--run-id",
            RUN);

    Corpus.Expectation expect = item.expect();
    assertEquals(expect.exitCode(), result.code(), item.id() + ": " + result);
    if (expect.runFails()) {
      assertCommandFailed(item, "diff", result);
      return;
    }
    JsonNode artifact = Json.readTree("stdout", result.out().getBytes(StandardCharsets.UTF_8));
    assertEquals(expect.status(), artifact.path("status").asText(), result.out());
    if (expect.errorKind() != null) {
      assertEquals(expect.errorKind(), artifact.at("/error/kind").asText(), result.out());
      assertMessage(item, artifact.at("/error/message").asText());
      assertTrue(result.err().startsWith("schema-drift diff: ERROR: "), result.err());
      assertEquals(1, result.err().lines().count(), "one line on stderr: " + result.err());
    }
  }

  /** {@code init} of a Glue table that cannot become a contract: refused, nothing written. */
  private void init(Corpus.Case item) {
    Path output = temp.resolve("contract.json");

    Result result =
        run(item, "init", "--table", item.path(temp).toString(), "-o", output.toString());

    assertEquals(item.expect().exitCode(), result.code(), item.id() + ": " + result);
    assertCommandFailed(item, "init", result);
    assertFalse(Files.exists(output), "no contract is written");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registryCases")
  void check(Corpus.Case item) throws IOException {
    Path out = temp.resolve("out");
    Path registry = item.path(temp);
    if (item.makeContract(temp)) {
      // A link or a special file is made in a temporary contracts root, never in the corpus.
      registry = Files.write(temp.resolve("registry.json"), item.bytes());
    }
    Map<Path, byte[]> laid = new LinkedHashMap<>();
    for (Map.Entry<String, String> file : item.catalog().entrySet()) {
      Path snapshot = temp.resolve("catalog").resolve(file.getKey());
      Files.createDirectories(snapshot.getParent());
      laid.put(Files.write(snapshot, Corpus.file(file.getValue())), Corpus.file(file.getValue()));
    }
    Result result = check(item, registry, out);
    for (Map.Entry<Path, byte[]> snapshot : laid.entrySet()) {
      assertArrayEquals(
          snapshot.getValue(), Files.readAllBytes(snapshot.getKey()), "kept: " + snapshot.getKey());
    }

    Corpus.Expectation expect = item.expect();
    assertEquals(expect.exitCode(), result.code(), item.id() + ": " + result);
    if (expect.runFails()) {
      assertMessage(item, result.err());
      return;
    }
    JsonNode manifest =
        Json.readTree("manifest", Files.readAllBytes(out.resolve("runs/" + RUN + ".json")));
    JsonNode concerned = null;
    Set<String> artifacts = new HashSet<>();
    for (JsonNode line : manifest.path("tables")) {
      String key = line.path("contract_key").asText();
      assertTrue(artifacts.add(line.path("diff_key").asText()), "one artifact each: " + manifest);
      JsonNode own =
          Json.readTree(
              "artifact", Files.readAllBytes(out.resolve(line.path("diff_key").asText())));
      assertEquals(key, own.at("/contract/key").asText(), "its own artifact: " + own);
      if (key.equals(Corpus.BASE_CONTRACT) || item.healthy().contains(key)) {
        assertEquals("OK", line.path("status").asText(), "the other table is unaffected");
        assertEquals("OK", own.path("status").asText(), own.toString());
      } else {
        concerned = line;
      }
    }
    assertNotNull(concerned, manifest.toString());
    assertEquals(
        2 + item.healthy().size(), manifest.path("tables").size(), "every entry: " + manifest);
    assertEquals(expect.status(), concerned.path("status").asText());
    JsonNode artifact =
        Json.readTree(
            "artifact", Files.readAllBytes(out.resolve(concerned.path("diff_key").asText())));
    assertEquals(expect.status(), artifact.path("status").asText(), artifact.toString());
    if (expect.errorKind() == null) {
      assertTrue(artifact.path("error").isNull(), artifact.toString());
      return;
    }
    assertEquals(expect.errorKind(), artifact.at("/error/kind").asText());
    assertMessage(item, artifact.at("/error/message").asText());
    assertTrue(result.out().contains(expect.errorKind()), "the summary names it: " + result.out());
  }

  @Test
  void dataBucketsKeepProbesInsideTheListedBuckets() throws IOException {
    Path registry = temp.resolve("registry.json");
    Files.writeString(
        registry,
        "{\"registry_version\": 1, \"tables\": [{\"contract\": \""
            + Corpus.BASE_CONTRACT
            + "\"}]}");

    Result refused = check(null, registry, temp.resolve("refused"), "--data-buckets", "lake-only");
    Result allowed =
        check(null, registry, temp.resolve("allowed"), "--data-buckets", "corpus-data,lake-only");
    Result invalid =
        check(null, registry, temp.resolve("invalid"), "--data-buckets", "Not A Bucket");

    assertEquals(3, refused.code(), refused.toString());
    assertTrue(refused.out().contains("DATA_LOCATION_NOT_ALLOWED"), refused.out());
    assertEquals(0, allowed.code(), allowed.toString());
    assertEquals(2, invalid.code(), invalid.toString());
    assertTrue(invalid.err().contains("--data-buckets='Not A Bucket'"), invalid.err());
  }

  private Result check(Corpus.Case item, Path registry, Path out, String... extra)
      throws IOException {
    Path catalog = temp.resolve("catalog");
    Path data = temp.resolve("data");
    Files.createDirectories(catalog.resolve("corpus"));
    Files.write(catalog.resolve("corpus/orders.json"), Corpus.file(Corpus.BASE_TABLE));
    Files.createDirectories(data.resolve("corpus-data/corpus/orders"));
    Files.writeString(data.resolve("corpus-data/corpus/orders/part-00000.parquet"), "PAR1");
    List<String> args =
        new ArrayList<>(
            List.of(
                "check",
                "--registry",
                registry.toString(),
                "--contracts-root",
                registry.startsWith(Corpus.root()) ? Corpus.root().toString() : temp.toString(),
                "--catalog",
                catalog.toString(),
                "--data-root",
                data.toString(),
                "--out",
                out.toString(),
                "--run-id",
                RUN,
                "--quiet",
                // Some cases are about creating a missing table (a snapshot file already taken).
                "--create-missing"));
    args.addAll(List.of(extra));
    if (!registry.startsWith(Corpus.root())) {
      Path contracts = temp.resolve("contracts");
      Files.createDirectories(contracts);
      Files.write(temp.resolve(Corpus.BASE_CONTRACT), Corpus.file(Corpus.BASE_CONTRACT));
    }
    return run(item, args.toArray(String[]::new));
  }

  /**
   * Runs a command; one given a FIFO must end in time (a read of it would wait for a writer
   * forever).
   */
  private static Result run(Corpus.Case item, String... args) {
    if (item != null && item.special() != null) {
      return assertTimeoutPreemptively(NO_HANG, () -> run(args), item.id() + " hangs");
    }
    return run(args);
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SchemaDriftCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    Result result = new Result(code, out.toString(), err.toString());
    for (String stream : List.of(result.out(), result.err())) {
      assertFalse(stream.contains("\tat "), "a stack trace: " + stream);
      assertFalse(stream.contains("Exception"), "an exception name: " + stream);
    }
    return result;
  }

  /** The command failed as a whole: nothing on stdout, one named line on stderr. */
  private static void assertCommandFailed(Corpus.Case item, String command, Result result) {
    assertEquals("", result.out(), item.id());
    assertTrue(result.err().startsWith("schema-drift " + command + ": "), result.err());
    assertMessage(item, result.err());
  }

  private static void assertMessage(Corpus.Case item, String message) {
    for (String fragment : item.expect().message()) {
      assertTrue(message.contains(fragment), item.id() + ": '" + fragment + "' in: " + message);
    }
  }
}
