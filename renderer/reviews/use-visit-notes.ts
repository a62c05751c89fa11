import type { VisitPlanEntry } from '../../electron/contract/visit-plan-contract.ts';
import { useApiQuery } from '../platform/use-api-query.ts';

const EMPTY: readonly VisitPlanEntry[] = [];

/**
 * The review's visit plan rows that have a note linked to items, for the editor's "From the visit" panel; none
 * while loading or when the plan cannot be read (the panel is an aid, the editor works without it).
 */
export function useVisitNotes(reviewId: number): (item: number) => readonly VisitPlanEntry[] {
  const plan = useApiQuery('visitPlan.list', { reviewId });
  const linked = (plan.data ?? EMPTY).filter((entry) => entry.note !== null && entry.note.trim() !== '' && entry.noteItems.length > 0);
  return (item) => linked.filter((entry) => entry.noteItems.includes(item));
}
