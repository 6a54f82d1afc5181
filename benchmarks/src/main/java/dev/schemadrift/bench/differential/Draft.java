package dev.schemadrift.bench.differential;

import dev.schemadrift.bench.differential.PairGenerator.Format;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One pair in the making: the contract and the Glue table the generator is drawing, and the helpers
 * every step shares.
 */
final class Draft {
  static final String[] COLUMN_WORDS = {
    "id",
    "customer",
    "amount",
    "created_at",
    "status",
    "region",
    "price",
    "quantity",
    "email",
    "score",
    "payload",
    "tags",
    "attributes",
    "address",
    "events",
    "note",
    "code",
    "total",
    "flag",
    "ratio"
  };
  static final String[] KEY_WORDS = {"dt", "year", "month", "day", "region", "source"};
  static final String[] FIELD_WORDS = {
    "lat", "lon", "street", "city", "zip", "kind", "value", "label", "at", "count"
  };
  static final String[] DATES = {
    "2025-12-31", "2026-05-31", "2026-06-01", "2026-06-02", "2027-03-31"
  };

  /** Every rule id of the catalogue as the contract spells it; fixed here, not read from code. */
  static final String[] RULES = {
    "TABLE_MISSING",
    "COLUMN_REMOVED",
    "COLUMN_ADDED",
    "COLUMN_INSERTED",
    "COLUMNS_REORDERED",
    "COLUMN_RENAMED",
    "COLUMN_NAME_CASE_CHANGED",
    "COLUMN_TYPE_WIDENED",
    "COLUMN_DECIMAL_PRECISION_INCREASED",
    "COLUMN_LENGTH_INCREASED",
    "COLUMN_LENGTH_DECREASED",
    "COLUMN_TYPE_NARROWED",
    "COLUMN_TYPE_CHANGED",
    "NESTED_FIELD_ADDED",
    "NESTED_FIELD_INSERTED",
    "NESTED_FIELDS_REORDERED",
    "NESTED_FIELD_REMOVED",
    "NESTED_FIELD_RENAMED",
    "PARTITION_KEY_ADDED",
    "PARTITION_KEY_REMOVED",
    "PARTITION_KEY_RENAMED",
    "PARTITION_KEYS_REORDERED",
    "PARTITION_KEY_TYPE_CHANGED",
    "COLUMN_MOVED_TO_PARTITION",
    "PARTITION_MOVED_TO_COLUMN",
    "COLUMN_BECAME_OPTIONAL",
    "COLUMN_BECAME_REQUIRED",
    "COLUMN_COMMENT_CHANGED",
    "STORAGE_FORMAT_CHANGED",
    "COLUMN_ACCESS_CHANGED",
    "SERDE_PARAMETER_CHANGED",
    "TABLE_LOCATION_CHANGED",
    "TABLE_TYPE_CHANGED",
    "WAIVER_EXPIRED"
  };

  static final String[] TYPE_RULES = {
    "COLUMN_TYPE_WIDENED", "COLUMN_DECIMAL_PRECISION_INCREASED", "COLUMN_LENGTH_INCREASED",
    "COLUMN_LENGTH_DECREASED", "COLUMN_TYPE_NARROWED", "COLUMN_TYPE_CHANGED"
  };

  static final String LAZY_SIMPLE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
  static final String OPEN_CSV = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
  static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
  static final String TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
  static final String[] HIVE_JSON_SERDES = {
    "org.apache.hive.hcatalog.data.JsonSerDe",
    "org.apache.hadoop.hive.serde2.JsonSerDe",
    "com.amazon.emr.hive.serde.CloudTrailSerde"
  };
  static final String OPENX_JSON = "org.openx.data.jsonserde.JsonSerDe";

  /** A contract column as the generator holds it before writing JSON. */
  static final class Column {
    String name;
    GeneratedType type;
    Boolean required;
    String description;
    final List<String> previousNames = new ArrayList<>();
    boolean deprecated;
    String sunset;

    Column(String name, GeneratedType type) {
      this.name = name;
      this.type = type;
    }
  }

  /** A Glue column (or partition key) as the generator holds it before writing JSON. */
  static final class CatalogColumn {
    String name;
    GeneratedType type;

    /** A type string written instead of {@link #type}: an invalid one, or a varied spelling. */
    String typeText;

