/**
 * The per-user features of one dataset as of one date, held column by column in
 * typed arrays, so that re-scoring a million users is a few passes over
 * contiguous memory (perf-anchors.md: ≈10 ms for a rule model) instead of a
 * database round trip.
 *
 * - One Float64Array per feature; NaN stands for SQL NULL.
 * - Flags (converted, cancelled, retained) are 0/1; timestamps are epoch ms.
 * - Dimensions are dictionary-encoded: `codes[i]` indexes `dictionary`, −1 = null.
 * - `eventCounts[name][i]` counts user i's events of that name in the feature
 *   window (for intent and PQL); 0 when the user never did it.
 *
 * A store is immutable once built: caches (percent ranks, engagement weights)
 * key on its identity.
 */
import { DIMENSION_NAMES, type DimensionName } from "../definitions/dimension-filters";
import { FEATURE_NAMES, type FeatureName } from "../definitions/features";
import { memoizeOn } from "./store-memo";

export const DAY_MS = 86_400_000;

export interface DimensionColumn {
  /** Index into `dictionary` per user; −1 when the user has no value. */
  codes: Int32Array;
  /** Distinct values, sorted (code order). */
  dictionary: string[];
}

export interface FeatureStore {
  readonly size: number;
  readonly userIds: readonly string[];
  /**
   * The features' as-of instant (epoch ms, exclusive: events before it count),
   * or null if unknown; ageDays needs it.
   */
  readonly asOf: number | null;
  /** IANA timezone of the dataset: local days (ageDays) and signup months are counted in it. */
  readonly timeZone: string;
  readonly columns: Readonly<Record<FeatureName, Float64Array>>;
  readonly dims: Readonly<Record<DimensionName, DimensionColumn>>;
  readonly eventCounts?: Readonly<Record<string, Float64Array>>;
  /** Features with at least one non-null value: a definition reading any other one matches nobody. */
  readonly available: ReadonlySet<FeatureName>;
}

/**
 * One user's row: mirrors prisma's UserFeatures (camelCase, timestamps as epoch
 * ms, flags as 0/1 or booleans); the lifecycle columns (activatedAt,
 * returnGapDays30d, retained) are optional so rows written before them still fit.
 */
export interface FeatureRow {
  userId: string;
  /** UserFeatures.asOf; all rows of one store share it. */
  asOf?: number;
  firstSeen: number;
  lastSeen: number;
  recencyDays: number;
  frequency: number;
  monetary: number;
  sessionsTotal: number;
  sessions7d: number;
  sessions30d: number;
  sessionsPerWeek: number;
  activeDays7d: number;
  activeDays30d: number;
  activeDays90d: number;
  weeksActive12: number;
  eventsPerActiveWeek: number;
  coreFeaturesUsed: number;
  converted: number | boolean;
  convertedAt?: number | null;
  daysToConvert: number | null;
  conversionPathDepth: number | null;
  cancelled: number | boolean;
  activity30dVsBaseline: number | null;
  channel: string | null;
  plan: string | null;
  country: string | null;
  signupAt: number | null;
  /** UserFeatures.activatedAt: first activation event (dataset.activationEvent), epoch ms. */
  activatedAt?: number | null;
  /** UserFeatures.returnGapDays30d: longest inactive stretch (local days) that ended inside the last 30 days. */
  returnGapDays30d?: number | null;
  /** UserFeatures.retained: 1 if active again ≥ 28 local days after the first-seen day. */
  retained?: number | boolean | null;
  /** Per event name, how often the user did it in the feature window. */
  eventCounts?: Readonly<Record<string, number>>;
}

/** Features read straight from a row (everything but the derived ones). */
const ROW_FEATURES = FEATURE_NAMES.filter((name) => name !== "ageDays" && name !== "daysToActivate") as Exclude<
  FeatureName,
  "ageDays" | "daysToActivate"
>[];

export interface StoreOptions {
  /** The as-of instant (epoch ms). Defaults to the rows' `asOf` (they must agree). */
  asOf?: number;
  /** The dataset's IANA timezone, for local days (ageDays) and signup months. Default UTC. */
  timeZone?: string;
}

export interface StoreColumns {
  userIds: readonly string[];
  asOf: number | null;
  /** Missing features become all-NaN columns; derived ones are computed here. */
  columns: Partial<Record<FeatureName, Float64Array>>;
  /** Missing dimensions become all-null; signupMonth is derived when absent. */
  dims?: Partial<Record<DimensionName, DimensionColumn>>;
  eventCounts?: Record<string, Float64Array>;
  timeZone?: string;
}

