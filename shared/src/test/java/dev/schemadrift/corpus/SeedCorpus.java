package dev.schemadrift.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The fuzz tests' seeds, read from the repository's own corpora where they are kept (rule cases,
 * the bad-input corpus, the ODCS samples, the schema examples, {@code contracts/} and {@code
 * examples/catalog}) so that a new case there seeds the fuzzers too. Each seed is one {@code
 * byte[]} argument named after its file; in regression mode every seed runs as a test.
 */
public final class SeedCorpus {
  /** Separates the contract from the Glue table in a comparison input (never valid inside JSON). */
  public static final byte PAIR_SEPARATOR = 0;

  private static final Path RESOURCES = Path.of("src/test/resources");
  private static final Path REPOSITORY = Path.of("..");

  private SeedCorpus() {}

  /** JSON contracts: valid ones and every malformed one the corpora hold. */
  public static Stream<Arguments> jsonContracts() {
    Map<String, byte[]> seeds = new TreeMap<>();
    files(RESOURCES.resolve("corpus/contracts"), name -> name.endsWith(".json"), seeds);
    files(RESOURCES.resolve("schema-examples/contract"), name -> name.endsWith(".json"), seeds);
    files(REPOSITORY.resolve("contracts"), name -> name.endsWith(".json"), seeds);
    ruleCases().forEach((name, root) -> seeds.put(name + "#contract", bytes(root.get("contract"))));
    return arguments(seeds);
  }

  /** ODCS (YAML) contracts: the samples and the YAML cases of the bad-input corpus. */
  public static Stream<Arguments> odcsContracts() {
    Map<String, byte[]> seeds = new TreeMap<>();
    files(RESOURCES.resolve("odcs"), name -> name.endsWith(".yaml"), seeds);
    files(RESOURCES.resolve("corpus/contracts"), name -> name.endsWith(".yaml"), seeds);
    return arguments(seeds);
  }

  /** Glue tables as {@code get-table}, {@code get-tables} and the raw API print them. */
  public static Stream<Arguments> glueTables() {
    Map<String, byte[]> seeds = new TreeMap<>();
    files(RESOURCES.resolve("corpus/glue"), name -> name.endsWith(".json"), seeds);
    files(REPOSITORY.resolve("examples/catalog"), name -> name.endsWith(".json"), seeds);
    ruleCases()
        .forEach(
            (name, root) -> {
              if (root.hasNonNull("table")) {
                seeds.put(name + "#table", bytes(root.get("table")));
              }
            });
    return arguments(seeds);
  }

  /** Every column type string the rule cases and the severity matrix use, one per seed. */
  public static Stream<Arguments> typeStrings() {
    TreeSet<String> types = new TreeSet<>();
    ruleCases().values().forEach(root -> collectTypes(root, types));
    for (String line : lines(RESOURCES.resolve("severity/type-pairs.tsv"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] cells = line.split("\t");
        types.add(cells[0]);
        if (cells.length > 1) {
          types.add(cells[1]);
        }
      }
    }
    Map<String, byte[]> seeds = new TreeMap<>();
    for (String type : types) {
      seeds.put(type, type.getBytes(StandardCharsets.UTF_8));
    }
    return arguments(seeds);
  }

