package dev.schemadrift.diff;

import dev.schemadrift.catalog.GlueColumn;
import dev.schemadrift.contract.ContractColumn;
import dev.schemadrift.type.DataType;

/**
 * A column, partition key or struct field on one side, with its parsed type and position.
 *
 * @param promised the contract column (contract side, top level), else null
 * @param glue the Glue column (Glue side, top level), else null
 */
record Item(String name, DataType type, int index, ContractColumn promised, GlueColumn glue) {}
