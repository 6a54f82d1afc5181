package dev.schemadrift.type;

/** The parameterless Hive primitives Glue stores, by canonical name. */
public enum PrimitiveKind {
  BOOLEAN("boolean"),
  TINYINT("tinyint"),
  SMALLINT("smallint"),
  INT("int"),
  BIGINT("bigint"),
  FLOAT("float"),
  DOUBLE("double"),
  STRING("string"),
  BINARY("binary"),
  DATE("date"),
  TIMESTAMP("timestamp");

  private final String typeName;

  PrimitiveKind(String typeName) {
    this.typeName = typeName;
  }

  /** The canonical lower-case Hive name. */
  public String typeName() {
    return typeName;
  }
}
