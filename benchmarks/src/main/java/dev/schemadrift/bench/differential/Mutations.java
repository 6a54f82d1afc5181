package dev.schemadrift.bench.differential;

import dev.schemadrift.bench.differential.Draft.CatalogColumn;
import dev.schemadrift.bench.differential.Draft.Column;
import dev.schemadrift.bench.differential.PairGenerator.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Changes the Glue table (and at times the contract) one random step at a time. */
final class Mutations {
  /** What one mutation does to the table (or to both sides). */
  private enum Mutation {
    ADD_COLUMN(6),
    INSERT_COLUMN(6),
    REMOVE_COLUMN(6),
    REMOVE_DEPRECATED(4),
    SWAP_COLUMNS(5),
    RENAME_BY_PREVIOUS_NAMES(4),
    RENAME_SAME_POSITION_AND_TYPE(4),
    RENAME_BY_ICEBERG_FIELD_ID(4),
    CASE_CHANGE(4),
    CONTRACT_CASE(2),
    TYPE_CHANGE(16),
    NESTED_CHANGE(12),
    KEY_ADD(3),
    KEY_REMOVE(3),
    KEY_RENAME(3),
    KEY_SWAP(3),
    KEY_RETYPE(5),
    COLUMN_TO_KEY(3),
    KEY_TO_COLUMN(3),
    NULLABILITY(6),
    COMMENT(5),
    FORMAT(3),
    COLUMN_ACCESS(4),
    SERDE_OPTION(7),
    LOCATION(4),
    TABLE_TYPE(3),
    UNDECIDABLE(3),
    SPELLING(2);

    private final int weight;

    Mutation(int weight) {
      this.weight = weight;
    }
  }

  private static final int TOTAL_WEIGHT;

  static {
    int total = 0;
    for (Mutation mutation : Mutation.values()) {
      total += mutation.weight;
    }
    TOTAL_WEIGHT = total;
  }

  private final Draft draft;
  private final Baseline baseline;
  private final StorageMutations storage;

  Mutations(Draft draft, Baseline baseline) {
    this.draft = draft;
    this.baseline = baseline;
    this.storage = new StorageMutations(draft, baseline);
  }

  /** A few mutations, none at all for about one pair in eight. */
  void apply() {
    int count = mutationCount();
    for (int step = 0; step < count; step++) {
      mutate(pickMutation());
    }
  }

  private int mutationCount() {
    int roll = draft.random.nextInt(100);
    if (roll < 12) {
      return 0;
    }
    if (roll < 47) {
      return 1;
    }
    if (roll < 72) {
      return 2;
    }
    if (roll < 87) {
      return 3;
    }
    return 4 + draft.random.nextInt(3);
  }

  private Mutation pickMutation() {
    int roll = draft.random.nextInt(TOTAL_WEIGHT);
    for (Mutation mutation : Mutation.values()) {
      roll -= mutation.weight;
      if (roll < 0) {
        return mutation;
      }
    }
    throw new IllegalStateException("weights do not add up");
  }

