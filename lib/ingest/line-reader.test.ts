import { describe, expect, it } from "vitest";
import { LineReader, splitOnWhitespace } from "./line-reader";

function lines(text: string, pieceLength = Infinity): [number, string][] {
  const out: [number, string][] = [];
  const reader = new LineReader();
  const onLine = (line: string, lineNumber: number) => out.push([lineNumber, line]);
  const step = Number.isFinite(pieceLength) ? pieceLength : text.length || 1;
  for (let i = 0; i < text.length; i += step) reader.push(text.slice(i, i + step), onLine);
  reader.end(onLine);
  return out;
}

describe("LineReader", () => {
  it("emits non-blank lines with their physical line numbers, without LF or CRLF", () => {
    const text = '{"a":1}\r\n\n   \n{"b":2}\n{"c":3}';
    const expected: [number, string][] = [
      [1, '{"a":1}'],
      [4, '{"b":2}'],
      [5, '{"c":3}'],
    ];
    expect(lines(text)).toEqual(expected);
    for (const size of [1, 2, 3, 8]) expect(lines(text, size)).toEqual(expected);
  });

  it("drops a line longer than the limit up to its line break, reporting it once", () => {
    const out: [number, string][] = [];
    const tooLong: number[] = [];
    const reader = new LineReader(10);
    for (const piece of ["ok\n", "0123456", "789abc", "def", "ghi\nnext\n", "last"]) {
      reader.push(piece, (line, n) => out.push([n, line]), (n) => tooLong.push(n));
    }
    reader.end((line, n) => out.push([n, line]));
    expect(out).toEqual([
      [1, "ok"],
      [3, "next"],
      [4, "last"],
    ]);
    expect(tooLong).toEqual([2]);
  });

  it("emits nothing for an empty input", () => {
    expect(lines("")).toEqual([]);
    expect(lines("\n\n")).toEqual([]);
  });
});

describe("splitOnWhitespace", () => {
  it("splits CDNOW-style aligned columns", () => {
    expect(splitOnWhitespace(" 00001 19970101  1   11.77")).toEqual(["00001", "19970101", "1", "11.77"]);
    expect(splitOnWhitespace("a\t b  \t")).toEqual(["a", "b"]);
    expect(splitOnWhitespace("   ")).toEqual([]);
  });
});
