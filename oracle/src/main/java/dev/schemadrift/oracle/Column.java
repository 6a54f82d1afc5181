package dev.schemadrift.oracle;

import java.util.Objects;
import java.util.regex.Pattern;

/** A column of an experiment's schema: a lower-case name and a Hive type string. */
record Column(String name, String type) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("column name '" + name + "' is not [a-z][a-z0-9_]*");
    }
    if (type.isBlank()) {
      throw new IllegalArgumentException("column " + name + " has no type");
    }
  }
}
