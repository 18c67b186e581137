import type { Queryable } from "../db/db";
import { MAX_EXAMPLES, type AuditContext, type Finding } from "./audit.types";
import { eventNameSprawl, nameKey } from "./event-name-sprawl";

/** Event names: purchases without revenue, missing signup/activation events, near-duplicate names. */

/** Event names that record money changing hands (PostgreSQL regex, case-insensitive). */
export const PURCHASE_NAME_PATTERN = "(purchase|order|checkout|payment)";
/** Normalised names that look like a signup or an activation (for suggestions). */
const SIGNUP_KEYS = ["signup", "signedup", "register", "registered", "createaccount", "accountcreated"];
const ACTIVATION_KEYS = ["activated", "activation", "onboardingcompleted", "accountactivated"];

interface NameCount {
  event_name: string;
  events: number;
  without_revenue: number;
}

async function nameCounts(db: Queryable, datasetId: number): Promise<NameCount[]> {
  const rows = await db.query<NameCount>(
    `SELECT event_name, count(*)::int AS events, count(*) FILTER (WHERE revenue IS NULL)::int AS without_revenue
     FROM events WHERE dataset_id = $1 GROUP BY event_name ORDER BY event_name`,
    [datasetId],
  );
  return rows;
}

export async function checkEventNames(db: Queryable, context: AuditContext): Promise<Finding[]> {
  const names = await nameCounts(db, context.datasetId);
  const findings: Finding[] = [];
  const purchaseLike = names.filter((name) => new RegExp(PURCHASE_NAME_PATTERN, "i").test(name.event_name));
  const missing = purchaseLike.filter((name) => name.without_revenue > 0);
  if (missing.length > 0) {
    const withoutRevenue = missing.reduce((sum, name) => sum + name.without_revenue, 0);
    const purchaseEvents = purchaseLike.reduce((sum, name) => sum + name.events, 0);
    findings.push({
      id: "purchase-without-revenue",
      // A tenth of purchases without an amount makes revenue, RFM and LTV visibly wrong.
      severity: withoutRevenue >= 0.1 * purchaseEvents ? "high" : "medium",
      title: `${withoutRevenue} of ${purchaseEvents} purchase-like events have no revenue`,
      evidence: {
        counts: { eventsWithoutRevenue: withoutRevenue, purchaseLikeEvents: purchaseEvents },
        examples: missing.slice(0, MAX_EXAMPLES).map((name) => `${name.event_name}: ${name.without_revenue} of ${name.events} without revenue`),
      },
      fix: "Send revenue (a number, in the dataset's currency) on every purchase, order, checkout and payment event.",
      blocks: ["revenue", "rfm", "segments"],
    });
  }

  if (context.kind !== "transactions") {
    const present = new Set(names.map((name) => name.event_name));
    for (const [role, configured, keys] of [
      ["signup", context.signupEvent, SIGNUP_KEYS],
      ["activation", context.activationEvent, ACTIVATION_KEYS],
    ] as const) {
      if (configured !== null && present.has(configured)) continue;
      const candidates = names.filter((name) => (keys as readonly string[]).includes(nameKey(name.event_name))).map((name) => name.event_name);
      const problem =
        configured === null
          ? `No ${role} event is configured${candidates.length > 0 ? "" : " or found"}`
          : `The configured ${role} event "${configured}" never occurs`;
      findings.push({
        id: `no-${role}-event`,
        // Without a signup, conversion timing falls back to first seen; without activation, activation analyses are empty.
        severity: role === "signup" && candidates.length === 0 ? "high" : "medium",
        title: problem,
        evidence: { counts: { candidateEvents: candidates.length }, examples: candidates.slice(0, MAX_EXAMPLES) },
        fix:
          candidates.length > 0
            ? `Set the dataset's ${role} event (candidates: ${candidates.join(", ")}) and send it once per user.`
            : `Track a ${role} event (e.g. "${role === "signup" ? "signup" : "activated"}") once per user and set it in the dataset settings.`,
        blocks: role === "signup" ? ["conversion", "funnels", "insights"] : ["conversion", "insights"],
      });
    }
  }

  const groups = eventNameSprawl(names.map((name) => name.event_name));
  if (groups.length > 0) {
    const byName = new Map(names.map((name) => [name.event_name, name.events]));
    findings.push({
      id: "event-name-sprawl",
      severity: "medium",
      title: `${groups.length} ${groups.length === 1 ? "event is" : "events are"} tracked under several near-identical names`,
      evidence: {
        counts: { groups: groups.length, names: groups.reduce((sum, group) => sum + group.length, 0) },
        examples: groups.slice(0, MAX_EXAMPLES).map((group) => group.map((name) => `${name} (${byName.get(name)})`).join(" / ")),
      },
      fix: "Pick one name per event in a tracking plan (e.g. snake_case verbs: sign_up) and rename the variants at the source.",
      blocks: ["funnels", "insights", "segments"],
    });
  }
  return findings;
}
