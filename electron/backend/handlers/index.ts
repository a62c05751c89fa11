import { ACTION_PLAN_EXPORT_ASYNC_CALLS, actionPlanExportHandlers } from './action-plan-export.ts';
import { actionPlanHandlers } from './action-plan-handlers.ts';
import { STORAGE_ASYNC_CALLS, storageHandlers } from './backup-handlers.ts';
import { BUNDLE_ASYNC_CALLS, bundleHandlers } from './bundle-handlers.ts';
import { comparisonHandlers } from './comparison-handlers.ts';
import { COUNTERSIGN_ASYNC_CALLS, countersignHandlers } from './countersign-handlers.ts';
import { csvExportHandlers } from './csv-export-handlers.ts';
import { exchangeHandlers } from './exchange-handlers.ts';
import { filesHandlers } from './files-handlers.ts';
import type { CallName } from '../../contract/contract.ts';
import type { Handlers } from './handler-context.ts';
import { previousReviewHandlers } from './previous-review-handlers.ts';
import { ratingHandlers } from './rating-handlers.ts';
import { reviewComparisonHandlers } from './review-comparison-handlers.ts';
import { REPORT_ASYNC_CALLS, reportHandlers } from './report-handlers.ts';
import { reviewHandlers } from './review-handlers.ts';
import { REVIEWER_RATINGS_ASYNC_CALLS, reviewerRatingsHandlers } from './reviewer-ratings-handlers.ts';
import { scaleHandlers } from './scale-handlers.ts';
import { siteHandlers } from './site-handlers.ts';
import { trustHandlers } from './trust-handlers.ts';
import { VISIT_PLAN_ASYNC_CALLS, visitPlanHandlers } from './visit-plan-handlers.ts';
import { workflowHandlers } from './workflow-handlers.ts';

/** Every contract call's handler; `satisfies Handlers` makes a missing or extra handler a type error. */
export const handlers = {
  ...scaleHandlers,
  ...siteHandlers,
  ...reviewHandlers,
  ...ratingHandlers,
  ...exchangeHandlers,
  ...workflowHandlers,
  ...reportHandlers,
  ...bundleHandlers,
  ...comparisonHandlers,
  ...actionPlanHandlers,
  ...actionPlanExportHandlers,
  ...csvExportHandlers,
  ...filesHandlers,
  ...storageHandlers,
  ...trustHandlers,
  ...reviewerRatingsHandlers,
  ...reviewComparisonHandlers,
  ...countersignHandlers,
  ...previousReviewHandlers,
  ...visitPlanHandlers,
} satisfies Handlers;

export const ASYNC_CALLS: ReadonlySet<CallName> = new Set<CallName>([...REPORT_ASYNC_CALLS, ...BUNDLE_ASYNC_CALLS, ...STORAGE_ASYNC_CALLS, ...REVIEWER_RATINGS_ASYNC_CALLS, ...COUNTERSIGN_ASYNC_CALLS, ...VISIT_PLAN_ASYNC_CALLS, ...ACTION_PLAN_EXPORT_ASYNC_CALLS]);
