package dev.schemadrift.catalog;

/** How a table's readers find a column in the files: this decides most verdicts. */
public enum FormatProfile {
  /** Text SerDes, ORC by default, Parquet with index access: the n-th column is the n-th field. */
  POSITIONAL,
  /** JSON, Ion, Avro, Parquet by default, ORC with name access. */
  BY_NAME,
  /** Iceberg resolves columns by field id. */
  ICEBERG,
  /** Not recognised: judged as {@link #POSITIONAL}, the most conservative reading. */
  UNKNOWN;

  /** The profile whose rules apply: UNKNOWN is judged as POSITIONAL. */
  public FormatProfile judgedAs() {
    return this == UNKNOWN ? POSITIONAL : this;
  }
}
