import { fingerprintOf } from '../reports/signing/certificate-summary.ts';
import { signerMaterialOf, type SigningIdentity } from '../reports/signing/identity.ts';
import { signBundleContent } from './bundle-sign.ts';
import { REVIEWER_RATINGS_FORMAT, type ReviewerRatingsContent } from './reviewer-ratings-format.ts';

export type ReviewerRatingsInput = Omit<ReviewerRatingsContent, 'exporter'>;

/** The reviewer's ratings file, signed by `identity` (opened and valid now) as a review bundle is. */
export function writeReviewerRatings(input: ReviewerRatingsInput, identity: SigningIdentity): Buffer {
  const material = signerMaterialOf(identity);
  const content: ReviewerRatingsContent = {
    createdAt: input.createdAt,
    exporter: {
      name: identity.commonName,
      ...(identity.organisation ? { organisation: identity.organisation } : {}),
      certificateFingerprint: fingerprintOf(material.certificate),
    },
    review: input.review,
    reviewer: input.reviewer,
    completedAt: input.completedAt,
    ratings: input.ratings,
    recommendations: input.recommendations,
  };
  const file = { format: REVIEWER_RATINGS_FORMAT, content, signature: signBundleContent(content, material) };
  return Buffer.from(JSON.stringify(file), 'utf8');
}
