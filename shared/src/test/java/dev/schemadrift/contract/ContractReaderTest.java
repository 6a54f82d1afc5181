package dev.schemadrift.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.json.Json;
import dev.schemadrift.json.Problem;
import dev.schemadrift.rule.RuleId;
import dev.schemadrift.type.TypeParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract reader must turn a valid contract into the model and report every problem of an
 * invalid one with the file, the JSON path and a message a data engineer can act on.
 */
class ContractReaderTest {
  private static final String SOURCE = "contracts/nyc_parks/parks_properties.json";

  /** Every field a contract can hold, with csv format options. */
  private static final String FULL_CONTRACT =
      """
      {
        "$schema": "https://example.org/schemas/contract.schema.json",
        "contract_version": "1.2.0-rc.1",
        "database": "nyc_parks",
        "table": "parks_properties",
        "owner": "parks-data@example.org",
        "description": "One row per park property.",
        "data_location": "s3://example-data/nyc/parks_properties/",
        "format": "csv",
        "format_options": {
          "delimiter": "\\\\t",
          "quote": "'",
          "escape": "\\\\\\\\",
          "header": true,
          "serde": "open_csv"
        },
        "columns": [
          {"name": "gispropnum", "type": "string", "required": true, "description": "Property id"},
          {"name": "acres", "type": "DECIMAL(10, 2)", "required": false},
          {"name": "location", "type": "struct<lat:double,lon:double>", "previous_names": ["geo"]},
          {"name": "legacy_code", "type": "string", "deprecated": true, "sunset": "2027-01-01"}
        ],
        "partition_keys": [{"name": "snapshot_date", "type": "date"}],
        "policy": {
          "extra_columns": "warn",
          "widening": "safe",
          "compare_comments": true,
          "create_if_missing": false,
          "severity_overrides": [
            {"rule": "COLUMN_ADDED", "path": "*", "severity": "RISKY"},
            {"rule": "COLUMN_COMMENT_CHANGED", "severity": "OFF"}
          ],
          "waivers": [
            {"rule": "COLUMN_TYPE_WIDENED", "path": "acres", "reason": "Backfill in progress",
             "owner": "parks-data@example.org", "expires": "2027-03-31"}
          ]
        }
      }
      """;

  /** The smallest valid contract; error cases change one thing in it. */
  private static final String MINIMAL_CONTRACT =
      """
      {
        "contract_version": "1.0.0",
        "database": "nyc_parks",
        "table": "parks_properties",
        "data_location": "s3://example-data/nyc/parks_properties/",
        "format": "parquet",
        "columns": [
          {"name": "gispropnum", "type": "string"},
          {"name": "acres", "type": "decimal(10,2)"}
        ]
      }
      """;

  // ---------------------------------------------------------------- valid contracts

  @Test
  void readsEveryFieldOfAFullContract() {
    Contract contract = ContractReader.read(SOURCE, bytes(FULL_CONTRACT));

    Contract expected =
        new Contract(
            "1.2.0-rc.1",
            "nyc_parks",
            "parks_properties",
            "parks-data@example.org",
            "One row per park property.",
            "s3://example-data/nyc/parks_properties/",
            ContractFormat.CSV,
            new FormatOptions("\t", "'", "\\", true, "open_csv", null, null, null, Map.of()),
            List.of(
                new ContractColumn(
                    "gispropnum",
                    TypeParser.parse("string"),
                    true,
                    "Property id",
                    List.of(),
                    false,
                    null),
                new ContractColumn(
                    "acres",
                    TypeParser.parse("decimal(10,2)"),
                    false,
                    null,
                    List.of(),
                    false,
                    null),
                new ContractColumn(
                    "location",
                    TypeParser.parse("struct<lat:double,lon:double>"),
                    null,
                    null,
                    List.of("geo"),
                    false,
                    null),
                new ContractColumn(
                    "legacy_code",
                    TypeParser.parse("string"),
                    null,
                    null,
                    List.of(),
                    true,
                    LocalDate.of(2027, 1, 1))),
            List.of(ContractColumn.of("snapshot_date", TypeParser.parse("date"))),
            new Policy(
                Policy.ExtraColumns.WARN,
                Policy.Widening.SAFE,
                true,
                false,
                List.of(
                    new Policy.SeverityOverride(
                        RuleId.COLUMN_ADDED, "*", Policy.OverrideLevel.RISKY),
                    new Policy.SeverityOverride(
                        RuleId.COLUMN_COMMENT_CHANGED, null, Policy.OverrideLevel.OFF)),
                List.of(
                    new Policy.Waiver(
                        RuleId.COLUMN_TYPE_WIDENED,
                        "acres",
                        "Backfill in progress",
                        "parks-data@example.org",
                        LocalDate.of(2027, 3, 31)))));
    assertEquals(expected, contract);
    assertEquals("nyc_parks.parks_properties", contract.qualifiedName());
  }

