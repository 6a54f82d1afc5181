package dev.schemadrift.bench.differential;

import dev.schemadrift.bench.differential.Draft.CatalogColumn;
import dev.schemadrift.bench.differential.Draft.Column;
import dev.schemadrift.bench.differential.PairGenerator.Format;
import java.util.Locale;

/**
 * The mutations of a table's storage: column access, SerDe options, and tables that cannot be
 * judged.
 */
final class StorageMutations {
  private final Draft draft;
  private final Baseline baseline;

  StorageMutations(Draft draft, Baseline baseline) {
    this.draft = draft;
    this.baseline = baseline;
  }

  /** States the contract's column access and flips the table's; false for other formats. */
  boolean columnAccessChange() {
    if (draft.format != Format.PARQUET && draft.format != Format.ORC) {
      return false;
    }
    if (draft.columnAccess == null) {
      draft.columnAccess = draft.pick("name", "index");
    }
    draft.serdeParameters.remove("parquet.column.index.access");
    draft.serdeParameters.remove("orc.column.index.access");
    draft.tableParameters.remove("parquet.column.index.access");
    draft.tableParameters.remove("orc.column.index.access");
    boolean wantIndex = draft.columnAccess.equals("name");
    if (draft.format == Format.PARQUET) {
      if (wantIndex) {
        baseline.accessParameter("parquet.column.index.access", draft.pick("true", "TRUE"));
      }
    } else if (!wantIndex) {
      baseline.accessParameter("orc.column.index.access", draft.pick("false", "FALSE"));
    }
    draft.hint("COLUMN_ACCESS_CHANGED", "@format.column_access");
    return true;
  }

  /** Changes one SerDe option the contract states; false when the contract can state none. */
  boolean serdeOptionChange() {
    boolean sameText =
        (draft.format == Format.CSV || draft.format == Format.TSV)
            && (draft.tableFormat == Format.CSV || draft.tableFormat == Format.TSV);
    boolean hasOptions =
        switch (draft.format) {
          case CSV, TSV, JSON, REGEX -> true;
          case PARQUET, ORC, AVRO, ION, ICEBERG -> false;
        };
    if (!hasOptions || (draft.tableFormat != draft.format && !sameText)) {
      // The contract's options would not apply to the table's SerDe: change something else.
      return false;
    }
    String option =
        switch (draft.format) {
          case CSV, TSV -> {
            boolean openCsv = Draft.OPEN_CSV.equals(draft.serde);
            yield switch (draft.random.nextInt(6)) {
              case 0 -> {
                if (draft.delimiter == null && draft.random.nextBoolean()) {
                  draft.delimiter = draft.format == Format.TSV ? "\\t" : ",";
                }
                draft.serdeParameters.put(
                    openCsv ? "separatorChar" : "field.delim", draft.pick("|", ";", "#"));
                yield "delimiter";
              }
              case 1 -> {
                draft.serdeParameters.remove("field.delim");
                draft.serdeParameters.remove("separatorChar");
                yield "delimiter";
              }
              case 2 -> {
                draft.serde = openCsv ? Draft.LAZY_SIMPLE : Draft.OPEN_CSV;
                if (draft.serdeOption == null && draft.random.nextBoolean()) {
                  draft.serdeOption = openCsv ? "open_csv" : "lazy_simple";
                }
                yield "serde";
              }
              case 3 -> {
                if (draft.quote == null && draft.format == Format.CSV) {
                  draft.quote = "\"";
                }
                draft.serdeParameters.put("quoteChar", draft.pick("'", "`"));
                yield "quote";
              }
              case 4 -> {
                if (draft.escape == null) {
                  draft.escape = "^";
                }
                draft.serdeParameters.put(
                    openCsv ? "escapeChar" : "escape.delim", draft.pick("~", "\\\\"));
                yield "escape";
              }
              default -> {
                if (draft.header == null) {
                  draft.header = draft.random.nextBoolean();
                }
                draft.tableParameters.put("skip.header.line.count", draft.pick("2", "0", " 1 "));
                yield "header";
              }
            };
          }
          case JSON ->
              switch (draft.random.nextInt(3)) {
                case 0 -> {
                  draft.serde =
                      Draft.OPENX_JSON.equals(draft.serde)
                          ? draft.pick(Draft.HIVE_JSON_SERDES)
                          : Draft.OPENX_JSON;
                  if (draft.serdeOption == null) {
                    draft.serdeOption = draft.pick("openx", "hive");
                  }
                  yield "serde";
                }
                case 1 -> {
                  if (draft.ignoreMalformed == null) {
                    draft.ignoreMalformed = draft.random.nextBoolean();
                  }
                  draft.serdeParameters.put(
                      "ignore.malformed.json", draft.pick("true", "false", "yes"));
                  yield "ignore_malformed";
                }
                default -> {
                  if (draft.mapping.isEmpty()) {
                    Column mapped = draft.columns.get(draft.random.nextInt(draft.columns.size()));
                    draft.mapping.put(mapped.name.toLowerCase(Locale.ROOT), "key");
                  }
                  String column = draft.mapping.keySet().iterator().next();
                  draft.serdeParameters.remove("mapping." + column);
                  if (draft.random.nextBoolean()) {
                    draft.serdeParameters.put("mapping." + column, "other_key");
                  }
                  yield "mapping." + column;
                }
              };
          case REGEX -> {
            if (draft.inputRegex == null) {
              draft.inputRegex = "(.*)";
            }
            draft.serdeParameters.put("input.regex", draft.pick("(\\d+) (.*)", "(.+)"));
            yield "input.regex";
          }
          case PARQUET, ORC, AVRO, ION, ICEBERG ->
              throw new IllegalStateException("no SerDe options for " + draft.format);
        };
    draft.hint("SERDE_PARAMETER_CHANGED", "@serde." + option);
    return true;
  }

