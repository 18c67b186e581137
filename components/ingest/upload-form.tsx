"use client";

import { useId, useMemo, useState, type FormEvent } from "react";
import { useDatasets } from "@/components/datasets/use-datasets";
import { formatCount } from "@/components/format/numbers";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { newDatasetNameSchema } from "@/lib/datasets/dataset-name";
import { FileDropZone } from "./file-drop-zone";
import { FORMAT_OPTIONS, MAPPING_FIELDS, type MappingField } from "./format-options";
import { IngestReportCard } from "./ingest-report-card";
import { UploadProgressCard } from "./upload-progress";
import { useIngestUpload } from "./use-ingest-upload";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none aria-invalid:border-red-400 disabled:bg-slate-50 disabled:text-slate-500";
const labelClass = "block text-sm font-medium text-slate-800";
const hintClass = "mt-1 text-xs text-slate-500";

/** "Web Events (March).csv" → "web-events-march" */
function suggestDatasetName(fileName: string): string {
  return fileName
    .replace(/\.[^.]*$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-._]+|[-._]+$/g, "")
    .slice(0, 64);
}

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["UTC"];
  }
}

type Mapping = Record<MappingField, string>;
const EMPTY_MAPPING = Object.fromEntries(MAPPING_FIELDS.map(({ field }) => [field, ""])) as Mapping;

