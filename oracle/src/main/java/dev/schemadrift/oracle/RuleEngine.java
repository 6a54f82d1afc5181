package dev.schemadrift.oracle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemadrift.artifact.DiffArtifact;
import dev.schemadrift.artifact.RunId;
import dev.schemadrift.artifact.TableCheck;
import dev.schemadrift.catalog.GluePartitionReader;
import dev.schemadrift.catalog.GlueTable;
import dev.schemadrift.catalog.GlueTableReader;
import dev.schemadrift.catalog.PartitionSample;
import dev.schemadrift.contract.Contract;
import dev.schemadrift.contract.Contracts;
import dev.schemadrift.contract.Policy;
import dev.schemadrift.diff.Finding;
import dev.schemadrift.diff.Fingerprint;
import dev.schemadrift.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rule engine's verdict on an experiment: the before schema as a contract, the after schema as
 * the Glue table Athena would read, judged by {@link TableCheck#compared} as {@code schema-drift
 * diff} judges them. A partitioned table's partitions are given as {@code aws glue get-partitions}
 * prints them (the file {@code schema-drift diff} reads beside a snapshot), so the partition drift
 * check sees what the catalog holds.
 */
final class RuleEngine {
  private static final RunId RUN = new RunId("20260101T000000Z");
  private static final String DATABASE = "oracle";
  private static final String LOCATION = "s3://oracle-data/";

  private RuleEngine() {}

  static Outcome judge(Experiment experiment) {
    byte[] contractBytes = json(contract(experiment));
    byte[] tableBytes = json(glueTable(experiment));
    String source = experiment.id() + " (contract)";
    Contract contract = Contracts.read(source, contractBytes);
    GlueTable table = GlueTableReader.readOne(experiment.id() + " (Glue table)", tableBytes);
    PartitionSample partitions = null;
    if (!table.partitionKeys().isEmpty()) {
      partitions =
          PartitionSample.read(
              Policy.DEFAULT_PARTITION_SAMPLE,
              GluePartitionReader.read(
                  experiment.id() + " (Glue partitions)", json(gluePartitions(experiment))),
              false);
    }
    DiffArtifact artifact =
        TableCheck.compared(
            RUN,
            new DiffArtifact.ContractInfo(source, null, Fingerprint.sha256(contractBytes)),
            contract,
            table,
            partitions,
            null,
            false);
    String findings =
        artifact.findings().stream()
            .filter(Finding::counts)
            .map(finding -> finding.rule() + " " + finding.path() + " " + finding.severity())
            .collect(Collectors.joining("; "));
    boolean named =
        artifact.findings().stream()
            .anyMatch(finding -> finding.rule().name().equals(experiment.rule()));
    String evidence = named ? findings : "no " + experiment.rule() + " finding: " + findings;
    return switch (artifact.status()) {
      case OK -> new Outcome(Verdict.SAFE, named ? "no finding" : evidence);
      case SAFE, RISKY, BREAKING -> new Outcome(Verdict.of(artifact.status().severity()), evidence);
      case NO_DATA, ERROR ->
          new Outcome(
              Verdict.UNDECIDED,
              artifact.status()
                  + (artifact.error() == null ? "" : ": " + artifact.error().message()));
    };
  }

  private static ObjectNode contract(Experiment experiment) {
    ObjectNode contract = Json.mapper().createObjectNode();
    contract.put("contract_version", "1.0.0");
    contract.put("database", DATABASE);
    contract.put("table", experiment.tableName());
    contract.put("data_location", LOCATION + experiment.tableName() + "/");
    contract.put("format", experiment.format().contractFormat());
    // A contract bootstrapped from the table names the SerDe where the format has two.
    switch (experiment.format()) {
      case OPENCSV -> contract.putObject("format_options").put("serde", "open_csv");
      case OPENX_JSON -> contract.putObject("format_options").put("serde", "openx");
      case PARQUET, ORC, CSV, TSV, JSON, AVRO -> {
        // One SerDe for the format, or the contract's default (lazy_simple, hive JSON).
      }
    }
    ArrayNode columns = contract.putArray("columns");
    for (Column column : experiment.contractIsAfter() ? experiment.after() : experiment.before()) {
      columns.addObject().put("name", column.name()).put("type", column.type());
    }
    if (!experiment.beforeKeys().isEmpty()) {
      ArrayNode keys = contract.putArray("partition_keys");
      for (Column key : experiment.beforeKeys()) {
        keys.addObject().put("name", key.name()).put("type", key.type());
      }
    }
    return contract;
  }

