package dev.schemadrift.run.fakes;

/** Parts of contract documents for tests. */
public final class ContractJson {
  private ContractJson() {}

  /** The members of a contract's {@code columns} array, each column written {@code name:type}. */
  public static String columns(String... columns) {
    StringBuilder list = new StringBuilder();
    for (String column : columns) {
      int colon = column.indexOf(':');
      list.append(list.isEmpty() ? "" : ", ")
          .append("{\"name\": \"")
          .append(column, 0, colon)
          .append("\", \"type\": \"")
          .append(column.substring(colon + 1))
          .append("\"}");
    }
    return list.toString();
  }
}
