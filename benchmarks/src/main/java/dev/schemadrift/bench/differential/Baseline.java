package dev.schemadrift.bench.differential;

import dev.schemadrift.bench.differential.Draft.CatalogColumn;
import dev.schemadrift.bench.differential.Draft.Column;
import dev.schemadrift.bench.differential.PairGenerator.Format;
import java.util.Locale;
import java.util.Map;

/** Draws a contract and the Glue table as its faithful image (storage, SerDe, options). */
final class Baseline {
  private final Draft draft;

  Baseline(Draft draft) {
    this.draft = draft;
  }

  /** The contract, then the table as its faithful image. */
  void draw() {
    draft.format = pickFormat();
    draft.tableFormat = draft.format;
    draft.database = draft.pick("sales", "nyc_parks", "ops", "finance_raw", "events");
    draft.table =
        draft.pick(
            "orders", "parks_properties", "clicks", "ledger", "t_" + draft.random.nextInt(1000));
    String bucket = draft.pick("example-data", "lake.bucket-1", "raw-zone");
    draft.location = "s3://" + bucket + "/" + draft.database + "/" + draft.table + "/";
    if (draft.random.nextInt(20) == 0) {
      draft.location = "s3a://" + bucket + "/" + draft.database + "/" + draft.table;
    }
    int columnCount = 1 + draft.random.nextInt(draft.random.nextInt(5) == 0 ? 14 : 7);
    for (int column = 0; column < columnCount; column++) {
      draft.columns.add(new Draft.Column(draft.fresh(Draft.COLUMN_WORDS), draft.randomType(0)));
    }
    if (draft.random.nextInt(5) < 2) {
      int keyCount = 1 + draft.random.nextInt(3);
      for (int key = 0; key < keyCount; key++) {
        draft.keys.add(new Draft.Column(draft.fresh(Draft.KEY_WORDS), draft.randomScalar()));
      }
    }
    decorateColumns();
    drawFormatOptions();
    mirrorColumns();
    drawStorage();
  }

  Format pickFormat() {
    int roll = draft.random.nextInt(100);
    if (roll < 14) {
      return Format.CSV;
    }
    if (roll < 22) {
      return Format.TSV;
    }
    if (roll < 33) {
      return Format.JSON;
    }
    if (roll < 51) {
      return Format.PARQUET;
    }
    if (roll < 61) {
      return Format.ORC;
    }
    if (roll < 68) {
      return Format.AVRO;
    }
    if (roll < 74) {
      return Format.ION;
    }
    if (roll < 95) {
      return Format.ICEBERG;
    }
    return Format.REGEX;
  }

  /** Descriptions, nullability promises, deprecations: the contract's optional column fields. */
  void decorateColumns() {
    for (Column column : draft.columns) {
      if (draft.random.nextInt(4) == 0) {
        column.description =
            draft.random.nextInt(15) == 0
                ? "A long description. ".repeat(14) + column.name
                : draft.pick("The " + column.name + ".", "Id", "  Padded text  ", "Amount in EUR");
      }
      if (draft.random.nextInt(draft.format == Format.ICEBERG ? 2 : 6) == 0) {
        column.required = draft.random.nextBoolean();
      }
      if (draft.random.nextInt(12) == 0) {
        column.deprecated = true;
        column.sunset = draft.random.nextInt(4) == 0 ? null : draft.pick(Draft.DATES);
      }
    }
  }

  void drawFormatOptions() {
    switch (draft.format) {
      case CSV, TSV -> {
        if (draft.random.nextBoolean()) {
          draft.delimiter =
              draft.format == Format.CSV
                  ? draft.pick(",", "|", ";", "\t", "\\t", "\\u0001")
                  : draft.pick("\t", "\\t", "|");
        }
        draft.delimiterChar =
            draft.delimiter == null
                ? (draft.format == Format.CSV ? ',' : '\t')
                : switch (draft.delimiter) {
                  case "\\t" -> '\t';
                  case "\\u0001" -> '\u0001';
                  default -> draft.delimiter.charAt(0);
                };
        if (draft.random.nextInt(3) == 0) {
          draft.serdeOption = draft.pick("lazy_simple", "open_csv");
        }
        if (draft.format == Format.CSV
            && draft.random.nextInt(4) == 0
            && !"lazy_simple".equals(draft.serdeOption)) {
          draft.quote = draft.pick("\"", "'");
        }
        if (draft.random.nextInt(5) == 0) {
          draft.escape = draft.pick("\\\\", "^");
        }
        if (draft.random.nextInt(3) == 0) {
          draft.header = draft.random.nextBoolean();
        }
      }
      case JSON -> {
        if (draft.random.nextInt(3) == 0) {
          draft.serdeOption = draft.pick("openx", "hive");
        }
        if (draft.random.nextInt(4) == 0) {
          draft.ignoreMalformed = draft.random.nextBoolean();
        }
        if (draft.random.nextInt(4) == 0) {
          Column mapped = draft.columns.get(draft.random.nextInt(draft.columns.size()));
          draft.mapping.put(
              mapped.name.toLowerCase(Locale.ROOT), draft.pick("ts", "key_" + mapped.name));
        }
      }
      case PARQUET, ORC -> {
        if (draft.random.nextInt(3) == 0) {
          draft.columnAccess = draft.pick("name", "index");
        }
      }
      case REGEX ->
          draft.inputRegex = draft.pick("^(\\S+) (\\S+) (.*)$", "([^,]*),([^,]*)", "(.*)");
      case AVRO, ION, ICEBERG -> {}
    }
  }