    String comment;
    boolean optional = true;
    int fieldId;
    boolean current = true;

    CatalogColumn(String name, GeneratedType type, int fieldId) {
      this.name = name;
      this.type = type;
      this.fieldId = fieldId;
    }
  }

  final SplittableRandom random;
  final Set<String> usedNames = new HashSet<>();
  final List<String[]> hints = new ArrayList<>();

  Format format;
  Format tableFormat;
  String database;
  String table;
  String location;
  final List<Column> columns = new ArrayList<>();
  final List<Column> keys = new ArrayList<>();
  final List<CatalogColumn> catalogColumns = new ArrayList<>();
  final List<CatalogColumn> catalogKeys = new ArrayList<>();
  final List<CatalogColumn> history = new ArrayList<>();
  int nextFieldId = 1;

  // Contract format_options, null when not stated.
  String delimiter;
  char delimiterChar;
  String quote;
  String escape;
  Boolean header;
  String serdeOption;
  String inputRegex;
  String columnAccess;
  Boolean ignoreMalformed;
  final Map<String, String> mapping = new LinkedHashMap<>();

  // The Glue table's storage.
  boolean hasStorage = true;
  boolean hasSerdeInfo = true;
  String serde;
  String inputFormat;
  String outputFormat;
  final Map<String, String> serdeParameters = new LinkedHashMap<>();
  final Map<String, String> tableParameters = new LinkedHashMap<>();
  String catalogLocation;
  String tableType = "EXTERNAL_TABLE";

  // Policy.
  boolean compareComments;

  Draft(SplittableRandom random) {
    this.random = random;
  }

  @SafeVarargs
  final <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  String fresh(String[] words) {
    String word = words[random.nextInt(words.length)];
    String name = word;
    int suffix = 2;
    while (usedNames.contains(name.toLowerCase(Locale.ROOT))) {
      name = word + "_" + suffix++;
    }
    usedNames.add(name.toLowerCase(Locale.ROOT));
    return name;
  }

  static String freshField(List<GeneratedType.Field> fields, SplittableRandom random) {
    Set<String> taken = new HashSet<>();
    for (GeneratedType.Field field : fields) {
      taken.add(field.name().toLowerCase(Locale.ROOT));
    }
    String word = FIELD_WORDS[random.nextInt(FIELD_WORDS.length)];
    String name = word;
    int suffix = 2;
    while (taken.contains(name)) {
      name = word + suffix++;
    }
    return name;
  }

  GeneratedType randomType(int depth) {
    int roll = random.nextInt(100);
    if (depth >= 3 || roll < 58) {
      return randomScalar();
    }
    if (roll < 80) {
      return randomStruct(depth + 1);
    }
    if (roll < 89) {
      return new GeneratedType.Array(randomType(depth + 1));
    }
    if (roll < 98) {
      return new GeneratedType.MapType(randomScalar(), randomType(depth + 1));
    }
    return new GeneratedType.Union(List.of(randomScalar(), randomScalar()));
  }

  GeneratedType.Struct randomStruct(int depth) {
    List<GeneratedType.Field> fields = new ArrayList<>();
    int count = 1 + random.nextInt(4);
    for (int field = 0; field < count; field++) {
      fields.add(new GeneratedType.Field(freshField(fields, random), randomType(depth)));
    }
    return new GeneratedType.Struct(fields);
  }

  GeneratedType randomScalar() {
    // Decimals come twice as often as each other type: their precision has a rule of its own.
    return switch (random.nextInt(15)) {
      case 0 -> new GeneratedType.Scalar("tinyint");
      case 1 -> new GeneratedType.Scalar("smallint");
      case 2 -> new GeneratedType.Scalar("int");
      case 3 -> new GeneratedType.Scalar("bigint");
      case 4 -> new GeneratedType.Scalar("float");
      case 5 -> new GeneratedType.Scalar("double");
      case 6 -> new GeneratedType.Scalar("string");
      case 7 -> new GeneratedType.Scalar("date");
      case 8 -> new GeneratedType.Scalar("timestamp");
      case 9 -> new GeneratedType.Scalar("boolean");
      case 10 -> new GeneratedType.Scalar("binary");
      case 11, 14 -> {
        int precision = 1 + random.nextInt(random.nextBoolean() ? 18 : 38);
        yield new GeneratedType.Decimal(precision, random.nextInt(Math.min(precision, 6) + 1));
      }
      case 12 -> new GeneratedType.Fixed(1 + random.nextInt(random.nextBoolean() ? 20 : 255));
      default -> new GeneratedType.Varying(1 + random.nextInt(random.nextBoolean() ? 50 : 65535));
    };
  }

