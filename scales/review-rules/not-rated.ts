import type { ScaleVersionData } from '../scale-schema.ts';
import { NOT_RATED_REASONS, type NotRatedReason } from '../scoring.ts';

/** The reasons offered when an item is left unrated, in the order the UI offers them (facts file). */
export const OFFERED_NOT_RATED_REASONS: readonly NotRatedReason[] = NOT_RATED_REASONS;

/** "No data" opens a follow-up task: the manual says to collect missing data before leaving the site. */
export const opensFollowUpTask = (reason: NotRatedReason): boolean => reason === 'no-data';

/**
 * Items whose lowest anchor describes a service that lacks what the item asks, so "the service model differs" is
 * not a reason to leave them unrated: the scale scores them 1 (IPS-25 items 4 and 5, integration with treatment
 * teams). A scale file may name them (`scoring.scoredLowestWhenModelDiffers`); otherwise IPS-25's.
 */
const LOWEST_WHEN_MODEL_DIFFERS: Readonly<Record<string, readonly string[]>> = {
  // IPS-25 1.0.0 predates the field; its items 4 and 5 measure integration with treatment teams.
  'ips-25': ['team-assignment', 'team-contact'],
};

export function scoresLowestWhenModelDiffers(scale: Pick<ScaleVersionData, 'id' | 'items'>, item: number): boolean {
  const declared = scale.items.find((i) => i.number === item)?.scoredLowestWhenModelDiffers;
  if (declared !== undefined) return declared;
  const key = scale.items.find((i) => i.number === item)?.key;
  return key !== undefined && (LOWEST_WHEN_MODEL_DIFFERS[scale.id] ?? []).includes(key);
}
