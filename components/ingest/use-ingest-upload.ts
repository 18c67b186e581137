"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { invalidateDataset } from "@/components/datasets/query-keys";
import type { IngestReportLine } from "@/lib/datasets/ingest-upload.types";
import { apiErrorBodySchema } from "@/lib/http/api-error-body";
import { NdjsonReader } from "./ndjson-reader";

export interface UploadRequest {
  file: File;
  datasetName: string;
  /** undefined = detect from the file. */
  format?: string;
  /** `user_id:CustomerID,timestamp:Date` */
  map?: string;
  timezone?: string;
}

export interface UploadProgress {
  fileName: string;
  bytesTotal: number;
  /** Bytes the browser has sent (XMLHttpRequest upload progress). */
  bytesSent: number;
  /** Bytes of the file the server has parsed and committed (from its progress lines). */
  bytesLoaded: number;
  /** Rows the server has processed so far (from its progress lines). */
  rows: number;
  rejected: number;
  duplicates: number;
  /** All rows loaded; behavior features are being recomputed. */
  refreshing: boolean;
}

export interface UploadFailure {
  title: string;
  message: string;
  errorId?: string;
}

export type UploadState =
  | { phase: "idle" }
  | { phase: "uploading"; progress: UploadProgress }
  | { phase: "succeeded"; report: IngestReportLine }
  | { phase: "failed"; failure: UploadFailure };

const INTERRUPTED =
  "The connection to the server was lost before the load finished. Upload the same file to the same dataset again: Strata resumes after the last saved row, without duplicating anything.";

/**
 * POST /api/datasets/[name]/ingest with XMLHttpRequest — fetch() cannot report
 * upload progress — reading the NDJSON progress lines as they arrive.
 */
export function useIngestUpload() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const xhrRef = useRef<XMLHttpRequest | null>(null);

  // Leaving the page stops the upload (the server keeps what it already saved).
  useEffect(
    () => () => {
      const xhr = xhrRef.current;
      if (xhr) {
        xhr.onabort = null;
        xhr.abort();
      }
    },
    [],
  );

  const start = useCallback(
    (request: UploadRequest) => {
      const search = new URLSearchParams({ fileName: request.file.name });
      if (request.format) search.set("format", request.format);
      if (request.map) search.set("map", request.map);
      if (request.timezone) search.set("timezone", request.timezone);

      const progress: UploadProgress = {
        fileName: request.file.name,
        bytesTotal: request.file.size,
        bytesSent: 0,
        bytesLoaded: 0,
        rows: 0,
        rejected: 0,
        duplicates: 0,
        refreshing: false,
      };
      const publish = () => setState({ phase: "uploading", progress: { ...progress } });
      const reader = new NdjsonReader();
      let report: IngestReportLine | null = null;
      let streamError: UploadFailure | null = null;
      const consume = (text: string, final: boolean) => {
        for (const line of reader.read(text, final)) {
          if (line.type === "progress") {
            progress.bytesLoaded = line.bytesRead;
            progress.rows = line.rows;
            progress.rejected = line.rejected;
            progress.duplicates = line.duplicates;
          } else if (line.type === "refreshing") {
            progress.refreshing = true;
          } else if (line.type === "report") {
            report = line;
          } else {
            streamError = { title: line.code === "bad_file" ? "This file could not be loaded" : "The load failed", message: line.message, errorId: line.id };
          }
        }
      };

      const xhr = new XMLHttpRequest();
      xhrRef.current = xhr;
      xhr.open("POST", `/api/datasets/${encodeURIComponent(request.datasetName)}/ingest?${search}`);
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.upload.onprogress = (event) => {
        progress.bytesSent = event.loaded;
        if (event.lengthComputable) progress.bytesTotal = event.total;
        publish();
      };
      xhr.onprogress = () => {
        if (xhr.status !== 200) return;
        consume(xhr.responseText, false);
        publish();
      };
      xhr.onload = () => {
        xhrRef.current = null;
        if (xhr.status !== 200) {
          const body = apiErrorBodySchema.safeParse(safeJson(xhr.responseText));
          setState({
            phase: "failed",
            failure: {
              title: xhr.status === 400 ? "This file could not be loaded" : "The upload failed",
              message: body.success ? body.data.error.message : `The server answered ${xhr.status} ${xhr.statusText}.`,
              errorId: body.success ? body.data.error.id : undefined,
            },
          });
          return;
        }
        consume(xhr.responseText, true);
        const finalReport = report as IngestReportLine | null;
        if (finalReport) {
          setState({ phase: "succeeded", report: finalReport });
          void invalidateDataset(queryClient, finalReport.datasetName);
        } else {
          setState({ phase: "failed", failure: streamError ?? { title: "The load did not finish", message: INTERRUPTED } });
        }
      };
      xhr.onerror = () => {
        xhrRef.current = null;
        setState({ phase: "failed", failure: { title: "The upload was interrupted", message: INTERRUPTED } });
      };
      xhr.onabort = () => {
        xhrRef.current = null;
        setState({
          phase: "failed",
          failure: {
            title: "Upload cancelled",
            message: "Rows saved before you cancelled stay in the dataset. Upload the same file to the same dataset again to continue after them.",
          },
        });
      };
      publish();
      xhr.send(request.file);
    },
    [queryClient],
  );

  const cancel = useCallback(() => xhrRef.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: "idle" }), []);

  return { state, start, cancel, reset };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
