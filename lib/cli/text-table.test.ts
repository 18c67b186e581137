import { describe, expect, it } from "vitest";
import { renderTable, wrapText } from "./text-table";

describe("wrapText", () => {
  it("breaks at spaces and cuts words longer than the width", () => {
    // 17 = "> 5 sessions/week"; the next word would make 21.
    expect(wrapText("> 5 sessions/week and ≥ 3 core features", 17)).toEqual(["> 5 sessions/week", "and ≥ 3 core", "features"]);
    expect(wrapText("> 5 sessions/week", 16)).toEqual(["> 5", "sessions/week"]);
    expect(wrapText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
    expect(wrapText("", 5)).toEqual([""]);
  });
});

describe("renderTable", () => {
  it("pads columns, aligns numbers right, wraps long cells and then sets rows apart", () => {
    const table = renderTable(
      [
        { header: "Segment", maxWidth: 12 },
        { header: "Users", maxWidth: 8, align: "right" },
        { header: "Action", maxWidth: 10 },
      ],
      [
        ["Power users", "1,204", "Invite to beta + upsell"],
        ["New", "87", "Onboard"],
      ],
    );
    expect(table).toBe(
      [
        "Segment      Users  Action",
        "-----------  -----  ----------",
        "Power users  1,204  Invite to",
        "                    beta +",
        "                    upsell",
        "",
        "New             87  Onboard",
        "",
      ].join("\n"),
    );
  });

  it("keeps one line per row when nothing wraps", () => {
    expect(renderTable([{ header: "A", maxWidth: 5 }, { header: "B", maxWidth: 5 }], [["x", "y"], ["xx", "yy"]])).toBe("A   B\n--  --\nx   y\nxx  yy\n");
  });
});
