package dev.schemadrift.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.DialectId;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the JSON Schemas published under docs/schemas: each is valid draft 2020-12 and keeps the
 * house conventions, accepts every valid example, rejects every invalid example exactly where it
 * was broken, and accepts the repository's own contracts and registry.
 */
class JsonSchemasTest {

  /** The three documents that cross the monitor's boundary, each with its schema and examples. */
  enum DocumentKind {
    CONTRACT("contract", "contract.schema.json"),
    REGISTRY("registry", "registry.schema.json"),
    ARTIFACT("artifact", "diff-artifact.schema.json");

    private final String exampleFolder;
    private final String schemaFile;

    DocumentKind(String exampleFolder, String schemaFile) {
      this.exampleFolder = exampleFolder;
      this.schemaFile = schemaFile;
    }

    String schemaId() {
      return "https://schemadrift.dev/schemas/" + schemaFile;
    }
  }

  /** One document to validate; the name is what a failing test shows. */
  record Document(DocumentKind kind, String name, Path file) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Where an invalid example must fail: the instance location and the keyword that rejects it. */
  record ExpectedFailure(String location, String keyword) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Path REPOSITORY_ROOT = findRepositoryRoot();
  private static final Path SCHEMA_FOLDER = REPOSITORY_ROOT.resolve("docs/schemas");
  private static final Path EXAMPLE_ROOT = exampleRoot();

  private static final Map<DocumentKind, JsonNode> SCHEMA_DOCUMENTS = readSchemaDocuments();
  private static final Map<String, ExpectedFailure> EXPECTED_FAILURES = readExpectedFailures();