  /**
   * Contract and Glue table pairs joined by {@link #PAIR_SEPARATOR}: every rule case with a table,
   * each example contract with its snapshot, and each corpus file beside the corpus's base partner.
   */
  public static Stream<Arguments> pairs() {
    Map<String, byte[]> seeds = new TreeMap<>();
    ruleCases()
        .forEach(
            (name, root) -> {
              if (root.hasNonNull("table")) {
                seeds.put(name, pair(bytes(root.get("contract")), bytes(root.get("table"))));
              }
            });
    Map<String, byte[]> contracts = new TreeMap<>();
    files(REPOSITORY.resolve("contracts"), name -> name.endsWith(".json"), contracts);
    contracts.forEach(
        (name, contract) -> {
          Path snapshot =
              REPOSITORY.resolve("examples/catalog").resolve(name.substring("contracts/".length()));
          if (Files.isRegularFile(snapshot)) {
            seeds.put(name, pair(contract, read(snapshot)));
          }
        });
    Path corpus = RESOURCES.resolve("corpus");
    byte[] baseContract = read(corpus.resolve(Corpus.BASE_CONTRACT));
    byte[] baseTable = read(corpus.resolve(Corpus.BASE_TABLE));
    Map<String, byte[]> corpusContracts = new TreeMap<>();
    files(corpus.resolve("contracts"), name -> name.endsWith(".json"), corpusContracts);
    corpusContracts.forEach((name, contract) -> seeds.put(name, pair(contract, baseTable)));
    Map<String, byte[]> corpusTables = new TreeMap<>();
    files(corpus.resolve("glue"), name -> name.endsWith(".json"), corpusTables);
    corpusTables.forEach((name, table) -> seeds.put(name, pair(baseContract, table)));
    return arguments(seeds);
  }

  /** The two halves of a comparison input; without a separator the table half is empty. */
  public static byte[][] split(byte[] input) {
    for (int index = 0; index < input.length; index++) {
      if (input[index] == PAIR_SEPARATOR) {
        byte[] contract = new byte[index];
        byte[] table = new byte[input.length - index - 1];
        System.arraycopy(input, 0, contract, 0, index);
        System.arraycopy(input, index + 1, table, 0, table.length);
        return new byte[][] {contract, table};
      }
    }
    return new byte[][] {input, new byte[0]};
  }

  private static byte[] pair(byte[] contract, byte[] table) {
    ByteArrayOutputStream joined = new ByteArrayOutputStream(contract.length + table.length + 1);
    joined.writeBytes(contract);
    joined.write(PAIR_SEPARATOR);
    joined.writeBytes(table);
    return joined.toByteArray();
  }

  private static Map<String, JsonNode> ruleCases() {
    Map<String, byte[]> files = new TreeMap<>();
    files(RESOURCES.resolve("rules"), name -> name.endsWith(".json"), files);
    Map<String, JsonNode> cases = new TreeMap<>();
    files.forEach((name, content) -> cases.put(name, Json.readTree(name, content)));
    return cases;
  }

  private static void collectTypes(JsonNode node, TreeSet<String> types) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              entry -> {
                if ((entry.getKey().equals("type") || entry.getKey().equals("Type"))
                    && entry.getValue().isTextual()) {
                  types.add(entry.getValue().asText());
                } else {
                  collectTypes(entry.getValue(), types);
                }
              });
    } else if (node.isArray()) {
      node.forEach(element -> collectTypes(element, types));
    }
  }

  /** The files under {@code folder} whose names pass, keyed by their path from the repository. */
  private static void files(Path folder, Predicate<String> wanted, Map<String, byte[]> into) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException("the seed folder " + folder.toAbsolutePath() + " is missing");
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        if (wanted.test(file.getFileName().toString())) {
          into.put(name(file), read(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String name(Path file) {
    Path normal = file.normalize();
    return (normal.startsWith("..") ? REPOSITORY.relativize(normal) : normal)
        .toString()
        .replace('\\', '/')
        .replaceFirst("^src/test/resources/", "");
  }

  private static Stream<Arguments> arguments(Map<String, byte[]> seeds) {
    if (seeds.isEmpty()) {
      throw new IllegalStateException("no seeds found from " + RESOURCES.toAbsolutePath());
    }
    List<Arguments> arguments = new ArrayList<>();
    seeds.forEach((name, seed) -> arguments.add(Arguments.of(Named.of(name, seed))));
    return arguments.stream();
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return Json.mapper().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    return List.of(new String(read(file), StandardCharsets.UTF_8).split("\n"));
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
