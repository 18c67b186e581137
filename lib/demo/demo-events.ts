import { mixSeed, mulberry32, Sampler } from "./seeded-random";

/**
 * Seeded demo event stream for a made-up B2B SaaS product ("demo-saas").
 *
 * Deterministic: the output depends only on `{ seed, users, start, days }`
 * (no Math.random, no clock). Each user draws from its own PRNG stream
 * (`mixSeed(seed, userIndex)`), so user #42 is identical whether 100 or 500,000
 * users are generated. Events come out user by user, in time order per user.
 *
 * ## Time
 * Day d of the demo is [start + d·24h, start + (d+1)·24h). Times of day are
 * measured from that day's start, so pass a local midnight of the dataset
 * timezone as `start` (DEMO_START is a Monday midnight in New York) and the
 * business-hours pattern lands in local business hours. Weekdays carry ~90% of
 * sessions (a work tool: Sat/Sun weights 0.35/0.30 against 1.0–1.2 on weekdays).
 * Events at or after start + days·24h are not emitted (the period is cut off).
 *
 * ## Users
 * - Signup day: growth over the period (density rising linearly to 1.6× at the
 *   end) times the weekday weight. Every user's first event is `signup`.
 * - channel: organic 30%, paid_search 24%, social 20%, referral 14%, partner_webinar 12%.
 * - country: US 38%, GB 10%, DE 9%, IN 9%, CA 7%, FR 7%, BR 7%, AU 5%, NL 4%, JP 4%.
 * - plan: everyone starts on `free`; `upgrade` moves to `pro` (75%, revenue 29) or
 *   `team` (25%, revenue 99); `cancel_subscription` moves back to `free`.
 *   channel, plan (current), country and a unique `insert_id` are on every event.
 * - Archetypes: one-and-done (see effect 2); of the rest 3% power users,
 *   7% feature_x enthusiasts, 90% regular.
 * - Lifetime: the number of weeks a user stays is geometric with a weekly
 *   hazard (regular 0.20, feature_x 0.10, power 0.03; × 0.58 for early
 *   inviters). While alive, sessions per day are Poisson with mean
 *   weeklyRate/7 × weekday weight × decay^week (regular: weekly rate log-normal,
 *   median 0.9, clipped to 0.4–5, decay 0.97/week).
 * - A session is a few events (mean ≈ 2.2, power users ≈ 3.2) 5 s – 20 min apart
 *   (mean gap ≈ 75 s); sessions of one
 *   user start ≥ 35 min after the previous one ended, so the 30-minute rule
 *   recovers them exactly.
 * - Onboarding: signup → onboarding_started (93%) → project_created (80%) →
 *   onboarding_completed (75%), finished in the second session by some.
 * - Core features: create_report, share_dashboard, run_query, export_csv,
 *   feature_x; a regular user favours 1–3 of them, never feature_x first.
 * - view_pricing: 30% of users are "price-curious" (45% of their sessions in the
 *   first 14 days show pricing, later 10%); others 8% then 3%.
 *
 * ## Planted effects (ground truth)
 * `measurePlantedEffects` (demo-ground-truth.ts) recovers them from the events
 * alone; the ranges are its results over 30 seeds × 5,000 users × 180 days.
 * 1. **Early invites double retention.** 22% of users who did not bounce send
 *    `invite_teammate` within their first 7 days (days 0–6 after signup,
 *    chosen independently of everything else). Their weekly churn hazard is
 *    ×0.58, which multiplies 8-week survival by ≈2.2 ((1−0.116)^8 ≈ 0.37 vs
 *    0.8^8 ≈ 0.17 for regular users). Measured as "any event 56–63 days after
 *    signup", early inviters vs everyone else: 2.1–3.1× (mean 2.45; wider than
 *    2.2 because bounced users never invite). 10% of the other users invite
 *    later (after day 7), with no effect.
 * 2. **`social` brings one-and-done users.** P(bounce) is 50% for social and
 *    12% for every other channel. A bounced user has exactly one session on
 *    the signup day (signup, sometimes onboarding steps and one core event)
 *    and never returns, invites or upgrades. Measured share of users with a
 *    single session: social ≈ 55% vs ≈ 21% (2.25–2.8×; non-bounced users who
 *    churn in week 0 without a second session also count as one-and-done).
 * 3. **feature_x enthusiasts never pay.** 7% of non-bounced users put ~75% of
 *    their core events into feature_x, use it for weeks (hazard 0.10,
 *    ~3 sessions/week) and never upgrade. Measured: ~240 users per 5,000 with
 *    ≥ 10 feature_x events making ≥ 60% of their core events; 0 upgrades
 *    (everyone else ≈ 7%).
 * 4. **Pricing views predict upgrades.** Users with ≥ 2 `view_pricing` events in
 *    days 0–13 after signup get 1.4× their archetype's upgrade chance (regular
 *    0.09, power 0.16, enthusiasts and bounced users 0); the upgrade happens in
 *    a session after the second view (others: any session from day 1 on), no
 *    later than day 75, and only if such a session exists. Because engaged
 *    users are also the active ones, over everyone observed ≥ 76 days they
 *    upgrade at ≈ 3× the rate of the rest (≈ 14–19% vs ≈ 5.5%; 2.6–4.0×, mean 3.4).
 * 5. **Power users.** 3% of non-bounced users have 6.5–8.5 sessions/week
 *    (≈ 1.3 a weekday), barely decay (0.998/week) or churn (hazard 0.03), and
 *    use 3–5 core features. Measured: ≈ 1.9% of users (75–118 per 5,000) have
 *    > 5 sessions/week over their lifetime window and ≥ 3 core features used;
 *    nearly all of them are still active in week 8.
 *
 * ## Volume
 * ≈ 20.6 events per user on average for a 180-day period: `users: 500_000`
 * gives 10.34M events (seed 7) in ≈ 4.4 s on one core of the 2-core dev box.
 * Fewer days means fewer events per user.
 */

