import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { FeatureRefreshError } from "../features/refresh-features";
import { IngestFileError } from "../ingest/types";
import { classifyError } from "./api-error";
import { NotFoundError } from "./not-found-error";

describe("classifyError", () => {
  it("turns a ZodError into a 400 naming the field", () => {
    const parsed = z.object({ pageSize: z.number().max(200) }).safeParse({ pageSize: 500 });
    expect(classifyError(parsed.error, "test")).toEqual({
      status: 400,
      body: { error: { code: "invalid_request", message: "pageSize: Too big: expected number to be <=200" } },
    });
  });

  it("passes file errors and not-found messages through as-is", () => {
    expect(classifyError(new IngestFileError("The file is empty."), "test")).toEqual({
      status: 400,
      body: { error: { code: "bad_file", message: "The file is empty." } },
    });
    expect(classifyError(new NotFoundError('There is no dataset named "x".'), "test").status).toBe(404);
    expect(classifyError(new FeatureRefreshError("Unknown time zone Mars/Base."), "test")).toEqual({
      status: 400,
      body: { error: { code: "refresh_failed", message: "Unknown time zone Mars/Base." } },
    });
  });

  it("hides unexpected errors behind an id that is logged with the cause", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { status, body } = classifyError(new Error("password authentication failed for user strata"), "GET /api/datasets");
    expect(status).toBe(500);
    expect(body.error.message).not.toContain("password");
    expect(body.error.message).toContain(body.error.id!);
    expect(log.mock.calls[0]![0]).toContain(body.error.id!);
    log.mockRestore();
  });
});
