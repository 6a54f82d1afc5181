package dev.schemadrift.run.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.corpus.Corpus;
import dev.schemadrift.json.Json;
import dev.schemadrift.run.RunFailedException;
import dev.schemadrift.run.RunRequest;
import dev.schemadrift.run.RunSettings;
import dev.schemadrift.run.SchemaDiffRun;
import dev.schemadrift.run.fakes.FakeCatalog;
import dev.schemadrift.run.fakes.RecordingObjectStore;
import dev.schemadrift.run.fakes.RecordingReportTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus through the whole pipeline (strict fakes): each bad input is a registry entry beside a
 * healthy table; the bad one gets its ERROR artifact (or the run fails, for a bad registry), the
 * healthy one is OK, and every key written is built from validated names.
 */
class CorpusPipelineTest {
  private static final String CONTRACTS = "corpus-contracts";
  private static final String REGISTRY = "corpus-registry";
  private static final String REPORTS = "corpus-reports";
  private static final String DATA = "corpus-data";
  private static final RunId RUN = new RunId("20261126T080000Z");

  /** Keys from Glue names, or from a broken contract's placeholder name ({@code <key>-<sha8>}). */
  private static final Pattern SAFE_KEY =
      Pattern.compile(
          "(diffs/[a-z0-9_]{1,255}\\.(?:[a-z0-9_]{1,255}|[a-z0-9_]{1,80}-[0-9a-f]{8})/"
              + RUN
              + "\\.diff\\.json|runs/"
              + RUN
              + "\\.json|state/cursor\\.json)");

  private final RecordingObjectStore store = new RecordingObjectStore();
  private final FakeCatalog catalog = new FakeCatalog();
  private final RecordingReportTrigger trigger = new RecordingReportTrigger();

  static List<Corpus.Case> cases() {
    List<Corpus.Case> cases = new ArrayList<>();
    for (String type : List.of("contract", "glue_table", "registry")) {
      cases.addAll(Corpus.cases(type, "pipeline"));
    }
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void corpusCase(Corpus.Case item) {
    String healthy = given(item);
    Corpus.Expectation expect = item.expect();
    SchemaDiffRun run =
        new SchemaDiffRun(
            new RunSettings(
                CONTRACTS, REPORTS, REGISTRY, "configs/tables.json", 100, 4, "reports", null),
            store,
            catalog,
            trigger);

    if (expect.runFails()) {
      RunFailedException failure =
          assertThrows(
              RunFailedException.class, () -> run.execute(new RunRequest(RUN, null, List.of())));
      assertMessage(item, failure.getMessage());
      assertTrue(store.keys(REPORTS).isEmpty(), "nothing written for a run that cannot start");
      return;
    }
    run.execute(new RunRequest(RUN, null, List.of()));

    JsonNode manifest = read(store.object(REPORTS, "runs/" + RUN + ".json").orElseThrow());
    assertEquals(2, manifest.path("tables").size(), manifest.toString());
    JsonNode concerned = null;
    for (JsonNode line : manifest.path("tables")) {
      if (line.path("contract_key").asText().equals(healthy)) {
        assertEquals("OK", line.path("status").asText(), "the other table is unaffected");
      } else {
        concerned = line;
      }
    }
    assertNotNull(concerned, manifest.toString());
    assertEquals(expect.status(), concerned.path("status").asText(), concerned.toString());
    JsonNode artifact =
        read(store.object(REPORTS, concerned.path("diff_key").asText()).orElseThrow());
    if (expect.errorKind() != null) {
      assertEquals(expect.errorKind(), artifact.at("/error/kind").asText(), artifact.toString());
      assertMessage(item, artifact.at("/error/message").asText());
    }
    for (String key : store.keys(REPORTS)) {
      assertTrue(SAFE_KEY.matcher(key).matches(), "a key from validated names only: " + key);
    }
    assertEquals(1, trigger.triggered().size(), "the run finished and asked for its reports");
  }

  /** Lays out the case; returns the contract key of the table that must stay OK. */
  private String given(Corpus.Case item) {
    for (String contract :
        List.of(Corpus.BASE_CONTRACT, Corpus.BYSTANDER_CONTRACT, "contracts/iceberg.json")) {
      store.add(CONTRACTS, contract, Corpus.file(contract));
    }
    store.add(DATA, "corpus/orders/part-00000.parquet", "PAR1");
    store.add(DATA, "corpus/bystander/part-00000.parquet", "PAR1");
    catalog.addTable(
        GlueTableReader.readOne(Corpus.BYSTANDER_TABLE, Corpus.file(Corpus.BYSTANDER_TABLE)));
    String registry;
    String healthy = Corpus.BYSTANDER_CONTRACT;
    switch (item.type()) {
      case "contract" -> {
        store.add(CONTRACTS, item.source(), item.bytes());
        catalog.addTable(GlueTableReader.readOne(item.table(), Corpus.file(item.table())));
        registry = registry(Corpus.BYSTANDER_CONTRACT, item.source());
      }
      case "glue_table" -> {
        catalog.addTable(GlueTableReader.readOne(item.source(), item.bytes()));
        registry = registry(Corpus.BYSTANDER_CONTRACT, item.contract());
      }
      case "registry" -> {
        catalog.addTable(
            GlueTableReader.readOne(Corpus.BASE_TABLE, Corpus.file(Corpus.BASE_TABLE)));
        registry = new String(item.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        healthy = Corpus.BASE_CONTRACT;
      }
      default -> throw new IllegalStateException(item.type());
    }
    store.add(REGISTRY, "configs/tables.json", registry);
    return healthy;
  }

  private static String registry(String... keys) {
    StringBuilder json = new StringBuilder("{\"registry_version\": 1, \"tables\": [");
    for (int index = 0; index < keys.length; index++) {
      json.append(index == 0 ? "" : ", ")
          .append("{\"contract\": \"")
          .append(keys[index])
          .append("\"}");
    }
    return json.append("]}").toString();
  }

  private static void assertMessage(Corpus.Case item, String message) {
    for (String fragment : item.expect().message()) {
      assertTrue(message.contains(fragment), item.id() + ": '" + fragment + "' in: " + message);
    }
    assertFalse(message.contains("\tat "), item.id() + ": a stack trace in: " + message);
    assertFalse(message.contains("Exception"), item.id() + ": an exception name in: " + message);
  }

  private static JsonNode read(byte[] bytes) {
    return Json.readTree("test", bytes);
  }
}
