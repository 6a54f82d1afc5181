package dev.schemadrift.run;

import dev.schemadrift.artifact.BucketLayout;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.Registry;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.error.ErrorKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A registry entry after loading: its contract, or the ERROR artifact that replaces it.
 *
 * @param info null when the contract could not be read
 * @param contract null when {@code error} is set
 * @param error the artifact that replaces the check, or null
 * @param bytes the contract's bytes as read, kept with its verdict's record (null when {@code
 *     contract} is)
 */
record LoadedContract(
    Registry.Entry entry,
    String key,
    DiffArtifact.ContractInfo info,
    Contract contract,
    DiffArtifact error,
    byte[] bytes) {

  /** The database the contract names, or null for a broken contract. */
  String database() {
    return contract == null ? null : contract.database();
  }

  /** A contract that will not be checked: its ERROR artifact, named after the key. */
  static LoadedContract broken(
      Registry.Entry entry,
      String key,
      DiffArtifact.ContractInfo info,
      RunId run,
      ErrorKind kind,
      String message) {
    DiffArtifact artifact =
        TableCheck.error(
            run,
            placeholderName(key),
            info == null ? new DiffArtifact.ContractInfo(key, null, null) : info,
            kind,
            message);
    return new LoadedContract(entry, key, info, null, artifact, null);
  }

  /**
   * A name for a contract that could not name its own table: derived from the key (sanitised) plus
   * a hash, so distinct keys never share an artifact, joined by a character no Glue name holds, so
   * that no valid contract shares it either.
   */
  static DiffArtifact.TableName placeholderName(String key) {
    String cleaned =
        key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (cleaned.length() > 80) {
      cleaned = cleaned.substring(cleaned.length() - 80);
    }
    String hash = Fingerprint.sha256(key).substring(0, 8);
    return new DiffArtifact.TableName(
        SchemaDiffRun.CONTRACT_ERRORS_DATABASE,
        (cleaned.isEmpty() ? "contract" : cleaned) + BucketLayout.PLACEHOLDER_SEPARATOR + hash);
  }

  /** The contracts of the wanted tables, in the order asked, plus every broken contract. */
  static List<LoadedContract> subset(
      List<LoadedContract> loaded, List<String> tables, List<String> notFound) {
    Map<String, LoadedContract> byName = new LinkedHashMap<>();
    for (LoadedContract item : loaded) {
      if (item.contract() != null) {
        byName.putIfAbsent(item.contract().qualifiedName(), item);
      }
    }
    List<LoadedContract> chosen = new ArrayList<>();
    for (String wanted : tables) {
      LoadedContract item = byName.get(wanted.toLowerCase(Locale.ROOT));
      if (item == null) {
        notFound.add(wanted);
      } else if (!chosen.contains(item)) {
        chosen.add(item);
      }
    }
    // Broken contracts cannot be matched by name but must never vanish silently.
    for (LoadedContract item : loaded) {
      if (item.contract() == null) {
        chosen.add(item);
      }
    }
    return chosen;
  }

  /** Two contracts for one table would overwrite each other's artifact: the first one wins. */
  static List<LoadedContract> markDuplicates(List<LoadedContract> loaded, RunId run) {
    Map<String, String> owners = new HashMap<>();
    List<LoadedContract> result = new ArrayList<>(loaded.size());
    for (LoadedContract item : loaded) {
      if (item.contract() != null) {
        String first = owners.putIfAbsent(item.contract().qualifiedName(), item.key());
        if (first != null) {
          result.add(
              broken(
                  item.entry(),
                  item.key(),
                  item.info(),
                  run,
                  ErrorKind.DUPLICATE_CONTRACT,
                  "contract "
                      + item.key()
                      + " describes "
                      + item.contract().qualifiedName()
                      + ", which contract "
                      + first
                      + " already describes; only the first is checked"));
          continue;
        }
      }
      result.add(item);
    }
    return result;
  }
}