export interface DemoOptions {
  seed: number;
  users: number;
  /** Start of day 0: a local midnight in the dataset timezone. */
  start: Date;
  days: number;
}

export interface DemoEvent {
  userId: string;
  eventName: string;
  /** Epoch milliseconds, UTC. */
  ts: number;
  revenue: number | null;
  /** channel, plan, country and insert_id on every event; `to_plan` on upgrades. */
  properties: Record<string, string | number>;
}

export const CORE_FEATURES = ["create_report", "share_dashboard", "run_query", "export_csv", "feature_x"] as const;
type CoreFeature = (typeof CORE_FEATURES)[number];

type Archetype = "one_and_done" | "regular" | "power" | "feature_x_heavy";

export const CHANNELS = [
  ["organic", 0.3],
  ["paid_search", 0.24],
  ["social", 0.2],
  ["referral", 0.14],
  ["partner_webinar", 0.12],
] as const;

export const COUNTRIES = [
  ["US", 0.38],
  ["GB", 0.1],
  ["DE", 0.09],
  ["IN", 0.09],
  ["CA", 0.07],
  ["FR", 0.07],
  ["BR", 0.07],
  ["AU", 0.05],
  ["NL", 0.04],
  ["JP", 0.04],
] as const;

/** The knobs behind the planted effects, exported so tests and docs quote the same numbers. */
export const DEMO_MODEL = {
  bounceBySocial: 0.5,
  bounceOther: 0.12,
  powerShare: 0.03,
  featureXShare: 0.07,
  earlyInviteShare: 0.22,
  lateInviteShare: 0.1,
  hazard: { regular: 0.2, power: 0.03, feature_x_heavy: 0.1 },
  inviterHazardFactor: 0.58,
  upgradeBase: { regular: 0.09, power: 0.16, feature_x_heavy: 0 },
  pricingUpgradeFactor: 1.4,
  lastUpgradeDay: 75,
  cancelOnChurn: 0.6,
} as const;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Sunday..Saturday, normalised below so the mean weight is 1. */
const RAW_WEEKDAY_WEIGHTS = [0.3, 1.15, 1.2, 1.2, 1.15, 1.0, 0.35];
const WEEKDAY_MEAN = RAW_WEEKDAY_WEIGHTS.reduce((a, b) => a + b, 0) / 7;
const WEEKDAY_WEIGHTS = RAW_WEEKDAY_WEIGHTS.map((w) => w / WEEKDAY_MEAN);
const MAX_WEEKDAY_WEIGHT = Math.max(...WEEKDAY_WEIGHTS);

const PRICES = { pro: 29, team: 99 } as const;

interface UserProfile {
  index: number;
  userId: string;
  signupDay: number;
  channel: string;
  country: string;
  archetype: Archetype;
  earlyInviter: boolean;
}

interface PlannedSession {
  day: number;
  names: string[];
}

/**
 * Yields the demo events: user by user, each user's events in time order.
 * @example [...generateDemoEvents({ seed: 1, users: 10, start: DEMO_START, days: 180 })].length // ≈ 200
 */
