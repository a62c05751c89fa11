import { beforeAll, describe, expect, test } from 'vitest';
import { signBundleContent } from '../../exchange/bundle-sign.ts';
import { readReviewerRatings } from '../../exchange/reviewer-ratings-read.ts';
import { REVIEWER_RATINGS_LIMITS } from '../../exchange/reviewer-ratings-format.ts';
import { writeReviewerRatings, type ReviewerRatingsInput } from '../../exchange/reviewer-ratings-write.ts';
import { signerMaterialOf, type SigningIdentity } from '../../reports/signing/identity.ts';
import { testIdentity } from '../fixtures/identities/identities.ts';

/** The reviewer's ratings file on its own: what the reader refuses before any database is asked (attacks first). */

let identity: SigningIdentity;
const input = (): ReviewerRatingsInput => ({
  createdAt: new Date().toISOString(),
  review: { id: '00000000-0000-4000-8000-000000000001', revision: 1, scale: { id: 'ips-25', version: '1.1.0', contentHash: 'sha256:abc' } },
  reviewer: { position: 2, name: 'Mikael Sundström' },
  completedAt: null,
  ratings: [{ item: 1, score: 4, reason: null, reasonNote: null, evidence: 'Haastattelu' }],
  recommendations: [{ item: null, text: 'Koko arvioinnin suositus' }],
});
const bytes = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
/** The file's content changed and signed again by the same identity: the signature holds, the content must not. */
function resigned(change: (content: Record<string, unknown>) => void) {
  const file = JSON.parse(writeReviewerRatings(input(), identity).toString('utf8'));
  change(file.content);
  file.signature = signBundleContent(file.content, signerMaterialOf(identity));
  return bytes(file);
}
const codes = (read: ReturnType<typeof readReviewerRatings>) => (read.ok ? [] : read.problems.map((p) => p.code));

beforeAll(async () => {
  identity = (await testIdentity('Mikael Sundström')).identity;
});

describe('reviewer ratings file (ips-fidelity-reviewer-ratings/1)', { timeout: 60_000 }, () => {
  test('refused: empty, too large, not UTF-8, too deep, not JSON, another format', () => {
    expect(codes(readReviewerRatings(Buffer.alloc(0)))).toEqual(['file-empty']);
    expect(codes(readReviewerRatings(Buffer.alloc(REVIEWER_RATINGS_LIMITS.maxBytes + 1, 0x20)))).toEqual(['file-too-large']);
    expect(codes(readReviewerRatings(Buffer.from([0xff, 0xfe, 0x00])))).toEqual(['not-utf8']);
    expect(codes(readReviewerRatings(bytes('{"a":'.repeat(50) + '1' + '}'.repeat(50))))).toEqual(['too-deep']);
    expect(codes(readReviewerRatings(bytes('{"format": "ips-fidelity-reviewer-ratings/1"')))).toEqual(['not-json']);
    expect(codes(readReviewerRatings(bytes({ format: 'ips-fidelity-bundle/1' })))).toEqual(['not-reviewer-ratings']);
  });

  test('refused: a changed byte of content, an unknown field, another name than the certificate\'s, an item twice', () => {
    const file = JSON.parse(writeReviewerRatings(input(), identity).toString('utf8'));
    file.content.ratings[0].evidence = 'Haastattelu!';
    expect(codes(readReviewerRatings(bytes(file)))).toEqual(['signature-invalid']);
    expect(codes(readReviewerRatings(resigned((c) => { c.extra = 1; })))).toEqual(['schema-unrecognized-keys']);
    expect(codes(readReviewerRatings(resigned((c) => { (c.exporter as { name: string }).name = 'Aino Laaksonen'; })))).toEqual(['exporter-mismatch']);
    expect(codes(readReviewerRatings(resigned((c) => { c.ratings = [...(c.ratings as unknown[]), ...(c.ratings as unknown[])]; })))).toEqual(['duplicate-item']);
    expect(codes(readReviewerRatings(resigned((c) => { c.createdAt = '1999-01-01T00:00:00.000Z'; })))).toEqual(['certificate-not-valid']);
  });

  test('a genuine file reads back as written, with the signing certificate', () => {
    const read = readReviewerRatings(writeReviewerRatings(input(), identity));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.file.content).toMatchObject({ reviewer: { position: 2, name: 'Mikael Sundström' }, ratings: input().ratings, recommendations: input().recommendations });
    expect(read.file.content.exporter).toEqual({ name: 'Mikael Sundström', certificateFingerprint: identity.certificateFingerprint });
    expect(read.file.certificate.length).toBeGreaterThan(100);
  });
});
