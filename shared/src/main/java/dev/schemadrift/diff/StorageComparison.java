package dev.schemadrift.diff;

import dev.schemadrift.catalog.FileFamily;
import dev.schemadrift.catalog.FormatProfile;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.TableProfile;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractFormat;
import dev.schemadrift.rule.RuleId;
import java.util.Locale;
import java.util.Objects;

/**
 * The table-level promises: storage format, table type, location, column access mode and the SerDe
 * options the contract states.
 */
final class StorageComparison {
  private final Contract contract;
  private final GlueTable table;
  private final TableProfile profile;
  private final Differences differences;

  StorageComparison(
      Contract contract, GlueTable table, TableProfile profile, Differences differences) {
    this.contract = contract;
    this.table = table;
    this.profile = profile;
    this.differences = differences;
  }

  void compare() {
    if (contract.isView() || table.isView()) {
      // A view has no files, location or SerDe to compare: only its type (a table that became a
      // view, or the reverse) and, later, its columns by name.
      compareTableType();
      return;
    }
    ContractFormat recognised = profile.recognisedFormat();
    ContractFormat format = contract.format();
    boolean sameFormat =
        recognised == null
            || recognised == format
            || (recognised == ContractFormat.CSV && format == ContractFormat.TSV);
    if (!sameFormat) {
      differences.add(
          RuleId.STORAGE_FORMAT_CHANGED,
          Difference.Subject.TABLE,
          "@format",
          format.jsonName(),
          recognised.jsonName());
    }
    compareTableType();
    compareLocation();
    if (sameFormat && recognised != null) {
      compareColumnAccess();
      if (profile.profile() != FormatProfile.ICEBERG) {
        SerdeOptions.compare(
            contract,
            table,
            // An anonymous class, not a lambda: the lambda's bootstrap measurably slows the CLI's
            // cold diff (docs/PERFORMANCE.md, issue 12).
            new SerdeOptions.Sink() {
              @Override
              public void differs(
                  String option, String expected, String actual, boolean structural) {
                differences.add(
                    Difference.of(
                        RuleId.SERDE_PARAMETER_CHANGED,
                        Difference.Subject.TABLE,
                        SerdeOptions.PATH_PREFIX + option,
                        expected,
                        actual,
                        differences.table().withStructuralOption(structural)));
              }
            });
      }
    }
  }

  private void compareTableType() {
    String expected =
        switch (contract.format()) {
          case ICEBERG -> "ICEBERG";
          case VIEW -> GlueTable.VIRTUAL_VIEW;
          case PARQUET, ORC, AVRO, JSON, ION, CSV, TSV, REGEX -> "EXTERNAL_TABLE";
        };
    String actual = table.effectiveTableType();
    if (contract.isView() != table.isView()) {
      // Whichever side the view is on, the change is judged as one between a view and a table;
      // a view contract and a table without any type still differ.
      differences.add(
          Difference.of(
              RuleId.TABLE_TYPE_CHANGED,
              Difference.Subject.TABLE,
              "@table",
              expected,
              actual,
              differences.table().betweenViewAndTable()));
    } else if (actual != null && !actual.equals(expected)) {
      differences.add(
          RuleId.TABLE_TYPE_CHANGED, Difference.Subject.TABLE, "@table", expected, actual);
    }
  }

  private void compareLocation() {
    if (!Objects.equals(
        normaliseLocation(contract.dataLocation()), normaliseLocation(table.location()))) {
      differences.add(
          RuleId.TABLE_LOCATION_CHANGED,
          Difference.Subject.TABLE,
          "@location",
          contract.dataLocation(),
          table.location());
    }
  }

  /** s3a:// and s3n:// are s3://, and a trailing slash does not make another location. */
  static String normaliseLocation(String location) {
    if (location == null) {
      return null;
    }
    String normal = location.strip();
    if (normal.startsWith("s3a://") || normal.startsWith("s3n://")) {
      normal = "s3://" + normal.substring(6);
    }
    while (normal.endsWith("/")) {
      normal = normal.substring(0, normal.length() - 1);
    }
    return normal;
  }

  /** Only Parquet and ORC have a column access switch; Iceberg resolves by field id. */
  private void compareColumnAccess() {
    var access = contract.formatOptions().columnAccess();
    if (access == null || profile.profile() == FormatProfile.ICEBERG) {
      return;
    }
    if (profile.family() != FileFamily.PARQUET && profile.family() != FileFamily.ORC) {
      return;
    }
    String expected = access.name().toLowerCase(Locale.ROOT);
    String actual = profile.profile() == FormatProfile.BY_NAME ? "name" : "index";
    if (!expected.equals(actual)) {
      differences.add(
          RuleId.COLUMN_ACCESS_CHANGED,
          Difference.Subject.TABLE,
          "@format.column_access",
          expected,
          actual);
    }
  }
}
