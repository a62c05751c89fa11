import { z } from 'zod';
import { RegionCode } from './regions/fi-regions.ts';
import { ReviewingOrganisation, ReviewKind } from './review-rules/review-kinds.ts';
import { NotRatedReasonInput } from './scoring.ts';

/**
 * The review file: how a review travels between reviewers, sites, THL and other tools.
 * Version 1 grows only by new optional fields; a reader ignores (and reports) fields it does not know,
 * so a file written by a later /1 writer still reads here. A change that would break a reader gets /2.
 */
export const REVIEW_FORMAT = 'ips-fidelity-review/1';

const IsoDate = z.iso.date({ message: 'use a calendar date of the form YYYY-MM-DD' });
const Text = z.string().trim().min(1).max(20_000);

export const ReviewRating = z.strictObject({
  item: z.number().int().positive().describe('Item number in the scale, 1..25 for IPS-25'),
  score: z.number().nullable().describe('The rating, within the scale\'s item range (1..5), or null when not rated'),
  reason: NotRatedReasonInput.optional()
    .describe('Required when score is null: why the item is not rated. "not-applicable" (files before scale text 1.1.0) is read as "model-differs"'),
  reasonNote: Text.optional().describe('Free-text explanation of why the item is not rated'),
  evidence: Text.optional().describe('What the rating rests on: interviews, records, observations'),
  recommendation: Text.optional().describe('What the site could do to improve on this item'),
  justification: Text.optional().describe('Why the consensus is what it is where the reviewers differed (added in 1 by issue 13)'),
});
export type ReviewRating = z.infer<typeof ReviewRating>;

export const ReviewReviewer = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().min(1).max(200).optional().describe('e.g. lead reviewer, peer reviewer, site manager'),
});

export const ReviewSite = z.strictObject({
  name: z.string().trim().min(1).max(300),
  region: z.string().trim().min(1).max(200).optional()
    .describe('The region\'s name: the official Finnish name of a listed region, or free text (files before issue 13)'),
  regionCode: RegionCode.optional()
    .describe('The region\'s code in Statistics Finland\'s wellbeing services county list (scales/regions/fi-regions.json; added in 1 by issue 13): 01-21, 90 Helsinki, 91 Åland'),
  organisation: z.string().trim().min(1).max(300).optional(),
  collaborationModel: z.union([z.literal(1), z.literal(2)]).optional()
    .describe('1: employment specialists inside the psychiatric-care organisation; 2: inside the employment-services partner'),
  collaborationOther: z.string().trim().min(1).max(2000).optional()
    .describe('The site works by another collaboration model, as this says (collaborationModel is then absent; added in 1 by issue 13)'),
}).refine((site) => site.collaborationModel === undefined || site.collaborationOther === undefined, {
  path: ['collaborationOther'], message: 'give collaborationModel or collaborationOther, not both',
});

export const ReviewFile = z.strictObject({
  format: z.literal(REVIEW_FORMAT),
  reviewId: z.uuid().optional().describe('Stable identity of the review across exports and revisions'),
  revision: z.number().int().positive().optional().describe('Increases each time the review is changed and exported again'),
  scale: z.strictObject({
    id: z.string().min(1),
    version: z.string().min(1),
    contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/).optional()
      .describe('sha-256 of the canonical JSON of the scale text the review was scored with'),
  }),
  site: ReviewSite,
  kind: ReviewKind.describe('external: by fidelity reviewers; self: a self-assessment by the site; peer: a peer review by staff of another IPS site (added in 1 by issue 13)'),
  reviewingOrganisation: ReviewingOrganisation.min(1, 'the reviewing organisation is empty: leave it out instead').optional()
    .describe('The organisation that did the review, e.g. "Tampereen IPS-tiimi"; trimmed, at most 300 characters (added in 1 by issue 13)'),
  visitDates: z.array(IsoDate).min(1).max(14).describe('Day(s) of the site visit, or of the self-assessment'),
  reviewers: z.array(ReviewReviewer).min(1).max(20),
  language: z.enum(['fi', 'sv', 'en']).optional().describe('Language the free text is written in'),
  status: z.enum(['draft', 'consensus', 'final']).optional()
    .describe('Where the review stands; a file without it is taken as a finished (final) review'),
  ratings: z.array(ReviewRating).max(1000)
    .describe('The review\'s ratings (for external reviews, the consensus ratings); an item left out is not rated yet'),
});
export type ReviewFile = z.infer<typeof ReviewFile>;
