import { resolveColumnMapping, uniqueColumnNames, type MappingRole } from "../column-mapping";
import { IngestFileError, type ColumnMapping } from "../types";
import { buildDelimitedConverter, type DelimitedConverter, type DelimitedConverterOptions } from "./csv";

/**
 * Transaction logs: one purchase per row — customer id, date, [quantity,] amount — either whitespace-aligned
 * without a header (CDNOW_master.txt: ` 00001 19970101  1   11.77`) or CSV with a header
 * (`customer,date,amount,quantity`). Every row becomes an event named `purchase` with revenue = amount and
 * `properties.quantity`; other columns become string properties.
 */

export const PURCHASE_EVENT = "purchase";

const REQUIRED: readonly MappingRole[] = ["user_id", "timestamp", "revenue"];

/** Column names used when the file has no header, by column count. */
export const POSITIONAL_TRANSACTION_COLUMNS: Readonly<Record<number, readonly string[]>> = {
  3: ["customer_id", "date", "amount"],
  4: ["customer_id", "date", "quantity", "amount"],
};

const POSITIONAL_MAPPING: ColumnMapping = { user_id: "customer_id", timestamp: "date", quantity: "quantity", revenue: "amount" };

/**
 * @param header the header row, or null for a headerless log (then `width` must be 3 or 4).
 * @throws IngestFileError when the columns cannot be mapped.
 */
export function createTransactionsConverter(
  header: readonly string[] | null,
  width: number,
  options: DelimitedConverterOptions,
): DelimitedConverter {
  let columns: string[];
  let explicit = options.mapping;
  if (header === null) {
    const positional = POSITIONAL_TRANSACTION_COLUMNS[width];
    if (!positional) {
      throw new IngestFileError(
        `This transaction log has no header and ${width} columns; without a header it must have 3 columns (customer, date, amount) or 4 (customer, date, quantity, amount). Add a header line naming the columns.`,
      );
    }
    columns = [...positional];
    explicit = { ...positionalMappingFor(columns), ...options.mapping };
  } else columns = uniqueColumnNames(header);
  const resolved = resolveColumnMapping(columns, explicit, REQUIRED);
  return {
    columns,
    mapping: resolved.mapping,
    convert: buildDelimitedConverter(columns, resolved.index, { ...options, eventName: PURCHASE_EVENT, revenueRequired: true, hasHeader: header !== null }),
  };
}

function positionalMappingFor(columns: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const [role, column] of Object.entries(POSITIONAL_MAPPING) as [keyof ColumnMapping, string][]) {
    if (columns.includes(column)) mapping[role] = column;
  }
  return mapping;
}
