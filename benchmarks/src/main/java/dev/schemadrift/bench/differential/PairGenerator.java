package dev.schemadrift.bench.differential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builds one random contract and one Glue table, as JSON text in the project's formats, from a seed
 * and a pair index alone: a contract is drawn, the table starts as its faithful image ({@link
 * Baseline}) and then undergoes a few {@link Mutations} (columns, nested fields, partition keys,
 * types, storage, SerDe options, location, table type), and a policy is drawn that often aims at
 * what the mutations changed ({@link Documents}).
 *
 * <p>Nothing here uses the code under test, so both sides of a differential run read the very same
 * bytes.
 */
final class PairGenerator {
  /** The run: waivers, sunsets and expiry dates are drawn around its date. */
  static final String RUN_ID = "20260601T080000Z";

  /** The formats a contract may promise. */
  enum Format {
    CSV,
    TSV,
    JSON,
    PARQUET,
    ORC,
    AVRO,
    ION,
    ICEBERG,
    REGEX;

    String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How a pair goes through the pipeline. */
  enum Route {
    /** The table exists: {@code TableCheck.compared}. */
    COMPARED,
    /** The table is absent and was not created: {@code TableCheck.missing}. */
    MISSING
  }

  /** One generated pair: the two documents and how the pipeline is called. */
  record GeneratedPair(
      int index,
      Route route,
      String format,
      String contractSource,
      byte[] contractJson,
      String contractVersion,
      String tableSource,
      byte[] tableJson,
      boolean createdTable,
      String probeLocation,
      String whyNotCreated) {}

  private final long seed;

  PairGenerator(long seed) {
    this.seed = seed;
  }

  /** The pair at {@code index}: the same seed and index always give the same bytes. */
  GeneratedPair generate(int index) {
    // Each pair has its own generator, so any one pair can be rebuilt without the others.
    SplittableRandom random =
        new SplittableRandom(new SplittableRandom(seed + index * 0x9E3779B97F4A7C15L).nextLong());
    Draft draft = new Draft(random);
    Baseline baseline = new Baseline(draft);
    baseline.draw();
    Route route = random.nextInt(100) < 3 ? Route.MISSING : Route.COMPARED;
    if (route == Route.COMPARED) {
      new Mutations(draft, baseline).apply();
    }
    Documents documents = new Documents(draft);
    ObjectNode contract = documents.contract(documents.policy(route));
    ObjectNode catalog = documents.catalog();
    int breakage = random.nextInt(100);
    if (breakage < 3) {
      documents.breakContract(contract);
    } else if (breakage < 4) {
      documents.breakTable(catalog);
    }
    String qualified = draft.database + "/" + draft.table;
    return new GeneratedPair(
        index,
        route,
        draft.format.jsonName(),
        "contracts/" + qualified + ".json",
        Documents.bytes(contract),
        contract.path("contract_version").asText("1.0.0"),
        "catalog/" + qualified + ".json",
        Documents.bytes(documents.wrap(catalog)),
        random.nextInt(10) == 0,
        random.nextInt(3) == 0 ? null : draft.location,
        draft.pick(
            "create_if_missing is false",
            "the database does not exist",
            "the contract's data_location has no data"));
  }
}
