import { describe, expect, it } from "vitest";
import { CsvRecordReader, MAX_RECORD_CHARS } from "./csv-reader";

interface Collected {
  records: [number, string[]][];
  malformed: [number, string, string][];
}

/** Reads `text` pushed in pieces of `pieceLength` characters (Infinity = one piece). */
function read(text: string, delimiter = ",", pieceLength = Infinity): Collected {
  const collected: Collected = { records: [], malformed: [] };
  const reader = new CsvRecordReader(delimiter);
  const sink = {
    record: (fields: string[], line: number) => collected.records.push([line, fields]),
    malformed: (line: number, text: string, reason: string) => collected.malformed.push([line, text, reason]),
  };
  const step = Number.isFinite(pieceLength) ? pieceLength : text.length || 1;
  for (let i = 0; i < text.length; i += step) reader.push(text.slice(i, i + step), sink);
  reader.end(sink);
  return collected;
}

describe("CsvRecordReader", () => {
  it("splits plain lines and numbers them from 1", () => {
    expect(read("a,b,c\n1,2,3\n4,5,6\n").records).toEqual([
      [1, ["a", "b", "c"]],
      [2, ["1", "2", "3"]],
      [3, ["4", "5", "6"]],
    ]);
  });

  it("reads a last line without a newline, CRLF endings, and empty fields", () => {
    expect(read("a,b\r\n1,\r\n,2").records).toEqual([
      [1, ["a", "b"]],
      [2, ["1", ""]],
      [3, ["", "2"]],
    ]);
  });

  it("handles quotes, doubled quotes and delimiters inside quotes", () => {
    expect(read('name,note\n"Smith, J.","said ""hi"""\n"",x\n').records).toEqual([
      [1, ["name", "note"]],
      [2, ["Smith, J.", 'said "hi"']],
      [3, ["", "x"]],
    ]);
  });

  it("keeps newlines inside quotes and reports the line where each record starts", () => {
    const text = 'id,text\n1,"two\nlines"\n2,"three\r\nline\nfield"\n3,plain\n';
    expect(read(text).records).toEqual([
      [1, ["id", "text"]],
      [2, ["1", "two\nlines"]],
      [4, ["2", "three\r\nline\nfield"]],
      [7, ["3", "plain"]],
    ]);
  });

  it("skips blank and whitespace-only lines but counts them", () => {
    expect(read("a,b\n\n  \n1,2\r\n\r\n3,4\n\n").records).toEqual([
      [1, ["a", "b"]],
      [4, ["1", "2"]],
      [6, ["3", "4"]],
    ]);
  });

  it("is lenient with stray quotes: literal inside a field, trailing text kept after a closing quote", () => {
    expect(read('a,b\n5" screen,x\n"quoted"tail,y\n"a"\r\n').records).toEqual([
      [1, ["a", "b"]],
      [2, ['5" screen', "x"]],
      [3, ["quotedtail", "y"]],
      [4, ["a"]],
    ]);
  });

  it("reads other delimiters (tab, semicolon, pipe)", () => {
    expect(read("a\tb\n1\t2,5\n", "\t").records).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "2,5"]],
    ]);
    expect(read('a;b\n"x;y";2\n', ";").records[1]).toEqual([2, ["x;y", "2"]]);
    expect(read("a|b\n1|2\n", "|").records[1]).toEqual([2, ["1", "2"]]);
  });

  it("gives the same records whatever the piece size", () => {
    const text = 'id,text,n\r\n1,"multi\r\nline, with ""quotes""",3\r\n\r\n2,"",4\r\n3,"é ü 😀",5\r\n4,"end"';
    const whole = read(text);
    for (const size of [1, 2, 3, 5, 7, 16]) expect(read(text, ",", size)).toEqual(whole);
    expect(whole.records.map(([line]) => line)).toEqual([1, 2, 5, 6, 7]);
  });

  it("reports a quote never closed at the end of the file and resumes on the next line", () => {
    const result = read('a,b\n1,"open\n2,x\n3,y\n');
    expect(result.malformed).toEqual([[2, '1,"open', 'a quoted field is never closed (unbalanced " in this row)']]);
    expect(result.records).toEqual([
      [1, ["a", "b"]],
      [3, ["2", "x"]],
      [4, ["3", "y"]],
    ]);
  });

  it("gives up on a quoted field longer than the record limit instead of buffering the file", () => {
    const filler = "x,y\n".repeat(MAX_RECORD_CHARS / 4 + 10);
    const result = read(`a,b\n1,"open\n${filler}`, ",", 64 * 1024);
    expect(result.malformed).toHaveLength(1);
    expect(result.malformed[0]![0]).toBe(2);
    expect(result.records[1]).toEqual([3, ["x", "y"]]);
  });

  it("skips a line without any line break once it passes the record limit", () => {
    const endless = "y".repeat(MAX_RECORD_CHARS + 200_000);
    const result = read(`a,b\n1,${endless}\n2,z\n`, ",", 64 * 1024);
    expect(result.malformed.map(([line, , reason]) => [line, reason])).toEqual([[2, "line is longer than 1 MB without a line break"]]);
    expect(result.records).toEqual([
      [1, ["a", "b"]],
      [3, ["2", "z"]],
    ]);
  });

  it("refuses a quote or newline as delimiter", () => {
    expect(() => new CsvRecordReader('"')).toThrow(/delimiter/);
    expect(() => new CsvRecordReader(",,")).toThrow(/delimiter/);
  });
});
