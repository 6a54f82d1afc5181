package dev.schemadrift.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one generation did, for the handler's response and log line.
 *
 * @param tables tables reported on (reports written for each)
 * @param stateConflicts conditional writes of the index state lost to another generation
 * @param indexWrites times index.html was written (more than one when the state moved meanwhile)
 * @param latestWrites latest.html objects written
 * @param indexTables tables listed in the last index.html written
 * @param notifications notification messages published
 * @param newBreaking tables newly BREAKING (alert keys not announced before), with or without a
 *     topic
 * @param newError tables newly ERROR, with or without a topic
 */
public record GenerationSummary(
    int tables,
    int stateConflicts,
    int indexWrites,
    int latestWrites,
    int indexTables,
    int notifications,
    int newBreaking,
    int newError) {

  /** The invocation's response fields (the new-alert counts go to the log and metrics only). */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("tables", tables);
    map.put("state_conflicts", stateConflicts);
    map.put("index_writes", indexWrites);
    map.put("latest_writes", latestWrites);
    map.put("index_tables", indexTables);
    map.put("notifications", notifications);
    return map;
  }
}
