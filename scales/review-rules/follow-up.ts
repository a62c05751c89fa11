import type { FollowUpRule, ScaleVersionData } from '../scale-schema.ts';
import type { FidelityScoreTotals } from '../scoring.ts';

/** Issue 5: reviewed again every 6 months until good fidelity, then yearly. Used when a scale file says nothing. */
export const DEFAULT_FOLLOW_UP: FollowUpRule = { goalBand: 'good', monthsBelowGoal: 6, monthsAtGoal: 12 };

type ScaleRules = Pick<ScaleVersionData, 'scoring'>;
type Reached = Pick<FidelityScoreTotals, 'lowerBound'>;

export const followUpRule = (scale: ScaleRules): FollowUpRule => scale.scoring.followUp ?? DEFAULT_FOLLOW_UP;

/**
 * The review has certainly reached band `bandKey`: its lowest possible total does. For a complete review that is
 * its total; an estimate counts only when every unrated item scored 1 would still reach the band (facts file:
 * an estimate never acts on the band alone).
 */
export function reachesBand(score: Reached, scale: ScaleRules, bandKey: string): boolean {
  const band = scale.scoring.bands.find((b) => b.key === bandKey);
  return band !== undefined && score.lowerBound >= band.min;
}

/** The "goal reached" flag (good fidelity on IPS-25): full reviews, or estimates whose lower bound reaches it. */
export const goalReached = (score: Reached, scale: ScaleRules): boolean => reachesBand(score, scale, followUpRule(scale).goalBand);

/** Months until the next review. */
export function followUpMonths(score: Reached, scale: ScaleRules): number {
  const rule = followUpRule(scale);
  return goalReached(score, scale) ? rule.monthsAtGoal : rule.monthsBelowGoal;
}
