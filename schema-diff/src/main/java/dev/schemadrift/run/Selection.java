package dev.schemadrift.run;

import dev.schemadrift.contract.Policy;
import dev.schemadrift.contract.Registry;
import dev.schemadrift.contract.RegistryReader;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
import java.util.ArrayList;
import java.util.List;

/** Which contracts a run checks, under which defaults, and how the registry cursor moves. */
record Selection(
    RunMode mode,
    List<Registry.Entry> entries,
    Policy defaults,
    List<String> skipped,
    RegistryCursor.Position nextCursor,
    RegistryCursor cursorAfterRun) {

  /**
   * Registry entries after this run's slice that the next scheduled runs will check before the
   * cycle starts again at the first entry; 0 when the registry fits in one run or is not used.
   */
  int tablesLeft() {
    if (nextCursor == null || cursorAfterRun == null || nextCursor.index() == 0) {
      return 0;
    }
    return cursorAfterRun.registrySize() - nextCursor.index();
  }

  /**
   * Chooses the contracts of a run: the event's explicit keys, one contract, a table subset of the
   * registry, or the registry's next slice (which reads the saved cursor).
   */
  static Selection of(RunRequest request, RunSettings settings, ObjectStore store) {
    String single = request.contractKey() != null ? request.contractKey() : null;
    if (single == null && !settings.registryMode() && request.tables().isEmpty()) {
      single = settings.contractKey();
    }
    Registry registry = settings.registryMode() ? readRegistry(settings, store) : null;
    Policy defaults = registry == null ? Policy.EMPTY : registry.defaultPolicy();
    if (!request.contractKeys().isEmpty()) {
      List<Registry.Entry> entries = new ArrayList<>();
      for (String key : request.contractKeys()) {
        entries.add(new Registry.Entry(key, true, List.of()));
      }
      return new Selection(RunMode.EXPLICIT, entries, defaults, List.of(), null, null);
    }
    if (single != null) {
      return new Selection(
          RunMode.SINGLE,
          List.of(new Registry.Entry(single, true, List.of())),
          defaults,
          List.of(),
          null,
          null);
    }
    if (registry == null) {
      throw new RunFailedException(
          request.tables().isEmpty()
              ? "no contract to check: the event names no contract_key, and neither CONTRACT_KEY nor"
                  + " REGISTRY_BUCKET is configured"
              : "a table subset needs a registry, but REGISTRY_BUCKET is not configured",
          null);
    }
    List<Registry.Entry> enabled = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Registry.Entry entry : registry.tables()) {
      if (entry.enabled()) {
        enabled.add(entry);
      } else {
        skipped.add(entry.contract());
      }
    }
    if (!request.tables().isEmpty()) {
      return new Selection(RunMode.SUBSET, enabled, defaults, skipped, null, null);
    }
    RegistryCursor previous = RegistryCursor.load(store, settings.reportBucket());
    RegistryCursor.Slice slice =
        RegistryCursor.slice(previous, enabled, settings.maxTablesPerRun(), request.runId());
    return new Selection(
        RunMode.REGISTRY, slice.entries(), defaults, skipped, slice.next(), slice.cursorAfterRun());
  }

  private static Registry readRegistry(RunSettings settings, ObjectStore store) {
    String where = "s3://" + settings.registryBucket() + "/" + settings.registryKey();
    byte[] bytes;
    try {
      bytes =
          store
              .get(settings.registryBucket(), settings.registryKey(), RegistryReader.MAX_BYTES)
              .orElseThrow(
                  () -> new RunFailedException("the registry " + where + " does not exist", null));
    } catch (StoreException e) {
      throw new RunFailedException(
          "the registry " + where + " could not be read: " + e.getMessage(), e);
    }
    try {
      return RegistryReader.read(where, bytes);
    } catch (InvalidDocumentException e) {
      throw new RunFailedException("the registry is invalid: " + e.getMessage(), e);
    }
  }
}
