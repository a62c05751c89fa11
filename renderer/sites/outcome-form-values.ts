import type { EmploymentOutcome } from '../../electron/contract/comparison-contract.ts';
import type { ApiClientError } from '../platform/api-client.ts';

/** The outcome form as typed: text, so a half-typed number is kept as the user left it. Empty optional: not reported. */
export interface OutcomeFormValues {
  periodStart: string;
  periodEnd: string;
  clientsServed: string;
  inCompetitiveWork: string;
  workingOrStudying: string;
  tenure6Months: string;
  tenure12Months: string;
}
export type OutcomeField = keyof OutcomeFormValues;
/** The figures a period may leave unreported (migration 014, docs/employment-outcomes.md). */
export const OPTIONAL_FIGURES = ['workingOrStudying', 'tenure6Months', 'tenure12Months'] as const satisfies readonly OutcomeField[];
type OptionalFigure = (typeof OPTIONAL_FIGURES)[number];

export const EMPTY_OUTCOME: OutcomeFormValues = {
  periodStart: '', periodEnd: '', clientsServed: '', inCompetitiveWork: '', workingOrStudying: '', tenure6Months: '', tenure12Months: '',
};

/** A saved period as the form shows it for correction. */
export function outcomeFormValues(o: EmploymentOutcome): OutcomeFormValues {
  const text = (n: number | null) => (n === null ? '' : String(n));
  return {
    periodStart: o.periodStart, periodEnd: o.periodEnd, clientsServed: String(o.clientsServed), inCompetitiveWork: String(o.inCompetitiveWork),
    workingOrStudying: text(o.workingOrStudying), tenure6Months: text(o.tenure6Months), tenure12Months: text(o.tenure12Months),
  };
}

/** The figures as outcomes.save takes them (checked first with outcomeProblems): an empty optional one is null. */
export function outcomeFigures(v: OutcomeFormValues) {
  const optional = (text: string) => (text.trim() === '' ? null : Number(text.trim()));
  return {
    clientsServed: Number(v.clientsServed),
    inCompetitiveWork: Number(v.inCompetitiveWork),
    workingOrStudying: optional(v.workingOrStudying),
    tenure6Months: optional(v.tenure6Months),
    tenure12Months: optional(v.tenure12Months),
  };
}

/** A problem at a field, as a message key of comparison.outcomes.errors (and its values). */
export interface OutcomeProblem {
  key: 'date' | 'periodOrder' | 'clientsServed' | 'inCompetitiveWork' | 'workOverServed' | 'overlap'
    | 'optionalCount' | 'studyingOverServed' | 'studyingUnderWork' | 'tenureOverWork' | 'twelveOverSix';
  values?: Record<string, string>;
}
type Problems = Partial<Record<OutcomeField, OutcomeProblem>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WHOLE = /^\d+$/;
const tenureOverWork = (months: string): OutcomeProblem => ({ key: 'tenureOverWork', values: { months } });

/**
 * The same rules as the contract (outcomes.save), checked before sending so the user sees every problem at once;
 * the backend checks again and its answer is shown the same way (problemsFromApi).
 */
export function outcomeProblems(v: OutcomeFormValues): Problems {
  const problems: Problems = {};
  if (!ISO_DATE.test(v.periodStart)) problems.periodStart = { key: 'date' };
  if (!ISO_DATE.test(v.periodEnd)) problems.periodEnd = { key: 'date' };
  else if (!problems.periodStart && v.periodEnd < v.periodStart) problems.periodEnd = { key: 'periodOrder' };
  const served = v.clientsServed.trim();
  const inWork = v.inCompetitiveWork.trim();
  if (!WHOLE.test(served) || Number(served) < 1) problems.clientsServed = { key: 'clientsServed' };
  if (!WHOLE.test(inWork)) problems.inCompetitiveWork = { key: 'inCompetitiveWork' };
  else if (!problems.clientsServed && Number(inWork) > Number(served)) problems.inCompetitiveWork = { key: 'workOverServed' };

  // The optional figures: empty is "not reported"; each is compared only with figures that are themselves valid.
  const figure: Partial<Record<OptionalFigure, number>> = {};
  for (const field of OPTIONAL_FIGURES) {
    const text = v[field].trim();
    if (text !== '' && !WHOLE.test(text)) problems[field] = { key: 'optionalCount' };
    else if (text !== '') figure[field] = Number(text);
  }
  const servedOk = problems.clientsServed === undefined ? Number(served) : undefined;
  const inWorkOk = problems.inCompetitiveWork === undefined ? Number(inWork) : undefined;
  const { workingOrStudying: studying, tenure6Months: six, tenure12Months: twelve } = figure;
  if (studying !== undefined && servedOk !== undefined && studying > servedOk) problems.workingOrStudying = { key: 'studyingOverServed' };
  else if (studying !== undefined && inWorkOk !== undefined && studying < inWorkOk) problems.workingOrStudying = { key: 'studyingUnderWork' };
  if (six !== undefined && inWorkOk !== undefined && six > inWorkOk) problems.tenure6Months = tenureOverWork('6');
  if (twelve !== undefined && inWorkOk !== undefined && twelve > inWorkOk) problems.tenure12Months = tenureOverWork('12');
  else if (twelve !== undefined && six !== undefined && twelve > six) problems.tenure12Months = { key: 'twelveOverSix' };
  return problems;
}

/** The contract's messages (comparison-contract.ts OutcomeInput) at the optional figures, as problems. */
function optionalProblem(field: OptionalFigure, message: string): OutcomeProblem {
  if (message.includes('than clients served')) return { key: 'studyingOverServed' };
  if (message.includes('fewer clients working or studying')) return { key: 'studyingUnderWork' };
  if (message.includes('than with 6 months')) return { key: 'twelveOverSix' };
  if (message.includes('than in competitive work')) return tenureOverWork(field === 'tenure6Months' ? '6' : '12');
  return { key: 'optionalCount' };
}

/** The backend's refusal at the fields it is about; null when it is not about a field (shown as an alert). */
export function problemsFromApi(error: ApiClientError, formatDate: (iso: string) => string): Problems | null {
  const details = error.apiError.details as { reason?: unknown; periodStart?: unknown; periodEnd?: unknown } | undefined;
  if (error.code === 'conflict' && details?.reason === 'period-overlaps' && typeof details.periodStart === 'string' && typeof details.periodEnd === 'string') {
    return { periodStart: { key: 'overlap', values: { from: formatDate(details.periodStart), to: formatDate(details.periodEnd) } } };
  }
  if (error.code !== 'invalid-input') return null;
  const problems: Problems = {};
  for (const issue of error.issues) {
    const field = issue.path as OutcomeField;
    if (field === 'periodStart' || field === 'periodEnd') problems[field] = { key: issue.message.includes('ends before') ? 'periodOrder' : 'date' };
    if (field === 'clientsServed') problems.clientsServed = { key: 'clientsServed' };
    if (field === 'inCompetitiveWork') problems.inCompetitiveWork = { key: issue.message.includes('more clients') ? 'workOverServed' : 'inCompetitiveWork' };
    if ((OPTIONAL_FIGURES as readonly string[]).includes(field)) problems[field] = optionalProblem(field as OptionalFigure, issue.message);
  }
  return Object.keys(problems).length > 0 ? problems : null;
}