  private void mutate(Mutation mutation) {
    switch (mutation) {
      case ADD_COLUMN -> {
        CatalogColumn added = draft.newCatalogColumn();
        draft.catalogColumns.add(added);
        draft.hint("COLUMN_ADDED", added.name);
      }
      case INSERT_COLUMN -> {
        CatalogColumn added = draft.newCatalogColumn();
        draft.catalogColumns.add(draft.random.nextInt(draft.catalogColumns.size() + 1), added);
        draft.hint("COLUMN_INSERTED", added.name);
      }
      case REMOVE_COLUMN -> removeColumn(false);
      case REMOVE_DEPRECATED -> removeColumn(true);
      case SWAP_COLUMNS -> {
        if (draft.catalogColumns.size() < 2) {
          mutate(Mutation.ADD_COLUMN);
          return;
        }
        int first = draft.random.nextInt(draft.catalogColumns.size());
        int second = draft.random.nextInt(draft.catalogColumns.size());
        CatalogColumn moved = draft.catalogColumns.set(first, draft.catalogColumns.get(second));
        draft.catalogColumns.set(second, moved);
        draft.hint("COLUMNS_REORDERED", "@columns");
      }
      case RENAME_BY_PREVIOUS_NAMES ->
          renameByPreviousNames(draft.columns, draft.catalogColumns, false);
      case RENAME_SAME_POSITION_AND_TYPE -> {
        if (draft.catalogColumns.isEmpty()) {
          return;
        }
        CatalogColumn renamed =
            draft.catalogColumns.get(draft.random.nextInt(draft.catalogColumns.size()));
        String old = renamed.name;
        renamed.name = draft.fresh(Draft.COLUMN_WORDS);
        draft.hint("COLUMN_RENAMED", old);
      }
      case RENAME_BY_ICEBERG_FIELD_ID -> {
        if (draft.catalogColumns.isEmpty()) {
          return;
        }
        CatalogColumn renamed =
            draft.catalogColumns.get(draft.random.nextInt(draft.catalogColumns.size()));
        CatalogColumn old = new CatalogColumn(renamed.name, renamed.type, renamed.fieldId);
        old.current = false;
        draft.history.add(old);
        renamed.name = draft.fresh(Draft.COLUMN_WORDS);
        if (draft.random.nextInt(3) == 0) {
          draft.catalogColumns.remove(renamed);
          draft.catalogColumns.add(renamed);
        }
        draft.hint("COLUMN_RENAMED", old.name);
      }
      case CASE_CHANGE -> caseChange();
      case CONTRACT_CASE -> {
        // Glue folds names, so a contract spelling in upper case against a lower-case Glue name
        // is no finding at all.
        Column column = draft.columns.get(draft.random.nextInt(draft.columns.size()));
        column.name = column.name.toUpperCase(Locale.ROOT);
      }
      case TYPE_CHANGE -> typeChange();
      case NESTED_CHANGE -> nestedChange();
      case KEY_ADD -> {
        CatalogColumn added =
            new CatalogColumn(
                draft.fresh(Draft.KEY_WORDS), draft.randomScalar(), draft.nextFieldId++);
        draft.catalogKeys.add(draft.random.nextInt(draft.catalogKeys.size() + 1), added);
        draft.hint("PARTITION_KEY_ADDED", added.name);
      }
      case KEY_REMOVE -> {
        draft.ensureKeys();
        CatalogColumn removed =
            draft.catalogKeys.remove(draft.random.nextInt(draft.catalogKeys.size()));
        draft.hint("PARTITION_KEY_REMOVED", removed.name);
      }
      case KEY_RENAME -> {
        draft.ensureKeys();
        if (draft.random.nextBoolean()) {
          renameByPreviousNames(draft.keys, draft.catalogKeys, true);
        } else {
          CatalogColumn renamed =
              draft.catalogKeys.get(draft.random.nextInt(draft.catalogKeys.size()));
          String old = renamed.name;
          renamed.name = draft.fresh(Draft.KEY_WORDS);
          draft.hint("PARTITION_KEY_RENAMED", old);
        }
      }
      case KEY_SWAP -> {
        draft.ensureKeys();
        if (draft.catalogKeys.size() < 2) {
          draft.catalogKeys.add(
              0,
              new CatalogColumn(
                  draft.fresh(Draft.KEY_WORDS), draft.randomScalar(), draft.nextFieldId++));
          draft.keys.add(
              0, new Column(draft.catalogKeys.getFirst().name, draft.catalogKeys.getFirst().type));
        }
        CatalogColumn first = draft.catalogKeys.removeFirst();
        draft.catalogKeys.add(first);
        draft.hint("PARTITION_KEYS_REORDERED", "@partition_keys");
      }
      case KEY_RETYPE -> {
        draft.ensureKeys();
        CatalogColumn key = draft.catalogKeys.get(draft.random.nextInt(draft.catalogKeys.size()));
        key.type = draft.neighbour(key.type, true);
        draft.hint("PARTITION_KEY_TYPE_CHANGED", key.name);
      }
      case COLUMN_TO_KEY -> {
        if (draft.catalogColumns.size() < 2) {
          mutate(Mutation.KEY_ADD);
          return;
        }
        CatalogColumn moved =
            draft.catalogColumns.remove(draft.random.nextInt(draft.catalogColumns.size()));
        if (!moved.type.isPrimitive()) {
          moved.type = new GeneratedType.Scalar("string");
        }
        draft.catalogKeys.add(moved);
        draft.hint("COLUMN_MOVED_TO_PARTITION", moved.name);
      }
      case KEY_TO_COLUMN -> {
        draft.ensureKeys();
        CatalogColumn moved =
            draft.catalogKeys.remove(draft.random.nextInt(draft.catalogKeys.size()));
        draft.catalogColumns.add(draft.random.nextInt(draft.catalogColumns.size() + 1), moved);
        draft.hint("PARTITION_MOVED_TO_COLUMN", moved.name);
      }
      case NULLABILITY -> {
        if (draft.format != Format.ICEBERG) {
          mutate(Mutation.TYPE_CHANGE);
          return;
        }
        Column column = draft.columns.get(draft.random.nextInt(draft.columns.size()));
        if (column.required == null) {
          column.required = draft.random.nextBoolean();
        }
        for (CatalogColumn candidate : draft.catalogColumns) {
          if (candidate.name.equalsIgnoreCase(column.name)) {
            candidate.optional = column.required;
          }
        }
        draft.hint(
            column.required ? "COLUMN_BECAME_OPTIONAL" : "COLUMN_BECAME_REQUIRED", column.name);
      }
      case COMMENT -> {
        draft.compareComments = true;
        Column column = draft.columns.get(draft.random.nextInt(draft.columns.size()));
        if (column.description == null) {
          column.description = "Described " + column.name;
        }
        for (CatalogColumn candidate : draft.catalogColumns) {
          if (candidate.name.equalsIgnoreCase(column.name)) {
            candidate.comment = draft.pick(null, "Other text", column.description + " (old)", " ");
          }
        }
        draft.hint("COLUMN_COMMENT_CHANGED", column.name);
      }
      case FORMAT -> {
        Format other = Format.values()[draft.random.nextInt(Format.values().length)];
        draft.tableFormat = other;
        draft.serdeParameters.clear();
        draft
            .tableParameters
            .keySet()
            .removeIf(key -> !key.equals("EXTERNAL") && !key.startsWith("spark"));
        draft.hasSerdeInfo = true;
        draft.serde = null;
        draft.inputFormat = null;
        draft.outputFormat = null;
        baseline.storageFor(other, other == draft.format);
        draft.hint("STORAGE_FORMAT_CHANGED", "@format");
      }
      case COLUMN_ACCESS -> {
        if (!storage.columnAccessChange()) {
          mutate(Mutation.SERDE_OPTION);
        }
      }
      case SERDE_OPTION -> {
        if (!storage.serdeOptionChange()) {
          mutate(Mutation.LOCATION);
        }
      }
      case LOCATION -> {
        String bucket = draft.pick("other-bucket", "example-data");
        draft.catalogLocation =
            switch (draft.random.nextInt(5)) {
              case 0 -> null;
              case 1 -> draft.location.replace("s3://", "s3n://");
              case 2 -> "s3://" + bucket + "/moved/" + draft.table + "/";
              case 3 -> draft.location + "v2/";
              default -> draft.location.replace("s3a://", "s3://") + "//";
            };
        draft.hint("TABLE_LOCATION_CHANGED", "@location");
      }
      case TABLE_TYPE -> {
        switch (draft.random.nextInt(5)) {
          case 0 -> draft.tableType = "VIRTUAL_VIEW";
          case 1 -> draft.tableType = "MANAGED_TABLE";
          case 2 -> draft.tableType = null;
          case 3 -> draft.tableType = "external_table";
          default -> {
            if (draft.tableParameters.containsKey("table_type")) {
              draft.tableParameters.remove("table_type");
            } else {
              draft.tableParameters.put("table_type", "ICEBERG");
            }
          }
        }
        draft.hint("TABLE_TYPE_CHANGED", "@table");
      }
      case UNDECIDABLE -> storage.undecidable();
      case SPELLING -> {
        for (CatalogColumn column : draft.catalogColumns) {
          if (column.typeText == null && draft.random.nextBoolean()) {
            column.typeText = column.type.printVaried(draft.random);
          }
        }
      }
    }
  }

