import { describe, expect, it } from "vitest";
import { NdjsonReader } from "./ndjson-reader";

const progress = (rows: number) => JSON.stringify({ type: "progress", jobId: 1, bytesRead: rows, bytesTotal: 100, rows, accepted: rows, rejected: 0, duplicates: 0 });

describe("NdjsonReader", () => {
  it("returns each complete line once, holding back a partial one", () => {
    const reader = new NdjsonReader();
    const first = `${progress(10)}\n${progress(20)}`;
    expect(reader.read(first).map((line) => line.type === "progress" && line.rows)).toEqual([10]);
    const second = `${first}\n${progress(30)}\n`;
    expect(reader.read(second).map((line) => line.type === "progress" && line.rows)).toEqual([20, 30]);
    expect(reader.read(second)).toEqual([]);
  });

  it("skips lines it does not understand", () => {
    const reader = new NdjsonReader();
    const text = `<html>\n{"type":"unknown"}\n{"type":"error","code":"bad_file","message":"Empty file."}\n`;
    expect(reader.read(text)).toEqual([{ type: "error", code: "bad_file", message: "Empty file." }]);
  });

  it("reads a last line without newline when the response is complete", () => {
    const reader = new NdjsonReader();
    expect(reader.read(progress(5), true)).toHaveLength(1);
  });
});
