import { problemsFromZod, type Problem } from '../scales/problem.ts';
import { inputValueProblem, nestedDeeperThan } from '../scales/input-limits.ts';
import { exporterProblems } from './bundle-read.ts';
import { problem, under } from './bundle-problem.ts';
import { verifyBundleSignature } from './bundle-sign.ts';
import {
  REVIEWER_RATINGS_FORMAT, REVIEWER_RATINGS_LIMITS, ReviewerRatingsContent, ReviewerRatingsEnvelope,
} from './reviewer-ratings-format.ts';

export interface CheckedReviewerRatings {
  content: ReviewerRatingsContent;
  /** DER of the certificate that signed the file: who sent it is judged from this. */
  certificate: Buffer;
}

export type ReviewerRatingsRead = { ok: true; file: CheckedReviewerRatings } | { ok: false; problems: Problem[] };

/**
 * Bytes -> a checked reviewer-ratings file, or its problems. The same order as a bundle (bundle-read.ts): size,
 * UTF-8, nesting depth, JSON, format id, envelope, signature over the content exactly as it came, content schema,
 * exporter = certificate and valid when the file was made. Whether the review and reviewer exist is the importer's.
 */
export function readReviewerRatings(bytes: Uint8Array): ReviewerRatingsRead {
  const refused = (...problems: Problem[]): ReviewerRatingsRead => ({ ok: false, problems: problems.slice(0, 100) });
  if (bytes.length === 0) return refused(problem('file-empty', '', 'the file is empty'));
  if (bytes.length > REVIEWER_RATINGS_LIMITS.maxBytes) {
    return refused(problem('file-too-large', '', `the file is ${bytes.length} bytes; a reviewer's ratings file is at most ${REVIEWER_RATINGS_LIMITS.maxBytes}`));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refused(problem('not-utf8', '', 'the file is not UTF-8 text (a ratings file is a JSON file)'));
  }
  if (nestedDeeperThan(text, REVIEWER_RATINGS_LIMITS.maxDepth)) {
    return refused(problem('too-deep', '', `the JSON is nested deeper than ${REVIEWER_RATINGS_LIMITS.maxDepth} levels`));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return refused(problem('not-json', '', `not valid JSON (${(error as Error).message.slice(0, 200)})`));
  }
  const notText = inputValueProblem(json, REVIEWER_RATINGS_LIMITS.maxDepth);
  if (notText?.reason === 'not-well-formed-unicode') return refused(problem('not-unicode', notText.path, 'a text in the file is not well-formed Unicode (a lone surrogate)'));
  const format = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>).format : undefined;
  if (format !== REVIEWER_RATINGS_FORMAT) {
    return refused(problem('not-reviewer-ratings', 'format', `not a reviewer's ratings file (it starts with "format": "${REVIEWER_RATINGS_FORMAT}")`));
  }
  const envelope = ReviewerRatingsEnvelope.safeParse(json);
  if (!envelope.success) return refused(...problemsFromZod(envelope.error.issues));
  const rawContent = (json as { content: Record<string, unknown> }).content;
  const signature = verifyBundleSignature(rawContent, envelope.data.signature);
  if (!signature.ok) return refused(signature.problem);
  const parsed = ReviewerRatingsContent.safeParse(rawContent);
  if (!parsed.success) return refused(...problemsFromZod(parsed.error.issues).map(under('content')));
  const content = parsed.data;
  // The names shown must be the certificate's, valid when the file was made: the bundle's rule.
  const problems: Problem[] = exporterProblems(content.exporter, content.createdAt, signature.certificate);
  const items = content.ratings.map((r) => r.item);
  if (new Set(items).size !== items.length) problems.push(problem('duplicate-item', 'content.ratings', 'an item is rated twice'));
  if (problems.length) return refused(...problems);
  return { ok: true, file: { content, certificate: Buffer.from(envelope.data.signature.certificate, 'base64') } };
}
