import type { CertificateSummary } from '../reports/signing/certificate-summary.ts';
import { canonicalJson } from '../scales/canonical-json.ts';
import { problemsFromZod, type Problem } from '../scales/problem.ts';
import { ScaleRegistry } from '../scales/scale-registry.ts';
import type { ScaleVersion } from '../scales/scale-version.ts';
import {
  BUNDLE_FORMATS, BUNDLE_LIMITS, BundleContent, BundleEnvelope, type BundleActionPlanRow, type BundleExporter, type BundleSignedReport,
} from './bundle-format.ts';
import { inputValueProblem, nestedDeeperThan } from '../scales/input-limits.ts';
import { problem, under } from './bundle-problem.ts';
import { checkBundleReviews, type CheckedBundleReview } from './bundle-review-check.ts';
import { checkBundleScales } from './bundle-scale-check.ts';
import { verifyBundleSignature } from './bundle-sign.ts';

export type { CheckedBundleReview };
export type { BundleActionPlanRow, BundleSignedReport };

/** A bundle that passed every check: what an import may write. */
export interface CheckedBundle {
  createdAt: string;
  exporter: BundleExporter;
  /** The exporter's certificate (DER) that signed the bundle: who sent it is judged from this, as a report's signers are. */
  exporterCertificate: Buffer;
  /** Every scale version the bundle carries, validated, with its recomputed content hash. */
  scales: ScaleVersion[];
  /** Those of them this registry lacks: an import adds them. */
  newScales: ScaleVersion[];
  reviews: CheckedBundleReview[];
}

export type BundleRead = { ok: true; bundle: CheckedBundle } | { ok: false; problems: Problem[] };

export interface ReadBundleOptions {
  /** Only for measuring what the signature check costs (bench/); every import checks it. */
  checkSignature?: boolean;
}

/** Enough to fix a bundle or to see it is hostile; a thousand bad reviews do not make a thousand-line message. */
const MAX_PROBLEMS = 100;

/**
 * Bytes -> a checked bundle, or every problem found with its path (`content.reviews[2].file.ratings[3].score`).
 * Checks in order, each on trusted ground from the one before: size, UTF-8, nesting depth, JSON, format id,
 * envelope, signature (over the content exactly as it came), content schema, exporter = certificate, scales
 * (schema, consistency, content hash, no other text under a version this app has), and each review (review file
 * format with id and revision, its scale in the bundle with the same hash, ratings, signed PDF, action plan).
 */