export function* generateDemoEvents(options: DemoOptions): Generator<DemoEvent> {
  validate(options);
  for (let index = 0; index < options.users; index++) {
    yield* generateUserEvents(options, index);
  }
}

function validate(options: DemoOptions): void {
  if (!Number.isInteger(options.users) || options.users < 0) throw new Error(`users must be a non-negative integer, got ${options.users}`);
  if (!Number.isInteger(options.days) || options.days < 1) throw new Error(`days must be a positive integer, got ${options.days}`);
  if (!Number.isFinite(options.start.getTime())) throw new Error("start must be a valid date");
}

/** All events of one user (index 0-based), in time order. */
export function generateUserEvents(options: DemoOptions, index: number): DemoEvent[] {
  const rng = new Sampler(mulberry32(mixSeed(options.seed, index)));
  const startMs = options.start.getTime();
  const firstWeekday = new Date(startMs + 12 * 3_600_000).getUTCDay();
  const weekdayOf = (day: number) => (firstWeekday + day) % 7;

  const profile = drawProfile(rng, options, index, weekdayOf);
  const { sessions, churned } = planSessions(rng, profile, options.days, weekdayOf);
  const upgrade = planUpgrade(rng, profile, sessions, churned, options.days);
  return emit(rng, profile, sessions, upgrade, startMs, options, weekdayOf);
}

function drawProfile(rng: Sampler, options: DemoOptions, index: number, weekdayOf: (day: number) => number): UserProfile {
  let signupDay = 0;
  // Rejection sampling: growth (1 → 1.6 over the period) × weekday weight.
  for (;;) {
    signupDay = rng.int(0, options.days - 1);
    const growth = (1 + (0.6 * signupDay) / options.days) / 1.6;
    const weekday = WEEKDAY_WEIGHTS[weekdayOf(signupDay)]! / MAX_WEEKDAY_WEIGHT;
    if (rng.chance(growth * weekday)) break;
  }
  const channel = rng.weighted(CHANNELS);
  const country = rng.weighted(COUNTRIES);
  const bounced = rng.chance(channel === "social" ? DEMO_MODEL.bounceBySocial : DEMO_MODEL.bounceOther);
  let archetype: Archetype = "one_and_done";
  if (!bounced) {
    const roll = rng.next();
    archetype = roll < DEMO_MODEL.powerShare ? "power" : roll < DEMO_MODEL.powerShare + DEMO_MODEL.featureXShare ? "feature_x_heavy" : "regular";
  }
  const earlyInviter = !bounced && rng.chance(DEMO_MODEL.earlyInviteShare);
  return { index, userId: `u${String(index + 1).padStart(6, "0")}`, signupDay, channel, country, archetype, earlyInviter };
}

interface Habits {
  weeklySessions: number;
  decayPerWeek: number;
  hazard: number;
  extraEventsMean: number;
  minEvents: number;
  features: readonly (readonly [CoreFeature, number])[];
  earlyPricing: number;
  latePricing: number;
}

function drawHabits(rng: Sampler, profile: UserProfile): Habits {
  const priceCurious = rng.chance(0.3);
  const pricing = priceCurious ? { earlyPricing: 0.45, latePricing: 0.1 } : { earlyPricing: 0.08, latePricing: 0.03 };
  const inviteFactor = profile.earlyInviter ? DEMO_MODEL.inviterHazardFactor : 1;
  switch (profile.archetype) {
    case "power":
      return {
        weeklySessions: rng.uniform(6.5, 8.5),
        decayPerWeek: 0.998,
        hazard: DEMO_MODEL.hazard.power * inviteFactor,
        extraEventsMean: 1.2,
        minEvents: 2,
        features: favouriteFeatures(rng, rng.int(3, 5)),
        ...pricing,
      };
    case "feature_x_heavy":
      return {
        weeklySessions: rng.uniform(2.5, 3.5),
        decayPerWeek: 0.98,
        hazard: DEMO_MODEL.hazard.feature_x_heavy * inviteFactor,
        extraEventsMean: 2,
        minEvents: 1,
        features: [
          ["feature_x", 0.75],
          [rng.pick(CORE_FEATURES.filter((f) => f !== "feature_x")), 0.25],
        ],
        earlyPricing: 0.02,
        latePricing: 0.01,
      };
    default:
      return {
        weeklySessions: Math.min(5, Math.max(0.4, rng.logNormal(0.9, 0.5))),
        decayPerWeek: 0.97,
        hazard: DEMO_MODEL.hazard.regular * inviteFactor,
        extraEventsMean: 1.15,
        minEvents: 1,
        features: favouriteFeatures(rng, rng.weighted([[1, 0.35], [2, 0.4], [3, 0.25]] as const)),
        ...pricing,
      };
  }
}

