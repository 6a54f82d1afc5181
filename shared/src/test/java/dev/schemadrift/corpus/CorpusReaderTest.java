package dev.schemadrift.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.contract.Contracts;
import dev.schemadrift.contract.RegistryReader;
import dev.schemadrift.json.InvalidDocumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus at the reader layer: contracts, registries and Glue tables as the readers see them.
 */
class CorpusReaderTest {
  private static final RunId RUN = new RunId("20261126T080000Z");

  static List<Corpus.Case> contracts() {
    return Corpus.cases("contract", "reader");
  }

  static List<Corpus.Case> glueTables() {
    return Corpus.cases("glue_table", "reader");
  }

  static List<Corpus.Case> registries() {
    return Corpus.cases("registry", "reader");
  }

  @Test
  void theCorpusIsWholeAndEveryFileIsUsed() throws IOException {
    List<Corpus.Case> cases = Corpus.cases();
    assertTrue(cases.size() >= 40, "at least 40 cases: " + cases.size());
    Set<String> ids = new HashSet<>();
    Set<String> used =
        new HashSet<>(
            Set.of(
                Corpus.BASE_CONTRACT,
                Corpus.BASE_TABLE,
                Corpus.BYSTANDER_CONTRACT,
                Corpus.BYSTANDER_TABLE));
    for (Corpus.Case item : cases) {
      assertTrue(ids.add(item.id()), "duplicate id " + item.id());
      assertTrue(Corpus.LAYERS.containsAll(item.layers()), item.id());
      Corpus.Expectation expect = item.expect();
      assertTrue(expect.runFails() || expect.status() != null, item.id() + ": no outcome");
      assertEquals(
          "ERROR".equals(expect.status()), expect.errorKind() != null, item.id() + ": error kind");
      assertEquals(
          expect.runFails() ? 2 : "ERROR".equals(expect.status()) ? 3 : 0,
          expect.exitCode(),
          item.id() + ": exit code as documented (README, docs/RELIABILITY.md)");
      if (item.input() != null) {
        used.add(item.input());
      }
      if (item.type().equals("glue_table") || item.type().equals("registry")) {
        used.add(item.contract());
      }
      if (item.type().equals("contract")) {
        used.add(item.table());
      }
      used.addAll(item.healthy());
      used.addAll(item.catalog().values());
    }
    try (Stream<Path> files = Files.walk(Corpus.root())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String relative = Corpus.root().relativize(file).toString().replace('\\', '/');
        assertTrue(relative.equals("index.json") || used.contains(relative), "unused " + relative);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void contractCase(Corpus.Case item) {
    Corpus.Expectation expect = item.expect();
    if ("ERROR".equals(expect.status())) {
      InvalidDocumentException failure =
          assertThrows(
              InvalidDocumentException.class, () -> Contracts.read(item.source(), item.bytes()));
      assertEquals("INVALID_CONTRACT", expect.errorKind());
      assertMessage(item, failure.getMessage());
      assertTrue(failure.getMessage().contains(item.source()), "names the file");
      return;
    }
    Contract contract = Contracts.read(item.source(), item.bytes());
    GlueTable table = GlueTableReader.readOne(item.table(), Corpus.file(item.table()));
    DiffArtifact artifact = TableCheck.compared(RUN, info(item), contract, table, null, false);
    assertEquals(expect.status(), artifact.status().name(), () -> String.valueOf(artifact));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("glueTables")
  void glueTableCase(Corpus.Case item) {
    Contract contract = ContractReader.read(item.contract(), Corpus.file(item.contract()));
    Corpus.Expectation expect = item.expect();
    GlueTable table;
    try {
      table = GlueTableReader.readOne(item.source(), item.bytes());
    } catch (InvalidDocumentException e) {
      assertEquals("INVALID_GLUE_TABLE", expect.errorKind(), e.getMessage());
      assertMessage(item, e.getMessage());
      return;
    }
    DiffArtifact artifact = TableCheck.compared(RUN, info(item), contract, table, null, false);
    assertEquals(expect.status(), artifact.status().name(), () -> String.valueOf(artifact));
    if (expect.errorKind() == null) {
      assertNull(artifact.error());
      return;
    }
    assertNotNull(artifact.error());
    assertEquals(expect.errorKind(), artifact.error().kindName());
    assertMessage(item, artifact.error().message());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registries")
  void registryCase(Corpus.Case item) {
    if (item.expect().runFails()) {
      InvalidDocumentException failure =
          assertThrows(
              InvalidDocumentException.class,
              () -> RegistryReader.read(item.source(), item.bytes()));
      assertMessage(item, failure.getMessage());
      return;
    }
    // Entry-level problems (a missing or foreign contract) are the pipeline's to find.
    assertFalse(RegistryReader.read(item.source(), item.bytes()).tables().isEmpty());
  }

  private static DiffArtifact.ContractInfo info(Corpus.Case item) {
    return new DiffArtifact.ContractInfo(item.source(), "1.0.0", null);
  }

  /** Every fragment appears, and nothing reads like a stack trace. */
  static void assertMessage(Corpus.Case item, String message) {
    for (String fragment : item.expect().message()) {
      assertTrue(message.contains(fragment), item.id() + ": '" + fragment + "' in: " + message);
    }
    assertFalse(message.contains("\tat "), item.id() + ": a stack trace in: " + message);
    assertFalse(message.contains("Exception"), item.id() + ": an exception name in: " + message);
  }
}
