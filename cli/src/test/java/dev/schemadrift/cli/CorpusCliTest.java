package dev.schemadrift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.ArrayList;
import java.util.List;
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
    Path contract =
        item.type().equals("contract") ? item.path(temp) : Corpus.root().resolve(item.contract());
    Path table =
        item.type().equals("contract") ? Corpus.root().resolve(item.table()) : item.path(temp);

    Result result =
        run(
            "diff",
            "--contract",
            contract.toString(),
            "--table",
            table.toString(),
            "--run-id",
            RUN);

    Corpus.Expectation expect = item.expect();
    assertEquals(expect.exitCode(), result.code(), item.id() + ": " + result);
    JsonNode artifact = Json.readTree("stdout", result.out().getBytes(StandardCharsets.UTF_8));
    assertEquals(expect.status(), artifact.path("status").asText(), result.out());
    if (expect.errorKind() != null) {
      assertEquals(expect.errorKind(), artifact.at("/error/kind").asText(), result.out());
      assertMessage(item, artifact.at("/error/message").asText());
      assertTrue(result.err().startsWith("schema-drift diff: ERROR: "), result.err());
      assertEquals(1, result.err().lines().count(), "one line on stderr: " + result.err());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registryCases")
  void check(Corpus.Case item) throws IOException {
    Path out = temp.resolve("out");
    Result result = check(item.path(temp), out);

    Corpus.Expectation expect = item.expect();
    assertEquals(expect.exitCode(), result.code(), item.id() + ": " + result);
    if (expect.runFails()) {
      assertMessage(item, result.err());
      return;
    }
    JsonNode manifest =
        Json.readTree("manifest", Files.readAllBytes(out.resolve("runs/" + RUN + ".json")));
    JsonNode concerned = null;
    for (JsonNode line : manifest.path("tables")) {
      if (line.path("contract_key").asText().equals(Corpus.BASE_CONTRACT)) {
        assertEquals("OK", line.path("status").asText(), "the other table is unaffected");
      } else {
        concerned = line;
      }
    }
    assertNotNull(concerned, manifest.toString());
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

    Result refused = check(registry, temp.resolve("refused"), "--data-buckets", "lake-only");
    Result allowed =
        check(registry, temp.resolve("allowed"), "--data-buckets", "corpus-data,lake-only");
    Result invalid = check(registry, temp.resolve("invalid"), "--data-buckets", "Not A Bucket");

    assertEquals(3, refused.code(), refused.toString());
    assertTrue(refused.out().contains("DATA_LOCATION_NOT_ALLOWED"), refused.out());
    assertEquals(0, allowed.code(), allowed.toString());
    assertEquals(2, invalid.code(), invalid.toString());
    assertTrue(invalid.err().contains("--data-buckets='Not A Bucket'"), invalid.err());
  }

  private Result check(Path registry, Path out, String... extra) throws IOException {
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
                "--quiet"));
    args.addAll(List.of(extra));
    if (!registry.startsWith(Corpus.root())) {
      Path contracts = temp.resolve("contracts");
      Files.createDirectories(contracts);
      Files.write(temp.resolve(Corpus.BASE_CONTRACT), Corpus.file(Corpus.BASE_CONTRACT));
    }
    return run(args.toArray(String[]::new));
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

  private static void assertMessage(Corpus.Case item, String message) {
    for (String fragment : item.expect().message()) {
      assertTrue(message.contains(fragment), item.id() + ": '" + fragment + "' in: " + message);
    }
  }
}
