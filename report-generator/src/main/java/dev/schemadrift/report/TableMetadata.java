package dev.schemadrift.report;

import java.util.List;

/** What the registry says about a table beyond its diff: who owns it and its tags. */
public record TableMetadata(String owner, List<String> tags) {
  public TableMetadata {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
