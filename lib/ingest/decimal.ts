/**
 * Reads a money or quantity cell as a number: `12.5`, `-3`, `1e3`, ` 7 `, `$12.50`, `€8`, `1,234.50`.
 * Returns null when the text is not a number. Empty text is not a number either: callers decide whether an
 * empty cell means "no revenue" before calling.
 *
 * Deliberately not accepted: `12,50` (decimal comma — ambiguous with a thousands separator), `0x10`,
 * `Infinity`, `NaN`, `1_000`.
 */
export function parseDecimal(text: string): number | null {
  // Fast path: Number() accepts surrounding whitespace and plain decimals, but also "", "0x1f", "0b1", "Infinity".
  const value = Number(text);
  if (Number.isFinite(value)) {
    if (value !== 0 || isPlainZero(text)) return isHexLike(text) ? null : value;
    return null; // "" and "   " coerce to 0
  }
  return parseFormattedDecimal(text);
}

/** Like {@link parseDecimal} for JSON values: numbers pass through, numeric strings are parsed, others are null. */
export function decimalFromJson(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return parseDecimal(value);
  return null;
}

const FORMATTED = /^\s*([-+]?)\s*[$€£¥]?\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*$/;

function parseFormattedDecimal(text: string): number | null {
  const match = FORMATTED.exec(text);
  if (!match || (match[2] === undefined && match[3] === undefined)) return null;
  const value = Number(`${match[1]}${(match[2] ?? "0").replaceAll(",", "")}${match[3] ?? ""}`);
  return Number.isFinite(value) ? value : null;
}

function isPlainZero(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

function isHexLike(text: string): boolean {
  // 0x / 0o / 0b prefixes are the only non-decimal forms Number() reads among digit-leading strings.
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code === 48 /* 0 */) {
      const next = text.charCodeAt(i + 1) | 0x20;
      return next === 0x78 /* x */ || next === 0x6f /* o */ || next === 0x62 /* b */;
    }
    if (code !== 32 && code !== 9 && code !== 43 && code !== 45) return false;
  }
  return false;
}