  private static ObjectNode glueTable(Experiment experiment) {
    StorageFormat format = experiment.format();
    ObjectNode table = Json.mapper().createObjectNode();
    table.put("Name", experiment.tableName());
    table.put("DatabaseName", DATABASE);
    table.put("TableType", "EXTERNAL_TABLE");
    table
        .putObject("Parameters")
        .put("EXTERNAL", "TRUE")
        .put("classification", format.contractFormat());
    storageDescriptor(
        table, experiment, format, experiment.after(), LOCATION + experiment.tableName() + "/");
    ArrayNode partitionKeys = table.putArray("PartitionKeys");
    for (Column key : experiment.afterKeys()) {
      partitionKeys.addObject().put("Name", key.name()).put("Type", key.type());
    }
    table.put("VersionId", "1");
    return table;
  }

  /**
   * What {@code aws glue get-partitions} prints for the after table: each registered partition with
   * its values and its own storage descriptor (its columns and, with {@code partitionFormat},
   * another format than the table's).
   */
  static ObjectNode gluePartitions(Experiment experiment) {
    ObjectNode document = Json.mapper().createObjectNode();
    ArrayNode partitions = document.putArray("Partitions");
    StorageFormat format =
        experiment.partitionFormat() == null ? experiment.format() : experiment.partitionFormat();
    for (PartitionLayout.Registered registered : experiment.registeredPartitions()) {
      ObjectNode partition = partitions.addObject();
      ArrayNode values = partition.putArray("Values");
      registered.values().forEach(values::add);
      partition.put("DatabaseName", DATABASE);
      partition.put("TableName", experiment.tableName());
      storageDescriptor(
          partition,
          experiment,
          format,
          registered.columns(),
          LOCATION + experiment.tableName() + "/" + registered.folder() + "/");
    }
    return document;
  }

  private static void storageDescriptor(
      ObjectNode parent,
      Experiment experiment,
      StorageFormat format,
      List<Column> dataColumns,
      String location) {
    ObjectNode storage = parent.putObject("StorageDescriptor");
    ArrayNode columns = storage.putArray("Columns");
    for (Column column : dataColumns) {
      columns.addObject().put("Name", column.name()).put("Type", column.type());
    }
    storage.put("Location", location);
    storage.put("InputFormat", format.inputFormat());
    storage.put("OutputFormat", format.outputFormat());
    ObjectNode serde = storage.putObject("SerdeInfo");
    serde.put("SerializationLibrary", format.serde());
    ObjectNode parameters = serde.putObject("Parameters");
    switch (format) {
      case CSV -> parameters.put("field.delim", ",");
      case TSV -> parameters.put("field.delim", "\t");
      case OPENCSV ->
          // What Trino's CSV writer uses, stated as an Athena OpenCSVSerde table states them.
          parameters.put("separatorChar", ",").put("quoteChar", "\"").put("escapeChar", "\\");
      case PARQUET, ORC, JSON, AVRO, OPENX_JSON -> {
        // The SerDe's defaults are what Trino wrote.
      }
    }
    if (experiment.access() != ColumnAccess.DEFAULT) {
      format
          .indexAccessSerdeParameter()
          .ifPresent(
              name ->
                  parameters.put(
                      name, Boolean.toString(experiment.access() == ColumnAccess.BY_INDEX)));
    }
  }

  private static byte[] json(ObjectNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