  private void removeColumn(boolean deprecated) {
    if (draft.catalogColumns.isEmpty()) {
      return;
    }
    CatalogColumn removed =
        draft.catalogColumns.remove(draft.random.nextInt(draft.catalogColumns.size()));
    if (draft.format == Format.ICEBERG && draft.random.nextBoolean()) {
      removed.current = false;
      draft.history.add(removed);
    }
    for (Column column : draft.columns) {
      if (column.name.equalsIgnoreCase(removed.name)) {
        if (deprecated) {
          column.deprecated = true;
          column.sunset = draft.random.nextInt(5) == 0 ? null : draft.pick(Draft.DATES);
        }
        draft.hint("COLUMN_REMOVED", column.name);
      }
    }
  }

  private void renameByPreviousNames(
      List<Column> promised, List<CatalogColumn> actual, boolean partitionKey) {
    if (actual.isEmpty()) {
      return;
    }
    CatalogColumn renamed = actual.get(draft.random.nextInt(actual.size()));
    for (Column column : promised) {
      if (column.name.equalsIgnoreCase(renamed.name)) {
        String old = draft.fresh(partitionKey ? Draft.KEY_WORDS : Draft.COLUMN_WORDS);
        renamed.name = draft.random.nextInt(4) == 0 ? old.toUpperCase(Locale.ROOT) : old;
        if (draft.random.nextBoolean()) {
          column.previousNames.add(draft.fresh(Draft.COLUMN_WORDS));
        }
        column.previousNames.add(old);
        if (!partitionKey && draft.random.nextInt(3) == 0) {
          renamed.type = draft.neighbour(renamed.type, false);
        }
        draft.hint(partitionKey ? "PARTITION_KEY_RENAMED" : "COLUMN_RENAMED", column.name);
        return;
      }
    }
  }

