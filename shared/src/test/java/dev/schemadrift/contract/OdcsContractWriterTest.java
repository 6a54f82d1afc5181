package dev.schemadrift.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemadrift.type.TypeParser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ODCS writer: what it writes reads back to the same contract; what it cannot state it names.
 */
class OdcsContractWriterTest {

  private static ContractColumn column(String name, String type) {
    return ContractColumn.of(name, TypeParser.parse(type));
  }

  private static Contract contract(
      ContractFormat format, FormatOptions options, List<ContractColumn> columns) {
    return new Contract(
        "2.1.0",
        "sales",
        "orders",
        "sales-team@example.org",
        "Orders: one line per order.\nSecond line: with 'quotes', \"double\" and # hash.",
        "s3://lake/sales/orders/",
        format,
        options,
        columns,
        List.of(column("region", "string"), column("day", "date")),
        Policy.EMPTY);
  }

  static Stream<Contract> writable() {
    List<ContractColumn> columns =
        List.of(
            new ContractColumn(
                "id", TypeParser.parse("bigint"), true, "key", List.of(), false, null),
            new ContractColumn(
                "Amount", TypeParser.parse("decimal(12,2)"), false, null, List.of(), false, null),
            new ContractColumn("old", TypeParser.parse("int"), null, null, List.of(), true, null),
            column("code", "char(3)"),
            column("label", "varchar(40)"),
            column("yes", "boolean"),
            column("1.5", "double"),
            column(
                "address",
                "struct<street:string,Zip:varchar(10),geo:struct<lat:double,lon:double>>"),
            column("tags", "array<struct<k:string,v:map<string,array<int>>>>"),
            column("seen", "timestamp"));
    FormatOptions tab = new FormatOptions("\t", null, null, null, null, null, null, null, Map.of());
    return Stream.of(
        contract(ContractFormat.PARQUET, FormatOptions.NONE, columns),
        contract(ContractFormat.ICEBERG, FormatOptions.NONE, columns),
        contract(ContractFormat.ORC, FormatOptions.NONE, columns),
        contract(ContractFormat.JSON, FormatOptions.NONE, columns),
        contract(ContractFormat.CSV, tab, columns),
        contract(ContractFormat.TSV, FormatOptions.NONE, columns),
        new Contract(
            "1.0.0",
            "sales",
            "bare",
            null,
            null,
            "s3://lake/bare/",
            ContractFormat.AVRO,
            null,
            List.of(column("id", "bigint")),
            null,
            null));
  }

  @ParameterizedTest
  @MethodSource("writable")
  void whatItWritesReadsBackToTheSameContract(Contract contract) {
    byte[] yaml = OdcsContractWriter.write(contract);

    assertEquals(List.of(), OdcsContractWriter.unstatable(contract));
    assertEquals(contract, OdcsContractReader.read("orders.odcs.yaml", yaml));
    assertEquals(contract, Contracts.read("orders.odcs.yaml", yaml), "as check reads it");
  }

  @Test
  void theDocumentIsDeterministicAndReadable() {
    Contract contract = writable().findFirst().orElseThrow();

    String yaml = new String(OdcsContractWriter.write(contract), StandardCharsets.UTF_8);

    assertEquals(yaml, new String(OdcsContractWriter.write(contract), StandardCharsets.UTF_8));
    assertTrue(yaml.startsWith("apiVersion: v3.2.0\nkind: DataContract\nid: sales.orders\n"), yaml);
    assertTrue(
        yaml.contains("\nservers:\n  - server: glue\n    type: glue\n    database: sales\n"), yaml);
    assertTrue(
        yaml.contains(
            "\n      - name: region\n        physicalType: string\n        partitioned: true\n        partitionKeyPosition: 1\n"),
        yaml);
  }

  @Test
  void whatOdcsCannotStateIsRefusedByName() {
    FormatOptions json =
        new FormatOptions(
            null, null, null, null, "openx", null, null, true, Map.of("ts", "timestamp"));
    Contract serde = contract(ContractFormat.JSON, json, List.of(column("id", "bigint")));
    Contract waived =
        contract(ContractFormat.PARQUET, FormatOptions.NONE, List.of(column("id", "bigint")))
            .withPolicy(new Policy(null, null, true, null, List.of(), List.of()));
    Contract renamed =
        contract(
            ContractFormat.PARQUET,
            FormatOptions.NONE,
            List.of(
                new ContractColumn(
                    "id",
                    TypeParser.parse("bigint"),
                    null,
                    null,
                    List.of("order_id"),
                    false,
                    LocalDate.of(2027, 1, 31))));

    assertEquals(
        List.of(
            "format_options.serde (openx)",
            "format_options.ignore_malformed",
            "format_options.mapping"),
        OdcsContractWriter.unstatable(serde));
    assertEquals(
        List.of("policy: ODCS cannot state one (the registry's defaults.policy can)"),
        OdcsContractWriter.unstatable(waived));
    assertEquals(
        List.of("previous_names of column 'id'", "sunset of column 'id'"),
        OdcsContractWriter.unstatable(renamed));
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> OdcsContractWriter.write(serde));
    assertTrue(refused.getMessage().contains("format_options.mapping"), refused.getMessage());
  }
}
