package dev.schemadrift.diff;

import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.contract.ContractColumn;
import dev.schemadrift.type.DataType;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * One side's columns, keys or struct fields: names and types in arrays for the loops that visit
 * every column, {@link Item}s made only for the ones a step needs (usually the few that changed).
 */
final class Items extends AbstractList<Item> implements RandomAccess {
  final String[] names;
  final DataType[] types;
  private final List<ContractColumn> promised;
  private final List<GlueColumn> glue;
  private Item[] made;

  private Items(
      String[] names, DataType[] types, List<ContractColumn> promised, List<GlueColumn> glue) {
    this.names = names;
    this.types = types;
    this.promised = promised;
    this.glue = glue;
  }

  /** Glue columns; the caller fills {@link #types} as it parses them. */
  static Items ofGlue(List<GlueColumn> columns) {
    String[] names = new String[columns.size()];
    for (int index = 0; index < names.length; index++) {
      names[index] = columns.get(index).name();
    }
    return new Items(names, new DataType[names.length], null, columns);
  }

  static Items ofContract(List<ContractColumn> columns) {
    String[] names = new String[columns.size()];
    DataType[] types = new DataType[names.length];
    for (int index = 0; index < names.length; index++) {
      ContractColumn column = columns.get(index);
      names[index] = column.name();
      types[index] = column.type();
    }
    return new Items(names, types, columns, null);
  }

  static Items ofFields(DataType.Struct struct) {
    List<DataType.Field> fields = struct.fields();
    String[] names = new String[fields.size()];
    DataType[] types = new DataType[names.length];
    for (int index = 0; index < names.length; index++) {
      names[index] = fields.get(index).name();
      types[index] = fields.get(index).type();
    }
    return new Items(names, types, null, null);
  }

  @Override
  public Item get(int index) {
    if (made == null) {
      made = new Item[names.length];
    }
    Item item = made[index];
    if (item == null) {
      item =
          new Item(
              names[index],
              types[index],
              index,
              promised == null ? null : promised.get(index),
              glue == null ? null : glue.get(index));
      made[index] = item;
    }
    return item;
  }

  @Override
  public int size() {
    return names.length;
  }
}
