import { isSmallSample, lift, newcombeDifferenceInterval, phiCoefficient } from "./stats";

/** A group of users and how many of them had the outcome. */
export interface OutcomeCount {
  users: number;
  outcomes: number;
}

/** Users with a behavior against the rest of the eligible users. Undefined statistics are null. */
export interface GroupComparison {
  usersWith: number;
  usersWithout: number;
  outcomesWith: number;
  outcomesWithout: number;
  rateWith: number | null;
  rateWithout: number | null;
  lift: number | null;
  difference: number | null;
  differenceLower: number | null;
  differenceUpper: number | null;
  phi: number | null;
  coverage: number;
  score: number;
  smallSample: boolean;
}

/**
 * Compares the users with a behavior (`withGroup`, a subset of `total`) to
 * everyone else in `total`.
 *
 * Ranking score = |difference| × √(coverage × (1 − coverage)): the effect
 * weighted by reach, largest when a big difference splits the users near
 * half/half and 0 when nobody or everybody has the behavior. For one outcome
 * it ranks exactly as |phi| does (phi = difference × √(c(1−c)) / √(p(1−p)),
 * p the base rate), yet stays in rate units.
 * @example compareWithWithout({ users: 30, outcomes: 20 }, { users: 100, outcomes: 30 })
 *   // rates 20/30 vs 10/70, difference 0.5238, coverage 0.3, score 0.5238 × √0.21 = 0.2400
 */
export function compareWithWithout(withGroup: OutcomeCount, total: OutcomeCount): GroupComparison {
  const usersWithout = total.users - withGroup.users;
  const outcomesWithout = total.outcomes - withGroup.outcomes;
  if (usersWithout < 0 || outcomesWithout < 0 || withGroup.outcomes > withGroup.users) {
    throw new RangeError(`the group (${withGroup.outcomes}/${withGroup.users}) is not part of the total (${total.outcomes}/${total.users})`);
  }
  const rateWith = withGroup.users === 0 ? Number.NaN : withGroup.outcomes / withGroup.users;
  const rateWithout = usersWithout === 0 ? Number.NaN : outcomesWithout / usersWithout;
  const difference = rateWith - rateWithout;
  const interval = newcombeDifferenceInterval(withGroup.outcomes, withGroup.users, outcomesWithout, usersWithout);
  const table = {
    a: withGroup.outcomes,
    b: withGroup.users - withGroup.outcomes,
    c: outcomesWithout,
    d: usersWithout - outcomesWithout,
  };
  const coverage = total.users === 0 ? 0 : withGroup.users / total.users;
  const score = Number.isNaN(difference) ? 0 : Math.abs(difference) * Math.sqrt(coverage * (1 - coverage));
  return {
    usersWith: withGroup.users,
    usersWithout,
    outcomesWith: withGroup.outcomes,
    outcomesWithout,
    rateWith: finiteOrNull(rateWith),
    rateWithout: finiteOrNull(rateWithout),
    lift: finiteOrNull(lift(rateWith, rateWithout)),
    difference: finiteOrNull(difference),
    differenceLower: finiteOrNull(interval.lower),
    differenceUpper: finiteOrNull(interval.upper),
    phi: finiteOrNull(phiCoefficient(table)),
    coverage,
    score,
    smallSample: isSmallSample(table),
  };
}

/** JSON has no NaN or Infinity: an undefined statistic travels as null. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
