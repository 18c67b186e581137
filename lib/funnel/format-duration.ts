/**
 * A median time between steps, readable at a glance and the same on screen and in the CLI:
 * 0 s, 45 s, 12.5 min, 3.2 h, 2.4 d (one decimal under 10, none above); null → "—".
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  const [value, unit] =
    seconds < 60 ? [seconds, "s"] : seconds < 3600 ? [seconds / 60, "min"] : seconds < 86_400 ? [seconds / 3600, "h"] : [seconds / 86_400, "d"];
  const digits = value < 10 && !Number.isInteger(value) ? 1 : 0;
  return `${value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}
