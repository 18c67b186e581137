import { CORE_FEATURES, type DemoEvent } from "./demo-events";

/**
 * Recovers the planted effects of the demo generator from the events alone,
 * in plain TypeScript, so later features (segments, retention, funnels) can be
 * tested against the same ground truth. Definitions here are deliberately
 * simple and rolling (counted from each user's signup instant, 24 h days):
 *
 * - session: 30-minute inactivity rule.
 * - early inviter: `invite_teammate` within 7×24 h after signup.
 * - retained at week 8: any event in [signup + 56 d, signup + 63 d); only users
 *   who signed up ≥ 63 days before the period end are counted.
 * - one-and-done: exactly one session; only users who signed up ≥ 28 days
 *   before the period end are counted (they had time to come back).
 * - feature_x enthusiast: ≥ 10 feature_x events and ≥ 60% of core events are feature_x.
 * - pricing-engaged: ≥ 2 `view_pricing` within 14×24 h after signup; upgrade
 *   rates only over users who signed up ≥ 76 days before the period end.
 * - power user: sessions / max(1, weeks from signup to period end) > 5 and ≥ 3
 *   distinct core features.
 */

export interface Rate {
  users: number;
  hits: number;
  /** hits / users; 0 when there are no users (no group, no rate). */
  rate: number;
}

export interface PlantedEffects {
  users: number;
  events: number;
  eventsPerUser: number;
  retentionWeek8: { earlyInviters: Rate; others: Rate; ratio: number };
  oneAndDone: { byChannel: Record<string, Rate>; social: Rate; otherChannels: Rate; ratio: number };
  featureX: { enthusiasts: Rate; others: Rate };
  pricing: { engaged: Rate; others: Rate; ratio: number };
  power: { users: number; share: number; retainedWeek8: Rate };
}

interface UserSummary {
  signup: number;
  channel: string;
  lastTs: number;
  sessions: number;
  earlyInvite: boolean;
  activeWeek8: boolean;
  upgraded: boolean;
  earlyPricingViews: number;
  featureXEvents: number;
  coreEvents: number;
  coreFeatures: Set<string>;
}

const DAY_MS = 86_400_000;
const SESSION_GAP_MS = 30 * 60_000;
const CORE = new Set<string>(CORE_FEATURES);

/** Events must be in time order per user (the generator's order); users may interleave. */
export function measurePlantedEffects(events: Iterable<DemoEvent>, period: { start: Date; days: number }): PlantedEffects {
  const periodEnd = period.start.getTime() + period.days * DAY_MS;
  const users = new Map<string, UserSummary>();
  let eventCount = 0;
  for (const event of events) {
    eventCount++;
    let user = users.get(event.userId);
    if (!user) {
      user = {
        signup: event.ts,
        channel: String(event.properties.channel),
        lastTs: event.ts,
        sessions: 1,
        earlyInvite: false,
        activeWeek8: false,
        upgraded: false,
        earlyPricingViews: 0,
        featureXEvents: 0,
        coreEvents: 0,
        coreFeatures: new Set(),
      };
      users.set(event.userId, user);
    } else if (event.ts - user.lastTs > SESSION_GAP_MS) {
      user.sessions++;
    }
    if (event.eventName === "signup") user.signup = event.ts;
    user.lastTs = event.ts;
    const sinceSignup = event.ts - user.signup;
    if (event.eventName === "invite_teammate" && sinceSignup < 7 * DAY_MS) user.earlyInvite = true;
    if (sinceSignup >= 56 * DAY_MS && sinceSignup < 63 * DAY_MS) user.activeWeek8 = true;
    if (event.eventName === "upgrade") user.upgraded = true;
    if (event.eventName === "view_pricing" && sinceSignup < 14 * DAY_MS) user.earlyPricingViews++;
    if (CORE.has(event.eventName)) {
      user.coreEvents++;
      user.coreFeatures.add(event.eventName);
      if (event.eventName === "feature_x") user.featureXEvents++;
    }
  }

  const rate = () => ({ users: 0, hits: 0, rate: 0 });
  const add = (target: Rate, hit: boolean) => {
    target.users++;
    if (hit) target.hits++;
    target.rate = target.hits / target.users;
  };
  const retention = { earlyInviters: rate(), others: rate() };
  const byChannel: Record<string, Rate> = {};
  const social = rate();
  const otherChannels = rate();
  const enthusiasts = rate();
  const nonEnthusiasts = rate();
  const engaged = rate();
  const notEngaged = rate();
  const powerRetained = rate();
  let powerUsers = 0;

  for (const user of users.values()) {
    const observedDays = (periodEnd - user.signup) / DAY_MS;
    if (observedDays >= 63) add(user.earlyInvite ? retention.earlyInviters : retention.others, user.activeWeek8);
    if (observedDays >= 28) {
      const oneAndDone = user.sessions === 1;
      add((byChannel[user.channel] ??= rate()), oneAndDone);
      add(user.channel === "social" ? social : otherChannels, oneAndDone);
    }
    const enthusiast = user.featureXEvents >= 10 && user.featureXEvents >= 0.6 * user.coreEvents;
    add(enthusiast ? enthusiasts : nonEnthusiasts, user.upgraded);
    if (observedDays >= 76) add(user.earlyPricingViews >= 2 ? engaged : notEngaged, user.upgraded);
    const sessionsPerWeek = user.sessions / Math.max(1, observedDays / 7);
    if (sessionsPerWeek > 5 && user.coreFeatures.size >= 3) {
      powerUsers++;
      if (observedDays >= 63) add(powerRetained, user.activeWeek8);
    }
  }

  const ratio = (a: Rate, b: Rate) => (b.rate === 0 ? Number.POSITIVE_INFINITY : a.rate / b.rate);
  return {
    users: users.size,
    events: eventCount,
    eventsPerUser: users.size === 0 ? 0 : eventCount / users.size,
    retentionWeek8: { ...retention, ratio: ratio(retention.earlyInviters, retention.others) },
    oneAndDone: { byChannel, social, otherChannels, ratio: ratio(social, otherChannels) },
    featureX: { enthusiasts, others: nonEnthusiasts },
    pricing: { engaged, others: notEngaged, ratio: ratio(engaged, notEngaged) },
    power: { users: powerUsers, share: users.size === 0 ? 0 : powerUsers / users.size, retainedWeek8: powerRetained },
  };
}
