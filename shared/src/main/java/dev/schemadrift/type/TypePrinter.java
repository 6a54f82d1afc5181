package dev.schemadrift.type;

/** Writes the canonical spelling of a type: lower-case keywords, no spaces, quoted odd names. */
final class TypePrinter {
  private TypePrinter() {}

  static String print(DataType type) {
    StringBuilder out = new StringBuilder();
    append(type, out);
    return out.toString();
  }

  /** Field names that the parser could misread are back-quoted, with back-quotes doubled. */
  static String fieldName(String name) {
    if (isPlain(name)) {
      return name;
    }
    return "`" + name.replace("`", "``") + "`";
  }

  /**
   * {@code [A-Za-z0-9_$]+} without a regex: compiling one costs the handler's first invocation
   * measurably (docs/PERFORMANCE.md, issue 12).
   */
  private static boolean isPlain(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int index = 0; index < name.length(); index++) {
      char c = name.charAt(index);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '$';
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  private static void append(DataType type, StringBuilder out) {
    switch (type) {
      case DataType.Primitive primitive -> out.append(primitive.kind().typeName());
      case DataType.Decimal decimal ->
          out.append("decimal(")
              .append(decimal.precision())
              .append(',')
              .append(decimal.scale())
              .append(')');
      case DataType.Char fixed -> out.append("char(").append(fixed.length()).append(')');
      case DataType.Varchar varying -> out.append("varchar(").append(varying.length()).append(')');
      case DataType.Array array -> {
        out.append("array<");
        append(array.element(), out);
        out.append('>');
      }
      case DataType.Map map -> {
        out.append("map<");
        append(map.key(), out);
        out.append(',');
        append(map.value(), out);
        out.append('>');
      }
      case DataType.Struct struct -> {
        out.append("struct<");
        for (int index = 0; index < struct.fields().size(); index++) {
          DataType.Field field = struct.fields().get(index);
          if (index > 0) {
            out.append(',');
          }
          out.append(fieldName(field.name())).append(':');
          append(field.type(), out);
        }
        out.append('>');
      }
      case DataType.Union union -> {
        out.append("uniontype<");
        for (int index = 0; index < union.alternatives().size(); index++) {
          if (index > 0) {
            out.append(',');
          }
          append(union.alternatives().get(index), out);
        }
        out.append('>');
      }
    }
  }
}
