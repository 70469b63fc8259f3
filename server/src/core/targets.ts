import { formatUk } from './dates';
import type { DatedPoint, TargetModel } from './model';
import { withUnit } from './words';

/** Where a target stands on a given day; shared by the three target rules and the summary. */
export interface TargetAssessment {
  /** The latest milestone dated before today. */
  lastPassed?: DatedPoint;
  /** The latest actual dated on or after `lastPassed`. */
  actualSinceLastPassed?: DatedPoint;
  missed: boolean;
  noData: boolean;
  /** Set when the latest actual is behind the straight line by more than the tolerance (and not missed). */
  offTrack?: { actual: DatedPoint; expected: number; next: DatedPoint };
  /** The latest actual dated on or before today. */
  latest?: DatedPoint;
}

const EPSILON = 1e-9;

/** Has `value` reached `goal`, in the target's direction? */
export function reached(target: TargetModel, value: number, goal: number): boolean {
  return target.direction === 'up' ? value >= goal - EPSILON : value <= goal + EPSILON;
}

/**
 * Where a target stands as at `today` (a day number). Actuals dated after
 * today are left out: a report as at a date cannot use figures measured later.
 */
export function assessTarget(target: TargetModel, today: number): TargetAssessment {
  const passed = target.milestones.filter((m) => m.day < today);
  const lastPassed = passed[passed.length - 1];
  const known = target.actuals.filter((a) => a.day <= today);
  const latest = known[known.length - 1];
  let actualSinceLastPassed: DatedPoint | undefined;
  if (lastPassed) {
    const since = known.filter((a) => a.day >= lastPassed.day);
    actualSinceLastPassed = since[since.length - 1];
  }
  const missed = !!(lastPassed && actualSinceLastPassed && !reached(target, actualSinceLastPassed.value, lastPassed.value));
  const noData = !!(lastPassed && !actualSinceLastPassed);
  let offTrack: TargetAssessment['offTrack'];
  if (!missed && latest) {
    const previous = [...target.milestones].reverse().find((m) => m.day <= latest.day) ?? (target.baseline && target.baseline.day <= latest.day ? target.baseline : undefined);
    const next = target.milestones.find((m) => m.day > latest.day);
    if (previous && next && next.day > previous.day) {
      const expected = previous.value + ((next.value - previous.value) * (latest.day - previous.day)) / (next.day - previous.day);
      const behind = target.direction === 'up' ? expected - latest.value : latest.value - expected;
      if (behind > target.tolerance + EPSILON) offTrack = { actual: latest, expected, next };
    }
  }
  return { lastPassed, actualSinceLastPassed, missed, noData, offTrack, latest };
}

/** "30% by 31 Mar 2023" */
export function describePoint(target: TargetModel, p: DatedPoint, joiner = 'by'): string {
  return `${withUnit(p.value, target.data.unit)} ${joiner} ${formatUk(p.date)}`;
}
