"use client";

import { useId, useState, type DragEvent } from "react";
import { formatBytes } from "@/components/format/numbers";

/**
 * Drop a file here, or use the ordinary file input inside it (its label is the
 * whole zone, so a click, Enter or Space on the focused input opens the picker).
 */
export function FileDropZone({ file, onFile, invalid, describedBy }: { file: File | null; onFile: (file: File) => void; invalid?: boolean; describedBy?: string }) {
  const inputId = useId();
  const titleId = useId();
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };

  return (
    <div>
      <span id={titleId} className="mb-1 block text-sm font-medium text-slate-800">
        Event file
      </span>
      <label
        htmlFor={inputId}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`relative flex cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600 ${
          dragging ? "border-indigo-500 bg-indigo-50" : invalid ? "border-red-300 bg-red-50/40" : "border-slate-300 bg-slate-50 hover:border-slate-400"
        }`}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-9 w-9 text-slate-400" fill="none" stroke="currentColor" strokeWidth={1.5}>
          <path d="M12 16.5V4.5m0 0L7.5 9M12 4.5 16.5 9M4.5 15v3.75A1.5 1.5 0 0 0 6 20.25h12a1.5 1.5 0 0 0 1.5-1.5V15" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {file ? (
          <span className="mt-2 text-sm">
            <span className="font-medium text-slate-900" data-testid="selected-file">
              {file.name}
            </span>
            <span className="text-slate-500"> · {formatBytes(file.size)}</span>
            <span className="mt-1 block text-xs text-indigo-700">Choose a different file</span>
          </span>
        ) : (
          <span className="mt-2 text-sm text-slate-600">
            <span className="font-medium text-indigo-700">Choose a file</span> or drag it here
            <span className="mt-1 block text-xs text-slate-500">CSV, NDJSON or JSON exports · any size, streamed</span>
          </span>
        )}
        <input
          id={inputId}
          name="file"
          type="file"
          aria-labelledby={titleId}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className="sr-only"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) onFile(chosen);
          }}
        />
      </label>
    </div>
  );
}