function toNumber(value: number | boolean | null | undefined): number {
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

function nanColumn(size: number): Float64Array {
  return new Float64Array(size).fill(Number.NaN);
}

/**
 * Local days from the first-seen day to the as-of day, the way the feature SQL
 * counts recency (as-of day = local date of asOf − 1 ms, since asOf is exclusive).
 * Never negative: a user first seen after the as-of day is 0 days old.
 */
function ageDaysColumn(firstSeen: Float64Array, asOf: number | null, timeZone: string): Float64Array {
  const ages = nanColumn(firstSeen.length);
  if (asOf === null) return ages;
  const dayOf = localCalendar(timeZone).dayNumber;
  const asOfDay = dayOf(asOf - 1);
  for (let i = 0; i < firstSeen.length; i++) {
    const seen = firstSeen[i]!;
    if (seen !== seen) continue;
    const age = asOfDay - dayOf(seen);
    ages[i] = age > 0 ? age : 0;
  }
  return ages;
}

/**
 * Days from signup (first seen without a signup) to activation, fractional, like
 * the feature SQL's days_to_convert (negative when signup came after activation).
 */
function daysToActivateColumn(activatedAt: Float64Array, signupAt: Float64Array, firstSeen: Float64Array): Float64Array {
  const result = new Float64Array(activatedAt.length);
  for (let i = 0; i < activatedAt.length; i++) {
    const start = signupAt[i]! === signupAt[i]! ? signupAt[i]! : firstSeen[i]!;
    result[i] = (activatedAt[i]! - start) / DAY_MS; // NaN (never activated) stays NaN
  }
  return result;
}

/** Dictionary-encodes strings; the dictionary is sorted so codes are stable for equal data. */
export function encodeDimension(values: readonly (string | null | undefined)[]): DimensionColumn {
  const firstCodes = new Map<string, number>();
  const raw = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      raw[i] = -1;
      continue;
    }
    let code = firstCodes.get(value);
    if (code === undefined) {
      code = firstCodes.size;
      firstCodes.set(value, code);
    }
    raw[i] = code;
  }
  const dictionary = [...firstCodes.keys()].sort();
  const remap = new Int32Array(dictionary.length);
  dictionary.forEach((value, sortedCode) => {
    remap[firstCodes.get(value)!] = sortedCode;
  });
  for (let i = 0; i < raw.length; i++) if (raw[i]! >= 0) raw[i] = remap[raw[i]!]!;
  return { codes: raw, dictionary };
}

// 15 minutes: every timezone offset in use is a multiple of it, so all instants
// of one quarter hour fall on the same local day.
const QUARTER_HOUR_MS = 900_000;

interface LocalCalendar {
  /** Local calendar date as a day count since 1970-01-01. */
  dayNumber(epochMs: number): number;
  /** "2026-03": local year and month. */
  monthKey(epochMs: number): string;
}

/** Local dates in a timezone, memoised per quarter hour (Intl formatting costs microseconds). */
function localCalendar(timeZone: string): LocalCalendar {
  const days = new Map<number, number>();
  const localDay =
    timeZone === "UTC"
      ? (ms: number) => Math.floor(ms / DAY_MS)
      : (() => {
          const formatter = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
          return (ms: number) => {
            let year = 0;
            let month = 0;
            let day = 0;
            for (const part of formatter.formatToParts(new Date(ms))) {
              if (part.type === "year") year = Number(part.value);
              else if (part.type === "month") month = Number(part.value);
              else if (part.type === "day") day = Number(part.value);
            }
            return Date.UTC(year, month - 1, day) / DAY_MS;
          };
        })();
  const dayNumber = (epochMs: number) => {
    const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
    let day = days.get(bucket);
    if (day === undefined) {
      day = localDay(bucket * QUARTER_HOUR_MS);
      days.set(bucket, day);
    }
    return day;
  };
  const monthKey = (epochMs: number) => {
    const date = new Date(dayNumber(epochMs) * DAY_MS);
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
  };
  return { dayNumber, monthKey };
}

/** Month of signup (first seen without a signup) in the dataset's timezone. */
function signupMonthDimension(signupAt: Float64Array, firstSeen: Float64Array, timeZone: string): DimensionColumn {
  const { monthKey } = localCalendar(timeZone);
  const months: (string | null)[] = new Array(signupAt.length);
  const keyByDay = new Map<number, string>();
  for (let i = 0; i < signupAt.length; i++) {
    const at = signupAt[i]! === signupAt[i]! ? signupAt[i]! : firstSeen[i]!;
    if (at !== at) {
      months[i] = null;
      continue;
    }
    const bucket = Math.floor(at / QUARTER_HOUR_MS);
    let key = keyByDay.get(bucket);
    if (key === undefined) {
      key = monthKey(at);
      keyByDay.set(bucket, key);
    }
    months[i] = key;
  }
  return encodeDimension(months);
}

