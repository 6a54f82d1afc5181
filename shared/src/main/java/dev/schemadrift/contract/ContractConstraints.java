package dev.schemadrift.contract;

import dev.schemadrift.json.StrictObject;
import dev.schemadrift.type.DataType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * What a contract may hold whichever format it is written in: the JSON and the ODCS readers check
 * versions, names, locations, partition key types and dates here, so that both accept the same.
 */
final class ContractConstraints {
  static final Pattern SEMVER =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?");
  static final Pattern GLUE_NAME = Pattern.compile("[a-z0-9_]{1,255}");
  static final Pattern LOCATION =
      Pattern.compile("s3[an]?://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?");

  /** A Glue Data Catalog id: the 12-digit id of the AWS account that owns the catalog. */
  static final Pattern CATALOG_ID = Pattern.compile("[0-9]{12}");

  private static final int MAX_COLUMN_NAME = 255;

  private ContractConstraints() {}

  /** Whether a type can be a partition key's. */
  static boolean isPrimitive(DataType type) {
    return switch (type) {
      case DataType.Primitive primitive -> true;
      case DataType.Decimal decimal -> true;
      case DataType.Char fixed -> true;
      case DataType.Varchar varying -> true;
      case DataType.Array array -> false;
      case DataType.Map map -> false;
      case DataType.Struct struct -> false;
      case DataType.Union union -> false;
    };
  }

  /** The problem with a catalog id, or null when it is 12 digits. */
  static String catalogIdProblem(String catalogId) {
    return CATALOG_ID.matcher(catalogId).matches()
        ? null
        : "'"
            + catalogId
            + "' is not a Glue catalog id: the 12-digit id of the account that owns the catalog,"
            + " like 123456789012";
  }

  /** Glue accepts almost any single-line name; we reject what no reader could use. */
  static String columnNameProblem(String name) {
    if (name.isBlank()) {
      return "a column name must not be empty";
    }
    if (name.length() > MAX_COLUMN_NAME) {
      return "a column name must be at most " + MAX_COLUMN_NAME + " characters";
    }
    for (int index = 0; index < name.length(); index++) {
      if (Character.isISOControl(name.charAt(index))) {
        return "a column name must not contain control characters (at character " + index + ")";
      }
    }
    if (!name.equals(name.strip())) {
      return "a column name must not start or end with white space";
    }
    return null;
  }

  /** An optional date field written like 2027-03-31, or null (with a problem when malformed). */
  static LocalDate date(StrictObject object, String field) {
    String text = object.optionalString(field);
    if (text == null) {
      return null;
    }
    try {
      if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new DateTimeParseException("pattern", text, 0);
      }
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      object
          .problems()
          .add(object.childPath(field), "'" + text + "' is not a date like 2027-03-31");
      return null;
    }
  }
}
