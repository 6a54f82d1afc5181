package dev.schemadrift.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pairs the items of two lists: same name first, then same name ignoring case, then the rename
 * signals; remembers what is left on each side. Items are addressed by their index, so every step
 * is linear in the number of columns.
 */
final class Matching {
  /** How far past the previous match the aligned pass looks for a name before hashing. */
  private static final int LOOKAHEAD = 8;

  private final Items expected;
  private final Items actual;
  private final int[] partner;
  private RenameEvidence[] evidence;
  private final boolean[] actualPaired;
  private final boolean[] expectedDropped;
  private final boolean[] actualDropped;
  private int paired;
  private int expectedDroppedCount;
  private int actualDroppedCount;
  private int maxPairedActual = -1;
  private List<Item> unmatchedExpected;
  private List<Item> unmatchedActual;

  private Matching(Items expected, Items actual) {
    this.expected = expected;
    this.actual = actual;
    this.partner = new int[expected.size()];
    Arrays.fill(partner, -1);
    this.actualPaired = new boolean[actual.size()];
    this.expectedDropped = new boolean[expected.size()];
    this.actualDropped = new boolean[actual.size()];
  }

  /**
   * Pairs by exact name, then by name ignoring case.
   *
   * @param uniqueActualNames true when no two actual items share a name (top-level columns and
   *     partition keys, once duplicates ignoring case are rejected); it allows the aligned pass
   */
  static Matching byName(Items expected, Items actual, boolean uniqueActualNames) {
    Matching matching = new Matching(expected, actual);
    // Most columns stand where the contract puts them. While the names agree position by
    // position, the first free item of that name is the one at the same position (every
    // earlier one is taken), so the common prefix pairs without hashing.
    int prefix = 0;
    int common = Math.min(expected.size(), actual.size());
    while (prefix < common && expected.names[prefix].equals(actual.names[prefix])) {
      matching.pair(prefix, prefix, null);
      prefix++;
    }
    if (prefix == expected.size()) {
      return matching;
    }
    if (uniqueActualNames) {
      matching.pairAligned(prefix);
    } else {
      matching.pairHashed(prefix);
    }
    if (matching.paired == expected.size() || matching.paired == actual.size()) {
      return matching;
    }
    // Items paired above can never be chosen again: fold only the names of those left over.
    Map<String, List<Item>> folded = new HashMap<>();
    for (int index = 0; index < actual.size(); index++) {
      if (!matching.actualPaired[index]) {
        Item item = actual.get(index);
        String key = item.name().toLowerCase(Locale.ROOT);
        List<Item> same = folded.get(key);
        if (same == null) {
          same = new ArrayList<>(1);
          folded.put(key, same);
        }
        same.add(item);
      }
    }
    for (int index = 0; index < expected.size(); index++) {
      if (matching.partner[index] < 0) {
        Item item = expected.get(index);
        Item match = matching.firstFree(folded.get(item.name().toLowerCase(Locale.ROOT)));
        if (match != null) {
          matching.pair(item, match, null);
        }
      }
    }
    return matching;
  }

  /**
   * Exact names when every actual name is unique: an expected item's match is the one actual item
   * of its name, if that is still free. It is looked for just after the previous match (columns
   * mostly keep their order); a name not found there is resolved by hashing afterwards, in contract
   * order, and so is every later item of the same name, so that the first item of a name still gets
   * the first claim.
   */
  private void pairAligned(int from) {
    int next = from;
    List<Item> deferred = null;
    Set<String> deferredNames = null;
    for (int index = from; index < expected.size(); index++) {
      String name = expected.names[index];
      int found = -1;
      if (deferredNames == null || !deferredNames.contains(name)) {
        int limit = Math.min(actual.size(), next + LOOKAHEAD);
        for (int at = next; at < limit; at++) {
          if (actual.names[at].equals(name)) {
            found = at;
            break;
          }
        }
      }
      if (found >= 0) {
        if (!actualPaired[found]) {
          pair(index, found, null);
        }
        next = found + 1;
      } else {
        if (deferred == null) {
          deferred = new ArrayList<>();
          deferredNames = new HashSet<>();
        }
        deferred.add(expected.get(index));
        deferredNames.add(name);
      }
    }
    if (deferred == null) {
      return;
    }
    Map<String, Item> free = new HashMap<>();
    for (int index = 0; index < actual.size(); index++) {
      if (!actualPaired[index]) {
        free.put(actual.get(index).name(), actual.get(index));
      }
    }
    for (Item item : deferred) {
      Item match = freeOrNull(free.get(item.name()));
      if (match != null) {
        pair(item, match, null);
      }
    }
  }

  /** Exact names when actual names may repeat: the first free item of the name. */
  private void pairHashed(int prefix) {
    // One item per name; the rare names held by several items keep them all, in order.
    Map<String, Item> firstByName = new HashMap<>((actual.size() - prefix) * 2);
    Map<String, List<Item>> shared = null;
    for (Item item : actual.subList(prefix, actual.size())) {
      Item first = firstByName.putIfAbsent(item.name(), item);
      if (first != null) {
        if (shared == null) {
          shared = new HashMap<>();
        }
        List<Item> same = shared.get(item.name());
        if (same == null) {
          same = new ArrayList<>(List.of(first));
          shared.put(item.name(), same);
        }
        same.add(item);
      }
    }
    for (Item item : expected.subList(prefix, expected.size())) {
      List<Item> several = shared == null ? null : shared.get(item.name());
      Item match = several != null ? firstFree(several) : freeOrNull(firstByName.get(item.name()));
      if (match != null) {
        pair(item, match, null);
      }
    }
  }

