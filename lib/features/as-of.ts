/**
 * The "as-of" instant of a feature refresh, in pure TypeScript (no I/O, no clock).
 *
 * - as-of: an exclusive upper bound; only events with ts < as-of count.
 * - Default as-of: the end of the local calendar day (dataset timezone) of the
 *   dataset's last event, i.e. the first instant whose local date is the next
 *   day (normally local midnight; where midnight does not exist because a DST
 *   change skips it, the first instant of the next day, e.g. 01:00).
 * - as-of day: the local date of the last instant before as-of (as-of − 1 ms),
 *   so a midnight as-of names the day that just ended. Windows such as "last 7
 *   days" end with this day. The feature SQL computes the same date with
 *   `(($as_of - interval '1 millisecond') AT TIME ZONE tz)::date`; both read the
 *   IANA tz database (ICU here, PostgreSQL's copy there).
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hourCycle: "h23" });
    } catch {
      throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}: use an IANA name such as "Europe/Berlin"`);
    }
    formatters.set(timeZone, format);
  }
  return format;
}

/** Throws a RangeError naming the zone when it is not a valid IANA zone. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date | number, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(typeof instant === "number" ? instant : instant.getTime());
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The first instant whose local date is after the local date of `instant` (local midnight, normally). */
export function endOfLocalDay(instant: Date | number, timeZone: string): Date {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  const today = localDate(ms, timeZone);
  // Local date is non-decreasing in time, so binary-search the first instant
  // of the next day between now and 2 days later (no zone is ahead by more).
  let low = ms; // local date == today
  let high = ms + 2 * DAY_MS; // local date > today
  while (high - low > 1) {
    const mid = low + Math.floor((high - low) / 2);
    if (localDate(mid, timeZone) > today) high = mid;
    else low = mid;
  }
  return new Date(high);
}

/** Some instant whose local date is `date` (YYYY-MM-DD): zones are within ±14 h of UTC, so one of these hours is in it. */
export function instantInLocalDay(date: string, timeZone: string): Date {
  const noon = Date.parse(`${date}T12:00:00Z`);
  for (let hours = 0; hours <= 14; hours++) {
    for (const candidate of [noon - hours * 3_600_000, noon + hours * 3_600_000]) {
      if (localDate(candidate, timeZone) === date) return new Date(candidate);
    }
  }
  throw new RangeError(`No instant of ${date} in ${timeZone}`);
}

/** The as-of day of an as-of instant: the local date of as-of − 1 ms. */
export function asOfDay(asOf: Date, timeZone: string): string {
  return localDate(asOf.getTime() - 1, timeZone);
}

/**
 * The as-of of a refresh: the explicit one when given, else the end of the
 * last event's local day. `null` when neither exists (no events yet).
 */
export function resolveAsOf(explicit: Date | undefined, lastEventAt: Date | null, timeZone: string): Date | null {
  if (explicit !== undefined) {
    if (!Number.isFinite(explicit.getTime())) throw new RangeError("asOf is not a valid date");
    return explicit;
  }
  return lastEventAt === null ? null : endOfLocalDay(lastEventAt, timeZone);
}
