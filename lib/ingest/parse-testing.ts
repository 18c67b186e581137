import { fileURLToPath } from "node:url";
import { parseFile, type ParseFileOptions } from "./parse-file";
import type { ParsedEvent, ParsedRow, RejectedRow } from "./types";

/** Test support for the parsers: feed text or bytes to parseFile in chosen chunk sizes and collect rows. */

/** The shared sample data beside the repository (`../shared/data`), whatever the working directory. */
const SHARED_DATA = fileURLToPath(new URL("../../../shared/data/", import.meta.url));

export const SAMPLE_FILES = {
  cdnow: `${SHARED_DATA}cdnow/CDNOW_master.txt`,
  ga4: `${SHARED_DATA}vendor-samples/ga4/ga4_ecommerce_sample.ndjson`,
  amplitude: `${SHARED_DATA}vendor-samples/amplitude/export_row.ndjson`,
} as const;

export function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export async function* chunksOf(bytes: Uint8Array, chunkSize = Infinity): AsyncGenerator<Uint8Array> {
  if (!Number.isFinite(chunkSize)) {
    yield bytes;
    return;
  }
  for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
}

export async function parseAll(input: string | Uint8Array, options: Partial<ParseFileOptions> = {}, chunkSize = Infinity): Promise<ParsedRow[]> {
  const bytes = typeof input === "string" ? encode(input) : input;
  const rows: ParsedRow[] = [];
  for await (const batch of parseFile(chunksOf(bytes, chunkSize), { timezone: "UTC", ...options })) rows.push(...batch);
  return rows;
}

export function eventsOf(rows: readonly ParsedRow[]): ParsedEvent[] {
  return rows.filter((row): row is ParsedEvent => row.kind === "event");
}

export function rejectsOf(rows: readonly ParsedRow[]): RejectedRow[] {
  return rows.filter((row): row is RejectedRow => row.kind === "reject");
}

/** The rejection messages as the loader prints them. */
export function rejectMessages(rows: readonly ParsedRow[]): string[] {
  return rejectsOf(rows).map((row) => `line ${row.line}: ${row.reason}`);
}