  private Item freeOrNull(Item candidate) {
    return candidate == null || actualPaired[candidate.index()] || actualDropped[candidate.index()]
        ? null
        : candidate;
  }

  private Item firstFree(List<Item> candidates) {
    if (candidates == null) {
      return null;
    }
    for (Item candidate : candidates) {
      if (!actualPaired[candidate.index()] && !actualDropped[candidate.index()]) {
        return candidate;
      }
    }
    return null;
  }

  void pair(Item expectedItem, Item actualItem, RenameEvidence why) {
    pair(expectedItem.index(), actualItem.index(), why);
  }

  private void pair(int expectedIndex, int actualIndex, RenameEvidence why) {
    partner[expectedIndex] = actualIndex;
    if (why != null) {
      if (evidence == null) {
        evidence = new RenameEvidence[partner.length];
      }
      evidence[expectedIndex] = why;
    }
    actualPaired[actualIndex] = true;
    paired++;
    unmatchedExpected = null;
    unmatchedActual = null;
    maxPairedActual = Math.max(maxPairedActual, actualIndex);
  }

  /** The index of the actual item paired with the expected item at {@code index}, or -1. */
  int partnerIndex(int index) {
    return partner[index];
  }

  /** The actual item paired with the expected item at {@code index}, or null. */
  Item partnerOf(int index) {
    int at = partner[index];
    return at < 0 ? null : actual.get(at);
  }

  /** Why the expected item at {@code index} was paired under another name, or null. */
  RenameEvidence evidenceOf(int index) {
    return evidence == null ? null : evidence[index];
  }

  /** The expected items not paired or dropped, in order (kept until the next change). */
  List<Item> unmatchedExpected() {
    if (unmatchedExpected == null) {
      if (paired + expectedDroppedCount == expected.size()) {
        unmatchedExpected = List.of();
      } else {
        List<Item> unmatched = new ArrayList<>();
        for (int index = 0; index < partner.length; index++) {
          if (partner[index] < 0 && !expectedDropped[index]) {
            unmatched.add(expected.get(index));
          }
        }
        unmatchedExpected = Collections.unmodifiableList(unmatched);
      }
    }
    return unmatchedExpected;
  }

  /** The actual items not paired or taken, in order (kept until the next change). */
  List<Item> unmatchedActual() {
    if (unmatchedActual == null) {
      if (paired + actualDroppedCount == actual.size()) {
        unmatchedActual = List.of();
      } else {
        List<Item> unmatched = new ArrayList<>();
        for (int index = 0; index < actualPaired.length; index++) {
          if (!actualPaired[index] && !actualDropped[index]) {
            unmatched.add(actual.get(index));
          }
        }
        unmatchedActual = Collections.unmodifiableList(unmatched);
      }
    }
    return unmatchedActual;
  }

  void dropExpected(Item item) {
    if (!expectedDropped[item.index()]) {
      expectedDropped[item.index()] = true;
      expectedDroppedCount++;
      unmatchedExpected = null;
    }
  }

  Item takeUnmatchedActual(String name) {
    for (int index = 0; index < actualPaired.length; index++) {
      Item item;
      if (!actualPaired[index]
          && !actualDropped[index]
          && (item = actual.get(index)).name().equalsIgnoreCase(name)) {
        actualDropped[item.index()] = true;
        actualDroppedCount++;
        unmatchedActual = null;
        return item;
      }
    }
    return null;
  }

  void pairByPreviousNames() {
    for (Item item : unmatchedExpected()) {
      if (item.promised() == null || item.promised().previousNames().isEmpty()) {
        continue;
      }
      for (Item candidate : unmatchedActual()) {
        boolean named = false;
        for (String previous : item.promised().previousNames()) {
          if (previous.equalsIgnoreCase(candidate.name())) {
            named = true;
            break;
          }
        }
        if (named) {
          pair(item, candidate, RenameEvidence.PREVIOUS_NAMES);
          break;
        }
      }
    }
  }

  /** The heuristic: exactly one removed and one added, same position, same type. */
  void pairByPositionAndType() {
    List<Item> removed = unmatchedExpected();
    if (removed.size() != 1) {
      return;
    }
    List<Item> added = unmatchedActual();
    if (added.size() == 1) {
      Item from = removed.getFirst();
      Item to = added.getFirst();
      if (from.index() == to.index() && from.type().equals(to.type())) {
        pair(from, to, RenameEvidence.POSITION_AND_TYPE);
      }
    }
  }

  boolean hasPairAfter(int actualIndex) {
    return maxPairedActual > actualIndex;
  }

  boolean isReordered() {
    int last = -1;
    for (int at : partner) {
      if (at >= 0) {
        if (at < last) {
          return true;
        }
        last = at;
      }
    }
    return false;
  }

  String expectedOrder() {
    StringBuilder order = new StringBuilder();
    String separator = "";
    for (int index = 0; index < partner.length; index++) {
      if (partner[index] >= 0) {
        order.append(separator).append(expected.get(index).name());
        separator = ",";
      }
    }
    return order.toString();
  }

  String actualOrder() {
    StringBuilder order = new StringBuilder();
    String separator = "";
    for (int index = 0; index < actualPaired.length; index++) {
      if (actualPaired[index]) {
        order.append(separator).append(actual.get(index).name());
        separator = ",";
      }
    }
    return order.toString();
  }
}
