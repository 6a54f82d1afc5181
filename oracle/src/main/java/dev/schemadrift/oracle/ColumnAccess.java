package dev.schemadrift.oracle;

/** How a Parquet or ORC reader finds a column in the file: the switch an experiment may set. */
enum ColumnAccess {
  /** The engine's default for the format (Parquet by name, ORC by index). */
  DEFAULT,
  BY_NAME,
  BY_INDEX
}
