import { actionPlanExportHandlers } from './action-plan-export.ts';
import { actionPlanHandlers } from './action-plan-handlers.ts';
import { storageHandlers } from './backup-handlers.ts';
import { bundleHandlers } from './bundle-handlers.ts';
import { comparisonHandlers } from './comparison-handlers.ts';
import { countersignHandlers } from './countersign-handlers.ts';
import { csvExportHandlers } from './csv-export-handlers.ts';
import { exchangeHandlers } from './exchange-handlers.ts';
import { filesHandlers } from './files-handlers.ts';
import { CALL_NAMES, contract, type CallName } from '../../contract/contract.ts';
import type { Handlers } from './handler-context.ts';
import { previousReviewHandlers } from './previous-review-handlers.ts';
import { ratingHandlers } from './rating-handlers.ts';
import { reviewComparisonHandlers } from './review-comparison-handlers.ts';
import { reportHandlers } from './report-handlers.ts';
import { reviewHandlers } from './review-handlers.ts';
import { reviewerRatingsHandlers } from './reviewer-ratings-handlers.ts';
import { scaleHandlers } from './scale-handlers.ts';
import { siteHandlers } from './site-handlers.ts';
import { trustHandlers } from './trust-handlers.ts';
import { visitPlanHandlers } from './visit-plan-handlers.ts';
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

/** Calls whose contract entry says their handler awaits (CallTraits.async): outside the dispatcher's transaction. */
export const ASYNC_CALLS: ReadonlySet<CallName> = new Set(CALL_NAMES.filter((name) => 'async' in contract[name]));