  /** A type one step away in the promotion lattice, or (a quarter of the time) any type. */
  GeneratedType neighbour(GeneratedType from, boolean primitiveOnly) {
    if (random.nextInt(4) == 0) {
      return primitiveOnly || random.nextInt(5) > 0 ? randomScalar() : randomType(1);
    }
    return switch (from) {
      case GeneratedType.Scalar scalar ->
          switch (scalar.keyword()) {
            case "tinyint", "smallint", "int", "bigint" ->
                random.nextInt(5) == 0
                    ? new GeneratedType.Scalar(pick("float", "double", "string"))
                    : new GeneratedType.Scalar(pick("tinyint", "smallint", "int", "bigint"));
            case "float" -> new GeneratedType.Scalar(pick("double", "double", "int"));
            case "double" ->
                random.nextBoolean()
                    ? new GeneratedType.Scalar("float")
                    : new GeneratedType.Decimal(18, 2);
            case "string" ->
                random.nextBoolean()
                    ? new GeneratedType.Varying(1 + random.nextInt(100))
                    : new GeneratedType.Fixed(1 + random.nextInt(20));
            case "date" -> new GeneratedType.Scalar("timestamp");
            case "timestamp" -> new GeneratedType.Scalar(pick("date", "string"));
            case "boolean" -> new GeneratedType.Scalar(pick("int", "string", "tinyint"));
            default -> new GeneratedType.Scalar(pick("string", "boolean"));
          };
      case GeneratedType.Decimal decimal -> {
        int roll = random.nextInt(3);
        if (roll == 0 && decimal.precision() < 38) {
          yield new GeneratedType.Decimal(
              decimal.precision() + 1 + random.nextInt(38 - decimal.precision()), decimal.scale());
        }
        if (roll == 1 && decimal.precision() > Math.max(1, decimal.scale())) {
          yield new GeneratedType.Decimal(decimal.precision() - 1, decimal.scale());
        }
        yield new GeneratedType.Decimal(
            decimal.precision(), (decimal.scale() + 1) % (decimal.precision() + 1));
      }
      case GeneratedType.Fixed fixed ->
          switch (random.nextInt(4)) {
            case 0 -> new GeneratedType.Varying(fixed.length() + random.nextInt(3));
            case 1 -> new GeneratedType.Fixed(Math.max(1, fixed.length() - 1));
            case 2 -> new GeneratedType.Fixed(Math.min(255, fixed.length() + 5));
            default -> new GeneratedType.Scalar("string");
          };
      case GeneratedType.Varying varying ->
          switch (random.nextInt(4)) {
            case 0 -> new GeneratedType.Varying(Math.min(65535, varying.length() + 10));
            case 1 -> new GeneratedType.Varying(Math.max(1, varying.length() / 2));
            case 2 -> new GeneratedType.Fixed(Math.min(255, varying.length()));
            default -> new GeneratedType.Scalar("string");
          };
      case GeneratedType.Array array -> randomScalar();
      case GeneratedType.MapType map -> randomScalar();
      case GeneratedType.Struct struct -> randomScalar();
      case GeneratedType.Union union -> new GeneratedType.Scalar("string");
    };
  }

  void hint(String rule, String path) {
    hints.add(new String[] {rule, path});
  }

  CatalogColumn newCatalogColumn() {
    CatalogColumn added = new CatalogColumn(fresh(COLUMN_WORDS), randomType(0), nextFieldId++);
    added.comment = random.nextInt(4) == 0 ? "added later" : null;
    return added;
  }

  void ensureKeys() {
    if (catalogKeys.isEmpty()) {
      Column key = new Column(fresh(KEY_WORDS), randomScalar());
      keys.add(key);
      catalogKeys.add(new CatalogColumn(key.name, key.type, nextFieldId++));
    }
  }
}
