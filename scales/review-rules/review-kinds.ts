import { z } from 'zod';

/**
 * Finland's structure (issue 13): a review is an external review (by the fidelity reviewers), a self-assessment (by
 * the site itself) or a peer review (by staff of another IPS site). The reviewing organisation may be recorded with
 * any kind (for a self-assessment it is the site's own organisation).
 */
export const REVIEW_KINDS = ['external', 'self', 'peer'] as const;
export const ReviewKind = z.enum(REVIEW_KINDS);
export type ReviewKind = z.infer<typeof ReviewKind>;

/** The reviewing organisation as the API and the review file take it: trimmed, at most 300 characters, blank is none. */
export const ReviewingOrganisation = z.string().trim().max(300, 'the reviewing organisation is at most 300 characters');
export const organisationOrNull = (text: string | null | undefined): string | null => text?.trim() || null;

/**
 * How a kind counts where the comparison sets self-assessments against reviews from outside ("self vs external"):
 * a peer review is done by outsiders to the site, so it counts on the external side. The trend per kind keeps all
 * three kinds apart, so peer reviews stay distinguishable there. comparison-sql.ts and the independent reference in
 * tests/comparison/reference-views.ts both follow this rule.
 */
export type ComparisonSide = 'self' | 'external';
export const comparisonSide = (kind: ReviewKind): ComparisonSide => (kind === 'self' ? 'self' : 'external');
/** The kinds on each side, for SQL filters: `kind IN (...)`. */
export const KINDS_ON_SIDE: Readonly<Record<ComparisonSide, readonly ReviewKind[]>> = {
  self: REVIEW_KINDS.filter((k) => comparisonSide(k) === 'self'),
  external: REVIEW_KINDS.filter((k) => comparisonSide(k) === 'external'),
};
