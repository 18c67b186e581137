/**
 * Numbers in criteria and notes, formatted the same in the browser and on the
 * server: no `toLocaleString` (its output depends on the runtime's locale data),
 * thousands separated by commas, at most two decimals, trailing zeros dropped.
 *
 * @example formatNumber(1234.5) === "1,234.5"; formatNumber(0.125) === "0.13"; formatNumber(-3) === "−3"
 */
export function formatNumber(value: number, maxDecimals = 2): string {
  if (Number.isNaN(value)) return "–";
  if (value === Number.POSITIVE_INFINITY) return "∞";
  if (value === Number.NEGATIVE_INFINITY) return "−∞";
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(maxDecimals);
  const [whole = "0", fraction = ""] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const trimmed = fraction.replace(/0+$/, "");
  const text = trimmed.length > 0 ? `${grouped}.${trimmed}` : grouped;
  // A value that rounds to zero is shown without a sign.
  return negative && text !== "0" ? `−${text}` : text;
}

/** A share (0..1) as a percentage with one decimal: 0.1234 → "12.3%". */
export function formatPercent(share: number): string {
  if (Number.isNaN(share)) return "–";
  return `${formatNumber(share * 100, 1)}%`;
}

/** A ratio as a multiplier with one decimal: 3.14 → "3.1×". */
export function formatMultiple(ratio: number): string {
  return `${formatNumber(ratio, 1)}×`;
}
