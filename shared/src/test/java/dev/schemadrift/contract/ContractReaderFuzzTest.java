package dev.schemadrift.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.schemadrift.corpus.Refusals;
import dev.schemadrift.json.InvalidDocumentException;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the JSON contract reader: any bytes give a contract, the same one when read again, or an
 * {@link InvalidDocumentException} naming the problems; nothing else escapes.
 */
class ContractReaderFuzzTest {
  private static final String SOURCE = "fuzz.json";

  @MethodSource("dev.schemadrift.corpus.SeedCorpus#jsonContracts")
  @FuzzTest(maxDuration = "10m")
  void read(byte[] input) {
    Contract contract;
    try {
      contract = ContractReader.read(SOURCE, input);
    } catch (InvalidDocumentException refused) {
      Refusals.assertNamed(SOURCE, refused);
      return;
    }
    assertEquals(contract, ContractReader.read(SOURCE, input));
  }
}