/** The upload page: choose a file and a dataset, watch it load, read the report. */
export function UploadForm({ initialDatasetName = "" }: { initialDatasetName?: string }) {
  const upload = useIngestUpload();
  const datasets = useDatasets();
  const [file, setFile] = useState<File | null>(null);
  const [datasetName, setDatasetName] = useState(initialDatasetName);
  const [nameTouched, setNameTouched] = useState(initialDatasetName !== "");
  const [format, setFormat] = useState("auto");
  const [timezone, setTimezone] = useState("UTC");
  const [mapping, setMapping] = useState<Mapping>(EMPTY_MAPPING);
  const [errors, setErrors] = useState<{ file?: string; datasetName?: string; timezone?: string }>({});
  const zones = useMemo(timeZones, []);
  const ids = { name: useId(), nameHint: useId(), format: useId(), zone: useId(), zoneHint: useId(), fileError: useId(), zones: useId(), names: useId() };

  const existing = datasets.data?.datasets.find((dataset) => dataset.name === datasetName.trim());

  const chooseFile = (chosen: File) => {
    setFile(chosen);
    setErrors((current) => ({ ...current, file: undefined }));
    if (!nameTouched) setDatasetName(suggestDatasetName(chosen.name));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = newDatasetNameSchema.safeParse(datasetName);
    const zone = existing || zones.includes(timezone.trim()) || timezone.trim() === "UTC" ? undefined : "Choose a time zone from the list, such as Europe/Berlin";
    const found = {
      file: file ? undefined : "Choose a file to upload",
      datasetName: name.success ? undefined : name.error.issues[0]?.message,
      timezone: zone,
    };
    setErrors(found);
    if (!file || found.datasetName || found.timezone) return;
    const map = MAPPING_FIELDS.filter(({ field }) => mapping[field].trim())
      .map(({ field }) => `${field}:${mapping[field].trim()}`)
      .join(",");
    upload.start({
      file,
      datasetName: datasetName.trim(),
      format: format === "auto" ? undefined : format,
      map: map || undefined,
      timezone: existing ? undefined : timezone.trim(),
    });
  };

  if (upload.state.phase === "uploading") {
    return <UploadProgressCard progress={upload.state.progress} datasetName={datasetName.trim()} onCancel={upload.cancel} />;
  }
  if (upload.state.phase === "succeeded") {
    return (
      <IngestReportCard
        report={upload.state.report}
        onUploadAnother={() => {
          setFile(null);
          upload.reset();
        }}
      />
    );
  }

  return (
    <div className="space-y-4">
      {upload.state.phase === "failed" && (
        <ErrorState title={upload.state.failure.title} message={upload.state.failure.message} errorId={upload.state.failure.errorId} />
      )}
      <Card title="Upload an event file" description="The file is streamed to the server and loaded as it arrives; nothing is kept in memory whole.">
        <form noValidate onSubmit={submit} className="space-y-5">
          <div>
            <FileDropZone file={file} onFile={chooseFile} invalid={Boolean(errors.file)} describedBy={errors.file ? ids.fileError : undefined} />
            {errors.file && (
              <p id={ids.fileError} className="mt-1 text-sm text-red-700">
                {errors.file}
              </p>
            )}
          </div>

          <div className="grid gap-5 sm:grid-cols-2">
            <div>
              <label htmlFor={ids.name} className={labelClass}>
                Dataset
              </label>
              <input
                id={ids.name}
                name="dataset"
                list={ids.names}
                value={datasetName}
                autoComplete="off"
                onChange={(event) => {
                  setNameTouched(true);
                  setDatasetName(event.target.value);
                  setErrors((current) => ({ ...current, datasetName: undefined }));
                }}
                aria-invalid={Boolean(errors.datasetName) || undefined}
                aria-describedby={ids.nameHint}
                placeholder="e.g. shop"
                className={inputClass}
              />
              <datalist id={ids.names}>
                {datasets.data?.datasets.map((dataset) => <option key={dataset.id} value={dataset.name} />)}
              </datalist>
              <p id={ids.nameHint} className={errors.datasetName ? "mt-1 text-sm text-red-700" : hintClass}>
                {errors.datasetName ??
                  (existing
                    ? `Adds to the existing dataset (${formatCount(existing.events)} events, ${formatCount(existing.users)} users).`
                    : datasetName.trim()
                      ? "A new dataset will be created."
                      : "A new name creates a dataset; an existing name adds to it.")}
              </p>
            </div>

            <div>
              <label htmlFor={ids.format} className={labelClass}>
                Format
              </label>
              <select id={ids.format} name="format" value={format} onChange={(event) => setFormat(event.target.value)} className={inputClass}>
                <option value="auto">Detect automatically</option>
                {FORMAT_OPTIONS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.title} — {option.detail}
                  </option>
                ))}
              </select>
              <p className={hintClass}>Detected from the first rows when left on automatic.</p>
            </div>

            <div>
              <label htmlFor={ids.zone} className={labelClass}>
                Time zone
              </label>
              <input
                id={ids.zone}
                name="timezone"
                list={ids.zones}
                value={existing ? existing.timezone : timezone}
                disabled={Boolean(existing)}
                onChange={(event) => {
                  setTimezone(event.target.value);
                  setErrors((current) => ({ ...current, timezone: undefined }));
                }}
                aria-invalid={Boolean(errors.timezone) || undefined}
                aria-describedby={ids.zoneHint}
                className={inputClass}
              />
              <datalist id={ids.zones}>
                {zones.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
              <p id={ids.zoneHint} className={errors.timezone ? "mt-1 text-sm text-red-700" : hintClass}>
                {errors.timezone ??
                  (existing
                    ? "Fixed when the dataset was created."
                    : "For timestamps without an offset, and for days and weeks in reports. Set once, for a new dataset.")}
              </p>
            </div>
          </div>

          <details className="group rounded-md border border-slate-200 bg-slate-50/60 px-4 py-3">
            <summary className="cursor-pointer text-sm font-medium text-slate-800 select-none">
              Column mapping <span className="font-normal text-slate-500">(optional — only if detection picks the wrong columns)</span>
            </summary>
            <p className="mt-2 text-xs text-slate-500">Type the column name exactly as it appears in your file&apos;s header. Leave a field empty to detect it.</p>
            <div className="mt-3 grid gap-4 sm:grid-cols-3">
              {MAPPING_FIELDS.map(({ field, label }) => (
                <div key={field}>
                  <label htmlFor={`map-${field}`} className="block text-xs font-medium text-slate-700">
                    {label}
                  </label>
                  <input
                    id={`map-${field}`}
                    value={mapping[field]}
                    onChange={(event) => setMapping((current) => ({ ...current, [field]: event.target.value }))}
                    placeholder="detect"
                    autoComplete="off"
                    className={inputClass}
                  />
                </div>
              ))}
            </div>
          </details>

          <div className="flex items-center justify-end gap-3 border-t border-slate-100 pt-4">
            <Button type="submit">Upload and load</Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