function hasValue(column: Float64Array): boolean {
  for (let i = 0; i < column.length; i++) if (column[i] === column[i]) return true;
  return false;
}

/**
 * A store from columns a loader already has (e.g. the in-memory feature cache):
 * fills missing features with NaN, derives ageDays (needs asOf) and
 * daysToActivate, and the signup month when not given.
 */
export function createFeatureStore(input: StoreColumns): FeatureStore {
  const size = input.userIds.length;
  const columns = {} as Record<FeatureName, Float64Array>;
  for (const name of FEATURE_NAMES) {
    const given = input.columns[name];
    if (given && given.length !== size) {
      throw new RangeError(`Column ${name} has ${given.length} values for ${size} users`);
    }
    columns[name] = given ?? nanColumn(size);
  }
  const timeZone = input.timeZone ?? "UTC";
  if (!input.columns.ageDays) columns.ageDays = ageDaysColumn(columns.firstSeen, input.asOf, timeZone);
  if (!input.columns.daysToActivate) {
    columns.daysToActivate = daysToActivateColumn(columns.activatedAt, columns.signupAt, columns.firstSeen);
  }
  const dims = {} as Record<DimensionName, DimensionColumn>;
  for (const name of DIMENSION_NAMES) {
    const given = input.dims?.[name];
    if (given) {
      dims[name] = given;
    } else if (name === "signupMonth") {
      dims[name] = signupMonthDimension(columns.signupAt, columns.firstSeen, timeZone);
    } else {
      dims[name] = { codes: new Int32Array(size).fill(-1), dictionary: [] };
    }
  }
  const available = new Set<FeatureName>(FEATURE_NAMES.filter((name) => hasValue(columns[name])));
  return {
    size,
    userIds: input.userIds,
    asOf: input.asOf,
    timeZone,
    columns,
    dims,
    ...(input.eventCounts ? { eventCounts: input.eventCounts } : {}),
    available,
  };
}

/**
 * Builds a store from row objects (the shape of a `user_features` SELECT).
 * @throws RangeError when rows disagree on asOf and no asOf option settles it.
 */
export function fromRows(rows: readonly FeatureRow[], options: StoreOptions = {}): FeatureStore {
  const size = rows.length;
  let asOf: number | null = options.asOf ?? null;
  if (asOf === null) {
    for (const row of rows) {
      if (row.asOf === undefined) continue;
      if (asOf !== null && row.asOf !== asOf) {
        throw new RangeError(
          `Rows were computed as of different dates (${new Date(asOf).toISOString()} and ${new Date(row.asOf).toISOString()}); pass options.asOf or load one snapshot`,
        );
      }
      asOf = row.asOf;
    }
  }
  const columns: Partial<Record<FeatureName, Float64Array>> = {};
  for (const name of ROW_FEATURES) {
    const column = new Float64Array(size);
    for (let i = 0; i < size; i++) column[i] = toNumber(rows[i]![name]);
    columns[name] = column;
  }
  let eventCounts: Record<string, Float64Array> | undefined;
  for (let i = 0; i < size; i++) {
    const counts = rows[i]!.eventCounts;
    if (!counts) continue;
    eventCounts ??= {};
    for (const [event, count] of Object.entries(counts)) {
      const column = (eventCounts[event] ??= new Float64Array(size)); // zero-filled: never did it
      column[i] = count;
    }
  }
  return createFeatureStore({
    userIds: rows.map((row) => row.userId),
    asOf,
    columns,
    dims: {
      channel: encodeDimension(rows.map((row) => row.channel)),
      plan: encodeDimension(rows.map((row) => row.plan)),
      country: encodeDimension(rows.map((row) => row.country)),
    },
    ...(eventCounts ? { eventCounts } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
}

function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/**
 * The store to score "as of" a date. Window features (recency, sessions in the
 * last 30 days …) were computed by the feature SQL for the store's own date, so
 * scoring as of another date would mix two dates: that is refused. A store
 * built without a date gets its date-derived columns (ageDays) from `asOf`.
 * @throws RangeError when asOf differs from the store's date.
 */
export function storeAsOf(store: FeatureStore, asOf: number | undefined): FeatureStore {
  if (asOf === undefined || asOf === store.asOf) return store;
  if (store.asOf !== null) {
    throw new RangeError(
      `These features were computed as of ${isoDate(store.asOf)}; scoring them as of ${isoDate(asOf)} would mix two dates — refresh the features for ${isoDate(asOf)} first`,
    );
  }
  return memoizeOn(store, `asOf:${asOf}`, () => {
    const ageDays = ageDaysColumn(store.columns.firstSeen, asOf, store.timeZone);
    const available = new Set(store.available);
    if (hasValue(ageDays)) available.add("ageDays");
    return { ...store, asOf, columns: { ...store.columns, ageDays }, available };
  });
}