  private void caseChange() {
    if (draft.catalogColumns.isEmpty()) {
      return;
    }
    CatalogColumn column =
        draft.catalogColumns.get(draft.random.nextInt(draft.catalogColumns.size()));
    String name = column.name;
    column.name =
        draft.random.nextBoolean()
            ? name.toUpperCase(Locale.ROOT)
            : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    draft.hint("COLUMN_NAME_CASE_CHANGED", name);
  }

  private void typeChange() {
    if (draft.catalogColumns.isEmpty()) {
      return;
    }
    CatalogColumn column =
        draft.catalogColumns.get(draft.random.nextInt(draft.catalogColumns.size()));
    List<GeneratedType> nodes = new ArrayList<>();
    List<Boolean> mapKeys = new ArrayList<>();
    GeneratedType.collect(column.type, false, nodes, mapKeys);
    int target = draft.random.nextInt(nodes.size());
    // Prefer the innermost places: that is where the nested verdicts (map keys) differ.
    if (nodes.size() > 1 && draft.random.nextBoolean()) {
      target = nodes.size() - 1 - draft.random.nextInt(Math.min(3, nodes.size()));
    }
    GeneratedType replacement = draft.neighbour(nodes.get(target), mapKeys.get(target));
    column.type = GeneratedType.replace(column.type, target, replacement);
    draft.hint(draft.pick(Draft.TYPE_RULES), column.name);
  }

  private void nestedChange() {
    CatalogColumn column = null;
    List<Integer> structs = new ArrayList<>();
    List<GeneratedType> nodes = new ArrayList<>();
    for (int attempt = 0; attempt < 3 && structs.isEmpty(); attempt++) {
      if (draft.catalogColumns.isEmpty()) {
        return;
      }
      column = draft.catalogColumns.get(draft.random.nextInt(draft.catalogColumns.size()));
      nodes.clear();
      GeneratedType.collect(column.type, false, nodes, new ArrayList<>());
      for (int index = 0; index < nodes.size(); index++) {
        if (nodes.get(index) instanceof GeneratedType.Struct) {
          structs.add(index);
        }
      }
    }
    if (structs.isEmpty()) {
      // No struct anywhere: give one column a struct on both sides, then change it.
      GeneratedType.Struct struct = draft.randomStruct(1);
      for (Column promised : draft.columns) {
        if (promised.name.equalsIgnoreCase(column.name)) {
          promised.type = struct;
        }
      }
      column.type = struct;
      nodes.clear();
      nodes.add(struct);
      structs.add(0);
    }
    int target = structs.get(draft.random.nextInt(structs.size()));
    GeneratedType.Struct struct = (GeneratedType.Struct) nodes.get(target);
    List<GeneratedType.Field> fields = new ArrayList<>(struct.fields());
    String rule;
    String fieldName;
    switch (draft.random.nextInt(6)) {
      case 0 -> {
        fieldName = Draft.freshField(fields, draft.random);
        fields.add(new GeneratedType.Field(fieldName, draft.randomType(2)));
        rule = "NESTED_FIELD_ADDED";
      }
      case 1 -> {
        fieldName = Draft.freshField(fields, draft.random);
        fields.add(
            draft.random.nextInt(fields.size()),
            new GeneratedType.Field(fieldName, draft.randomType(2)));
        rule = "NESTED_FIELD_INSERTED";
      }
      case 2 -> {
        if (fields.size() < 2) {
          fields.add(
              new GeneratedType.Field(
                  Draft.freshField(fields, draft.random), draft.randomScalar()));
        }
        fieldName = fields.remove(draft.random.nextInt(fields.size())).name();
        rule = "NESTED_FIELD_REMOVED";
      }
      case 3 -> {
        if (fields.size() < 2) {
          fields.add(
              0,
              new GeneratedType.Field(
                  Draft.freshField(fields, draft.random), draft.randomScalar()));
        }
        GeneratedType.Field first = fields.removeFirst();
        fields.add(draft.random.nextInt(fields.size()) + 1, first);
        fieldName = first.name();
        rule = "NESTED_FIELDS_REORDERED";
      }
      case 4 -> {
        int at = draft.random.nextInt(fields.size());
        fieldName = fields.get(at).name();
        fields.set(
            at,
            new GeneratedType.Field(Draft.freshField(fields, draft.random), fields.get(at).type()));
        rule = "NESTED_FIELD_RENAMED";
      }
      default -> {
        int at = draft.random.nextInt(fields.size());
        fieldName = fields.get(at).name();
        fields.set(
            at, new GeneratedType.Field(fieldName.toUpperCase(Locale.ROOT), fields.get(at).type()));
        rule = "COLUMN_NAME_CASE_CHANGED";
      }
    }
    column.type = GeneratedType.replace(column.type, target, new GeneratedType.Struct(fields));
    draft.hint(rule, column.name + "*" + fieldName);
  }
}
