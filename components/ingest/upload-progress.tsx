import { formatBytes, formatCount } from "@/components/format/numbers";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { UploadProgress } from "./use-ingest-upload";

function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}

/**
 * Two honest bars: bytes the browser has sent, and bytes the server has loaded
 * (parsed and committed) with the row count. Loading trails sending; on a fast
 * network the upload finishes first and loading catches up.
 */
export function UploadProgressCard({ progress, datasetName, onCancel }: { progress: UploadProgress; datasetName: string; onCancel: () => void }) {
  const allSent = progress.bytesTotal > 0 && progress.bytesSent >= progress.bytesTotal;
  const stage = progress.refreshing ? "Computing behavior features…" : allSent ? "Loading rows…" : "Uploading and loading…";
  const figures = `${formatBytes(progress.bytesSent)} of ${formatBytes(progress.bytesTotal)} · ${formatCount(progress.rows)} rows`;
  const loadedPercent = progress.refreshing ? 100 : progress.rows > 0 ? percentOf(progress.bytesLoaded, progress.bytesTotal) : allSent ? null : 0;
  return (
    <Card
      title={`Loading ${progress.fileName}`}
      description={`into dataset ${datasetName}`}
      actions={
        // Once every byte is sent the server finishes the load regardless; cancelling would only hide it.
        !allSent && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel upload
          </Button>
        )
      }
    >
      <div className="space-y-4">
        <div className="flex items-baseline justify-between gap-4 text-sm" aria-live="polite">
          <span className="font-medium text-slate-900">{stage}</span>
          <span className="text-slate-600 tabular-nums" data-testid="upload-figures">
            {figures}
          </span>
        </div>
        <div className="grid grid-cols-[5rem_minmax(0,1fr)_11rem] items-center gap-x-3 gap-y-3 text-xs text-slate-600">
          <span>Sent</span>
          <ProgressBar label="Upload progress" percent={percentOf(progress.bytesSent, progress.bytesTotal)} valueText={`${formatBytes(progress.bytesSent)} of ${formatBytes(progress.bytesTotal)} sent`} />
          <span className="text-right tabular-nums">
            {formatBytes(progress.bytesSent)} of {formatBytes(progress.bytesTotal)}
          </span>
          <span>Loaded</span>
          <ProgressBar label="Load progress" tone="emerald" percent={loadedPercent} valueText={`${formatCount(progress.rows)} rows loaded`} />
          <span className="text-right tabular-nums">
            {formatCount(progress.rows)} rows
            {progress.rejected + progress.duplicates > 0 && (
              <span className="block text-slate-500">
                {formatCount(progress.rejected)} rejected · {formatCount(progress.duplicates)} duplicates
              </span>
            )}
          </span>
        </div>
      </div>
    </Card>
  );
}
