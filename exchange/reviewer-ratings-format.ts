import { z } from 'zod';
import { NotRatedReason } from '../scales/scoring.ts';
import { BundleExporter, BundleSignature } from './bundle-format.ts';

/**
 * One reviewer's own ratings for one review (.ipsratings): what a reviewer rated on their own laptop, carried to
 * the lead reviewer's laptop. The envelope and signature are the review bundle's (exchange/bundle-format.ts,
 * bundle-sign.ts): `{ format, content, signature }`, RSASSA-PSS over the canonical JSON of `content`, signed by
 * the reviewer's identity. Like a bundle, the reader refuses fields it does not know. See docs/reviewer-ratings-format.md.
 */
export const REVIEWER_RATINGS_FORMAT = 'ips-fidelity-reviewer-ratings/1';
export const REVIEWER_RATINGS_FILE_EXTENSION = '.ipsratings';

export const REVIEWER_RATINGS_LIMITS = {
  /** 25 items with long evidence stay far below this. */
  maxBytes: 5 * 1024 * 1024,
  maxRatings: 1000,
  /** The file needs about 6 levels of nesting. */
  maxDepth: 16,
} as const;

const Text = z.string().max(20_000);

export const ReviewerRatingEntry = z.strictObject({
  item: z.number().int().positive().max(10_000),
  score: z.number().nullable(),
  reason: NotRatedReason.nullable(),
  reasonNote: Text.nullable(),
  evidence: Text.nullable(),
});
export type ReviewerRatingEntry = z.infer<typeof ReviewerRatingEntry>;

export const ReviewerRecommendationEntry = z.strictObject({
  /** null: a recommendation for the whole review. */
  item: z.number().int().positive().max(10_000).nullable(),
  text: Text.min(1),
});

export const ReviewerRatingsContent = z.strictObject({
  /** When the file was made: a newer file from the same reviewer replaces an older one, never the reverse. */
  createdAt: z.iso.datetime(),
  /** The signing identity; the reader checks it against the embedded certificate. */
  exporter: BundleExporter,
  review: z.strictObject({
    /** The review's uid (review file reviewId): the importing database must hold this review. */
    id: z.string().min(1).max(100),
    revision: z.number().int().positive(),
    scale: z.strictObject({ id: z.string().min(1).max(100), version: z.string().min(1).max(50), contentHash: z.string().min(1).max(200) }),
  }),
  /** Which of the review's reviewers these ratings are: by place in the review's reviewer list, and name. */
  reviewer: z.strictObject({ position: z.number().int().positive().max(20), name: z.string().min(1).max(200) }),
  /** When the reviewer marked their ratings complete, or null while they still rate. */
  completedAt: z.iso.datetime().nullable(),
  ratings: z.array(ReviewerRatingEntry).max(REVIEWER_RATINGS_LIMITS.maxRatings),
  recommendations: z.array(ReviewerRecommendationEntry).max(REVIEWER_RATINGS_LIMITS.maxRatings),
});
export type ReviewerRatingsContent = z.infer<typeof ReviewerRatingsContent>;

export const ReviewerRatingsEnvelope = z.strictObject({
  format: z.literal(REVIEWER_RATINGS_FORMAT),
  content: z.record(z.string(), z.unknown()),
  signature: BundleSignature,
});
