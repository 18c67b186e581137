/**
 * Reads PostgreSQL's binary COPY format (COPY … TO STDOUT WITH (FORMAT binary))
 * straight into typed arrays: no row objects, no text parsing of numbers. For
 * bulk loads such as the in-memory feature cache, where the pg driver's
 * per-value text parsing costs several times what the server does.
 *
 * Format (https://www.postgresql.org/docs/current/sql-copy.html, Binary Format):
 * an 11-byte signature, int32 flags, int32 header-extension length and the
 * extension; then per tuple an int16 field count followed, per field, by an
 * int32 byte length (−1 = NULL) and the value in the type's binary send format
 * (big-endian); an int16 −1 ends the data.
 */
import { Buffer } from "node:buffer";

/** How a field is decoded; numbers land in a Float64Array (NULL → NaN). */
export type BinaryField =
  | { type: "float8" | "int4" | "int2" | "bool" | "timestamptz"; into: Float64Array }
  /** Text (or varchar); `into` must tolerate being called twice for the same row (a tuple split across chunks is decoded again). */
  | { type: "text"; into: (row: number, value: string | null) => void }
  /** bytea: `value` views the received chunk and is only valid during the call (copy what you keep); may be called twice for a row, like text. */
  | { type: "bytes"; into: (row: number, value: Uint8Array | null) => void };

const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]; // "PGCOPY\n\377\r\n\0"
const HEADER_FIXED = SIGNATURE.length + 8;
// timestamptz is microseconds since 2000-01-01T00:00:00Z (integer datetimes).
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 4_294_967_296;
/** Bytes of each fixed-width type: a column of another type is refused, not misread. */
const WIDTH: Partial<Record<BinaryField["type"], number>> = { float8: 8, int4: 4, int2: 2, bool: 1, timestamptz: 8 };

export class BinaryCopyError extends Error {
  constructor(message: string) {
    super(`Binary COPY: ${message}`);
    this.name = "BinaryCopyError";
  }
}

/**
 * Decodes every tuple into `fields` (in column order), row by row from 0.
 * @returns the number of rows read.
 * @throws BinaryCopyError on a bad header, a field count that is not fields.length,
 *   more rows than `maxRows`, or data that ends inside a tuple.
 */
export async function readBinaryCopy(chunks: AsyncIterable<Uint8Array>, fields: readonly BinaryField[], maxRows: number): Promise<number> {
  let carry: Uint8Array | null = null;
  let headerRead = false;
  let ended = false;
  let row = 0;
  for await (const chunk of chunks) {
    if (ended) continue; // nothing may follow the trailer; drain the stream
    const data: Uint8Array = carry ? concat(carry, chunk) : chunk;
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const end = data.byteLength;
    let pos = 0;
    if (!headerRead) {
      if (end < HEADER_FIXED) {
        carry = data;
        continue;
      }
      for (let i = 0; i < SIGNATURE.length; i++) if (data[i] !== SIGNATURE[i]) throw new BinaryCopyError("not PostgreSQL binary COPY data");
      const extension = view.getInt32(SIGNATURE.length + 4);
      if (end < HEADER_FIXED + extension) {
        carry = data;
        continue;
      }
      pos = HEADER_FIXED + extension;
      headerRead = true;
    }
    tuples: for (;;) {
      const tupleStart = pos;
      if (pos + 2 > end) break;
      const count = view.getInt16(pos);
      pos += 2;
      if (count === -1) {
        ended = true;
        break;
      }
      if (count !== fields.length) throw new BinaryCopyError(`a tuple has ${count} fields, expected ${fields.length}`);
      if (row >= maxRows) throw new BinaryCopyError(`more than the expected ${maxRows} rows`);
      for (let f = 0; f < count; f++) {
        if (pos + 4 > end) {
          pos = tupleStart;
          break tuples;
        }
        const length = view.getInt32(pos);
        pos += 4;
        if (length > 0 && pos + length > end) {
          pos = tupleStart;
          break tuples;
        }
        const field = fields[f]!;
        const width = WIDTH[field.type];
        if (length >= 0 && width !== undefined && length !== width) {
          throw new BinaryCopyError(`field ${f + 1} has ${length} bytes; a ${field.type} has ${width}`);
        }
        if (length < 0) {
          if (field.type === "text" || field.type === "bytes") field.into(row, null);
          else field.into[row] = Number.NaN;
          continue;
        }
        switch (field.type) {
          case "float8":
            field.into[row] = view.getFloat64(pos);
            break;
          case "int4":
            field.into[row] = view.getInt32(pos);
            break;
          case "int2":
            field.into[row] = view.getInt16(pos);
            break;
          case "bool":
            field.into[row] = data[pos]!;
            break;
          case "timestamptz":
            // int64 µs: exact in a double up to the year 2255.
            field.into[row] = (view.getInt32(pos) * TWO_32 + view.getUint32(pos + 4)) / 1000 + POSTGRES_EPOCH_MS;
            break;
          case "text":
            field.into(row, bytes.toString("utf8", pos, pos + length));
            break;
          case "bytes":
            field.into(row, data.subarray(pos, pos + length));
            break;
        }
        pos += length;
      }
      row++;
    }
    carry = !ended && pos < end ? data.subarray(pos) : null;
  }
  if (!ended || carry) throw new BinaryCopyError(headerRead ? "the data ended inside a tuple" : "the data ended before the header");
  return row;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.byteLength + b.byteLength);
  joined.set(a, 0);
  joined.set(b, a.byteLength);
  return joined;
}
