// One place for how numbers read on screen: en-US grouping (1,234), units named.

const counts = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** 1234 → "1,234" */
export function formatCount(value: number): string {
  return counts.format(value);
}

/** 3.14159 → "3.1" (digits after the point, grouping kept: "1,234.5"). */
export function formatDecimal(value: number, digits = 1): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Revenue without a known currency: "1,234.50". */
export function formatAmount(value: number): string {
  return formatDecimal(value, 2);
}

/** 0.123 → "12.3%" */
export function formatPercent(fraction: number, digits = 1): string {
  return `${formatDecimal(fraction * 100, digits)}%`;
}

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

/** Binary multiples, as the CLI prints them: "12.3 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= GB) return `${formatDecimal(bytes / GB)} GB`;
  if (bytes >= MB) return `${formatDecimal(bytes / MB)} MB`;
  if (bytes >= KB) return `${formatDecimal(bytes / KB)} KB`;
  return `${formatCount(bytes)} B`;
}

/** "1 user", "2 users" */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
