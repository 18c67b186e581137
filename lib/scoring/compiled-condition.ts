/**
 * A condition compiled once per definition: the column it reads and the closed
 * interval [lo, hi] of values it accepts. Every operator becomes the same test,
 * `lo <= v && v <= hi` (">" uses the next double up, so it stays exact), which
 * keeps the loops below free of per-row branching on the operator and makes
 * NaN (null) fail every condition.
 */
import { comparisonInterval, type EventCondition, type FeatureCondition } from "../definitions/condition";
import type { FeatureStore } from "./feature-store";

export interface CompiledCondition {
  column: Float64Array;
  lo: number;
  hi: number;
}

export function compileFeatureCondition(store: FeatureStore, condition: FeatureCondition): CompiledCondition {
  const { lo, hi } = comparisonInterval(condition);
  return { column: store.columns[condition.feature], lo, hi };
}

/** An event the dataset never recorded counts 0 for everyone (a zero column); `missing` says so. */
export function compileEventCondition(
  store: FeatureStore,
  condition: EventCondition,
): { compiled: CompiledCondition; missing: boolean } {
  const { lo, hi } = comparisonInterval(condition);
  const column = store.eventCounts?.[condition.event];
  if (column) return { compiled: { column, lo, hi }, missing: false };
  return { compiled: { column: new Float64Array(store.size), lo, hi }, missing: true };
}

/** 32-bit words needed for one bit per user. */
export function bitWords(size: number): number {
  return (size + 31) >>> 5;
}

/**
 * One bit per user (bit i % 32 of word i / 32) set when the user's value passes.
 * Branch-free: with data in random order a per-row `if` mispredicts about half
 * the time, which costs more than the comparison; the bit arithmetic does not.
 */
export function matchBits(condition: CompiledCondition, size: number, out: Int32Array): void {
  const { column, lo, hi } = condition;
  const fullWords = size >>> 5;
  for (let word = 0; word < fullWords; word++) {
    const base = word << 5;
    let bits = 0;
    for (let bit = 0; bit < 32; bit++) {
      const value = column[base + bit]!;
      bits |= (+(value >= lo) & +(value <= hi)) << bit;
    }
    out[word] = bits;
  }
  if (fullWords < out.length) {
    const base = fullWords << 5;
    let bits = 0;
    for (let bit = 0; base + bit < size; bit++) {
      const value = column[base + bit]!;
      bits |= (+(value >= lo) & +(value <= hi)) << bit;
    }
    out[fullWords] = bits;
  }
}

/** Adds `points` to every user whose value passes (all users). */
export function addPointsWhere(scores: Float64Array, condition: CompiledCondition, points: number): void {
  const { column, lo, hi } = condition;
  for (let i = 0; i < column.length; i++) {
    const value = column[i]!;
    if (value >= lo && value <= hi) scores[i]! += points;
  }
}