  /** The Glue table starts as a faithful image of the contract. */
  void mirrorColumns() {
    for (Column column : draft.columns) {
      CatalogColumn copy = new CatalogColumn(column.name, column.type, draft.nextFieldId++);
      copy.comment = commentFor(column.description);
      copy.optional = column.required == null ? draft.random.nextBoolean() : !column.required;
      draft.catalogColumns.add(copy);
    }
    for (Column key : draft.keys) {
      draft.catalogKeys.add(new CatalogColumn(key.name, key.type, draft.nextFieldId++));
    }
  }

  String commentFor(String description) {
    if (description == null) {
      return draft.random.nextInt(3) == 0 ? "a Glue-only comment" : null;
    }
    String cut = description.length() > 255 ? description.substring(0, 255) : description;
    return draft.random.nextBoolean() ? cut.strip() : cut;
  }

  /** The SerDe, formats and parameters Glue shows for a table of {@link #tableFormat}. */
  void drawStorage() {
    draft.serdeParameters.clear();
    draft.tableParameters.clear();
    draft.tableParameters.put("EXTERNAL", "TRUE");
    draft.hasSerdeInfo = true;
    draft.catalogLocation = draft.location;
    if (draft.random.nextInt(8) == 0) {
      draft.catalogLocation =
          draft.location.endsWith("/")
              ? draft.location.substring(0, draft.location.length() - 1)
              : draft.location + "/";
    }
    storageFor(draft.tableFormat, true);
    if (draft.random.nextInt(20) == 0) {
      unknownSerde();
    }
  }

