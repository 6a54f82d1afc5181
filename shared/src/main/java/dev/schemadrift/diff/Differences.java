package dev.schemadrift.diff;

import dev.schemadrift.catalog.TableProfile;
import dev.schemadrift.rule.RuleContext;
import dev.schemadrift.rule.RuleId;
import java.util.ArrayList;
import java.util.List;

/** The differences of one table as they are found, each with the table's rule context. */
final class Differences {
  private final RuleContext table;
  private final List<Difference> found = new ArrayList<>();

  Differences(TableProfile profile) {
    this.table = RuleContext.of(profile);
  }

  /** The context of a difference in this table that depends on nothing else. */
  RuleContext table() {
    return table;
  }

  void add(RuleId rule, Difference.Subject subject, String path, String expected, String actual) {
    found.add(Difference.of(rule, subject, path, expected, actual, table));
  }

  void add(Difference difference) {
    found.add(difference);
  }

  List<Difference> list() {
    return List.copyOf(found);
  }
}
