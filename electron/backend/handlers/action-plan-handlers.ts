import type { CallName } from '../../contract/contract.ts';
import type { HandlerGroup } from './handler-context.ts';

/** Handlers of this feature's calls (issue 6). */
export const actionPlanHandlers: HandlerGroup<never> = {};
/** Calls that await (signing, key derivation) and so make their own transactions. */
export const ACTION_PLAN_ASYNC_CALLS: ReadonlySet<CallName> = new Set<CallName>([]);
