package dev.schemadrift.bench;

import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.ContractColumn;
import dev.schemadrift.contract.ContractFormat;
import dev.schemadrift.type.TypeParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The measured inputs, generated deterministically: a 1,000-column contract/Glue pair with nested
 * structs, arrays, maps and decimals and exactly {@link #CHANGES} changes, the deepest and widest
 * type strings Glue holds in practice, and synthetic nesting of any depth.
 *
 * <p>About 40% of the columns are nested types whose strings differ from column to column (a field
 * name carries the column number); the rest are primitives and decimals that repeat, as they do in
 * real Glue tables.
 */
public final class WideSchemas {
  /** Columns in the wide pair. */
  public static final int COLUMNS = 1000;

  /** The changes planted in the actual side, one finding each. */
  public static final List<PlantedChange> CHANGES =
      List.of(
          new PlantedChange("c0008", "int -> bigint", "COLUMN_TYPE_WIDENED"),
          new PlantedChange(
              "c0013", "decimal(10,2) -> decimal(12,2)", "COLUMN_DECIMAL_PRECISION_INCREASED"),
          new PlantedChange("c0106", "varchar(64) -> varchar(32)", "COLUMN_LENGTH_DECREASED"),
          new PlantedChange("c0200", "struct field tags removed", "NESTED_FIELD_REMOVED"),
          new PlantedChange("c0310", "struct field extra added last", "NESTED_FIELD_ADDED"),
          new PlantedChange("c0404", "string -> int", "COLUMN_TYPE_CHANGED"),
          new PlantedChange(
              "c0501", "array<struct<code:int>> -> code:bigint", "COLUMN_TYPE_WIDENED"),
          new PlantedChange(
              "c0602", "map<string,struct<ratio:double>> -> ratio:float", "COLUMN_TYPE_NARROWED"),
          new PlantedChange("c0705", "column removed", "COLUMN_REMOVED"),
          new PlantedChange("c_new", "column added last", "COLUMN_ADDED"));

  private WideSchemas() {}

  /** One planted change: the top-level column it touches and the rule our monitor reports. */
  public record PlantedChange(String column, String description, String rule) {}

  /** A pair of column lists: names and type strings of the contract and of the Glue table. */
  public record Pair(List<String[]> expected, List<String[]> actual) {
    public List<String> expectedTypes() {
      return expected.stream().map(column -> column[1]).toList();
    }

    public List<String> actualTypes() {
      return actual.stream().map(column -> column[1]).toList();
    }
  }

  /** The 1,000-column pair with the ten planted changes. */
  public static Pair widePair() {
    List<String[]> expected = new ArrayList<>(COLUMNS);
    List<String[]> actual = new ArrayList<>(COLUMNS + 1);
    for (int index = 0; index < COLUMNS; index++) {
      String name = String.format(java.util.Locale.ROOT, "c%04d", index);
      String type = type(index);
      expected.add(new String[] {name, type});
      String changed = change(name, type);
      if (changed != null) {
        actual.add(new String[] {name, changed});
      } else if (!name.equals("c0705")) {
        actual.add(new String[] {name, type});
      }
    }
    actual.add(new String[] {"c_new", "string"});
    return new Pair(List.copyOf(expected), List.copyOf(actual));
  }

  private static String type(int index) {
    return switch (index % 10) {
      case 0 ->
          "struct<id:bigint,name:varchar(64),geo:struct<lat:double,lon:double>,tags:array<string>,f"
              + index
              + ":int>";
      case 1 -> "array<struct<code:int,amount:decimal(12,2),at:timestamp,n" + index + ":string>>";
      case 2 -> "map<string,struct<count:int,ratio:double>>";
      case 3 -> "decimal(10,2)";
      case 4 -> "string";
      case 5 -> "bigint";
      case 6 -> "varchar(64)";
      case 7 -> "map<string,array<struct<k" + index + ":string,v:decimal(38,10)>>>";
      case 8 -> "int";
      default -> index % 20 == 9 ? "timestamp" : "date";
    };
  }

  private static String change(String name, String type) {
    return switch (name) {
      case "c0008" -> "bigint";
      case "c0013" -> "decimal(12,2)";
      case "c0106" -> "varchar(32)";
      case "c0200" -> type.replace(",tags:array<string>", "");
      case "c0310" -> type.replace(":int>", ":int,extra:string>");
      case "c0404" -> "int";
      case "c0501" -> type.replace("code:int", "code:bigint");
      case "c0602" -> type.replace("ratio:double", "ratio:float");
      default -> null;
    };
  }

  /** The contract side, its types parsed (as a contract's are when it is loaded). */
  public static Contract contract(List<String[]> columns) {
    List<ContractColumn> promised = new ArrayList<>(columns.size());
    for (String[] column : columns) {
      promised.add(ContractColumn.of(column[0], TypeParser.parse(column[1])));
    }
    return new Contract(
        "1.0.0",
        "bench",
        "wide",
        null,
        null,
        "s3://bench-data/wide/",
        ContractFormat.PARQUET,
        null,
        promised,
        List.of(),
        null);
  }

  /** The Glue side: a Parquet table whose columns hold the type strings as Glue returns them. */
  public static GlueTable table(List<String[]> columns) {
    List<GlueColumn> glue = new ArrayList<>(columns.size());
    for (String[] column : columns) {
      glue.add(GlueColumn.of(column[0], column[1]));
    }
    return new GlueTable(
        "bench",
        "wide",
        "EXTERNAL_TABLE",
        Map.of(),
        glue,
        List.of(),
        "s3://bench-data/wide/",
        "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
        "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
        "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
        Map.of(),
        true,
        "1",
        null);
  }

  /**
   * The deepest shape seen in real Glue tables: 12 levels of structs, arrays and maps, with a few
   * sibling fields on each level.
   */
  public static String deepest() {
    StringBuilder open = new StringBuilder();
    StringBuilder close = new StringBuilder();
    for (int level = 0; level < 12; level++) {
      switch (level % 3) {
        case 0 -> {
          open.append("struct<id").append(level).append(":bigint,label:string,child:");
          close.insert(0, ",at:timestamp>");
        }
        case 1 -> {
          open.append("array<");
          close.insert(0, ">");
        }
        default -> {
          open.append("map<string,");
          close.insert(0, ">");
        }
      }
    }
    return open + "decimal(38,6)" + close;
  }

  /**
   * The widest single type string seen: one struct column of about 4,000 characters (150 fields of
   * mixed types, some nested).
   */
  public static String widest() {
    StringBuilder type = new StringBuilder("struct<");
    for (int field = 0; field < 150; field++) {
      if (field > 0) {
        type.append(',');
      }
      type.append("attribute_").append(field).append(':');
      type.append(
          switch (field % 6) {
            case 0 -> "string";
            case 1 -> "decimal(18,4)";
            case 2 -> "array<string>";
            case 3 -> "struct<code:int,value:double>";
            case 4 -> "bigint";
            default -> "map<string,int>";
          });
    }
    return type.append('>').toString();
  }

  /** {@code depth} nested structs around an int: {@code struct<f:struct<f:...int...>>}. */
  public static String nested(int depth) {
    return "struct<f:".repeat(depth) + "int" + ">".repeat(depth);
  }
}
