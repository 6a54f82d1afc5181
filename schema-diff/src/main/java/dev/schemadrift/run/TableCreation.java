package dev.schemadrift.run;

/** Whether a run may create a missing table (and its database) in the catalog from its contract. */
public enum TableCreation {
  /** Never: the run only reads the catalog, and a missing table is TABLE_MISSING. */
  NEVER,

  /** When the contract's (or the registry's default) {@code create_if_missing} policy allows. */
  AS_POLICY_ALLOWS
}
