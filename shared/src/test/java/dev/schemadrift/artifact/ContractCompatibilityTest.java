package dev.schemadrift.artifact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractFormat;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract version to contract version: the cases in {@code src/test/resources/compat/cases.json}
 * (one loop, the cases are data), and every rule case's contract compared with itself.
 */
class ContractCompatibilityTest {
  private static final Path CASES = Path.of("src/test/resources/compat/cases.json");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

  static Stream<JsonNode> cases() throws IOException {
    JsonNode root = Json.readTree(CASES.toString(), Files.readAllBytes(CASES));
    List<JsonNode> cases = new ArrayList<>();
    root.get("cases").forEach(cases::add);
    assertFalse(cases.isEmpty(), "no cases in " + CASES);
    return cases.stream();
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("cases")
  void caseHolds(JsonNode testCase) throws IOException {
    String description = testCase.get("description").asText();
    BumpRequirements requirements =
        testCase.hasNonNull("requirements")
            ? BumpRequirements.parse(testCase.get("requirements").asText())
            : BumpRequirements.DEFAULT;
    ContractCompatibility compatibility =
        check(
            contract("old.json", testCase.get("old")),
            contract("new.json", testCase.get("new")),
            requirements);
    JsonNode expected = testCase.get("expected");
    List<String> expectedFindings = new ArrayList<>();
    expected.get("findings").forEach(finding -> expectedFindings.add(finding.asText()));
    List<String> findings = new ArrayList<>();
    for (Finding finding : compatibility.comparison().findings()) {
      findings.add(finding.severity() + " " + finding.rule() + " " + finding.path());
    }
    String context =
        description
            + "\n"
            + compatibility.versionVerdict()
            + (compatibility.comparison().error() == null
                ? ""
                : "\n" + compatibility.comparison().error().message())
            + "\n";
    assertEquals(expectedFindings, findings, context + "findings");
    assertEquals(
        expected.get("status").asText(),
        compatibility.comparison().status().name(),
        context + "status");
    assertEquals(expected.get("bump").asText(), compatibility.made().jsonName(), context + "bump");
    assertEquals(
        expected.get("required").asText(),
        compatibility.required().jsonName(),
        context + "required");
    assertEquals(expected.get("lowered").asBoolean(), compatibility.lowered(), context + "lowered");
    assertEquals(expected.get("ok").asBoolean(), compatibility.bumpSufficient(), context + "ok");
  }

  @Test
  void everyRuleCaseContractComparedWithItselfFindsNothing() throws IOException {
    // The table a contract describes must be exactly what it promises, in every format, or
    // compat would report changes nobody made.
    Set<ContractFormat> formats = EnumSet.noneOf(ContractFormat.class);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/rules"))) {
      files = walk.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      JsonNode root = Json.readTree(file.toString(), Files.readAllBytes(file));
      Contract contract = contract(file.toString(), root.get("contract"));
      formats.add(contract.format());
      ContractCompatibility compatibility = check(contract, contract, BumpRequirements.DEFAULT);
      assertEquals(
          List.of(), compatibility.comparison().findings(), file + ": findings against itself");
      assertEquals(Status.OK, compatibility.comparison().status(), file.toString());
      assertTrue(compatibility.bumpSufficient(), file.toString());
    }
    assertTrue(formats.contains(ContractFormat.REGEX), "a rule case states an input.regex");
    for (ContractFormat format : ContractFormat.values()) {
      if (format == ContractFormat.REGEX) {
        continue;
      }
      // Nested types, a partition key, nullability and a description long enough to be cut.
      String json =
          """
          {"contract_version": "1.0.0", "database": "sales", "table": "orders",
           %s"format": "%s",
           "policy": {"compare_comments": true},
           "columns": [
             {"name": "id", "type": "bigint", "required": true, "description": "%s"},
             {"name": "lines", "type": "array<struct<sku:string,qty:int>>", "required": false}
           ],
           "partition_keys": [{"name": "day", "type": "date"}]}
          """
              .formatted(
                  // A view has no data location.
                  format == ContractFormat.VIEW
                      ? ""
                      : "\"data_location\": \"s3://example-data/sales/orders/\", ",
                  format.jsonName(),
                  "x".repeat(300));
      Contract contract = ContractReader.read(format + ".json", json.getBytes(UTF_8));
      ContractCompatibility compatibility = check(contract, contract, BumpRequirements.DEFAULT);
      assertEquals(List.of(), compatibility.comparison().findings(), format.jsonName());
      assertEquals(Status.OK, compatibility.comparison().status(), format.jsonName());
    }
  }

  @Test
  void jsonIsDeterministicAndCarriesTheVerdict() throws IOException {
    JsonNode testCase = cases().skip(2).findFirst().orElseThrow();
    ContractCompatibility compatibility =
        check(
            contract("old.json", testCase.get("old")),
            contract("new.json", testCase.get("new")),
            BumpRequirements.DEFAULT);
    byte[] first = CompatibilityJson.write(compatibility, TODAY);
    assertEquals(
        new String(first, UTF_8), new String(CompatibilityJson.write(compatibility, TODAY), UTF_8));
    JsonNode json = Json.mapper().readTree(first);
    assertEquals(1, json.get("compat_version").asInt());
    assertEquals("old.json", json.at("/old/source").asText());
    assertEquals("1.4.2", json.at("/old/version").asText());
    assertEquals("1.5.0", json.at("/new/version").asText());
    assertEquals("2026-12-06", json.get("as_of").asText());
    assertEquals("BREAKING", json.get("status").asText());
    assertEquals(1, json.at("/counts/BREAKING").asInt());
    assertEquals("COLUMN_REMOVED", json.at("/changes/0/rule").asText());
    assertEquals("amount", json.at("/changes/0/path").asText());
    assertFalse(json.at("/changes/0/reason").asText().isBlank());
    assertEquals("minor", json.at("/version_check/bump").asText());
    assertEquals("major", json.at("/version_check/required").asText());
    assertFalse(json.at("/version_check/ok").asBoolean());
    assertEquals(
        "1.4.2 -> 1.5.0: a minor bump, but BREAKING changes need a major bump: use 2.0.0 or"
            + " later.",
        json.at("/version_check/message").asText());
    assertTrue(json.get("error").isNull());
  }

  private static ContractCompatibility check(
      Contract oldContract, Contract newContract, BumpRequirements requirements) {
    RunId run = new RunId(TODAY.toString().replace("-", "") + "T000000Z");
    return ContractCompatibility.check(
        run,
        new DiffArtifact.ContractInfo("old.json", oldContract.contractVersion(), null),
        oldContract,
        new DiffArtifact.ContractInfo("new.json", newContract.contractVersion(), null),
        newContract,
        requirements);
  }

  private static Contract contract(String source, JsonNode node) throws IOException {
    return ContractReader.read(source, Json.mapper().writeValueAsBytes(node));
  }
}