  @Test
  void leavesUnstatedSettingsUnstated() {
    Contract contract = ContractReader.read(SOURCE, bytes(MINIMAL_CONTRACT));

    assertEquals(FormatOptions.NONE, contract.formatOptions());
    assertEquals(Policy.EMPTY, contract.policy());
    assertEquals(List.of(), contract.partitionKeys());
    assertNull(contract.owner());
    assertNull(contract.columns().getFirst().required(), "no promise about nullability");
  }

  static Stream<Arguments> validFormatOptions() {
    return Stream.of(
        Arguments.of(
            "tsv",
            "{\"delimiter\": \"\\\\u0001\", \"escape\": \"\\\\\\\\\", \"serde\": \"lazy_simple\"}",
            new FormatOptions("\u0001", null, "\\", null, "lazy_simple", null, null, null, null)),
        Arguments.of(
            "json",
            "{\"serde\": \"openx\", \"ignore_malformed\": true,"
                + " \"mapping\": {\"Ts\": \"timestamp\", \"acres\": \"area\"}}",
            new FormatOptions(
                null,
                null,
                null,
                null,
                "openx",
                null,
                null,
                true,
                Map.of("ts", "timestamp", "acres", "area"))),
        Arguments.of(
            "parquet",
            "{\"column_access\": \"index\"}",
            new FormatOptions(
                null, null, null, null, null, null, FormatOptions.ColumnAccess.INDEX, null, null)),
        Arguments.of(
            "orc",
            "{\"column_access\": \"name\"}",
            new FormatOptions(
                null, null, null, null, null, null, FormatOptions.ColumnAccess.NAME, null, null)),
        Arguments.of(
            "regex",
            "{\"input.regex\": \"^(\\\\S+) (\\\\d+)$\"}",
            new FormatOptions(null, null, null, null, null, "^(\\S+) (\\d+)$", null, null, null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validFormatOptions")
  void readsTheFormatOptionsOfEachFormat(String format, String options, FormatOptions expected) {
    String json =
        modified(
            root -> {
              root.put("format", format);
              root.set("format_options", parse(options));
            });

    assertEquals(expected, ContractReader.read(SOURCE, bytes(json)).formatOptions());
  }

  @Test
  void acceptsTheS3aAndS3nSpellingsOfALocation() {
    for (String location : List.of("s3a://example-data/nyc/", "s3n://example-data", "s3://b-1.x")) {
      String json = modified(root -> root.put("data_location", location));
      assertEquals(location, ContractReader.read(SOURCE, bytes(json)).dataLocation());
    }
  }

  // ---------------------------------------------------------------- document-level errors

  @Test
  void malformedJsonNamesLineAndColumn() {
    String json = "{\n  \"contract_version\": \"1.0.0\",\n  \"database\" \"nyc_parks\"\n}";

    Problem problem = onlyProblem(json);

    assertEquals("line 3, column 14", problem.jsonPath());
    assertContains("not valid JSON", problem.message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n\t"})
  void emptyFileIsAnError(String json) {
    Problem problem = onlyProblem(json);

    assertEquals("$", problem.jsonPath());
    assertContains("empty", problem.message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"contract\"", "42", "null"})
  void rootMustBeAnObject(String json) {
    Problem problem = onlyProblem(json);

    assertEquals("$", problem.jsonPath());
    assertContains("expected an object", problem.message());
  }

  @Test
  void duplicateKeysAreAnError() {
    String json =
        MINIMAL_CONTRACT.replace(
            "\"format\": \"parquet\",",
            "\"format\": \"parquet\"," + " \"table\": \"other_table\",");

    Problem problem = onlyProblem(json);

    assertTrue(problem.jsonPath().startsWith("line 6, column "), problem.toString());
    assertContains("Duplicate", problem.message());
    assertContains("table", problem.message());
  }

  @Test
  void trailingContentIsAnError() {
    Problem problem = onlyProblem(MINIMAL_CONTRACT + "{}");

    assertTrue(problem.jsonPath().startsWith("line "), problem.toString());
  }

  // ---------------------------------------------------------------- unknown fields

  @Test
  void reportsATopLevelTypo() {
    String json = modified(root -> root.set("colums", root.get("columns")));

    assertOnlyProblem(json, "$.colums", "unknown field");
  }

  @Test
  void reportsAnUnknownColumnField() {
    String json = modified(root -> column(root, 1).put("nullable", true));

    assertOnlyProblem(json, "$.columns[1].nullable", "unknown field");
  }

  @Test
  void reportsAnUnknownPolicyField() {
    String json = modified(root -> root.putObject("policy").put("extra_column", "warn"));

    assertOnlyProblem(json, "$.policy.extra_column", "unknown field");
  }

  @Test
  void reportsAnUnknownFieldInsideAWaiver() {
    String json =
        modified(
            root -> {
              ObjectNode waiver = validWaiver(root);
              waiver.put("ticket", "DATA-1");
            });

    assertOnlyProblem(json, "$.policy.waivers[0].ticket", "unknown field");
  }

  @Test
  void reportsAnUnknownFormatOption() {
    String json = modified(root -> root.putObject("format_options").put("compression", "snappy"));

    assertOnlyProblem(json, "$.format_options.compression", "unknown field");
  }

  // ---------------------------------------------------------------- wrong types

  static Stream<Arguments> wrongTypes() {
    return Stream.<Arguments>of(
        wrongType(
            "string where boolean",
            root -> column(root, 0).put("required", "yes"),
            "$.columns[0].required",
            "expected true or false but found a string"),
        wrongType(
            "number where string",
            root -> root.put("owner", 42),
            "$.owner",
            "expected a string but found the number 42"),
        wrongType(
            "number where string (required field)",
            root -> root.put("contract_version", 1.2),
            "$.contract_version",
            "expected a string but found the number 1.2"),
        wrongType(
            "object where array",
            root -> root.putObject("columns"),
            "$.columns",
            "expected an array but found an object"),
        wrongType(
            "string where object",
            root -> root.put("policy", "strict"),
            "$.policy",
            "expected an object but found a string"),
        wrongType(
            "string where column object",
            root -> ((ArrayNode) root.get("columns")).add("extra"),
            "$.columns[2]",
            "expected an object but found a string"),
        wrongType(
            "number in previous names",
            root -> column(root, 0).putArray("previous_names").add(7),
            "$.columns[0].previous_names[0]",
            "expected a string but found the number 7"),
        wrongType(
            "boolean where array",
            root -> root.put("partition_keys", true),
            "$.partition_keys",
            "expected an array but found true"));
  }

  private static Arguments wrongType(
      String name, Consumer<ObjectNode> change, String path, String fragment) {
    return Arguments.of(name, change, path, fragment);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongTypes")
  void reportsWrongTypes(
      String name, Consumer<ObjectNode> change, String path, String messageFragment) {
    assertOnlyProblem(modified(change), path, messageFragment);
  }

  // ---------------------------------------------------------------- missing required fields

  @ParameterizedTest
  @ValueSource(strings = {"contract_version", "database", "table", "data_location", "format"})
  void reportsAMissingRequiredTopLevelField(String field) {
    String json = modified(root -> root.remove(field));

    assertOnlyProblem(json, "$." + field, "required field is missing");
  }

  @Test
  void reportsARequiredFieldThatIsNull() {
    String json = modified(root -> root.putNull("database"));

    assertOnlyProblem(json, "$.database", "required field is missing");
  }

  @Test
  void reportsMissingColumns() {
    String json = modified(root -> root.remove("columns"));

    assertOnlyProblem(json, "$.columns", "required field is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "type"})
  void reportsAMissingColumnField(String field) {
    String json = modified(root -> column(root, 1).remove(field));

    assertOnlyProblem(json, "$.columns[1]." + field, "required field is missing");
  }

  @Test
  void reportsAnEmptyColumnList() {
    String json = modified(root -> root.putArray("columns"));

    assertOnlyProblem(json, "$.columns", "at least one column");
  }

  @Test
  void anInvalidOnlyColumnIsReportedOnceNotAsAnEmptyList() {
    // The column list is not empty: its one column is broken, and that is all the user must fix.
    String json =
        modified(
            root -> {
              ArrayNode columns = root.putArray("columns");
              columns.addObject().put("name", "gispropnum");
            });

    assertOnlyProblem(json, "$.columns[0].type", "required field is missing");
  }

  // ---------------------------------------------------------------- values

  @ParameterizedTest
  @ValueSource(strings = {"1.2", "v1.2.0", "01.2.0", "1.2.0.0", "1.2.0-", "latest"})
  void rejectsAVersionThatIsNotSemver(String version) {
    String json = modified(root -> root.put("contract_version", version));

    assertOnlyProblem(json, "$.contract_version", "not a semantic version");
  }

  @Test
  void upperCaseTableNameSuggestsTheLowerCaseName() {
    String json = modified(root -> root.put("table", "Parks_Properties"));

    Problem problem = assertOnlyProblem(json, "$.table", "invalid Glue name 'Parks_Properties'");
    assertContains("write 'parks_properties'", problem.message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"nyc/parks", "../parks", "..", "parks properties", "parks-data"})
  void rejectsANameThatIsNotAGlueName(String name) {
    String json = modified(root -> root.put("database", name));

    Problem problem = assertOnlyProblem(json, "$.database", "invalid Glue name");
    assertContains("lower-case letters, digits and underscores", problem.message());
  }

  @Test
  void rejectsAGlueNameLongerThan255Characters() {
    String json = modified(root -> root.put("table", "t".repeat(256)));

    assertOnlyProblem(json, "$.table", "invalid Glue name");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example-data/nyc/",
        "s3://",
        "s3:/example-data/nyc/",
        "s3://Example-Data/nyc/",
        "example-data/nyc/",
        "s3://ab"
      })
  void rejectsAnInvalidDataLocation(String location) {
    String json = modified(root -> root.put("data_location", location));

    assertOnlyProblem(json, "$.data_location", "is not an s3:// location");
  }

  @Test
  void rejectsAnUnknownFormat() {
    String json = modified(root -> root.put("format", "Parquet"));

    Problem problem = assertOnlyProblem(json, "$.format", "unknown format 'Parquet'");
    assertContains("parquet, orc, avro, json, ion, csv, tsv, regex, iceberg", problem.message());
  }

  @Test
  void aViewContractHasNoDataLocation() {
    String json =
        modified(
            root -> {
              root.put("format", "view");
              root.remove("data_location");
            });

    Contract contract = ContractReader.read(SOURCE, bytes(json));

    assertEquals(ContractFormat.VIEW, contract.format());
    assertTrue(contract.isView());
    assertNull(contract.dataLocation());
  }

  @Test
  void aViewContractMayNotNameADataLocation() {
    String json = modified(root -> root.put("format", "view"));

    assertOnlyProblem(json, "$.data_location", "a view has no data location");
  }

  @Test
  void aTableContractStillNeedsADataLocation() {
    String json = modified(root -> root.remove("data_location"));

    assertOnlyProblem(json, "$.data_location", "required field is missing");
  }

  @Test
  void readsACatalogIdOfTwelveDigits() {
    String json = modified(root -> root.put("catalog_id", "111122223333"));

    assertEquals("111122223333", ContractReader.read(SOURCE, bytes(json)).catalogId());
    assertNull(ContractReader.read(SOURCE, bytes(MINIMAL_CONTRACT)).catalogId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"11112222333", "1111222233334", "arn:aws:glue", "11112222333a", ""})
  void rejectsACatalogIdThatIsNotTwelveDigits(String catalogId) {
    String json = modified(root -> root.put("catalog_id", catalogId));

    assertOnlyProblem(json, "$.catalog_id", "is not a Glue catalog id");
  }

  @Test
  void aCatalogIdAndAViewSurviveTheWriter() {
    String json =
        modified(
            root -> {
              root.put("format", "view");
              root.remove("data_location");
              root.put("catalog_id", "111122223333");
            });
    Contract contract = ContractReader.read(SOURCE, bytes(json));

    assertEquals(contract, ContractReader.read(SOURCE, ContractWriter.write(contract)));
  }

  static Stream<Arguments> optionsOfOtherFormats() {
    return Stream.of(
        Arguments.of("parquet", "delimiter", "\",\""),
        Arguments.of("parquet", "header", "true"),
        Arguments.of("json", "quote", "\"'\""),
        Arguments.of("tsv", "quote", "\"'\""),
        Arguments.of("csv", "column_access", "\"name\""),
        Arguments.of("orc", "ignore_malformed", "true"),
        Arguments.of("csv", "mapping", "{\"a\": \"b\"}"),
        Arguments.of("parquet", "input.regex", "\"(.*)\""),
        Arguments.of("avro", "serde", "\"openx\""));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("optionsOfOtherFormats")
  void rejectsAFormatOptionThatDoesNotBelongToTheFormat(
      String format, String option, String value) {
    String json =
        modified(
            root -> {
              root.put("format", format);
              root.putObject("format_options").set(option, parse(value));
            });

    assertOnlyProblem(json, "$.format_options." + option, "not an option of format " + format);
  }

  @Test
  void rejectsAnUnknownSerdeForTheFormat() {
    String json =
        modified(
            root -> {
              root.put("format", "json");
              root.putObject("format_options").put("serde", "open_csv");
            });

    Problem problem = assertOnlyProblem(json, "$.format_options.serde", "unknown serde");
    assertContains("hive, openx", problem.message());
  }

  @Test
  void regexFormatNeedsAnInputRegex() {
    String json =
        modified(
            root -> {
              root.put("format", "regex");
              root.putObject("format_options");
            });

    assertOnlyProblem(json, "$.format_options.input.regex", "needs an input.regex");
  }

  @Test
  void regexFormatWithoutAnyFormatOptionsNeedsAnInputRegex() {
    String json = modified(root -> root.put("format", "regex"));

    assertOnlyProblem(json, "$.format_options.input.regex", "needs an input.regex");
  }

  @Test
  void rejectsAnInvalidRegularExpression() {
    String json =
        modified(
            root -> {
              root.put("format", "regex");
              root.putObject("format_options").put("input.regex", "^(\\d+ (.*)$");
            });

    assertOnlyProblem(json, "$.format_options.input.regex", "not a valid regular expression");
  }

  @ParameterizedTest
  @ValueSource(strings = {",,", "ab", "\\t\\t", ""})
  void rejectsADelimiterThatIsNotOneCharacter(String delimiter) {
    String json =
        modified(
            root -> {
              root.put("format", "csv");
              root.putObject("format_options").put("delimiter", delimiter);
            });

    assertOnlyProblem(json, "$.format_options.delimiter", "expected one character");
  }

  @Test
  void rejectsAnUnknownColumnAccess() {
    String json = modified(root -> root.putObject("format_options").put("column_access", "id"));

    assertOnlyProblem(json, "$.format_options.column_access", "expected 'name' or 'index'");
  }

  @Test
  void rejectsAnInvalidTypeStringNamingThePosition() {
    String json = modified(root -> column(root, 1).put("type", "decimal(10,2"));

    Problem problem = assertOnlyProblem(json, "$.columns[1].type", "invalid type");
    assertContains("position", problem.message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"array<string>", "map<string,int>", "struct<a:int>"})
  void rejectsAPartitionKeyWithAComplexType(String type) {
    String json =
        modified(
            root -> root.putArray("partition_keys").addObject().put("name", "p").put("type", type));

    assertOnlyProblem(json, "$.partition_keys[0].type", "a partition key needs a primitive type");
  }

  @Test
  void acceptsPartitionKeysWithEveryPrimitiveType() {
    String json =
        modified(
            root -> {
              ArrayNode keys = root.putArray("partition_keys");
              keys.addObject().put("name", "year").put("type", "int");
              keys.addObject().put("name", "region").put("type", "varchar(10)");
              keys.addObject().put("name", "code").put("type", "char(2)");
              keys.addObject().put("name", "share").put("type", "decimal(5,2)");
            });

    assertEquals(4, ContractReader.read(SOURCE, bytes(json)).partitionKeys().size());
  }

  @Test
  void duplicateColumnsDifferingOnlyInCaseNameBothPaths() {
    String json = modified(root -> column(root, 1).put("name", "GisPropNum"));

    Problem problem = assertOnlyProblem(json, "$.columns[1].name", "duplicate column 'GisPropNum'");
    assertContains("$.columns[0].name", problem.message());
  }

  @Test
  void aPartitionKeyMayNotRepeatAColumn() {
    String json =
        modified(
            root ->
                root.putArray("partition_keys")
                    .addObject()
                    .put("name", "acres")
                    .put("type", "string"));

    Problem problem =
        assertOnlyProblem(json, "$.partition_keys[0].name", "duplicate column 'acres'");
    assertContains("$.columns[1].name", problem.message());
  }

  static Stream<Arguments> badColumnNames() {
    return Stream.of(
        Arguments.of("tab", "acres\tsize", "control characters"),
        Arguments.of("newline", "acres\n", "control characters"),
        Arguments.of("empty", "", "must not be empty"),
        Arguments.of("blank", "   ", "must not be empty"),
        Arguments.of("256 characters", "a".repeat(256), "at most 255 characters"),
        Arguments.of("leading space", " acres", "white space"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badColumnNames")
  void rejectsBadColumnNames(String description, String name, String messageFragment) {
    String json = modified(root -> column(root, 1).put("name", name));

    assertOnlyProblem(json, "$.columns[1].name", messageFragment);
  }

  @Test
  void acceptsA255CharacterColumnNameWithPunctuation() {
    String name = "Größe/m²-" + "a".repeat(246);
    String json = modified(root -> column(root, 1).put("name", name));

    assertEquals(name, ContractReader.read(SOURCE, bytes(json)).columns().get(1).name());
  }

  @Test
  void rejectsABadPreviousName() {
    String json = modified(root -> column(root, 1).putArray("previous_names").add("a\u0007b"));

    assertOnlyProblem(json, "$.columns[1].previous_names[0]", "control characters");
  }

  @Test
  void sunsetNeedsDeprecated() {
    String json = modified(root -> column(root, 1).put("sunset", "2027-01-01"));

    assertOnlyProblem(json, "$.columns[1].sunset", "needs \"deprecated\": true");
  }

  @Test
  void sunsetWithDeprecatedFalseIsStillAnError() {
    String json =
        modified(root -> column(root, 1).put("deprecated", false).put("sunset", "2027-01-01"));

    assertOnlyProblem(json, "$.columns[1].sunset", "needs \"deprecated\": true");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2027-02-30", "2027-13-01", "27-01-01", "2027-1-1", "01/01/2027", ""})
  void rejectsABadDate(String date) {
    String json = modified(root -> column(root, 1).put("deprecated", true).put("sunset", date));

    assertOnlyProblem(json, "$.columns[1].sunset", "is not a date like 2027-03-31");
  }

  @Test
  void rejectsAnUnknownRuleIdInAnOverride() {
    String json =
        modified(
            root ->
                root.putObject("policy")
                    .putArray("severity_overrides")
                    .addObject()
                    .put("rule", "COLUMN_DROPPED")
                    .put("severity", "RISKY"));

    assertOnlyProblem(
        json, "$.policy.severity_overrides[0].rule", "unknown rule id 'COLUMN_DROPPED'");
  }

  @Test
  void rejectsAnUnknownRuleIdInAWaiver() {
    String json = modified(root -> validWaiver(root).put("rule", "column_removed"));

    assertOnlyProblem(json, "$.policy.waivers[0].rule", "unknown rule id 'column_removed'");
  }

  @Test
  void rejectsAnUnknownSeverity() {
    String json =
        modified(
            root ->
                root.putObject("policy")
                    .putArray("severity_overrides")
                    .addObject()
                    .put("rule", "COLUMN_ADDED")
                    .put("severity", "CRITICAL"));

    Problem problem =
        assertOnlyProblem(
            json, "$.policy.severity_overrides[0].severity", "unknown severity 'CRITICAL'");
    assertContains("SAFE, RISKY, BREAKING or OFF", problem.message());
  }

  @Test
  void rejectsAnUnknownPolicyChoice() {
    String json = modified(root -> root.putObject("policy").put("extra_columns", "deny"));

    Problem problem = assertOnlyProblem(json, "$.policy.extra_columns", "unknown value 'deny'");
    assertContains("allow, warn, forbid", problem.message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"owner", "reason", "expires", "rule", "path"})
  void aWaiverNeedsEveryField(String field) {
    String json = modified(root -> validWaiver(root).remove(field));

    assertOnlyProblem(json, "$.policy.waivers[0]." + field, "required field is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"owner", "reason"})
  void aWaiverNeedsANonBlankOwnerAndReason(String field) {
    String json = modified(root -> validWaiver(root).put(field, "  "));

    assertOnlyProblem(json, "$.policy.waivers[0]." + field, "must not be empty");
  }

  @Test
  void aWaiverNeedsAValidExpiryDate() {
    String json = modified(root -> validWaiver(root).put("expires", "next year"));

    assertOnlyProblem(json, "$.policy.waivers[0].expires", "is not a date");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    String json =
        """
        {
          "contract_version": "1.2",
          "database": "nyc_parks",
          "table": "Parks",
          "data_location": "s3://example-data/nyc/parks/",
          "format": "parquet",
          "format_options": {"delimiter": ","},
          "columns": [
            {"name": "acres", "type": "int"},
            {"name": "ACRES", "type": "strin"}
          ],
          "policy": {"waivers": [{"rule": "COLUMN_REMOVED", "path": "acres"}]},
          "colour": "blue"
        }
        """;

    List<Problem> problems = problems(json);

    assertEquals(
        List.of(
            "$.contract_version",
            "$.table",
            "$.format_options.delimiter",
            "$.columns[1].type",
            "$.columns[1].name",
            "$.policy.waivers[0].reason",
            "$.policy.waivers[0].owner",
            "$.policy.waivers[0].expires",
            "$.colour"),
        problems.stream().map(Problem::jsonPath).toList(),
        problems.toString());
    assertEquals(9, problems.size());
  }

  @Test
  void theExceptionMessageListsEveryProblemOnOneLine() {
    String json = modified(root -> root.put("table", "Parks").put("format", "xml"));

    InvalidDocumentException exception =
        assertThrows(
            InvalidDocumentException.class, () -> ContractReader.read(SOURCE, bytes(json)));

    assertEquals(
        SOURCE
            + ": $.table: invalid Glue name 'Parks'; Glue folds names to lower case: write 'parks'; "
            + SOURCE
            + ": $.format: unknown format 'xml'; expected one of parquet, orc, avro, json, ion,"
            + " csv, tsv, regex, iceberg, view",
        exception.getMessage());
    assertEquals(
        List.of(
            SOURCE
                + ": $.table: invalid Glue name 'Parks'; Glue folds names to lower case: write"
                + " 'parks'",
            SOURCE
                + ": $.format: unknown format 'xml'; expected one of parquet, orc, avro, json,"
                + " ion, csv, tsv, regex, iceberg, view"),
        ContractReader.describe(exception.problems()));
  }

  // ---------------------------------------------------------------- policy layering

  @Test
  void contractPolicyIsLayeredOverTheDefaults() {
    Policy.SeverityOverride contractOverride =
        new Policy.SeverityOverride(RuleId.COLUMN_ADDED, "acres", Policy.OverrideLevel.OFF);
    Policy.SeverityOverride defaultOverride =
        new Policy.SeverityOverride(RuleId.COLUMN_ADDED, "*", Policy.OverrideLevel.BREAKING);
    Policy.Waiver contractWaiver =
        new Policy.Waiver(
            RuleId.COLUMN_REMOVED, "a*", "contract", "team@example.org", LocalDate.of(2027, 1, 1));
    Policy.Waiver defaultWaiver =
        new Policy.Waiver(
            RuleId.COLUMN_REMOVED, "*", "defaults", "ops@example.org", LocalDate.of(2026, 1, 1));
    Policy contract =
        new Policy(
            Policy.ExtraColumns.FORBID,
            null,
            false,
            null,
            List.of(contractOverride),
            List.of(contractWaiver));
    Policy defaults =
        new Policy(
            Policy.ExtraColumns.WARN,
            Policy.Widening.SAFE,
            true,
            false,
            List.of(defaultOverride),
            List.of(defaultWaiver));

    Policy layered = contract.over(defaults);

    assertEquals(Policy.ExtraColumns.FORBID, layered.extraColumns(), "the contract's own setting");
    assertEquals(Policy.Widening.SAFE, layered.widening(), "unstated: the default's");
    assertEquals(
        Boolean.FALSE, layered.compareComments(), "a stated false wins over a default true");
    assertEquals(Boolean.FALSE, layered.createIfMissing(), "unstated: the default's");
    assertEquals(List.of(contractOverride, defaultOverride), layered.severityOverrides());
    assertEquals(List.of(contractWaiver, defaultWaiver), layered.waivers());
  }

  @Test
  void emptyPolicyOverEmptyDefaultsHasTheDocumentedEffectiveSettings() {
    Policy layered = Policy.EMPTY.over(Policy.EMPTY);

    assertEquals(Policy.EMPTY, layered);
    assertEquals(Policy.ExtraColumns.ALLOW, layered.effectiveExtraColumns());
    assertEquals(Policy.Widening.RISKY, layered.effectiveWidening());
    assertFalse(layered.effectiveCompareComments());
    assertTrue(layered.effectiveCreateIfMissing());
  }

  @Test
  void aContractCanTakeAnotherPolicy() {
    Contract contract = ContractReader.read(SOURCE, bytes(FULL_CONTRACT));
    Policy defaults = new Policy(Policy.ExtraColumns.ALLOW, null, null, true, List.of(), List.of());

    Contract layered = contract.withPolicy(contract.policy().over(defaults));

    assertEquals(Policy.ExtraColumns.WARN, layered.policy().extraColumns());
    assertEquals(Boolean.FALSE, layered.policy().createIfMissing());
    assertEquals(contract.columns(), layered.columns());
  }

  // ---------------------------------------------------------------- helpers

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The minimal contract with one change applied, as JSON text. */
  private static String modified(Consumer<ObjectNode> change) {
    ObjectNode root = (ObjectNode) parse(MINIMAL_CONTRACT);
    change.accept(root);
    return root.toString();
  }

  private static ObjectNode column(ObjectNode root, int index) {
    return (ObjectNode) root.get("columns").get(index);
  }

  /** Adds a policy with one valid waiver and returns the waiver for the test to spoil. */
  private static ObjectNode validWaiver(ObjectNode root) {
    return root.putObject("policy")
        .putArray("waivers")
        .addObject()
        .put("rule", "COLUMN_REMOVED")
        .put("path", "acres")
        .put("reason", "Moved to another table")
        .put("owner", "parks-data@example.org")
        .put("expires", "2027-03-31");
  }

  private static List<Problem> problems(String json) {
    InvalidDocumentException exception =
        assertThrows(
            InvalidDocumentException.class, () -> ContractReader.read(SOURCE, bytes(json)));
    for (Problem problem : exception.problems()) {
      assertEquals(SOURCE, problem.source(), "every problem names the file");
    }
    return exception.problems();
  }

  private static Problem onlyProblem(String json) {
    List<Problem> problems = problems(json);
    assertEquals(1, problems.size(), problems.toString());
    return problems.getFirst();
  }

  private static Problem assertOnlyProblem(String json, String path, String messageFragment) {
    Problem problem = onlyProblem(json);
    assertEquals(path, problem.jsonPath(), problem.toString());
    assertContains(messageFragment, problem.message());
    return problem;
  }

  private static void assertContains(String fragment, String text) {
    assertTrue(text.contains(fragment), () -> "expected '" + fragment + "' in: " + text);
  }
}
