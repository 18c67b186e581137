import { FeatureRefreshError } from "./feature-refresh-error";

/**
 * Chooses between a full and an incremental feature refresh. Pure: the caller
 * reads the facts from the database and passes them in.
 *
 * Incremental is only correct when the only difference since the previous
 * refresh is new events from later ingest jobs, and the as-of is the same
 * instant: then the users without new events have exactly the same features,
 * and only users with an event in a job after the previous watermark need
 * recomputing. Anything else (first refresh, as-of moved, events removed)
 * needs a full refresh. Changed dataset settings (timezone, session timeout,
 * core features, event names) cannot be detected from the stored refreshes:
 * whoever changes them must request `mode: "full"`.
 */

export type RequestedMode = "auto" | "full" | "incremental";

export interface PreviousRefresh {
  asOf: Date;
  /** Every event with job_id <= lastJobId was included in that refresh. */
  lastJobId: number;
}

export interface RefreshFacts {
  requested: RequestedMode;
  /** The as-of this refresh will use (already resolved). */
  asOf: Date;
  previous: PreviousRefresh | null;
  /** max(events.job_id) of the dataset now; null when it has no events. */
  maxJobId: number | null;
}

export type RefreshPlan =
  | { mode: "full"; reason: string }
  | { mode: "incremental"; sinceJobId: number; reason: string };

export class IncrementalRefreshRefused extends FeatureRefreshError {
  constructor(reason: string) {
    super(`An incremental feature refresh is not possible: ${reason}. Run a full refresh.`);
    this.name = "IncrementalRefreshRefused";
  }
}

export function planRefresh(facts: RefreshFacts): RefreshPlan {
  if (facts.requested === "full") return { mode: "full", reason: "full refresh requested" };
  const blocker = incrementalBlocker(facts);
  if (blocker !== null) {
    if (facts.requested === "incremental") throw new IncrementalRefreshRefused(blocker);
    return { mode: "full", reason: blocker };
  }
  const previous = facts.previous!;
  const newJobs = (facts.maxJobId ?? 0) > previous.lastJobId;
  return {
    mode: "incremental",
    sinceJobId: previous.lastJobId,
    reason: newJobs ? `same as-of; events from jobs after #${previous.lastJobId}` : "same as-of and no new events",
  };
}

/** Why an incremental refresh would give wrong rows, or null when it is safe. */
function incrementalBlocker(facts: RefreshFacts): string | null {
  const { previous } = facts;
  if (previous === null) return "the dataset has no previous feature refresh";
  if (previous.asOf.getTime() !== facts.asOf.getTime()) {
    return `the as-of moved from ${previous.asOf.toISOString()} to ${facts.asOf.toISOString()}`;
  }
  // Jobs only ever get larger ids; a smaller maximum means events were deleted.
  if ((facts.maxJobId ?? 0) < previous.lastJobId) return "events included in the previous refresh were removed";
  return null;
}
