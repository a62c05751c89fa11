import type { ApiClientError } from '../platform/api-client.ts';

/** The outcome form as typed: text, so a half-typed number is kept as the user left it. */
export interface OutcomeFormValues {
  periodStart: string;
  periodEnd: string;
  clientsServed: string;
  inCompetitiveWork: string;
}
export type OutcomeField = keyof OutcomeFormValues;

export const EMPTY_OUTCOME: OutcomeFormValues = { periodStart: '', periodEnd: '', clientsServed: '', inCompetitiveWork: '' };

/** A problem at a field, as a message key of comparison.outcomes.errors (and its values). */
export interface OutcomeProblem {
  key: 'date' | 'periodOrder' | 'clientsServed' | 'inCompetitiveWork' | 'workOverServed' | 'overlap';
  values?: Record<string, string>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WHOLE = /^\d+$/;

/**
 * The same rules as the contract (outcomes.save), checked before sending so the user sees every problem at once;
 * the backend checks again and its answer is shown the same way (problemsFromApi).
 */
export function outcomeProblems(v: OutcomeFormValues): Partial<Record<OutcomeField, OutcomeProblem>> {
  const problems: Partial<Record<OutcomeField, OutcomeProblem>> = {};
  if (!ISO_DATE.test(v.periodStart)) problems.periodStart = { key: 'date' };
  if (!ISO_DATE.test(v.periodEnd)) problems.periodEnd = { key: 'date' };
  else if (!problems.periodStart && v.periodEnd < v.periodStart) problems.periodEnd = { key: 'periodOrder' };
  const served = v.clientsServed.trim();
  const inWork = v.inCompetitiveWork.trim();
  if (!WHOLE.test(served) || Number(served) < 1) problems.clientsServed = { key: 'clientsServed' };
  if (!WHOLE.test(inWork)) problems.inCompetitiveWork = { key: 'inCompetitiveWork' };
  else if (!problems.clientsServed && Number(inWork) > Number(served)) problems.inCompetitiveWork = { key: 'workOverServed' };
  return problems;
}

/** The backend's refusal at the fields it is about; null when it is not about a field (shown as an alert). */
export function problemsFromApi(error: ApiClientError, formatDate: (iso: string) => string): Partial<Record<OutcomeField, OutcomeProblem>> | null {
  const details = error.apiError.details as { reason?: unknown; periodStart?: unknown; periodEnd?: unknown } | undefined;
  if (error.code === 'conflict' && details?.reason === 'period-overlaps' && typeof details.periodStart === 'string' && typeof details.periodEnd === 'string') {
    return { periodStart: { key: 'overlap', values: { from: formatDate(details.periodStart), to: formatDate(details.periodEnd) } } };
  }
  if (error.code !== 'invalid-input') return null;
  const problems: Partial<Record<OutcomeField, OutcomeProblem>> = {};
  for (const issue of error.issues) {
    const field = issue.path as OutcomeField;
    if (field === 'periodStart' || field === 'periodEnd') problems[field] = { key: issue.message.includes('ends before') ? 'periodOrder' : 'date' };
    if (field === 'clientsServed') problems.clientsServed = { key: 'clientsServed' };
    if (field === 'inCompetitiveWork') problems.inCompetitiveWork = { key: issue.message.includes('more clients') ? 'workOverServed' : 'inCompetitiveWork' };
  }
  return Object.keys(problems).length > 0 ? problems : null;
}
