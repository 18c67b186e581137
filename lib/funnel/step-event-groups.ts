import type { UserStepEvents } from "./funnel-math";

/** One step event as buildStepEventsSql returns it. */
export interface StepEventRow {
  user_id: string;
  /** Epoch milliseconds. */
  t: number;
  mask: number;
}

/**
 * Step events grouped by user, keeping only users who did step 1 (bit 1) at
 * least once: user u's events are times/masks[start[u] … start[u + 1]), in
 * row order. A counting sort over the rows: linear, and no per-user arrays.
 */
export interface StepEventGroups {
  userIds: string[];
  start: Int32Array;
  times: Float64Array;
  masks: Int32Array;
}

export function groupStepEvents(rows: readonly StepEventRow[]): StepEventGroups {
  const indexOf = new Map<string, number>();
  const seen: string[] = [];
  const userOfRow = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const id = rows[r]!.user_id;
    let user = indexOf.get(id);
    if (user === undefined) {
      user = seen.length;
      indexOf.set(id, user);
      seen.push(id);
    }
    userOfRow[r] = user;
  }
  // Users who did step 1 keep a slot (in first-appearance order); the rest get −1.
  const slot = new Int32Array(seen.length).fill(-1);
  for (let r = 0; r < rows.length; r++) if ((rows[r]!.mask & 1) === 1) slot[userOfRow[r]!] = 0;
  const userIds: string[] = [];
  for (let user = 0; user < seen.length; user++) if (slot[user] === 0) slot[user] = userIds.push(seen[user]!) - 1;
  const start = new Int32Array(userIds.length + 1);
  for (let r = 0; r < rows.length; r++) {
    const s = slot[userOfRow[r]!]!;
    if (s >= 0) start[s + 1]! += 1;
  }
  for (let s = 0; s < userIds.length; s++) start[s + 1]! += start[s]!;
  const total = start[userIds.length]!;
  const times = new Float64Array(total);
  const masks = new Int32Array(total);
  const next = start.slice(0, userIds.length);
  for (let r = 0; r < rows.length; r++) {
    const s = slot[userOfRow[r]!]!;
    if (s < 0) continue;
    const at = next[s]!++;
    times[at] = rows[r]!.t;
    masks[at] = rows[r]!.mask;
  }
  return { userIds, start, times, masks };
}

/** Loads user `index`'s events into `events` in (time, step) order (any order: no sequence numbers). */
export function readGroupedStepEvents(groups: StepEventGroups, index: number, events: UserStepEvents): void {
  events.clear();
  for (let k = groups.start[index]!; k < groups.start[index + 1]!; k++) events.push(groups.masks[k]!, groups.times[k]!, 0);
  events.sortByTime();
}