  /** A table the engine must refuse to judge (or, for Spark's "hive" provider, judge as usual). */
  void undecidable() {
    switch (draft.random.nextInt(5)) {
      case 0 -> {
        if (draft.catalogColumns.isEmpty()) {
          draft.catalogColumns.add(draft.newCatalogColumn());
        }
        String invalid =
            draft.pick(
                "strin", "decimal(39,1)", "struct<a:int", "varchar(70000)", "array<>", "int)");
        if (!draft.catalogKeys.isEmpty() && draft.random.nextInt(3) == 0) {
          draft.catalogKeys.get(draft.random.nextInt(draft.catalogKeys.size())).typeText = invalid;
        } else {
          draft.catalogColumns.get(draft.random.nextInt(draft.catalogColumns.size())).typeText =
              invalid;
        }
      }
      case 1 -> {
        if (draft.catalogColumns.isEmpty()) {
          draft.catalogColumns.add(draft.newCatalogColumn());
        }
        CatalogColumn original =
            draft.catalogColumns.get(draft.random.nextInt(draft.catalogColumns.size()));
        CatalogColumn twin =
            new CatalogColumn(
                original.name.toUpperCase(Locale.ROOT), draft.randomScalar(), draft.nextFieldId++);
        if (draft.random.nextBoolean()) {
          draft.catalogKeys.add(twin);
        } else {
          draft.catalogColumns.add(twin);
        }
      }
      case 2 -> draft.hasStorage = false;
      case 3 -> {
        draft.tableParameters.put(
            "spark.sql.sources.provider", draft.pick("delta", "parquet", "DELTA"));
        draft.catalogColumns.clear();
        CatalogColumn placeholder =
            new CatalogColumn(
                draft.pick("col", "COL"),
                new GeneratedType.Array(new GeneratedType.Scalar("string")),
                0);
        placeholder.typeText = draft.pick("array<string>", "array< string >", "ARRAY<STRING>");
        draft.catalogColumns.add(placeholder);
      }
      default ->
          // Spark's provider "hive" keeps the real schema: judged as usual.
          draft.tableParameters.put("spark.sql.sources.provider", "hive");
    }
  }
}
