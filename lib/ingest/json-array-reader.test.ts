import { describe, expect, it } from "vitest";
import { JsonArrayReader } from "./json-array-reader";

interface Collected {
  elements: [number, string][];
  malformed: [number, string][];
}

function read(text: string, pieceLength = Infinity): Collected {
  const out: Collected = { elements: [], malformed: [] };
  const reader = new JsonArrayReader();
  const sink = {
    element: (elementText: string, line: number) => out.elements.push([line, elementText]),
    malformed: (line: number, _text: string, reason: string) => out.malformed.push([line, reason]),
  };
  const step = Number.isFinite(pieceLength) ? pieceLength : text.length || 1;
  for (let i = 0; i < text.length; i += step) reader.push(text.slice(i, i + step), sink);
  reader.end(sink);
  return out;
}

describe("JsonArrayReader", () => {
  it("splits a one-line array", () => {
    expect(read('[{"a":1},{"b":[1,2,{"c":"}]"}]}]').elements).toEqual([
      [1, '{"a":1}'],
      [1, '{"b":[1,2,{"c":"}]"}]}'],
    ]);
  });

  it("reports the line each element of a pretty-printed array starts on", () => {
    const text = '[\n  {\n    "type": "track",\n    "s": "a\\"b,{"\n  },\n  {"type": "page"}\n]\n';
    const result = read(text);
    expect(result.elements).toEqual([
      [2, '{\n    "type": "track",\n    "s": "a\\"b,{"\n  }'],
      [6, '{"type": "page"}'],
    ]);
    for (const size of [1, 2, 5, 13]) expect(read(text, size)).toEqual(result);
  });

  it("emits bare values and tolerates trailing and missing commas", () => {
    expect(read("[1, \"x\" , null,]").elements.map(([, text]) => text)).toEqual(["1", '"x"', "null"]);
    expect(read('[{"a":1} {"b":2}]').elements.map(([, text]) => text)).toEqual(['{"a":1}', '{"b":2}']);
    expect(read("[]").elements).toEqual([]);
  });

  it("hands an unterminated last element to JSON.parse and flags text after the array", () => {
    expect(read('[{"a":1},{"b":').elements).toEqual([
      [1, '{"a":1}'],
      [1, '{"b":'],
    ]);
    expect(read('[{"a":1}]\n{"x":2}').malformed).toEqual([[2, "text after the closing ] of the JSON array"]]);
  });

  it("reads several arrays in a row and reports each line of text outside them", () => {
    const text = '[{"a":1}]\n[{"b":2},\n{"c":3}]\nfoo\n\nbar';
    const result = read(text);
    expect(result.elements).toEqual([
      [1, '{"a":1}'],
      [2, '{"b":2}'],
      [3, '{"c":3}'],
    ]);
    expect(result.malformed).toEqual([
      [4, "text after the closing ] of the JSON array"],
      [6, "text after the closing ] of the JSON array"],
    ]);
    expect(read(text, 1)).toEqual(result);
  });
});