  /**
   * The schemas are written for draft 2020-12 alone, so it is the only dialect registered; JSON
   * pointers make the expected failure locations read like the paths in docs/FORMATS.md.
   */
  private static final SchemaRegistry SCHEMA_REGISTRY =
      SchemaRegistry.withDialect(
          Dialects.getDraft202012(),
          builder ->
              builder
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .pathType(PathType.JSON_POINTER)
                          .locale(Locale.ROOT)
                          .build())
                  .schemas(
                      SCHEMA_DOCUMENTS.entrySet().stream()
                          .collect(
                              Collectors.toMap(
                                  entry -> entry.getKey().schemaId(),
                                  entry -> entry.getValue().toString()))));

  /**
   * The keywords the schemas may use. The meta-schema accepts any unknown keyword, so without this
   * list a misspelt "requried" would silently constrain nothing.
   */
  private static final Set<String> KNOWN_KEYWORDS =
      Set.of(
          "$schema",
          "$id",
          "$defs",
          "$ref",
          "$comment",
          "title",
          "description",
          "default",
          "type",
          "const",
          "enum",
          "pattern",
          "format",
          "minLength",
          "maxLength",
          "minimum",
          "maximum",
          "properties",
          "required",
          "additionalProperties",
          "propertyNames",
          "maxProperties",
          "items",
          "minItems",
          "allOf",
          "if",
          "then",
          "else");

  @ParameterizedTest
  @EnumSource(DocumentKind.class)
  void schemaIsValidDraft202012(DocumentKind kind) {
    JsonNode schemaDocument = SCHEMA_DOCUMENTS.get(kind);
    Schema metaSchema = SCHEMA_REGISTRY.getSchema(SchemaLocation.of(DialectId.DRAFT_2020_12));

    assertEquals(DialectId.DRAFT_2020_12, schemaDocument.path("$schema").asText());
    assertEquals(kind.schemaId(), schemaDocument.path("$id").asText());
    assertNoErrors(kind.schemaFile, metaSchema.validate(schemaDocument));
  }

  @ParameterizedTest
  @EnumSource(DocumentKind.class)
  void schemaFollowsHouseConventions(DocumentKind kind) {
    List<String> problems = new ArrayList<>();
    inspectShape(SCHEMA_DOCUMENTS.get(kind), "", problems);
    assertEquals(List.of(), problems, kind.schemaFile);
  }

  /**
   * Each schema is self-contained so that editors can use it offline, which copies some
   * definitions; a definition name must still mean one thing in every schema.
   */
  @Test
  void sharedDefinitionsAreIdentical() {
    Map<String, JsonNode> firstSeen = new TreeMap<>();
    Map<String, DocumentKind> firstSeenIn = new TreeMap<>();
    for (DocumentKind kind : DocumentKind.values()) {
      for (Map.Entry<String, JsonNode> definition :
          SCHEMA_DOCUMENTS.get(kind).path("$defs").properties()) {
        JsonNode earlier = firstSeen.putIfAbsent(definition.getKey(), definition.getValue());
        firstSeenIn.putIfAbsent(definition.getKey(), kind);
        if (earlier != null) {
          assertEquals(
              earlier,
              definition.getValue(),
              "$defs/%s differs between %s and %s"
                  .formatted(
                      definition.getKey(),
                      firstSeenIn.get(definition.getKey()).schemaFile,
                      kind.schemaFile));
        }
      }
    }
    assertEquals(DocumentKind.CONTRACT, firstSeenIn.get("policy"), "the policy is the contract's");
    assertTrue(
        SCHEMA_DOCUMENTS.get(DocumentKind.REGISTRY).path("$defs").has("policy"),
        "the registry defaults reuse the contract policy");

    // An applied waiver is the contract's waiver plus its state on the run's date.
    ObjectNode appliedWaiverProperties =
        SCHEMA_DOCUMENTS
            .get(DocumentKind.ARTIFACT)
            .at("/$defs/applied_waiver/properties")
            .deepCopy();
    appliedWaiverProperties.remove("state");
    assertEquals(firstSeen.get("waiver").path("properties"), appliedWaiverProperties);
  }

  @Test
  void everyDocumentKindHasValidAndInvalidExamples() {
    for (DocumentKind kind : DocumentKind.values()) {
      assertFalse(examples(kind, "valid").isEmpty(), kind + " has no valid example");
      assertFalse(examples(kind, "invalid").isEmpty(), kind + " has no invalid example");
    }
  }

  @Test
  void everyInvalidExampleSaysWhereItFails() {
    Set<String> invalidExamples =
        invalidExamples().map(Document::name).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(invalidExamples, new TreeSet<>(EXPECTED_FAILURES.keySet()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validExamples")
  void validExampleHasNoErrors(Document example) {
    assertNoErrors(example.name(), validate(example));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidExamples")
  void invalidExampleFailsWhereItWasBroken(Document example) {
    ExpectedFailure expected = EXPECTED_FAILURES.get(example.name());
    assertNotNull(expected, example.name() + " is not listed in invalid-examples.json");
    List<Error> errors = validate(example);

    assertFalse(errors.isEmpty(), example.name() + " was accepted");
    // Every error must sit at or below the broken place, so the example breaks exactly one thing.
    for (Error error : errors) {
      String location = error.getInstanceLocation().toString();
      assertTrue(
          location.equals(expected.location()) || location.startsWith(expected.location() + "/"),
          "%s fails outside %s: %s".formatted(example.name(), expected.location(), errors));
    }
    assertTrue(
        errors.stream()
            .anyMatch(
                error ->
                    error.getInstanceLocation().toString().equals(expected.location())
                        && expected.keyword().equals(error.getKeyword())),
        "%s does not fail %s at %s: %s"
            .formatted(example.name(), expected.keyword(), expected.location(), errors));
  }

  /** The repository's own documents; both folders may not exist yet. */
  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("repositoryDocuments")
  void repositoryDocumentHasNoErrors(Document document) {
    assertNoErrors(document.name(), validate(document));
  }

  static Stream<Document> validExamples() {
    return Stream.of(DocumentKind.values()).flatMap(kind -> examples(kind, "valid").stream());
  }

  static Stream<Document> invalidExamples() {
    return Stream.of(DocumentKind.values()).flatMap(kind -> examples(kind, "invalid").stream());
  }

  static Stream<Document> repositoryDocuments() {
    List<Document> documents = new ArrayList<>();
    Path contracts = REPOSITORY_ROOT.resolve("contracts");
    if (Files.isDirectory(contracts)) {
      try (Stream<Path> files = Files.walk(contracts)) {
        files
            .filter(file -> file.getFileName().toString().endsWith(".json"))
            .sorted()
            .forEach(
                file ->
                    documents.add(
                        new Document(
                            DocumentKind.CONTRACT,
                            REPOSITORY_ROOT.relativize(file).toString(),
                            file)));
      } catch (IOException exception) {
        throw new UncheckedIOException(exception);
      }
    }
    Path registry = REPOSITORY_ROOT.resolve("configs/tables.json");
    if (Files.isRegularFile(registry)) {
      documents.add(new Document(DocumentKind.REGISTRY, "configs/tables.json", registry));
    }
    return documents.stream();
  }

  private static List<Document> examples(DocumentKind kind, String validity) {
    Path folder = EXAMPLE_ROOT.resolve(kind.exampleFolder).resolve(validity);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".json"))
          .sorted()
          .map(
              file ->
                  new Document(
                      kind, kind.exampleFolder + "/" + validity + "/" + file.getFileName(), file))
          .toList();
    } catch (IOException exception) {
      throw new UncheckedIOException(exception);
    }
  }

  private static Map<String, ExpectedFailure> readExpectedFailures() {
    JsonNode examples = readJson(EXAMPLE_ROOT.resolve("invalid-examples.json")).path("examples");
    Map<String, ExpectedFailure> expectations = new TreeMap<>();
    for (Map.Entry<String, JsonNode> example : examples.properties()) {
      expectations.put(
          example.getKey(),
          new ExpectedFailure(
              example.getValue().path("location").asText(),
              example.getValue().path("keyword").asText()));
    }
    return expectations;
  }

  private static List<Error> validate(Document document) {
    Schema schema = SCHEMA_REGISTRY.getSchema(SchemaLocation.of(document.kind().schemaId()));
    return schema.validate(readJson(document.file()));
  }

  private static void assertNoErrors(String name, List<Error> errors) {
    assertEquals(List.of(), errors.stream().map(Error::toString).toList(), name);
  }

  /**
   * Checks a schema that describes a shape: an object, a property, an array's items. Every object
   * must be closed and every property must explain itself, as docs/FORMATS.md promises.
   */
  private static void inspectShape(JsonNode schema, String pointer, List<String> problems) {
    if (!schema.isObject()) {
      return;
    }
    checkKeywords(schema, pointer, problems);
    if (declaresType(schema, "object")) {
      JsonNode additionalProperties = schema.get("additionalProperties");
      if (additionalProperties == null) {
        problems.add(pointer + ": an object schema must say which other properties it allows");
      } else if (schema.has("properties") && !additionalProperties.equals(BooleanNode.FALSE)) {
        problems.add(pointer + ": an object with named properties must allow no others");
      }
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String propertyPointer = pointer + "/properties/" + escape(property.getKey());
      requireExplanation(property.getValue(), propertyPointer, problems);
      inspectShape(property.getValue(), propertyPointer, problems);
    }
    for (Map.Entry<String, JsonNode> definition : schema.path("$defs").properties()) {
      String definitionPointer = pointer + "/$defs/" + escape(definition.getKey());
      requireExplanation(definition.getValue(), definitionPointer, problems);
      inspectShape(definition.getValue(), definitionPointer, problems);
    }
    inspectShape(schema.path("items"), pointer + "/items", problems);
    inspectShape(schema.path("additionalProperties"), pointer + "/additionalProperties", problems);
    for (String conditionalKeyword : List.of("if", "then", "else", "propertyNames")) {
      inspectConditional(
          schema.path(conditionalKeyword), pointer + "/" + conditionalKeyword, problems);
    }
    inspectConditionals(schema.path("allOf"), pointer + "/allOf", problems);
  }

  /**
   * Checks a schema that only narrows a shape described elsewhere (a branch of if/then/else or
   * allOf): it repeats no titles and cannot close an object on its own, so only its keywords are
   * checked.
   */
  private static void inspectConditional(JsonNode schema, String pointer, List<String> problems) {
    if (!schema.isObject()) {
      return;
    }
    checkKeywords(schema, pointer, problems);
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      inspectConditional(
          property.getValue(), pointer + "/properties/" + escape(property.getKey()), problems);
    }
    for (String subschemaKeyword : List.of("if", "then", "else", "items", "propertyNames")) {
      inspectConditional(schema.path(subschemaKeyword), pointer + "/" + subschemaKeyword, problems);
    }
    inspectConditionals(schema.path("allOf"), pointer + "/allOf", problems);
  }

  private static void inspectConditionals(JsonNode schemas, String pointer, List<String> problems) {
    for (int index = 0; index < schemas.size(); index++) {
      inspectConditional(schemas.get(index), pointer + "/" + index, problems);
    }
  }

  private static void checkKeywords(JsonNode schema, String pointer, List<String> problems) {
    for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
      if (!KNOWN_KEYWORDS.contains(keyword.getKey())) {
        problems.add(pointer + ": unknown keyword " + keyword.getKey());
      }
    }
  }

  private static void requireExplanation(JsonNode schema, String pointer, List<String> problems) {
    for (String keyword : List.of("title", "description")) {
      if (schema.path(keyword).asText().isBlank()) {
        problems.add(pointer + ": missing " + keyword);
      }
    }
  }

  private static boolean declaresType(JsonNode schema, String type) {
    JsonNode declared = schema.path("type");
    if (declared.isArray()) {
      for (JsonNode element : declared) {
        if (element.asText().equals(type)) {
          return true;
        }
      }
      return false;
    }
    return declared.asText().equals(type);
  }

  /** Escapes a property name as a JSON pointer segment, so problem locations can be pasted. */
  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  private static Map<DocumentKind, JsonNode> readSchemaDocuments() {
    Map<DocumentKind, JsonNode> documents = new EnumMap<>(DocumentKind.class);
    for (DocumentKind kind : DocumentKind.values()) {
      documents.put(kind, readJson(SCHEMA_FOLDER.resolve(kind.schemaFile)));
    }
    return documents;
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException exception) {
      throw new UncheckedIOException("cannot read " + file, exception);
    }
  }

  /**
   * Surefire runs in the module folder and an IDE may run in the repository root, so the root is
   * the nearest folder upwards that holds docs/schemas.
   */
  private static Path findRepositoryRoot() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      if (Files.isDirectory(folder.resolve("docs/schemas"))) {
        return folder;
      }
    }
    throw new IllegalStateException(
        "no docs/schemas above " + Path.of("").toAbsolutePath() + ": run from the repository");
  }

  private static Path exampleRoot() {
    try {
      return Path.of(JsonSchemasTest.class.getResource("/schema-examples").toURI());
    } catch (URISyntaxException exception) {
      throw new IllegalStateException(exception);
    }
  }
}
