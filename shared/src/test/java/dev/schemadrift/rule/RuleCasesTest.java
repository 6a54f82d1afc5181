package dev.schemadrift.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GluePartition;
import dev.schemadrift.catalog.GluePartitionReader;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every rule case under {@code src/test/resources/rules/}: a contract, a Glue table and the
 * complete list of findings the spec implies. One loop, the cases are data.
 */
class RuleCasesTest {
  static final Path CASES = Path.of("src/test/resources/rules");
  private static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 11, 26);

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> files = Files.walk(CASES)) {
      List<Path> list = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
      assertFalse(list.isEmpty(), "no rule cases found under " + CASES.toAbsolutePath());
      return list.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseHolds(Path file) throws IOException {
    JsonNode root = Json.readTree(file.toString(), Files.readAllBytes(file));
    assertTrue(root.path("description").isTextual(), file + ": a case needs a description");
    LocalDate today =
        root.hasNonNull("today") ? LocalDate.parse(root.get("today").asText()) : DEFAULT_TODAY;
    RunId runId = new RunId(today.toString().replace("-", "") + "T080000Z");
    Contract contract =
        ContractReader.read(
            file + "#contract", Json.mapper().writeValueAsBytes(root.get("contract")));
    DiffArtifact.ContractInfo info =
        new DiffArtifact.ContractInfo(file.toString(), contract.contractVersion(), null);
    DiffArtifact artifact;
    if (root.get("table") == null || root.get("table").isNull()) {
      artifact = TableCheck.missing(runId, info, contract, null, "create_if_missing is off");
    } else {
      GlueTable table =
          GlueTableReader.readOne(
              file + "#table", Json.mapper().writeValueAsBytes(root.get("table")));
      artifact =
          TableCheck.compared(runId, info, contract, table, partitions(file, root), null, false);
    }
    JsonNode expected = root.get("expected");
    List<String> expectedFindings = new ArrayList<>();
    for (JsonNode finding : expected.get("findings")) {
      expectedFindings.add(describe(finding));
    }
    List<String> actualFindings = new ArrayList<>();
    for (Finding finding : artifact.findings()) {
      actualFindings.add(describe(finding));
    }
    String context =
        file + "\n" + (artifact.error() == null ? "" : artifact.error().message() + "\n");
    assertEquals(
        String.join("\n", expectedFindings),
        String.join("\n", actualFindings),
        context + "findings");
    assertEquals(expected.get("status").asText(), artifact.status().name(), context + "status");
    assertEquals(
        expected.path("error_kind").asText(null),
        artifact.error() == null ? null : artifact.error().kind().name(),
        context + "error kind");
    if (expected.has("unused_waivers")) {
      List<String> unused = new ArrayList<>();
      expected
          .get("unused_waivers")
          .forEach(w -> unused.add(w.get("rule").asText() + " " + w.get("path").asText()));
      List<String> actualUnused =
          artifact.unusedWaivers().stream().map(w -> w.rule() + " " + w.path()).toList();
      assertEquals(unused, actualUnused, context + "unused waivers");
    }
    for (Finding finding : artifact.findings()) {
      assertFalse(finding.reason().isBlank(), context + "every finding needs a reason");
    }
    // A case may pin down the fact a reason must name; the findings are in the expected order.
    for (int index = 0; index < expected.get("findings").size(); index++) {
      JsonNode says = expected.get("findings").get(index).get("reason_says");
      if (says != null) {
        String reason = artifact.findings().get(index).reason();
        assertTrue(
            reason.contains(says.asText()),
            context + "the reason '" + reason + "' should say '" + says.asText() + "'");
      }
    }
    // Columns set aside before matching (Hudi metadata): none unless the case says which.
    List<String> setAside = new ArrayList<>();
    expected.path("set_aside_columns").forEach(column -> setAside.add(column.asText()));
    assertEquals(
        setAside,
        artifact.catalog() == null ? List.of() : artifact.catalog().setAsideColumns(),
        context + "set-aside columns");
  }

  /**
   * The case's {@code partitions} ({@code aws glue get-partitions} output) as the pipeline samples
   * them: the first {@code partition_sample} of the contract's policy; null when the case has none.
   */
  private static PartitionSample partitions(Path file, JsonNode root) throws IOException {
    if (!root.hasNonNull("partitions")) {
      return null;
    }
    Contract contract =
        ContractReader.read(
            file + "#contract", Json.mapper().writeValueAsBytes(root.get("contract")));
    int limit = contract.policy().effectivePartitionSample();
    List<GluePartition> all =
        GluePartitionReader.read(
            file + "#partitions", Json.mapper().writeValueAsBytes(root.get("partitions")));
    return PartitionSample.read(
        limit, all.subList(0, Math.min(limit, all.size())), all.size() > limit);
  }

  private static String describe(JsonNode finding) {
    return String.join(
        " | ",
        finding.get("rule").asText(),
        finding.get("path").asText(),
        finding.get("severity").asText(),
        "default=" + finding.get("default_severity").asText(),
        "expected=" + text(finding.get("expected")),
        "actual=" + text(finding.get("actual")),
        "waiver=" + text(finding.get("waiver_state")),
        "evidence=" + text(finding.get("evidence")));
  }

  private static String describe(Finding finding) {
    return String.join(
        " | ",
        finding.rule().name(),
        finding.path(),
        finding.severity().name(),
        "default=" + finding.defaultSeverity().name(),
        "expected=" + finding.expected(),
        "actual=" + finding.actual(),
        "waiver=" + (finding.waiver() == null ? null : finding.waiver().state().name()),
        "evidence=" + (finding.evidence() == null ? null : finding.evidence().jsonName()));
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? "null" : node.asText();
  }
}
