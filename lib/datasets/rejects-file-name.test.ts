import { describe, expect, it } from "vitest";
import { rejectsFileName } from "./rejects-file-name";

describe("rejectsFileName", () => {
  it("names the dataset, file and job", () => {
    expect(rejectsFileName({ id: 12, datasetName: "shop", fileName: "events.csv" })).toBe("shop-events-rejects-job-12.csv");
  });

  it("drops quotes, spaces and non-ASCII that would break the header", () => {
    expect(rejectsFileName({ id: 3, datasetName: "My Shop", fileName: 'März "final".ndjson' })).toBe("My-Shop-M-rz-final-rejects-job-3.csv");
    expect(rejectsFileName({ id: 4, datasetName: "ü", fileName: "ö" })).toBe("ingest-rejects-job-4.csv");
  });
});
