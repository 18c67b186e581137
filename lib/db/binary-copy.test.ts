import { describe, expect, it } from "vitest";
import { BinaryCopyError, readBinaryCopy, type BinaryField } from "./binary-copy";

/** Builds binary COPY bytes by hand (big-endian), as PostgreSQL sends them. */
class CopyBytes {
  private readonly parts: number[] = [];
  constructor() {
    this.raw([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]).int32(0).int32(0);
  }
  raw(bytes: ArrayLike<number>): this {
    for (let i = 0; i < bytes.length; i++) this.parts.push(bytes[i]!);
    return this;
  }
  int16(value: number): this {
    const view = new DataView(new ArrayBuffer(2));
    view.setInt16(0, value);
    return this.raw(new Uint8Array(view.buffer));
  }
  int32(value: number): this {
    const view = new DataView(new ArrayBuffer(4));
    view.setInt32(0, value);
    return this.raw(new Uint8Array(view.buffer));
  }
  field(bytes: ArrayLike<number> | null): this {
    if (bytes === null) return this.int32(-1);
    return this.int32(bytes.length).raw(bytes);
  }
  float8(value: number): this {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value);
    return this.field(new Uint8Array(view.buffer));
  }
  int4(value: number): this {
    const view = new DataView(new ArrayBuffer(4));
    view.setInt32(0, value);
    return this.field(new Uint8Array(view.buffer));
  }
  /** µs since 2000-01-01 as int64. */
  timestamptz(micros: bigint): this {
    const view = new DataView(new ArrayBuffer(8));
    view.setBigInt64(0, micros);
    return this.field(new Uint8Array(view.buffer));
  }
  text(value: string | null): this {
    return this.field(value === null ? null : new TextEncoder().encode(value));
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

// Two tuples (text, float8, int4, bool, timestamptz):
//   ("u1", 6.5, 3, true, 2026-06-30T00:00:00Z) and ("ü2", NULL, -7, false, NULL).
// 2026-06-30T00:00:00Z − 2000-01-01 = 9,677 days = 836,092,800 s = 836,092,800,000,000 µs.
const TWO_ROWS = new CopyBytes()
  .int16(5).text("u1").float8(6.5).int4(3).field([1]).timestamptz(836_092_800_000_000n)
  .int16(5).text("ü2").field(null).int4(-7).field([0]).field(null)
  .int16(-1)
  .bytes();

function sinks() {
  const ids: (string | null)[] = [];
  const float = new Float64Array(2);
  const int = new Float64Array(2);
  const flag = new Float64Array(2);
  const time = new Float64Array(2);
  const fields: BinaryField[] = [
    { type: "text", into: (row, value) => void (ids[row] = value) },
    { type: "float8", into: float },
    { type: "int4", into: int },
    { type: "bool", into: flag },
    { type: "timestamptz", into: time },
  ];
  return { ids, float, int, flag, time, fields };
}

async function* chunked(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let offset = 0;
  for (const size of sizes) {
    yield bytes.subarray(offset, offset + size);
    offset += size;
  }
  if (offset < bytes.length) yield bytes.subarray(offset);
}

describe("readBinaryCopy", () => {
  it("decodes every type, NULLs as NaN/null", async () => {
    const sink = sinks();
    expect(await readBinaryCopy(chunked(TWO_ROWS, []), sink.fields, 2)).toBe(2);
    expect(sink.ids).toEqual(["u1", "ü2"]);
    expect([...sink.float]).toEqual([6.5, Number.NaN]);
    expect([...sink.int]).toEqual([3, -7]);
    expect([...sink.flag]).toEqual([1, 0]);
    expect([...sink.time]).toEqual([Date.UTC(2026, 5, 30), Number.NaN]);
  });

  it("gives the same result however the bytes are split into chunks", async () => {
    for (let cut = 1; cut < TWO_ROWS.length; cut++) {
      const sink = sinks();
      await readBinaryCopy(chunked(TWO_ROWS, [cut]), sink.fields, 2);
      expect([sink.ids, [...sink.int], [...sink.time]]).toEqual([["u1", "ü2"], [3, -7], [Date.UTC(2026, 5, 30), Number.NaN]]);
    }
    const sink = sinks();
    await readBinaryCopy(chunked(TWO_ROWS, Array.from(TWO_ROWS, () => 1)), sink.fields, 2);
    expect(sink.ids).toEqual(["u1", "ü2"]);
  });

  it("refuses data that is not what the fields say", async () => {
    const text = new TextEncoder().encode("user_id\tsessions_per_week\nu1\t6.5\n");
    await expect(readBinaryCopy(chunked(text, []), sinks().fields, 2)).rejects.toThrow(new BinaryCopyError("not PostgreSQL binary COPY data"));
    await expect(readBinaryCopy(chunked(TWO_ROWS.subarray(0, 12), []), sinks().fields, 2)).rejects.toThrow("the data ended before the header");
    await expect(readBinaryCopy(chunked(TWO_ROWS, []), sinks().fields, 1)).rejects.toThrow("more than the expected 1 rows");
    await expect(readBinaryCopy(chunked(TWO_ROWS.subarray(0, 40), []), sinks().fields, 2)).rejects.toThrow("the data ended inside a tuple");
    const bigint = new CopyBytes().int16(1).float8(1).int16(-1).bytes();
    await expect(readBinaryCopy(chunked(bigint, []), [{ type: "int4", into: new Float64Array(1) }], 1)).rejects.toThrow(
      "field 1 has 8 bytes; a int4 has 4",
    );
    const wide = new CopyBytes().int16(2).int4(1).int4(2).int16(-1).bytes();
    await expect(readBinaryCopy(chunked(wide, []), [{ type: "int4", into: new Float64Array(1) }], 1)).rejects.toThrow("a tuple has 2 fields, expected 1");
  });

  it("hands bytea fields over as bytes, NULL as null, however the bytes are chunked", async () => {
    const bytes = new CopyBytes().int16(1).field([0, 0, 0x4e, 0x20, 0xff]).int16(1).field(null).int16(1).field([]).int16(-1).bytes();
    for (const sizes of [[], [20], [24], Array.from(bytes, () => 1)]) {
      const seen: (number[] | null)[] = [];
      const fields: BinaryField[] = [{ type: "bytes", into: (row, value) => void (seen[row] = value && Array.from(value)) }];
      expect(await readBinaryCopy(chunked(bytes, sizes), fields, 3)).toBe(3);
      expect(seen).toEqual([[0, 0, 0x4e, 0x20, 0xff], null, []]);
    }
  });
});
