/**
 * The monetization lever the time-to-convert curve gives: when most
 * conversions happen, so the upsell can be timed there ("Half of conversions
 * happen in days 7–14 after signup … → time the upgrade prompt there").
 */
import type { Db } from "../db/db";
import { getTimeToConvert } from "../time-to-convert/time-to-convert";
import { timeToConvertQuerySchema } from "../time-to-convert/time-to-convert.types";
import type { Recommendation } from "./recommend";

/** Fewer converters than this and the window says little: no recommendation. */
export const MIN_CONVERTERS = 30;

export async function upsellTiming(db: Db, datasetName: string): Promise<Recommendation | null> {
  const result = await getTimeToConvert(db, datasetName, timeToConvertQuerySchema.parse({}));
  // A transaction log without a signup event starts the clock at the first purchase, which is the conversion: day 0 by definition.
  if (result.kind === "transactions" && result.signupEvent === null) return null;
  const everyone = result.series.find((series) => series.overall);
  if (!result.summary || !everyone?.middleHalf || everyone.converters < MIN_CONVERTERS) return null;
  const { from, to } = everyone.middleHalf;
  return {
    ruleId: "upsell-timing",
    segment: "Everyone",
    category: "monetization",
    audience: ["Product", "Marketing"],
    users: everyone.converters,
    finding: result.summary.replace(/\.$/, ""),
    action: `Time upgrade prompts and trial-end offers for days ${from}–${to} after ${result.signupEvent ? "signup" : "first use"}`,
    evidence: [`${everyone.converters} converters (≥ ${MIN_CONVERTERS})`],
  };
}