export function readBundle(bytes: Uint8Array, registry: ScaleRegistry, options: ReadBundleOptions = {}): BundleRead {
  const refused = (...problems: Problem[]): BundleRead => ({ ok: false, problems: capped(problems) });
  if (bytes.length === 0) return refused(problem('bundle-empty', '', 'the file is empty'));
  if (bytes.length > BUNDLE_LIMITS.maxBundleBytes) {
    return refused(problem('bundle-too-large', '', `the file is ${bytes.length} bytes; a bundle is at most ${BUNDLE_LIMITS.maxBundleBytes}`, { size: bytes.length, max: BUNDLE_LIMITS.maxBundleBytes }));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refused(problem('not-utf8', '', 'the file is not UTF-8 text (a bundle is a JSON file)'));
  }
  if (nestedDeeperThan(text, BUNDLE_LIMITS.maxDepth)) {
    return refused(problem('too-deep', '', `the JSON is nested deeper than ${BUNDLE_LIMITS.maxDepth} levels; no bundle is`, { max: BUNDLE_LIMITS.maxDepth }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // A truncated file lands here too ("Unexpected end of JSON input").
    return refused(problem('not-json', '', `not valid JSON (${(error as Error).message.slice(0, 200)}); the file may be cut short or damaged`, { reason: (error as Error).message.slice(0, 200) }));
  }
  const notText = inputValueProblem(json, BUNDLE_LIMITS.maxDepth);
  if (notText?.reason === 'not-well-formed-unicode') return refused(problem('not-unicode', notText.path, 'a text in the bundle is not well-formed Unicode (a lone surrogate)'));
  const formatProblem = checkFormat(json);
  if (formatProblem) return refused(formatProblem);

  const envelope = BundleEnvelope.safeParse(json);
  if (!envelope.success) return refused(...problemsFromZod(envelope.error.issues));
  // The content as it came: zod's copy of a record would drop a "__proto__" key unseen, and the signature covers every key.
  const rawContent = (json as { content: Record<string, unknown> }).content;
  // The scales' canonical JSON is both signed (inside the content) and hashed: worked out once, here.
  const scaleTexts = canonicalScales(rawContent);
  let certificate: CertificateSummary | null = null;
  if (options.checkSignature ?? true) {
    const signature = verifyBundleSignature(rawContent, envelope.data.signature, scaleTexts);
    if (!signature.ok) return refused(signature.problem);
    certificate = signature.certificate;
  }
  const parsed = BundleContent.safeParse(rawContent);
  if (!parsed.success) return refused(...problemsFromZod(parsed.error.issues).map(under('content')));
  const content = parsed.data;
  if (certificate) {
    const mismatch = exporterProblems(content.exporter, content.createdAt, certificate);
    if (mismatch.length) return refused(...mismatch);
  }

  const raw = rawContent as { reviews: { file: unknown }[]; scales: unknown[] };
  const scales = checkBundleScales(raw.scales, registry, scaleTexts);
  if (scales.problems.length) return refused(...scales.problems);
  const combined = new ScaleRegistry([...registry.list(), ...scales.newScales]);
  const reviews = checkBundleReviews(content.reviews.map((review, i) => ({ ...review, file: raw.reviews[i]!.file })), scales.scales, combined, envelope.data.format);
  if (reviews.problems.length) return refused(...reviews.problems);

  return {
    ok: true,
    bundle: {
      createdAt: content.createdAt,
      exporter: content.exporter,
      exporterCertificate: Buffer.from(envelope.data.signature.certificate, 'base64'),
      scales: scales.scales,
      newScales: scales.newScales,
      reviews: reviews.reviews,
    },
  };
}

function canonicalScales(content: Record<string, unknown>): Map<object, string> {
  const scales = Array.isArray(content.scales) ? content.scales : [];
  return new Map(scales.filter((s): s is object => s !== null && typeof s === 'object').map((s) => [s, canonicalJson(s)]));
}

function checkFormat(json: unknown): Problem | null {
  const format = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>).format : undefined;
  if ((BUNDLE_FORMATS as readonly unknown[]).includes(format)) return null;
  const newest = BUNDLE_FORMATS[BUNDLE_FORMATS.length - 1];
  if (typeof format === 'string' && /^ips-fidelity-bundle\/[^\s]{1,20}$/.test(format)) {
    const versions = BUNDLE_FORMATS.map((f) => f.slice(f.indexOf('/'))).join(' and ');
    return problem('unknown-bundle-format', 'format', `unknown bundle format ${format}: this app reads ${versions}`, { format, supported: BUNDLE_FORMATS.join(', ') });
  }
  return problem('not-a-bundle', typeof format === 'string' ? 'format' : '', `not a review bundle (a bundle starts with "format": "${newest}")`);
}

/** The names shown for the exporter must be the certificate's, and it must have been valid when the bundle was made. */
export function exporterProblems(exporter: BundleExporter, createdAt: string, certificate: CertificateSummary): Problem[] {
  const problems: Problem[] = [];
  if (exporter.certificateFingerprint !== certificate.certificateFingerprint) {
    problems.push(problem('certificate-mismatch', 'content.exporter.certificateFingerprint', `the exporter's fingerprint ${exporter.certificateFingerprint} is not that of the signing certificate (${certificate.certificateFingerprint})`));
  }
  if (exporter.name !== certificate.commonName || (exporter.organisation ?? '') !== (certificate.organisation ?? '')) {
    problems.push(problem('exporter-mismatch', 'content.exporter', 'the exporter\'s name or organisation is not the one in the signing certificate'));
  }
  const at = Date.parse(createdAt);
  if (at < certificate.notBefore.getTime() || at > certificate.notAfter.getTime()) {
    problems.push(problem('certificate-not-valid', 'content.createdAt', `the signing certificate was not valid when the bundle was made (${createdAt}; valid ${certificate.notBefore.toISOString()} – ${certificate.notAfter.toISOString()})`));
  }
  return problems;
}

function capped(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), problem('more-problems', '', `and ${problems.length - MAX_PROBLEMS} more problems`, { count: problems.length - MAX_PROBLEMS })];
}
