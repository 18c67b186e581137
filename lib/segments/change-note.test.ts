import { describe, expect, it } from "vitest";
import { decodeChangeNote, encodeChangeNote } from "./change-note";

describe("change note column", () => {
  it("keeps the line format when there is no note, so older versions read the same", () => {
    expect(encodeChangeNote({ note: null, changes: ["Dormant: recencyDays ≥ 30 → ≥ 20", "Added rule \"Trial\""] })).toBe(
      'Dormant: recencyDays ≥ 30 → ≥ 20\nAdded rule "Trial"',
    );
    expect(decodeChangeNote("First version")).toEqual({ note: null, changes: ["First version"] });
  });

  it("stores a note (even over several lines) with the changes and reads both back", () => {
    const stored = encodeChangeNote({ note: "Ops asked for it.\nSee ticket 12", changes: ["Dormant: recencyDays ≥ 30 → ≥ 20"] });
    expect(JSON.parse(stored)).toEqual({ note: "Ops asked for it.\nSee ticket 12", changes: ["Dormant: recencyDays ≥ 30 → ≥ 20"] });
    expect(decodeChangeNote(stored)).toEqual({ note: "Ops asked for it.\nSee ticket 12", changes: ["Dormant: recencyDays ≥ 30 → ≥ 20"] });
  });

  it("reads a change line that merely starts with a brace as a line", () => {
    expect(decodeChangeNote('{VIP}: added rule "x"')).toEqual({ note: null, changes: ['{VIP}: added rule "x"'] });
    expect(decodeChangeNote('{"other":1}')).toEqual({ note: null, changes: ['{"other":1}'] });
  });
});
