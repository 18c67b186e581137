/**
 * Timestamp parsing for ingest: one raw cell or JSON value → epoch milliseconds (UTC), or the reason it
 * is not a usable date.
 *
 * Accepted inputs
 * - ISO 8601 / RFC 3339 with an offset: `2024-03-08T10:00:00Z`, `…+05:30`, `…+0530`, `…+05`, `… UTC`;
 *   fractional seconds of any length (truncated to milliseconds), `T`, `t` or a space between date and time,
 *   seconds optional (`2024-03-08 10:00`).
 * - Local wall-clock times without an offset — `2024-03-08T10:00:00`, `2024-03-08 10:00:00.123456`,
 *   `2024-03-08`, `2024/03/08`, `20240308` — interpreted in the dataset's IANA `timezone`. Wall times that
 *   do not exist (spring-forward gap) move forward by the gap and repeated wall times (fall-back overlap)
 *   take the earlier instant: the "compatible" disambiguation of Temporal and of most databases.
 * - Epoch numbers (JS numbers or digit strings, optionally with a fraction), unit chosen by magnitude:
 *     v < 1e8            rejected (before 1973-03-03 as seconds: almost always a wrong column)
 *     8 digits           read as a YYYYMMDD date, never as seconds (19970101 is a date in every real file)
 *     1e8  ≤ v < 1e11    seconds       (1973 … 5138)
 *     1e11 ≤ v < 1e14    milliseconds  (1973 … 5138)
 *     1e14 ≤ v < 1e17    microseconds  (GA4 `event_timestamp`)
 *     1e17 ≤ v < 1e20    nanoseconds
 *   Sub-millisecond parts are truncated, never rounded up.
 *
 * Invalid calendar dates (2011-13-01, 2023-02-30, 19971345) are rejected, never rolled over, and years
 * outside 1970–2100 are rejected: those are typos or sentinel values (1900-01-01, 9999-12-31), not events.
 *
 * Error reasons are predicates meant to follow the quoted value: `timestamp '2011-13-01' is not a date`,
 * `timestamp '1900-01-01' is out of range (year 1900 is outside 1970–2100)`.
 */

export const MIN_YEAR = 1970;
export const MAX_YEAR = 2100;

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
const MAX_EPOCH_MS_EXCLUSIVE = Date.UTC(MAX_YEAR + 1, 0, 1);

/** Returns epoch milliseconds, or a reason such as `is not a date` when `raw` cannot be read as a date. */
export function parseTimestamp(raw: string | number, timezone: string): number | string {
  if (typeof raw === "number") return parseEpochNumber(raw, timezone);
  let start = 0;
  let end = raw.length;
  while (start < end && isSpace(raw.charCodeAt(start))) start++;
  while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
  if (start === end) return "is empty";

  // Leading run of digits decides the shape.
  let i = start;
  while (i < end && isDigit(raw.charCodeAt(i))) i++;
  const digitCount = i - start;
  if (digitCount === 0) {
    if (raw.charCodeAt(start) === 45 /* - */ && Number.isFinite(Number(raw.slice(start, end)))) {
      return "is not a date (negative epoch values are before 1970)";
    }
    return "is not a date";
  }
  if (i === end) return parseDigitString(raw, start, end, timezone);
  const next = raw.charCodeAt(i);
  if (digitCount === 4 && (next === 45 /* - */ || next === 47) /* / */) return parseCalendar(raw, start, end, timezone);
  if (next === 46 /* . */ && digitCount >= 9) {
    const value = Number(raw.slice(start, end));
    if (Number.isFinite(value)) return parseEpochNumber(value, timezone);
  }
  if (digitCount <= 2 && DAY_MONTH_YEAR.test(raw.slice(start, end))) {
    return "is not a date (day/month order is ambiguous; use YYYY-MM-DD)";
  }
  return "is not a date";
}

// Only consulted after a value failed: 12/1/2010, 01.02.2024 8:26 — US or European order cannot be told apart.
const DAY_MONTH_YEAR = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:[ T]|$)/;

