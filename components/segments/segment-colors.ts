/**
 * One colour per segment name, the same on every screen and chart (the table's
 * bars today, retention and lifecycle breakdowns later), so "Churned" is red
 * wherever it appears.
 *
 * Built-in segment names get a colour that hints at what they mean (violet for
 * the best users, emerald for healthy, amber and orange for warning signs, red
 * for lost, slate for the inactive) and that differs from every other segment
 * of the same default model. Custom names get a palette colour from a hash of
 * the name: deterministic, but two custom names may share one.
 *
 * Colour is never the only signal: the name is always written beside it.
 */

export interface SegmentColor {
  /** Bars, chart series, swatches. */
  hex: string;
  /** A light tint of the same hue, for backgrounds behind text. */
  tint: string;
}

/** Tailwind 600 shades (500 for yellow and lime, which read too dark at 600) and their 100 tints. */
export const SEGMENT_PALETTE = {
  violet: { hex: "#7c3aed", tint: "#ede9fe" },
  indigo: { hex: "#4f46e5", tint: "#e0e7ff" },
  blue: { hex: "#2563eb", tint: "#dbeafe" },
  sky: { hex: "#0284c7", tint: "#e0f2fe" },
  cyan: { hex: "#0891b2", tint: "#cffafe" },
  teal: { hex: "#0d9488", tint: "#ccfbf1" },
  emerald: { hex: "#059669", tint: "#d1fae5" },
  lime: { hex: "#65a30d", tint: "#ecfccb" },
  yellow: { hex: "#ca8a04", tint: "#fef9c3" },
  amber: { hex: "#d97706", tint: "#fef3c7" },
  orange: { hex: "#ea580c", tint: "#ffedd5" },
  red: { hex: "#dc2626", tint: "#fee2e2" },
  rose: { hex: "#e11d48", tint: "#ffe4e6" },
  fuchsia: { hex: "#c026d3", tint: "#fae8ff" },
  pink: { hex: "#db2777", tint: "#fce7f3" },
  slate: { hex: "#64748b", tint: "#f1f5f9" },
  stone: { hex: "#78716c", tint: "#f5f5f4" },
} as const satisfies Record<string, SegmentColor>;

type PaletteName = keyof typeof SEGMENT_PALETTE;

/** Built-in segment names (lower case) of the models' built-in defaults. */
const NAMED: Record<string, PaletteName> = {
  // Behavior rules
  "power users": "violet",
  engaged: "emerald",
  casual: "teal",
  new: "sky",
  "one-and-done": "amber",
  dormant: "slate",
  churned: "red",
  // RFM
  champions: "violet",
  "loyal customers": "emerald",
  "potential loyalists": "cyan",
  "new customers": "sky",
  promising: "lime",
  "need attention": "yellow",
  "about to sleep": "orange",
  "at risk": "amber",
  "can't lose them": "rose",
  hibernating: "blue",
  lost: "red",
  "not scored": "slate",
  // Lifecycle (Churned, Dormant, At risk, Engaged, New as above)
  resurrected: "fuchsia",
  activated: "teal",
  "not activated": "orange",
  // Usage tiers (Power users as above)
  "average users": "teal",
  "light users": "yellow",
  "ex-users": "stone",
  // Churn risk
  "high risk": "red",
  "medium risk": "orange",
  "low risk": "yellow",
  healthy: "emerald",
  // Engagement score
  "highly engaged": "violet",
  "moderately engaged": "teal",
  "low engagement": "orange",
  // PQL and intent
  "product-qualified": "violet",
  "not qualified": "slate",
  "high intent": "violet",
  "medium intent": "blue",
  "low intent": "slate",
};

/** Hues for names we do not know, in an order that keeps neighbours apart. */
const FALLBACK_ORDER: PaletteName[] = ["indigo", "teal", "orange", "pink", "lime", "cyan", "fuchsia", "amber", "blue", "emerald", "rose", "violet", "yellow", "sky"];

/** FNV-1a (32-bit): a small, stable string hash — the same in every browser and on the server. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[’‘]/g, "'");
}

/**
 * @example segmentColor("Churned").hex === "#dc2626"
 * @example segmentColor("  power USERS ") === segmentColor("Power users")
 */
export function segmentColor(name: string): SegmentColor {
  const key = normalise(name);
  const named = NAMED[key];
  if (named) return SEGMENT_PALETTE[named];
  return SEGMENT_PALETTE[FALLBACK_ORDER[fnv1a(key) % FALLBACK_ORDER.length]!];
}

/**
 * Colours for names shown together (one chart, one table): each keeps its
 * segmentColor unless a name before it already took that colour, then it
 * takes the next free hue — so two custom names (cluster names, channels)
 * never share a colour on one screen. Names are placed in a fixed order
 * (known names first, then alphabetical), so the same set of names gets the
 * same colours on every page, whatever order a chart lists them in.
 */
export function segmentColors(names: readonly string[]): (name: string) => SegmentColor {
  const keys = [...new Set(names.map(normalise))].sort((a, b) => Number(!NAMED[a]) - Number(!NAMED[b]) || (a < b ? -1 : a > b ? 1 : 0));
  const taken = new Set<string>();
  const assigned = new Map<string, SegmentColor>();
  for (const key of keys) {
    const preferred = segmentColor(key);
    const start = fnv1a(key) % FALLBACK_ORDER.length;
    const candidates = [preferred, ...FALLBACK_ORDER.map((_, i) => SEGMENT_PALETTE[FALLBACK_ORDER[(start + i) % FALLBACK_ORDER.length]!])];
    const color = candidates.find((candidate) => !taken.has(candidate.hex)) ?? preferred;
    taken.add(color.hex);
    assigned.set(key, color);
  }
  return (name) => assigned.get(normalise(name)) ?? segmentColor(name);
}
