package dev.schemadrift.corpus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Json;
import dev.schemadrift.local.SpecialFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bad-input corpus ({@code shared/src/test/resources/corpus/index.json}): each case names an
 * input, what it exercises and the expected outcome, and each layer's test (readers, pipeline, CLI)
 * runs the cases meant for it. Shared with the other modules' tests through the test jar; the files
 * are read from the source tree so that the CLI can be given real paths.
 */
public final class Corpus {
  /** The layers a case can run in; a case without a {@code layers} list runs in all. */
  public static final Set<String> LAYERS = Set.of("reader", "pipeline", "cli");

  /** The always-valid contract that every registry case lists first, and its Glue table. */
  public static final String BASE_CONTRACT = "contracts/base.json";

  public static final String BASE_TABLE = "glue/base.json";

  /** A second valid table checked beside every case: it must come out OK whatever the case does. */
  public static final String BYSTANDER_CONTRACT = "contracts/bystander.json";

  public static final String BYSTANDER_TABLE = "glue/bystander.json";

  private Corpus() {}

  /** The corpus folder, from this module or a sibling one. */
  public static Path root() {
    for (Path candidate :
        List.of(
            Path.of("src/test/resources/corpus"), Path.of("../shared/src/test/resources/corpus"))) {
      if (Files.isRegularFile(candidate.resolve("index.json"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException(
        "the corpus folder shared/src/test/resources/corpus is missing");
  }

  /** Every case, in index order. */
  public static List<Case> cases() {
    JsonNode index = Json.readTree("corpus/index.json", bytes(root().resolve("index.json")));
    List<Case> cases = new ArrayList<>();
    for (JsonNode node : index.get("cases")) {
      cases.add(Case.of(node));
    }
    return cases;
  }

  /** The cases of one type ({@code contract}, {@code glue_table}, {@code registry}) for a layer. */
  public static List<Case> cases(String type, String layer) {
    return cases().stream()
        .filter(item -> item.type().equals(type) && item.layers().contains(layer))
        .toList();
  }

  /** A corpus file's bytes. */
  public static byte[] file(String relative) {
    return bytes(root().resolve(relative));
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One case.
   *
   * @param input the input's path in the corpus, or null when it is generated or made at run time
   * @param contract for a Glue-table case: the contract it is compared with; for a registry case:
   *     the contract its registry lists beside the base one (the one the case concerns)
   * @param table for a contract case: the Glue table it is compared with
   * @param special a file made at run time, because git cannot store it: {@code fifo} or a device
   *     path; the input of a contract or Glue-table case, the listed contract of a registry case
   * @param linkTo for a registry case: the listed contract is made as a symbolic link to this path
   *     (in the corpus, or absolute)
   * @param catalog for a registry case: snapshot files laid into the catalog folder, by their path
   *     there, each from a corpus file
   * @param healthy for a registry case: further listed contracts that must come out OK
   * @param command the CLI command when it is not the type's default ({@code diff} or {@code
   *     check}): {@code init} for a Glue-table case
   */
  public record Case(
      String id,
      String type,
      String input,
      JsonNode generate,
      String exercises,
      String contract,
      String table,
      String special,
      String linkTo,
      Map<String, String> catalog,
      List<String> healthy,
      String command,
      Set<String> layers,
      Expectation expect) {

    static Case of(JsonNode node) {
      JsonNode input = node.path("input");
      JsonNode layers = node.get("layers");
      JsonNode expect = node.get("expect");
      List<String> fragments = new ArrayList<>();
      expect.path("message").forEach(fragment -> fragments.add(fragment.asText()));
      Map<String, String> catalog = new LinkedHashMap<>();
      node.path("catalog")
          .properties()
          .forEach(file -> catalog.put(file.getKey(), file.getValue().asText()));
      List<String> healthy = new ArrayList<>();
      node.path("healthy").forEach(key -> healthy.add(key.asText()));
      return new Case(
          node.get("id").asText(),
          node.get("type").asText(),
          input.isTextual() ? input.asText() : null,
          input.isObject() ? input : null,
          node.get("exercises").asText(),
          node.path("contract").asText(BASE_CONTRACT),
          node.path("table").asText(BASE_TABLE),
          node.path("special").asText(null),
          node.path("link_to").asText(null),
          Map.copyOf(catalog),
          List.copyOf(healthy),
          node.path("command").asText(null),
          layers == null
              ? LAYERS
              : Set.copyOf(Arrays.asList(Json.mapper().convertValue(layers, String[].class))),
          new Expectation(
              expect.path("run_fails").asBoolean(false),
              expect.path("status").asText(null),
              expect.path("error_kind").asText(null),
              List.copyOf(fragments),
              expect.path("exit_code").asInt()));
    }

    /** The input's bytes, read or generated. */
    public byte[] bytes() {
      if (input != null) {
        return file(input);
      }
      if (generate == null) {
        throw new IllegalStateException(id + " is made at run time: only the cli layer runs it");
      }
      return switch (generate.get("generate").asText()) {
        case "large_contract" -> largeContract(generate.get("bytes").asInt());
        case "wide_glue_table" -> wideGlueTable(generate.get("columns").asInt());
        case "large_registry" -> largeRegistry(generate.get("bytes").asInt());
        default -> throw new IllegalStateException("unknown generator in case " + id);
      };
    }

    /**
     * The input as a file (generated inputs are written below {@code folder}, a special input is
     * made there or is the device it names).
     */
    public Path path(Path folder) {
      if (input != null) {
        return root().resolve(input);
      }
      if (special != null) {
        return special(folder.resolve(id + ".json"));
      }
      try {
        Path file = folder.resolve(id + ".json");
        Files.write(file, bytes());
        return file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Makes a registry case's listed contract below a contracts root, when it is a link or a
     * special file; returns whether it did (the registry must then be run from that root).
     */
    public boolean makeContract(Path contractsRoot) {
      if (special == null && linkTo == null) {
        return false;
      }
      Path file = contractsRoot.resolve(contract);
      try {
        Files.createDirectories(file.getParent());
        if (linkTo != null) {
          Files.createSymbolicLink(file, root().resolve(linkTo));
        } else if (!special(file).equals(file)) {
          throw new IllegalStateException(id + ": a device cannot be placed among the contracts");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return true;
    }

    /** The special file: a FIFO made at {@code file}, or the device named (skipped if absent). */
    private Path special(Path file) {
      if (!special.equals("fifo")) {
        Path device = Path.of(special);
        assumeTrue(Files.exists(device), "needs " + device);
        return device;
      }
      try {
        return SpecialFiles.fifo(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The input's key below the corpus folder (a generated one gets a contract's key). */
    public String source() {
      return input != null ? input : "contracts/" + id + ".json";
    }

    @Override
    public String toString() {
      return id;
    }
  }

  /**
   * What must happen.
   *
   * @param runFails the run as a whole fails (registry cases): the message names the problem
   * @param status the concerned table's status
   * @param errorKind the table's {@code error.kind} when it is ERROR
   * @param message fragments that must all appear in the error message
   * @param exitCode the CLI's exit code
   */
  public record Expectation(
      boolean runFails, String status, String errorKind, List<String> message, int exitCode) {}

  /** A valid-looking contract padded with a long description to {@code size} bytes. */
  static byte[] largeContract(int size) {
    String head =
        "{\"contract_version\": \"1.0.0\", \"database\": \"corpus\", \"table\": \"orders\","
            + " \"data_location\": \"s3://corpus-data/corpus/orders/\", \"format\": \"parquet\","
            + " \"columns\": [{\"name\": \"id\", \"type\": \"bigint\"}], \"description\": \"";
    String tail = "\"}\n";
    int padding = size - head.length() - tail.length();
    return (head + "x".repeat(Math.max(0, padding)) + tail).getBytes(StandardCharsets.UTF_8);
  }

  /** The corpus table ({@code corpus.orders}) with {@code columns} bigint columns. */
  static byte[] wideGlueTable(int columns) {
    StringBuilder json =
        new StringBuilder(
            "{\"Table\": {\"Name\": \"orders\", \"DatabaseName\": \"corpus\","
                + " \"TableType\": \"EXTERNAL_TABLE\", \"Parameters\": {\"classification\":"
                + " \"parquet\"}, \"StorageDescriptor\": {\"Location\":"
                + " \"s3://corpus-data/corpus/orders/\", \"InputFormat\":"
                + " \"org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat\","
                + " \"SerdeInfo\": {\"SerializationLibrary\":"
                + " \"org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe\"},"
                + " \"Columns\": [");
    for (int index = 0; index < columns; index++) {
      json.append(index == 0 ? "" : ", ").append("{\"Name\": \"c").append(index);
      json.append("\", \"Type\": \"bigint\"}");
    }
    return json.append("]}}}\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A valid registry of the corpus contract padded with white space to {@code size} bytes. */
  static byte[] largeRegistry(int size) {
    String registry =
        "{\"registry_version\": 1, \"tables\": [{\"contract\": \"" + BASE_CONTRACT + "\"}]}";
    return (registry + " ".repeat(Math.max(0, size - registry.length() - 1)) + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
