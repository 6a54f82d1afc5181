package dev.schemadrift.cli;

import dev.schemadrift.artifact.ContractCompatibility;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.diff.AppliedWaiver;
import dev.schemadrift.diff.Finding;

/**
 * What {@code schema-drift compat} prints by default: the two versions, each change with its
 * severity and reason, the status and the version verdict. Deterministic; {@code \n} line ends.
 */
final class CompatibilityText {
  private CompatibilityText() {}

  static String write(ContractCompatibility compatibility) {
    DiffArtifact comparison = compatibility.comparison();
    StringBuilder text = new StringBuilder();
    text.append("Contract change of ").append(comparison.table().qualified()).append('\n');
    text.append("Old contract: ")
        .append(comparison.contract().key())
        .append(" (")
        .append(compatibility.oldVersion())
        .append(")\n");
    text.append("New contract: ")
        .append(compatibility.newContract().key())
        .append(" (")
        .append(compatibility.newVersion())
        .append(")\n\n");
    if (comparison.error() != null) {
      text.append("ERROR (")
          .append(comparison.error().kindName())
          .append("): ")
          .append(comparison.error().message())
          .append('\n');
      return text.toString();
    }
    if (comparison.findings().isEmpty()) {
      text.append("No changes.\n");
    }
    for (Finding finding : comparison.findings()) {
      text.append(finding.severity());
      if (finding.severity() != finding.defaultSeverity()) {
        text.append(" (default ").append(finding.defaultSeverity()).append(')');
      }
      text.append("  ").append(finding.rule()).append("  ").append(finding.path()).append('\n');
      if (finding.expected() != null || finding.actual() != null) {
        text.append("  old: ")
            .append(orDash(finding.expected()))
            .append("; new: ")
            .append(orDash(finding.actual()))
            .append('\n');
      }
      text.append("  ").append(finding.reason()).append('\n');
      if (finding.waiver() != null) {
        AppliedWaiver waiver = finding.waiver();
        text.append("  waiver ")
            .append(waiver.state() == AppliedWaiver.State.ACCEPTED ? "until " : "expired on ")
            .append(waiver.waiver().expires())
            .append(" (")
            .append(waiver.waiver().owner())
            .append("): ")
            .append(waiver.waiver().reason())
            .append('\n');
      }
    }
    DiffArtifact.Counts counts = comparison.counts();
    text.append('\n')
        .append("Status: ")
        .append(comparison.status())
        .append(" (")
        .append(counts.breaking())
        .append(" BREAKING, ")
        .append(counts.risky())
        .append(" RISKY, ")
        .append(counts.safe())
        .append(" SAFE, ")
        .append(counts.waived())
        .append(" waived)\n");
    text.append("Version: ").append(compatibility.versionVerdict()).append('\n');
    return text.toString();
  }

  private static String orDash(String value) {
    return value == null ? "-" : value;
  }
}
