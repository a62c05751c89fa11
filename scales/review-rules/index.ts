/**
 * The rules of a review, in one home (conventions, pattern 13). Handlers load, call these, write and audit; the
 * renderer, the CLI, CSV, bundles and the report model call the same functions. The scoring engine itself
 * (totals, bounds, bands) is scales/scoring.ts; agreement is scales/agreement.ts.
 */
export { actionPlanCandidates, actionPlanThreshold, DEFAULT_ACTION_PLAN_THRESHOLD, isOverdue, needsAction, type ActionStatus } from './action-plan.ts';
export {
  consensusPrefill, disagreementItems, isAgreement, isDisagreement, needsJustification, outcomeOf, ratingOfOutcome,
  type Outcome, type PrefilledConsensus, type ReviewerItemRating,
} from './consensus.ts';
export { DEFAULT_FOLLOW_UP, followUpMonths, followUpRule, goalReached, reachesBand } from './follow-up.ts';
export { localDate } from './local-date.ts';
export { OFFERED_NOT_RATED_REASONS, opensFollowUpTask, scoresLowestWhenModelDiffers } from './not-rated.ts';
export { comparisonSide, KINDS_ON_SIDE, organisationOrNull, REVIEW_KINDS, ReviewKind, ReviewingOrganisation, type ComparisonSide } from './review-kinds.ts';
export { previousFinalReview, type PreviousReviewCandidate } from './previous-review.ts';
export {
  compareReviews, comparableStatus, defaultComparisonPair, inTimeOrder, type ComparedItem, type ComparedReview, type ComparedSection, type ItemChange,
  type ReviewComparison,
} from './review-comparison.ts';
export { siteResultChoice, type SiteResultCandidate, type SiteResultChoice } from './site-result.ts';
export { decidedRatings, isDecided, resultRatingsOf, type ItemOutcome } from './result-ratings.ts';
export { bandStatement, formatBounds, formatMean, formatTotal, formatTotalStatistic, type BandStatement } from './total-format.ts';
export {
  canFinalize, canMoveTo, consensusBlocker, CONSENSUS_WRITABLE_IN, RATINGS_WRITABLE_IN, ratingsHidden, REVIEW_STATUSES, ReviewStatus,
  STATUS_TRANSITIONS,
} from './workflow.ts';
export { FidelityScore, FidelityScoreTotals, scoreRatings, scoreTotals, type RatingInput } from '../scoring.ts';
export { pairAgreement, reviewAgreement } from '../agreement.ts';
