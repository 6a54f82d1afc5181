package dev.schemadrift.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.schemadrift.corpus.Refusals;
import dev.schemadrift.json.InvalidDocumentException;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the ODCS (YAML) reader through its public entry point: any bytes give a contract, the same
 * one when read again, or an {@link InvalidDocumentException}; nothing else escapes.
 */
class OdcsContractReaderFuzzTest {
  private static final String SOURCE = "fuzz.odcs.yaml";

  @MethodSource("dev.schemadrift.corpus.SeedCorpus#odcsContracts")
  @FuzzTest(maxDuration = "10m")
  void read(byte[] input) {
    Contract contract;
    try {
      contract = OdcsContractReader.read(SOURCE, input);
    } catch (InvalidDocumentException refused) {
      Refusals.assertNamed(SOURCE, refused);
      return;
    }
    assertEquals(contract, OdcsContractReader.read(SOURCE, input));
  }
}
