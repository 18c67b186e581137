import { describe, expect, it } from "vitest";
import { copyRow, copyValue } from "./copy-text";

describe("COPY text encoding", () => {
  it("escapes the four special characters and encodes null", () => {
    expect(copyValue("a\tb\nc\rd\\e")).toBe("a\\tb\\nc\\rd\\\\e");
    expect(copyValue(null)).toBe("\\N");
    expect(copyValue("\\N")).toBe("\\\\N");
    expect(copyValue(NaN)).toBe("\\N");
    expect(copyValue(12.5)).toBe("12.5");
  });

  it("joins a row with tabs and ends it with a newline", () => {
    expect(copyRow(["u1", 3, null])).toBe("u1\t3\t\\N\n");
  });
});
