package dev.schemadrift.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.concurrent.FixedStack;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.corpus.SeedCorpus;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.json.InvalidDocumentException;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the comparison with contract and Glue table pairs, as a run checks a table: when both
 * halves read, {@link TableCheck#compared} gives an artifact (an undecidable table is an ERROR
 * artifact, never an exception), {@link ArtifactJson} writes it, its own reader reads it back, and
 * the same input checked again gives the same bytes.
 */
class TableCheckFuzzTest {
  private static final RunId RUN = new RunId("20261126T080000Z");

  @MethodSource("dev.schemadrift.corpus.SeedCorpus#pairs")
  @FuzzTest(maxDuration = "10m")
  void compared(byte[] input) {
    byte[][] halves = SeedCorpus.split(input);
    byte[] first = artifactBytes(halves[0], halves[1]);
    if (first == null) {
      return;
    }
    DiffArtifact artifact = ArtifactJson.read("fuzz-artifact.json", first);
    if (artifact.status() == Status.ERROR) {
      assertNotNull(artifact.error(), "an ERROR artifact names its kind");
    } else {
      assertNull(artifact.error(), "only an ERROR artifact carries an error");
    }
    assertArrayEquals(first, ArtifactJson.write(artifact), "the artifact reads back as written");
    assertArrayEquals(first, artifactBytes(halves[0], halves[1]), "the same input, other bytes");
  }

  /** The artifact's bytes, or null when either half is refused by its reader. */
  private static byte[] artifactBytes(byte[] contractBytes, byte[] tableBytes) {
    Contract contract;
    GlueTable table;
    try {
      contract = ContractReader.read("fuzz-contract.json", contractBytes);
      table = GlueTableReader.readOne("fuzz-table.json", tableBytes);
    } catch (InvalidDocumentException refused) {
      return null;
    }
    DiffArtifact.ContractInfo info =
        new DiffArtifact.ContractInfo(
            "fuzz-contract.json", contract.contractVersion(), Fingerprint.sha256(contractBytes));
    // The run compares on threads with a fixed stack so that deep types get one verdict; so here.
    DiffArtifact artifact =
        FixedStack.call(
            "fuzz-compare", () -> TableCheck.compared(RUN, info, contract, table, null, false));
    assertEquals(RUN.value(), artifact.runId());
    return ArtifactJson.write(artifact);
  }
}
