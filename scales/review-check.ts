import { formatPath, problemsFromZod, type Problem } from './problem.ts';
import { ReviewFile } from './review-file.ts';
import type { ScaleRegistry } from './scale-registry.ts';
import type { ScaleVersion } from './scale-version.ts';
import { ratingProblems, scoreRatings, type FidelityScore } from './scoring.ts';

export type ReviewCheck =
  | { ok: true; review: ReviewFile; scale: ScaleVersion; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

/**
 * Checks a parsed review file against the format and the scale it names, listing every problem at once.
 * Fields the format does not know are reported as warnings and ignored (see REVIEW_FORMAT).
 */
export function checkReview(json: unknown, registry: ScaleRegistry): ReviewCheck {
  const { data, problems, warnings } = parseTolerantly(json);
  if (!data) return { ok: false, problems, warnings };

  const { id, version, contentHash } = data.scale;
  const scale = registry.get(id, version);
  if (!scale) {
    const known = registry.versionsOf(id);
    const problem: Problem = known.length
      ? { code: 'unknown-scale-version', path: 'scale.version', message: `scale ${id} has no version ${version} here (known: ${known.join(', ')})`, params: { id, version, known: known.join(', ') } }
      : { code: 'unknown-scale', path: 'scale.id', message: `no scale "${id}" is loaded (known: ${registry.list().map((s) => s.data.id).filter(unique).join(', ') || 'none'})`, params: { id } };
    return { ok: false, problems: [problem], warnings };
  }
  const all: Problem[] = [];
  if (contentHash && contentHash !== scale.contentHash) {
    all.push({ code: 'scale-hash-mismatch', path: 'scale.contentHash', message: `the review was scored with a different text of ${id} ${version} (${contentHash}) than the one loaded here (${scale.contentHash})`, params: { expected: contentHash, actual: scale.contentHash } });
  }
  all.push(...ratingProblems(scale.data, data.ratings));
  return all.length ? { ok: false, problems: all, warnings } : { ok: true, review: data, scale, warnings };
}

export type ReviewScoring =
  | { ok: true; review: ReviewFile; scale: ScaleVersion; score: FidelityScore; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

export function scoreReview(json: unknown, registry: ScaleRegistry): ReviewScoring {
  const checked = checkReview(json, registry);
  if (!checked.ok) return checked;
  const scored = scoreRatings(checked.scale.data, checked.review.ratings);
  if (!scored.ok) return { ok: false, problems: scored.problems, warnings: checked.warnings };
  return { ...checked, score: scored.score };
}

function parseTolerantly(json: unknown): { data?: ReviewFile; problems: Problem[]; warnings: Problem[] } {
  const first = ReviewFile.safeParse(json);
  if (first.success) return { data: first.data, problems: [], warnings: [] };
  const unknownKeys = first.error.issues.filter((issue) => issue.code === 'unrecognized_keys');
  const others = first.error.issues.filter((issue) => issue.code !== 'unrecognized_keys');
  const warnings: Problem[] = unknownKeys.flatMap((issue) =>
    issue.keys.map((key) => ({
      code: 'unknown-field',
      path: formatPath([...issue.path, key]),
      message: `"${key}" is not a field of ${formatPath(issue.path) || 'the review'}; it is ignored`,
      params: { field: key },
    })));
  if (others.length) return { problems: problemsFromZod(others), warnings };

  const cleaned = structuredClone(json);
  for (const issue of unknownKeys) {
    const owner = issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)[key as string], cleaned);
    for (const key of issue.keys) delete (owner as Record<string, unknown>)[key];
  }
  const second = ReviewFile.safeParse(cleaned);
  return second.success ? { data: second.data, problems: [], warnings } : { problems: problemsFromZod(second.error.issues), warnings };
}

function unique<T>(value: T, index: number, all: T[]): boolean {
  return all.indexOf(value) === index;
}