  void storageFor(Format family, boolean honourOptions) {
    switch (family) {
      case CSV, TSV -> {
        draft.tableParameters.put("classification", "csv");
        boolean openCsv =
            honourOptions && draft.serdeOption != null
                ? draft.serdeOption.equals("open_csv")
                : draft.quote != null || draft.random.nextInt(4) == 0;
        textStorage(openCsv ? Draft.OPEN_CSV : Draft.LAZY_SIMPLE);
        char wanted = honourOptions ? draft.delimiterChar : ',';
        if (openCsv) {
          if (wanted != ',' || draft.random.nextBoolean()) {
            draft.serdeParameters.put("separatorChar", String.valueOf(wanted));
          }
          if (draft.quote != null && (!draft.quote.equals("\"") || draft.random.nextBoolean())) {
            draft.serdeParameters.put("quoteChar", draft.quote);
          }
          if (draft.escape != null
              && (!draft.escape.equals("\\\\") || draft.random.nextBoolean())) {
            draft.serdeParameters.put(
                "escapeChar", draft.escape.equals("\\\\") ? "\\" : draft.escape);
          }
        } else {
          String spelling = delimiterSpelling(wanted);
          draft.serdeParameters.put(
              draft.random.nextInt(4) == 0 ? "serialization.format" : "field.delim", spelling);
          if (draft.escape != null) {
            draft.serdeParameters.put(
                "escape.delim", draft.escape.equals("\\\\") ? "\\\\" : draft.escape);
          }
        }
        if (draft.header != null && draft.header) {
          draft.tableParameters.put("skip.header.line.count", "1");
        } else if (draft.header != null && draft.random.nextBoolean()) {
          draft.tableParameters.put("skip.header.line.count", "0");
        }
      }
      case JSON -> {
        draft.tableParameters.put("classification", "json");
        boolean openx =
            honourOptions && draft.serdeOption != null
                ? draft.serdeOption.equals("openx")
                : draft.random.nextInt(3) > 0;
        textStorage(openx ? Draft.OPENX_JSON : draft.pick(Draft.HIVE_JSON_SERDES));
        if (draft.ignoreMalformed != null) {
          if (draft.ignoreMalformed || draft.random.nextBoolean()) {
            draft.serdeParameters.put(
                "ignore.malformed.json",
                draft.ignoreMalformed ? draft.pick("true", "TRUE") : "false");
          }
        }
        for (Map.Entry<String, String> entry : draft.mapping.entrySet()) {
          String key =
              draft.random.nextInt(4) == 0
                  ? "mapping." + entry.getKey().toUpperCase(Locale.ROOT)
                  : "mapping." + entry.getKey();
          draft.serdeParameters.put(key, entry.getValue());
        }
      }
      case PARQUET -> {
        draft.tableParameters.put("classification", "parquet");
        draft.serde = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
        draft.inputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
        draft.outputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
        boolean byIndex = "index".equals(draft.columnAccess);
        if (byIndex || draft.random.nextInt(5) == 0) {
          accessParameter("parquet.column.index.access", byIndex ? "true" : "false");
        }
      }
      case ORC -> {
        draft.tableParameters.put("classification", "orc");
        draft.serde = "org.apache.hadoop.hive.ql.io.orc.OrcSerde";
        draft.inputFormat = "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat";
        draft.outputFormat = "org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat";
        boolean byName = "name".equals(draft.columnAccess);
        if (byName || draft.random.nextInt(5) == 0) {
          accessParameter("orc.column.index.access", byName ? "false" : "true");
        }
      }
      case AVRO -> {
        draft.tableParameters.put("classification", "avro");
        draft.serde = "org.apache.hadoop.hive.serde2.avro.AvroSerDe";
        draft.inputFormat = "org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat";
        draft.outputFormat = "org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat";
      }
      case ION -> {
        draft.serde = "com.amazon.ionhiveserde.IonHiveSerDe";
        draft.inputFormat = "com.amazon.ionhiveserde.formats.IonInputFormat";
        draft.outputFormat = "com.amazon.ionhiveserde.formats.IonOutputFormat";
      }
      case ICEBERG -> {
        draft.tableParameters.put("table_type", draft.pick("ICEBERG", "iceberg", "Iceberg"));
        draft.tableParameters.put(
            "metadata_location",
            draft.location + "metadata/00001-" + draft.random.nextInt(99999) + ".json");
        if (draft.random.nextBoolean()) {
          draft.hasSerdeInfo = false;
          draft.serde = null;
          draft.inputFormat = null;
          draft.outputFormat = null;
        } else {
          draft.serde = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
          draft.inputFormat = "org.apache.hadoop.mapred.FileInputFormat";
          draft.outputFormat = "org.apache.hadoop.mapred.FileOutputFormat";
        }
      }
      case REGEX -> {
        textStorage(
            draft.random.nextInt(4) == 0
                ? "com.amazonaws.glue.serde.GrokSerDe"
                : "org.apache.hadoop.hive.serde2.RegexSerDe");
        draft.serdeParameters.put(
            "input.regex", honourOptions && draft.inputRegex != null ? draft.inputRegex : "(.*)");
      }
    }
  }

  void textStorage(String library) {
    draft.serde = library;
    draft.inputFormat = Draft.TEXT_INPUT;
    draft.outputFormat = Draft.TEXT_OUTPUT;
  }

  void accessParameter(String key, String value) {
    if (draft.random.nextBoolean()) {
      draft.serdeParameters.put(key, value);
    } else {
      draft.tableParameters.put(key, value);
    }
  }

  String delimiterSpelling(char wanted) {
    return switch (wanted) {
      case ',' -> draft.pick(",", "44");
      case '\t' -> draft.pick("\t", "\\t", "9");
      case '\u0001' -> draft.pick("\u0001", "\\u0001", "\\001", "1");
      default -> String.valueOf(wanted);
    };
  }

  /** A SerDe the engine does not recognise: the profile comes from the input format, or UNKNOWN. */
  void unknownSerde() {
    int roll = draft.random.nextInt(3);
    if (roll == 0) {
      draft.serde = "com.example.hive.serde.FixedWidthSerDe";
      draft.inputFormat = Draft.TEXT_INPUT;
    } else if (roll == 1) {
      draft.serde = "com.example.hive.serde.AuditedSerDe";
      draft.inputFormat =
          draft.pick(
              "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
              "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat",
              "com.amazon.ionhiveserde.formats.IonInputFormat",
              "org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat");
    } else {
      draft.hasSerdeInfo = false;
      draft.serde = null;
      draft.inputFormat = draft.random.nextBoolean() ? null : Draft.TEXT_INPUT;
    }
  }
}
