// Dates are shown in a named time zone, never the viewer's implicit one, so
// the server render and the browser agree and a screenshot means the same everywhere.

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions) {
  let format = cache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
    cache.set(timeZone, format);
  }
  return format;
}

/** "Mar 4, 2026, 10:05 AM" in the given zone (UTC by default). */
export function formatDateTime(iso: string, timeZone = "UTC"): string {
  return cached(dateTimeFormats, timeZone, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** "Mar 4, 2026" in the given zone. */
export function formatDate(iso: string, timeZone = "UTC"): string {
  return cached(dateFormats, timeZone, { dateStyle: "medium" }).format(new Date(iso));
}

/** 850 → "850 ms", 12_300 → "12.3 s", 245_000 → "4 min 5 s", 5_400_000 → "1 h 30 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min ${seconds} s`;
}
