import { exchangeHandlers } from './exchange-handlers.ts';
import type { Handlers } from './handler-context.ts';
import { ratingHandlers } from './rating-handlers.ts';
import { REPORT_ASYNC_CALLS, reportHandlers } from './report-handlers.ts';
import { reviewHandlers } from './review-handlers.ts';
import { scaleHandlers } from './scale-handlers.ts';
import { siteHandlers } from './site-handlers.ts';
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
} satisfies Handlers;

export const ASYNC_CALLS = REPORT_ASYNC_CALLS;
