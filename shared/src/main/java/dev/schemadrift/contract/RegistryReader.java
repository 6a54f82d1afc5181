package dev.schemadrift.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemadrift.json.Json;
import dev.schemadrift.json.Problems;
import dev.schemadrift.json.StrictObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the registry ({@code configs/tables.json}) strictly, every problem with its JSON path. */
public final class RegistryReader {
  /** The largest registry read (about 100,000 entries). */
  public static final int MAX_BYTES = 32 * 1024 * 1024;

  private RegistryReader() {}

  public static Registry read(String source, byte[] json) {
    Json.refuseAbove(source, json, MAX_BYTES);
    JsonNode root = Json.readTree(source, json);
    Problems problems = new Problems(source);
    StrictObject object = StrictObject.of(root, "$", problems);
    if (object == null) {
      problems.throwIfAny();
    }
    Integer version = object.optionalInteger("registry_version");
    if (version == null && object.field("registry_version") == null) {
      problems.add("$.registry_version", "required field is missing");
    } else if (version != null && version != Registry.VERSION) {
      problems.add(
          "$.registry_version",
          "unsupported registry version "
              + version
              + "; this monitor reads version "
              + Registry.VERSION);
    }
    Policy defaults = Policy.EMPTY;
    StrictObject defaultsObject = object.optionalObject("defaults");
    if (defaultsObject != null) {
      StrictObject policy = defaultsObject.optionalObject("policy");
      if (policy != null) {
        defaults = ContractReader.policy(policy);
      }
      defaultsObject.rejectUnknownFields();
    }
    Map<String, String> seen = new HashMap<>();
    List<Registry.Entry> tables =
        object.optionalList(
            "tables",
            element -> {
              StrictObject entry = StrictObject.of(element.node(), element.path(), problems);
              if (entry == null) {
                return null;
              }
              String contract = entry.requiredString("contract");
              if (contract != null && contract.isBlank()) {
                problems.add(entry.childPath("contract"), "must not be empty");
                contract = null;
              }
              if (contract != null) {
                String earlier = seen.putIfAbsent(contract, entry.childPath("contract"));
                if (earlier != null) {
                  problems.add(
                      entry.childPath("contract"), "listed twice (first at " + earlier + ")");
                }
              }
              Boolean enabled = entry.optionalBoolean("enabled");
              List<String> tags =
                  entry.optionalList(
                      "tags",
                      tag -> {
                        if (!tag.node().isTextual()) {
                          problems.add(
                              tag.path(),
                              "expected a string but found " + StrictObject.describe(tag.node()));
                          return null;
                        }
                        return tag.node().textValue();
                      });
              String catalogId = entry.optionalString("catalog_id");
              if (catalogId != null && ContractConstraints.catalogIdProblem(catalogId) != null) {
                problems.add(
                    entry.childPath("catalog_id"), ContractConstraints.catalogIdProblem(catalogId));
                catalogId = null;
              }
              entry.rejectUnknownFields();
              return contract == null
                  ? null
                  : new Registry.Entry(contract, !Boolean.FALSE.equals(enabled), tags, catalogId);
            });
    if (object.field("tables") == null) {
      problems.add("$.tables", "required field is missing");
    } else if (object.field("tables").isArray() && object.field("tables").isEmpty()) {
      // A run that checks nothing would look green: an emptied registry is a mistake to surface.
      problems.add("$.tables", "the registry lists no contracts, so a run would check nothing");
    }
    object.rejectUnknownFields();
    problems.throwIfAny();
    return new Registry(Registry.VERSION, defaults, tables);
  }
}
