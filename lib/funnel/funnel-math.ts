import type { FunnelOrder, FunnelStepResult } from "./funnel.types";

/**
 * Funnel attempt matching, in pure TypeScript (no I/O, no clock).
 *
 * The rule (PostHog's, see ../shared/docs/metric-conventions.md "Funnels"):
 * - Every occurrence of step 1 may open an attempt.
 * - Within the conversion window — step 1's time + window, inclusive: a step exactly at the
 *   limit still counts — each next step must happen at or after the previous one (the same
 *   timestamp counts). One event fills at most one step of an attempt (steps "a, a" need two
 *   a's). Greedy: each step takes the earliest qualifying event, which can never reach fewer
 *   steps than a later choice.
 * - order "strict": each next step must be the user's very next event, counting every event
 *   of the user (not only step events); anything in between breaks the attempt.
 * - A user counts once, at the furthest step of any attempt; the times between steps (for the
 *   medians) come from the earliest attempt that got that far.
 * - Events at the same timestamp are ordered by the lowest step they match (non-step events
 *   first), so "signup and onboarding at the same second" counts in either order mode.
 */

/** One user's step events, put in (time, step) order by sortByTime; reused between users to avoid allocation. */
export class UserStepEvents {
  count = 0;
  /** Bit k set = the event qualifies for step k+1. */
  masks = new Int32Array(64);
  /** Epoch milliseconds. */
  times = new Float64Array(64);
  /** Position among all of the user's events (strict order: consecutive = nothing in between). */
  seqs = new Float64Array(64);

  clear(): void {
    this.count = 0;
  }