/** True when `zone` is an IANA time zone name this runtime knows (`Europe/Berlin`, `UTC`). */
export function isValidTimeZone(zone: string): boolean {
  try {
    zoneState(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offset (ms, local minus UTC) in `zone` at the UTC instant `utcMs`, e.g. -18000000 for New York in winter.
 * Memoized per UTC day; a day whose offset changes is resolved per hour, and an hour with a transition exactly.
 */
export function zoneOffsetAt(utcMs: number, zone: string): number {
  const state = zoneState(zone);
  return state.fixed ? 0 : offsetAtUtc(state, utcMs);
}

/** UTC epoch ms of a wall-clock time in `zone`, the wall time given as if it were UTC (`Date.UTC(y, m, d, h…)`). */
export function localWallTimeToUtc(localMs: number, zone: string): number {
  const state = zoneState(zone);
  if (state.fixed) return localMs;
  const hour = Math.floor(localMs / MS_PER_HOUR);
  if (hour === state.lastLocalHour) return localMs - state.lastLocalOffset;
  let offset = state.localHourOffsets.get(hour);
  if (offset === undefined) {
    offset = offsetForWholeLocalHour(state, hour * MS_PER_HOUR);
    state.localHourOffsets.set(hour, offset);
  }
  if (Number.isNaN(offset)) return resolveLocal(state, localMs).utc; // an hour with a gap or overlap
  state.lastLocalHour = hour;
  state.lastLocalOffset = offset;
  return localMs - offset;
}

// ---------------------------------------------------------------------------------------------------------
// Epoch numbers

function parseEpochNumber(value: number, timezone: string): number | string {
  if (!Number.isFinite(value)) return "is not a date";
  if (value < 0) return "is not a date (negative epoch values are before 1970)";
  if (Number.isInteger(value) && value >= 1e7 && value < 1e8) return parseDigitString(String(value), 0, 8, timezone);
  let ms: number;
  if (value < 1e8) return "is not a date (too small for an epoch timestamp)";
  else if (value < 1e11) ms = Math.floor(value * 1000 + 1e-3); // the epsilon undoes binary noise in 1.036*1000
  else if (value < 1e14) ms = Math.floor(value);
  else if (value < 1e17) ms = Math.floor(value / 1000);
  else if (value < 1e20) {
    // Nanoseconds beyond 2^53 are already rounded by the JSON parser; snap to the nearest ms when that
    // rounding is all that separates the value from a whole millisecond.
    const q = value / 1e6;
    const nearest = Math.round(q);
    ms = Math.abs(q - nearest) < 1e-3 ? nearest : Math.floor(q);
  } else return "is not a date (number too large for an epoch timestamp)";
  return checkEpochRange(ms);
}

function parseDigitString(s: string, start: number, end: number, timezone: string): number | string {
  const length = end - start;
  if (length === 8) {
    const year = digitsValue(s, start, 4);
    const month = digitsValue(s, start + 4, 2);
    const day = digitsValue(s, start + 6, 2);
    const invalid = calendarProblem(year, month, day);
    if (invalid) return invalid;
    const range = yearProblem(year);
    if (range) return range;
    return localWallTimeToUtc(daysFromCivil(year, month, day) * MS_PER_DAY, timezone);
  }
  if (length < 9) return "is not a date (too small for an epoch timestamp)";
  if (length > 20) return "is not a date (number too large for an epoch timestamp)";
  // Exact integer arithmetic on the digits that survive truncation to milliseconds.
  let ms: number;
  if (length <= 11) ms = digitsValue(s, start, length) * 1000;
  else if (length <= 14) ms = digitsValue(s, start, length);
  else if (length <= 17) ms = digitsValue(s, start, length - 3);
  else ms = digitsValue(s, start, length - 6);
  return checkEpochRange(ms);
}

function checkEpochRange(ms: number): number | string {
  if (ms >= 0 && ms < MAX_EPOCH_MS_EXCLUSIVE) return ms;
  const year = new Date(ms).getUTCFullYear();
  return `is out of range (year ${year} is outside ${MIN_YEAR}–${MAX_YEAR})`;
}

// ---------------------------------------------------------------------------------------------------------
// Calendar strings

function parseCalendar(s: string, start: number, end: number, timezone: string): number | string {
  const year = digitsValue(s, start, 4);
  const separator = s.charCodeAt(start + 4);
  let i = start + 5;
  let j = i;
  while (j < end && j - i < 3 && isDigit(s.charCodeAt(j))) j++;
  if (j - i < 1 || j - i > 2 || j >= end || s.charCodeAt(j) !== separator) return "is not a date";
  const month = digitsValue(s, i, j - i);
  i = j + 1;
  j = i;
  while (j < end && j - i < 3 && isDigit(s.charCodeAt(j))) j++;
  if (j - i < 1 || j - i > 2) return "is not a date";
  const day = digitsValue(s, i, j - i);
  i = j;

  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  let offsetMs: number | null = null;
  if (i < end) {
    const sep = s.charCodeAt(i);
    if (sep !== 84 /* T */ && sep !== 116 /* t */ && sep !== 32 /* space */) return "is not a date";
    i++;
    j = i;
    while (j < end && j - i < 3 && isDigit(s.charCodeAt(j))) j++;
    if (j - i < 1 || j - i > 2 || j >= end || s.charCodeAt(j) !== 58 /* : */) return "is not a date";
    hour = digitsValue(s, i, j - i);
    i = j + 1;
    if (i + 2 > end || !isDigit(s.charCodeAt(i)) || !isDigit(s.charCodeAt(i + 1))) return "is not a date";
    minute = digitsValue(s, i, 2);
    i += 2;
    if (i < end && s.charCodeAt(i) === 58) {
      if (i + 3 > end || !isDigit(s.charCodeAt(i + 1)) || !isDigit(s.charCodeAt(i + 2))) return "is not a date";
      second = digitsValue(s, i + 1, 2);
      i += 3;
      if (i < end && (s.charCodeAt(i) === 46 /* . */ || s.charCodeAt(i) === 44) /* , */) {
        i++;
        const fractionStart = i;
        while (i < end && isDigit(s.charCodeAt(i))) i++;
        const fractionDigits = i - fractionStart;
        if (fractionDigits === 0) return "is not a date";
        millis = digitsValue(s, fractionStart, Math.min(3, fractionDigits));
        if (fractionDigits === 1) millis *= 100;
        else if (fractionDigits === 2) millis *= 10;
      }
    }
    if (i < end) {
      if (s.charCodeAt(i) === 32) i++;
      const parsedOffset = parseOffset(s, i, end);
      if (parsedOffset === null) return "is not a date (unreadable time zone offset)";
      offsetMs = parsedOffset;
    }
  }

  const invalid = calendarProblem(year, month, day);
  if (invalid) return invalid;
  if (hour > 23 || minute > 59 || second > 59) return "is not a date";
  const range = yearProblem(year);
  if (range) return range;

  const wallMs = daysFromCivil(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * 60_000 + second * 1000 + millis;
  return offsetMs === null ? localWallTimeToUtc(wallMs, timezone) : wallMs - offsetMs;
}

/** `Z`, `UTC`, `GMT`, `±HH`, `±HHMM`, `±HH:MM` from `i` to `end`; null when unreadable. */
function parseOffset(s: string, i: number, end: number): number | null {
  const first = s.charCodeAt(i);
  if (end - i === 1 && (first === 90 /* Z */ || first === 122) /* z */) return 0;
  if (end - i === 3) {
    const word = s.slice(i, end).toUpperCase();
    if (word === "UTC" || word === "GMT") return 0;
  }
  if (first !== 43 /* + */ && first !== 45 /* - */ && first !== 0x2212 /* − */) return null;
  const sign = first === 43 ? 1 : -1;
  const length = end - i - 1;
  let hours: number;
  let minutes = 0;
  if (length === 2 && allDigits(s, i + 1, 2)) hours = digitsValue(s, i + 1, 2);
  else if (length === 4 && allDigits(s, i + 1, 4)) {
    hours = digitsValue(s, i + 1, 2);
    minutes = digitsValue(s, i + 3, 2);
  } else if (length === 5 && s.charCodeAt(i + 3) === 58 && allDigits(s, i + 1, 2) && allDigits(s, i + 4, 2)) {
    hours = digitsValue(s, i + 1, 2);
    minutes = digitsValue(s, i + 4, 2);
  } else return null;
  if (hours > 18 || minutes > 59) return null;
  return sign * (hours * MS_PER_HOUR + minutes * 60_000);
}

// Calendar and clock errors read as plain "is not a date": the quoted value already shows what is wrong,
// and the loader's message format (`line 812: timestamp '2011-13-01' is not a date`) is fixed.
function calendarProblem(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return "is not a date";
  return null;
}

function yearProblem(year: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR) return `is out of range (year ${year} is outside ${MIN_YEAR}–${MAX_YEAR})`;
  return null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function digitsValue(s: string, start: number, count: number): number {
  let value = 0;
  for (let k = start; k < start + count; k++) value = value * 10 + (s.charCodeAt(k) - 48);
  return value;
}

function allDigits(s: string, start: number, count: number): boolean {
  for (let k = start; k < start + count; k++) if (!isDigit(s.charCodeAt(k))) return false;
  return true;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0xfeff;
}

// ---------------------------------------------------------------------------------------------------------
// Time zones: Intl is slow (~µs per call), so offsets are memoized per UTC day and per local hour.

interface ZoneState {
  fixed: boolean;
  format: Intl.DateTimeFormat | null;
  /** UTC day → offset for the whole day, or NaN when the offset changes during that day. */
  dayOffsets: Map<number, number>;
  /** UTC hour → offset for the whole hour, or NaN when it changes inside the hour. */
  hourOffsets: Map<number, number>;
  /** Local hour → offset valid for every wall time in it, or NaN (gap or overlap: resolve each time). */
  localHourOffsets: Map<number, number>;
  lastLocalHour: number;
  lastLocalOffset: number;
}

const zones = new Map<string, ZoneState>();
const FIXED_UTC_NAMES = new Set(["UTC", "ETC/UTC", "GMT", "ETC/GMT", "Z", "ETC/ZULU", "UCT", "ETC/UCT", "ZULU", "UNIVERSAL"]);

function zoneState(zone: string): ZoneState {
  let state = zones.get(zone);
  if (state) return state;
  const fixed = FIXED_UTC_NAMES.has(zone.toUpperCase());
  const format = fixed
    ? null
    : new Intl.DateTimeFormat("en-US", {
        timeZone: zone, // throws RangeError for an unknown zone
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
  state = {
    fixed,
    format,
    dayOffsets: new Map(),
    hourOffsets: new Map(),
    localHourOffsets: new Map(),
    lastLocalHour: Number.NaN,
    lastLocalOffset: 0,
  };
  zones.set(zone, state);
  return state;
}

function intlOffset(state: ZoneState, utcMs: number): number {
  const flooredToSecond = Math.floor(utcMs / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of state.format!.formatToParts(flooredToSecond)) {
    switch (part.type) {
      case "year": year = Number(part.value); break;
      case "month": month = Number(part.value); break;
      case "day": day = Number(part.value); break;
      case "hour": hour = Number(part.value); break;
      case "minute": minute = Number(part.value); break;
      case "second": second = Number(part.value); break;
    }
  }
  const wall = daysFromCivil(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * 60_000 + second * 1000;
  return wall - flooredToSecond;
}

function offsetAtUtc(state: ZoneState, utcMs: number): number {
  const day = Math.floor(utcMs / MS_PER_DAY);
  let dayOffset = state.dayOffsets.get(day);
  if (dayOffset === undefined) {
    const atStart = intlOffset(state, day * MS_PER_DAY);
    const atNextStart = intlOffset(state, (day + 1) * MS_PER_DAY);
    // Equal offsets at both ends: no transition in between (zones never change twice within a day).
    dayOffset = atStart === atNextStart ? atStart : Number.NaN;
    state.dayOffsets.set(day, dayOffset);
  }
  if (!Number.isNaN(dayOffset)) return dayOffset;
  const hour = Math.floor(utcMs / MS_PER_HOUR);
  let hourOffset = state.hourOffsets.get(hour);
  if (hourOffset === undefined) {
    const atStart = intlOffset(state, hour * MS_PER_HOUR);
    const atNextStart = intlOffset(state, (hour + 1) * MS_PER_HOUR);
    hourOffset = atStart === atNextStart ? atStart : Number.NaN;
    state.hourOffsets.set(hour, hourOffset);
  }
  return Number.isNaN(hourOffset) ? intlOffset(state, utcMs) : hourOffset;
}

interface LocalResolution {
  utc: number;
  /** False when the wall time was in a gap or an overlap. */
  unique: boolean;
}

/** Temporal's "compatible" disambiguation: gap → shifted forward, overlap → earlier instant. */
function resolveLocal(state: ZoneState, localMs: number): LocalResolution {
  // Offsets a day either side bracket any real offset (|offset| < 1 day) around the instant we look for.
  const before = offsetAtUtc(state, localMs - MS_PER_DAY);
  const after = offsetAtUtc(state, localMs + MS_PER_DAY);
  if (before === after) return { utc: localMs - before, unique: true };
  const withBefore = localMs - before;
  const withAfter = localMs - after;
  const beforeValid = offsetAtUtc(state, withBefore) === before;
  const afterValid = offsetAtUtc(state, withAfter) === after;
  if (beforeValid && afterValid) return { utc: Math.min(withBefore, withAfter), unique: false };
  if (beforeValid) return { utc: withBefore, unique: true };
  if (afterValid) return { utc: withAfter, unique: true };
  return { utc: withBefore, unique: false };
}

/** The offset shared by every wall time in the local hour starting at `hourStart`, or NaN. */
function offsetForWholeLocalHour(state: ZoneState, hourStart: number): number {
  let offset = Number.NaN;
  // Probing every 15 minutes catches half- and quarter-hour transitions (Lord Howe, Newfoundland, Chatham).
  for (const probe of [0, 900_000, 1_800_000, 2_700_000, MS_PER_HOUR - 1]) {
    const local = hourStart + probe;
    const resolved = resolveLocal(state, local);
    if (!resolved.unique) return Number.NaN;
    const probeOffset = local - resolved.utc;
    if (probe === 0) offset = probeOffset;
    else if (probeOffset !== offset) return Number.NaN;
  }
  return offset;
}
