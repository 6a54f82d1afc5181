package dev.schemadrift.run;

import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractReader;
import dev.schemadrift.contract.Contracts;
import dev.schemadrift.contract.Policy;
import dev.schemadrift.contract.Registry;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.error.ErrorKind;
import dev.schemadrift.json.InvalidDocumentException;
import dev.schemadrift.port.ObjectStore;
import dev.schemadrift.port.StoreException;
import java.util.Optional;

/**
 * Reads and parses one registry entry's contract; a contract outside the allowed buckets, missing,
 * unreadable or invalid becomes its ERROR artifact instead.
 */
final class ContractLoader {
  private final RunSettings settings;
  private final ObjectStore store;

  ContractLoader(RunSettings settings, ObjectStore store) {
    this.settings = settings;
    this.store = store;
  }

  /** Reads a contract's bytes: the store itself, or a cache that revalidates what it holds. */
  interface ContractSource {
    /** The object's bytes (at most {@link ContractReader#MAX_BYTES}), or empty when missing. */
    Optional<byte[]> read(String bucket, String objectKey);
  }

  /** The entry's contract with the registry's defaults under its own policy, or its error. */
  LoadedContract load(Registry.Entry entry, Policy defaults, RunId run) {
    return load(
        entry,
        defaults,
        run,
        (bucket, objectKey) -> store.get(bucket, objectKey, ContractReader.MAX_BYTES));
  }

  /** As above, reading the contract through {@code contracts}. */
  LoadedContract load(Registry.Entry entry, Policy defaults, RunId run, ContractSource contracts) {
    String key = entry.contract();
    S3Location location = S3Location.parse(key);
    String bucket = location == null ? settings.contractBucket() : location.bucket();
    String objectKey = location == null ? key : location.key();
    // s3://bucket/key, or the local file the CLI read it from.
    String source = store.describe(bucket, objectKey);
    if (!settings.allowsContractBucket(bucket)) {
      return LoadedContract.broken(
          entry,
          key,
          null,
          run,
          ErrorKind.CONTRACT_LOCATION_NOT_ALLOWED,
          "contract "
              + key
              + " is outside the contract bucket"
              + (settings.registryBucket() == null ? "" : " and the registry bucket")
              + ": contracts are read only from there");
    }
    if (!isPlainKey(objectKey)) {
      return LoadedContract.broken(
          entry,
          key,
          null,
          run,
          ErrorKind.CONTRACT_LOCATION_NOT_ALLOWED,
          "contract key '"
              + key
              + "' is not a plain object key (empty, '.' or '..' segments, a leading '/' or"
              + " control characters): contracts are read only from inside the contract bucket");
    }
    byte[] bytes;
    try {
      Optional<byte[]> found = contracts.read(bucket, objectKey);
      if (found.isEmpty()) {
        return LoadedContract.broken(
            entry,
            key,
            null,
            run,
            ErrorKind.CONTRACT_NOT_FOUND,
            "contract " + source + " does not exist");
      }
      bytes = found.get();
    } catch (StoreException e) {
      // A local key whose link leaves the contracts folder is INVALID_KEY: a location not allowed.
      ErrorKind kind =
          switch (e.kind()) {
            case TOO_LARGE -> ErrorKind.INVALID_CONTRACT;
            case INVALID_KEY -> ErrorKind.CONTRACT_LOCATION_NOT_ALLOWED;
            default -> e.kind();
          };
      return LoadedContract.broken(
          entry, key, null, run, kind, "contract " + source + ": " + e.getMessage());
    }
    DiffArtifact.ContractInfo info =
        new DiffArtifact.ContractInfo(key, null, Fingerprint.sha256(bytes));
    try {
      Contract contract = Contracts.read(source, bytes);
      contract = contract.withPolicy(contract.policy().over(defaults));
      if (entry.catalogId() != null) {
        if (contract.catalogId() != null && !contract.catalogId().equals(entry.catalogId())) {
          // Which catalog to read is ambiguous; guessing could judge another account's table.
          return LoadedContract.broken(
              entry,
              key,
              info,
              run,
              ErrorKind.INVALID_CONTRACT,
              source
                  + ": $.catalog_id: the contract names catalog "
                  + contract.catalogId()
                  + " but its registry entry names catalog "
                  + entry.catalogId()
                  + "; name one, or the same in both");
        }
        contract = contract.withCatalogId(entry.catalogId());
      }
      return new LoadedContract(
          entry,
          key,
          new DiffArtifact.ContractInfo(key, contract.contractVersion(), info.sha256()),
          contract,
          null,
          bytes);
    } catch (InvalidDocumentException e) {
      return LoadedContract.broken(
          entry, key, info, run, ErrorKind.INVALID_CONTRACT, e.getMessage());
    }
  }

  /** A key without path tricks: S3 reads them literally, but local folders and humans do not. */
  static boolean isPlainKey(String key) {
    if (key.isEmpty() || key.startsWith("/")) {
      return false;
    }
    for (int index = 0; index < key.length(); index++) {
      if (Character.isISOControl(key.charAt(index))) {
        return false;
      }
    }
    for (String segment : key.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }
}
