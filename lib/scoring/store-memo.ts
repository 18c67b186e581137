/**
 * Results worth keeping per feature store (percent ranks, engagement scores):
 * computed on first use and reused while the store lives, dropped with it.
 *
 * This is why a FeatureStore must not be mutated after it is built: the cache
 * keys on the store's identity. Build a new store for new data or a new as-of date.
 *
 * Results that depend on something a user drags (manual weights, a filter)
 * would pile up one 8 MB column per slider position, so such entries belong to
 * a group that keeps only its most recently used few.
 */
interface Entry {
  value: unknown;
  group: string | null;
}

const memos = new WeakMap<object, Map<string, Entry>>();

export interface MemoGroup {
  /** Entries of one group compete for `keep` places; the least recently used goes first. */
  group: string;
  keep: number;
}

export function memoizeOn<T>(owner: object, key: string, compute: () => T, limit?: MemoGroup): T {
  let entries = memos.get(owner);
  if (!entries) {
    entries = new Map();
    memos.set(owner, entries);
  }
  const hit = entries.get(key);
  if (hit) {
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  entries.set(key, { value, group: limit?.group ?? null });
  if (limit) {
    const members = [...entries].filter(([, entry]) => entry.group === limit.group);
    for (const [oldKey] of members.slice(0, Math.max(0, members.length - limit.keep))) entries.delete(oldKey);
  }
  return value;
}

/** Small integer id per object (a store), for memo keys that depend on one. */
const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;

export function identityKey(value: object): number {
  let id = objectIds.get(value);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(value, id);
  }
  return id;
}
