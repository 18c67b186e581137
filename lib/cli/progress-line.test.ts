import { describe, expect, it } from "vitest";
import { formatProgressLine } from "./progress-line";

describe("formatProgressLine", () => {
  it("shows percent, megabytes and row counts", () => {
    const line = formatProgressLine({ jobId: 1, bytesRead: 100 * 1024 * 1024, bytesTotal: 200 * 1024 * 1024, rows: 1234567, accepted: 1234552, rejected: 12, duplicates: 3 });
    expect(line).toBe("50% · 100.0 of 200.0 MB · 1,234,567 rows (12 rejected, 3 duplicates)");
  });

  it("omits the percentage when the size is unknown", () => {
    expect(formatProgressLine({ jobId: 1, bytesRead: 1.5 * 1024 * 1024, bytesTotal: 0, rows: 10, accepted: 10, rejected: 0, duplicates: 0 })).toBe("1.5 MB · 10 rows (0 rejected, 0 duplicates)");
  });
});