  push(mask: number, time: number, seq: number): void {
    if (this.count === this.masks.length) {
      const grow = <A extends Int32Array | Float64Array>(array: A, make: (size: number) => A): A => {
        const bigger = make(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.masks = grow(this.masks, (size) => new Int32Array(size));
      this.times = grow(this.times, (size) => new Float64Array(size));
      this.seqs = grow(this.seqs, (size) => new Float64Array(size));
    }
    this.masks[this.count] = mask;
    this.times[this.count] = time;
    this.seqs[this.count] = seq;
    this.count += 1;
  }

  /**
   * Puts the events in (time, mask, seq) order: same-time events by the lowest step they match
   * (see the rule above), seq last for strict order's numbering. Insertion sort for the usual
   * short, nearly sorted lists; an index sort for long ones (heavy users), never quadratic.
   */
  sortByTime(): void {
    const { masks, times, seqs } = this;
    if (this.count > 64) {
      const order = Array.from({ length: this.count }, (_, i) => i).sort((a, b) => times[a]! - times[b]! || masks[a]! - masks[b]! || seqs[a]! - seqs[b]!);
      const [oldMasks, oldTimes, oldSeqs] = [masks.slice(0, this.count), times.slice(0, this.count), seqs.slice(0, this.count)];
      order.forEach((from, to) => {
        masks[to] = oldMasks[from]!;
        times[to] = oldTimes[from]!;
        seqs[to] = oldSeqs[from]!;
      });
      return;
    }
    for (let i = 1; i < this.count; i++) {
      const mask = masks[i]!;
      const time = times[i]!;
      const seq = seqs[i]!;
      let j = i - 1;
      while (j >= 0 && (times[j]! > time || (times[j] === time && (masks[j]! > mask || (masks[j] === mask && seqs[j]! > seq))))) {
        masks[j + 1] = masks[j]!;
        times[j + 1] = times[j]!;
        seqs[j + 1] = seqs[j]!;
        j--;
      }
      masks[j + 1] = mask;
      times[j + 1] = time;
      seqs[j + 1] = seq;
    }
  }
}

/** Scratch space of the matcher, sized for the largest user seen so far. */
export class FunnelMatcher {
  private next = new Int32Array(0);
  private groupStart = new Int32Array(0);
  private attempt: Int32Array;
  private best: Int32Array;

  constructor(
    private readonly stepCount: number,
    private readonly windowMs: number,
    private readonly order: FunnelOrder,
  ) {
    this.attempt = new Int32Array(stepCount);
    this.best = new Int32Array(stepCount);
  }

  /**
   * The furthest step (0 = never did step 1, else 1..stepCount) over all attempts; `stepTimes`
   * receives the times of steps 1..reached of the counted attempt.
   */
  match(events: UserStepEvents, stepTimes: Float64Array): number {
    const { count, masks, times } = events;
    if (this.order === "any") this.indexNextOccurrences(events);
    let reached = 0;
    for (let start = 0; start < count && reached < this.stepCount; start++) {
      if ((masks[start]! & 1) === 0) continue;
      const steps = this.order === "any" ? this.followAny(events, start) : this.followStrict(events, start);
      if (steps > reached) {
        reached = steps;
        this.best.set(this.attempt.subarray(0, steps));
      }
    }
    for (let step = 0; step < reached; step++) stepTimes[step] = times[this.best[step]!]!;
    return reached;
  }

  /** next[k·(count+1) + i] = the first index ≥ i whose event qualifies for step k+1 (count = none). */
  private indexNextOccurrences(events: UserStepEvents): void {
    const { count, masks, times } = events;
    const width = count + 1;
    if (this.next.length < width * this.stepCount) this.next = new Int32Array(width * this.stepCount * 2);
    if (this.groupStart.length < count) this.groupStart = new Int32Array(count * 2);
    for (let step = 0; step < this.stepCount; step++) {
      const base = step * width;
      const bit = 1 << step;
      this.next[base + count] = count;
      for (let i = count - 1; i >= 0; i--) this.next[base + i] = (masks[i]! & bit) !== 0 ? i : this.next[base + i + 1]!;
    }
    for (let i = 0; i < count; i++) this.groupStart[i] = i > 0 && times[i] === times[i - 1] ? this.groupStart[i - 1]! : i;
  }

  private followAny(events: UserStepEvents, start: number): number {
    const { count, times } = events;
    const width = count + 1;
    const deadline = times[start]! + this.windowMs;
    this.attempt[0] = start;
    let steps = 1;
    while (steps < this.stepCount) {
      const previous = this.attempt[steps - 1]!;
      // Candidates start at the first event sharing the previous step's timestamp: same time counts.
      let candidate = this.next[steps * width + this.groupStart[previous]!]!;
      while (candidate < count && this.isUsed(candidate, steps)) candidate = this.next[steps * width + candidate + 1]!;
      if (candidate >= count || times[candidate]! > deadline) break;
      this.attempt[steps] = candidate;
      steps += 1;
    }
    return steps;
  }

  private followStrict(events: UserStepEvents, start: number): number {
    const { count, masks, times, seqs } = events;
    const deadline = times[start]! + this.windowMs;
    this.attempt[0] = start;
    let steps = 1;
    let position = start;
    while (steps < this.stepCount) {
      const candidate = position + 1;
      if (candidate >= count || seqs[candidate] !== seqs[position]! + 1) break;
      if ((masks[candidate]! & (1 << steps)) === 0 || times[candidate]! > deadline) break;
      this.attempt[steps] = candidate;
      position = candidate;
      steps += 1;
    }
    return steps;
  }

  private isUsed(index: number, steps: number): boolean {
    for (let step = 0; step < steps; step++) if (this.attempt[step] === index) return true;
    return false;
  }
}

/** Median of a list (mean of the two middle values for an even count); null for an empty list. Sorts in place. */
export function median(values: Float64Array): number | null {
  if (values.length === 0) return null;
  values.sort();
  const middle = values.length >> 1;
  return values.length % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}

export interface SeriesStepCounts {
  /** users[k] = users whose furthest step is k+1 or later. */
  users: number[];
  /** Median seconds from step k to step k+1 (index k; null at 0). */
  medianSeconds: (number | null)[];
}

/**
 * Per-series tallies of matched users: counts of furthest steps and the times between steps of
 * each counted attempt (for medians). A user is added to every series it belongs to (the
 * "Everyone" series and its breakdown group).
 */
export class FunnelTally {
  private readonly furthest: Int32Array[];
  private readonly gaps: number[][][];

  constructor(
    private readonly stepCount: number,
    seriesCount: number,
  ) {
    this.furthest = Array.from({ length: seriesCount }, () => new Int32Array(stepCount + 1));
    this.gaps = Array.from({ length: seriesCount }, () => Array.from({ length: stepCount }, () => []));
  }

  add(series: number, reached: number, stepTimes: Float64Array): void {
    this.furthest[series]![reached]! += 1;
    for (let step = 1; step < reached; step++) this.gaps[series]![step]!.push((stepTimes[step]! - stepTimes[step - 1]!) / 1000);
  }

  counts(series: number): SeriesStepCounts {
    const furthest = this.furthest[series]!;
    const users = new Array<number>(this.stepCount).fill(0);
    let atLeast = 0;
    for (let step = this.stepCount; step >= 1; step--) {
      atLeast += furthest[step]!;
      users[step - 1] = atLeast;
    }
    const medianSeconds = this.gaps[series]!.map((gaps, step) => (step === 0 ? null : median(Float64Array.from(gaps))));
    return { users, medianSeconds };
  }
}

/**
 * The per-step figures of one series. 0/0 policy: a percentage whose denominator is 0 is null
 * (shown as "—"), never 0 or 100.
 */
export function funnelStepResults(counts: SeriesStepCounts, labels: readonly string[]): FunnelStepResult[] {
  return labels.map((label, index) => {
    const users = counts.users[index]!;
    const first = counts.users[0]!;
    const previous = index === 0 ? null : counts.users[index - 1]!;
    return {
      step: index + 1,
      label,
      users,
      percentOfFirst: first === 0 ? null : (users / first) * 100,
      percentOfPrevious: previous === null || previous === 0 ? null : (users / previous) * 100,
      dropOffFromPrevious: previous === null ? null : previous - users,
      medianSecondsFromPrevious: counts.medianSeconds[index] ?? null,
    };
  });
}