/**
 * `count` distinct core features for a regular or power user. feature_x is
 * never their main feature (that is the enthusiasts' mark, effect 3).
 */
function favouriteFeatures(rng: Sampler, count: number): [CoreFeature, number][] {
  const pool: [CoreFeature, number][] = [
    ["create_report", 0.32],
    ["run_query", 0.3],
    ["share_dashboard", 0.16],
    ["export_csv", 0.14],
    ["feature_x", 0.08],
  ];
  const chosen: [CoreFeature, number][] = [];
  while (chosen.length < count) {
    const name = chosen.length === 0 ? rng.weighted(pool.filter(([candidate]) => candidate !== "feature_x")) : rng.weighted(pool);
    const at = pool.findIndex(([candidate]) => candidate === name);
    pool.splice(at, 1);
    chosen.push([name, chosen.length === 0 ? 0.5 : rng.uniform(0.15, 0.35)]);
  }
  return chosen;
}

/** The user's sessions (day offsets from signup and event names) and whether they churned inside the period. */
function planSessions(
  rng: Sampler,
  profile: UserProfile,
  days: number,
  weekdayOf: (day: number) => number,
): { sessions: PlannedSession[]; churned: boolean } {
  const daysLeft = days - profile.signupDay;
  if (profile.archetype === "one_and_done") {
    const names = ["signup"];
    if (rng.chance(0.6)) {
      names.push("onboarding_started");
      if (rng.chance(0.25)) names.push("project_created");
    }
    if (rng.chance(0.35)) names.push(rng.pick(CORE_FEATURES.slice(0, 4)));
    return { sessions: [{ day: 0, names }], churned: true };
  }

  const habits = drawHabits(rng, profile);
  const lifetimeDays = 7 * rng.geometric(habits.hazard);
  const lastDay = Math.min(lifetimeDays, daysLeft) - 1;
  const inviteDay = profile.earlyInviter ? rng.int(0, 6) : -1;

  const sessions: PlannedSession[] = [];
  for (let day = 0; day <= lastDay; day++) {
    const perDay = (habits.weeklySessions / 7) * WEEKDAY_WEIGHTS[weekdayOf(profile.signupDay + day)]! * habits.decayPerWeek ** (day / 7);
    let count = rng.poisson(perDay);
    if (day === 0) count = Math.max(1, count);
    if (day === inviteDay) count = Math.max(1, count);
    for (let i = 0; i < count; i++) {
      const size = habits.minEvents + rng.poisson(habits.extraEventsMean);
      const names: string[] = [];
      for (let j = 0; j < size; j++) names.push(rng.weighted(habits.features));
      const pricingChance = day <= 13 ? habits.earlyPricing : habits.latePricing;
      if (rng.chance(pricingChance)) names.splice(rng.int(0, names.length), 0, "view_pricing");
      sessions.push({ day, names });
    }
  }

  // Onboarding happens in the first session; unfinished steps may finish in the second.
  const steps = ["signup"];
  const later: string[] = [];
  if (rng.chance(0.93)) {
    steps.push("onboarding_started");
    if (rng.chance(0.8)) {
      steps.push("project_created");
      if (rng.chance(0.75)) steps.push("onboarding_completed");
      else if (rng.chance(0.6)) later.push("onboarding_completed");
    }
  }
  sessions[0]!.names.unshift(...steps);
  if (later.length > 0 && sessions[1]) sessions[1].names.unshift(...later);

  const inviteSession = sessions.find((session) => session.day === inviteDay);
  if (inviteSession) {
    // Absent only when the invite day falls after the end of the period.
    const target = inviteSession;
    target.names.splice(rng.int(target === sessions[0] ? steps.length : 0, target.names.length), 0, "invite_teammate");
  } else if (!profile.earlyInviter && sessions.length > 1 && rng.chance(DEMO_MODEL.lateInviteShare)) {
    const laterSessions = sessions.filter((session) => session.day >= 7);
    if (laterSessions.length > 0) rng.pick(laterSessions).names.push("invite_teammate");
  }

  return { sessions, churned: lifetimeDays < daysLeft };
}

interface UpgradePlan {
  sessionIndex: number;
  plan: "pro" | "team";
  cancelAtEnd: boolean;
}

