import type { ApiIssue } from '../../electron/contract/api-error.ts';
import type { CallInput, CallOutput } from '../../electron/contract/contract.ts';
import type { LanguageCode } from '../../scales/scale-schema.ts';
import { parseVisitDate } from './visit-date.ts';

export type ReviewKindChoice = 'external' | 'self' | 'peer';

export interface ReviewerRow {
  /** Stable within the form, so React keeps each row's inputs when a row above is removed. */
  key: number;
  name: string;
  role: string;
}

export interface DateRow {
  key: number;
  /** As typed, in the UI language's form (23.11.2026). */
  text: string;
}

/** The new-review form as its inputs hold it; the API's rules decide what is valid. */
export interface NewReviewValues {
  kind: ReviewKindChoice;
  /** Who does the review, as typed; blank is none. */
  reviewingOrganisation: string;
  /** "id@version" of the chosen scale version, '' until the list has loaded. */
  scale: string;
  language: LanguageCode;
  visitDates: DateRow[];
  reviewers: ReviewerRow[];
}

export type ScaleChoice = CallOutput<'scales.list'>[number];
export const scaleValue = (scale: { id: string; version: string }) => `${scale.id}@${scale.version}`;

/**
 * The version the backend says new reviews default to (scales.list isDefault: the newest shipped version or the
 * one adopted in settings; never merely the newest a bundle brought), ips-25 first.
 */
export function defaultScale(scales: readonly ScaleChoice[]): string {
  const chosen = scales.find((s) => s.isDefault && s.id === 'ips-25') ?? scales.find((s) => s.isDefault) ?? scales[0];
  return chosen ? scaleValue(chosen) : '';
}

/** Newest version first within each scale, so older versions follow the one they were superseded by. */
export function orderScales(scales: readonly ScaleChoice[]): ScaleChoice[] {
  const parts = (version: string) => version.split('.').map(Number);
  const newer = (a: string, b: string) => {
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (y[i] ?? 0) - (x[i] ?? 0);
    return 0;
  };
  return [...scales].sort((a, b) => a.id.localeCompare(b.id) || newer(a.version, b.version));
}

export function toCreateInput(siteId: number, values: NewReviewValues): CallInput<'reviews.create'> {
  const at = values.scale.lastIndexOf('@');
  return {
    siteId,
    kind: values.kind,
    reviewingOrganisation: values.reviewingOrganisation.trim() === '' ? null : values.reviewingOrganisation,
    ...(at > 0 ? { scale: { id: values.scale.slice(0, at), version: values.scale.slice(at + 1) } } : {}),
    // A text that is not a date goes as typed, so the API's rules report it at its field.
    visitDates: values.visitDates.map((row) => parseVisitDate(row.text) ?? row.text.trim()),
    reviewers: values.reviewers.map((row) => ({ name: row.name, role: row.role.trim() === '' ? null : row.role })),
    language: values.language,
  };
}

export type FieldProblem = 'required' | 'tooLong' | 'invalid' | 'tooMany';

/** A form field: 'kind', 'scale', 'visitDates', 'visitDates.0', 'reviewers', 'reviewers.1.name', … */
export type FieldPath = string;

/** API validation issues -> a problem per field path (the API's own paths, e.g. 'reviewers.1.name'). */
export function fieldProblemsFrom(issues: readonly ApiIssue[], values: NewReviewValues): Record<FieldPath, FieldProblem> {
  const problems: Record<FieldPath, FieldProblem> = {};
  for (const issue of issues) {
    const path = issue.path.startsWith('scale') ? 'scale' : issue.path;
    const date = /^visitDates\.(\d+)$/.exec(path);
    const problem: FieldProblem =
      date ? (values.visitDates[Number(date[1])]?.text.trim() ? 'invalid' : 'required')
      : issue.code === 'too_small' || (issue.code === 'invalid_type' && path !== 'scale') ? 'required'
      : issue.code === 'too_big' ? (/^(visitDates|reviewers)$/.test(path) ? 'tooMany' : 'tooLong')
      : 'invalid';
    problems[path] ??= problem;
  }
  return problems;
}