function planUpgrade(rng: Sampler, profile: UserProfile, sessions: PlannedSession[], churned: boolean, days: number): UpgradePlan | null {
  if (profile.archetype === "one_and_done") return null;
  let earlyViews = 0;
  let secondViewSession = -1;
  sessions.forEach((session, i) => {
    if (session.day > 13) return;
    for (const name of session.names) {
      if (name !== "view_pricing") continue;
      earlyViews++;
      if (earlyViews === 2) secondViewSession = i;
    }
  });
  const base = DEMO_MODEL.upgradeBase[profile.archetype];
  const probability = earlyViews >= 2 ? base * DEMO_MODEL.pricingUpgradeFactor : base;
  if (!rng.chance(probability)) return null;
  const eligible: number[] = [];
  sessions.forEach((session, i) => {
    const afterTrigger = earlyViews >= 2 ? i >= secondViewSession : session.day >= 1;
    if (afterTrigger && session.day <= DEMO_MODEL.lastUpgradeDay && session.day < days) eligible.push(i);
  });
  if (eligible.length === 0) return null;
  return {
    sessionIndex: rng.pick(eligible),
    plan: rng.chance(0.25) ? "team" : "pro",
    // Paying users who leave inside the period cancel on their way out (60%).
    cancelAtEnd: churned && rng.chance(DEMO_MODEL.cancelOnChurn),
  };
}

function emit(
  rng: Sampler,
  profile: UserProfile,
  sessions: PlannedSession[],
  upgrade: UpgradePlan | null,
  startMs: number,
  options: DemoOptions,
  weekdayOf: (day: number) => number,
): DemoEvent[] {
  const periodEnd = startMs + options.days * DAY_MS;
  const events: DemoEvent[] = [];
  let plan = "free";
  let sequence = 0;
  const idPrefix = `${options.seed.toString(36)}.${profile.index.toString(36)}.`;
  const push = (eventName: string, ts: number, revenue: number | null, extra?: Record<string, string>) => {
    if (ts >= periodEnd) return;
    const properties: Record<string, string | number> = {
      channel: profile.channel,
      plan,
      country: profile.country,
      insert_id: idPrefix + (sequence++).toString(36),
    };
    if (extra) Object.assign(properties, extra);
    events.push({ userId: profile.userId, eventName, ts, revenue, properties });
  };

  let previousEnd = -Infinity;
  let sessionIndex = 0;
  while (sessionIndex < sessions.length) {
    const day = sessions[sessionIndex]!.day;
    let dayEnd = sessionIndex;
    while (dayEnd < sessions.length && sessions[dayEnd]!.day === day) dayEnd++;
    const absoluteDay = profile.signupDay + day;
    const weekend = [0, 6].includes(weekdayOf(absoluteDay));
    const starts: number[] = [];
    for (let i = sessionIndex; i < dayEnd; i++) {
      const hour = weekend ? clamp(rng.normal(14, 4), 8, 23.5) : clamp(rng.normal(13.5, 3), 6.5, 23);
      starts.push(Math.round(hour * 60 * MINUTE_MS + rng.next() * MINUTE_MS));
    }
    starts.sort((a, b) => a - b);
    for (let i = sessionIndex; i < dayEnd; i++) {
      const session = sessions[i]!;
      // ≥ 35 min after the previous session: the 30-minute rule must see two sessions.
      let ts = Math.max(startMs + absoluteDay * DAY_MS + starts[i - sessionIndex]!, previousEnd + 35 * MINUTE_MS + Math.round(rng.next() * 20 * MINUTE_MS));
      const names = [...session.names];
      const upgradeHere = upgrade !== null && upgrade.sessionIndex === i;
      if (upgradeHere) {
        if (rng.chance(0.5)) names.push("view_pricing");
        names.push("upgrade");
      }
      if (upgrade?.cancelAtEnd && i === sessions.length - 1) names.push("cancel_subscription");
      for (let j = 0; j < names.length; j++) {
        if (j > 0) ts += Math.min(20 * MINUTE_MS, 5_000 + Math.round(rng.exponential(70_000)));
        const name = names[j]!;
        if (name === "upgrade" && upgrade) {
          plan = upgrade.plan;
          push(name, ts, PRICES[upgrade.plan], { to_plan: upgrade.plan });
        } else if (name === "cancel_subscription") {
          plan = "free";
          push(name, ts, null);
        } else {
          push(name, ts, null);
        }
      }
      previousEnd = ts;
    }
    sessionIndex = dayEnd;
  }
  return events;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
