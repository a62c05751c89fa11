import type { Database } from 'better-sqlite3';
import { contract, isCallName, type CallName } from '../contract/contract.ts';
import { ApiFailure, messageKeyFor, type ApiError, type ApiErrorCode, type ApiResponse } from '../contract/api-error.ts';
import type { HandlerContext, Handlers } from './handlers/handler-context.ts';
import { inputValueProblem } from '../../scales/input-limits.ts';
import { storageErrorCode } from './store/storage-errors.ts';

export type Dispatch = (name: unknown, input: unknown) => Promise<ApiResponse>;

export interface DispatchHooks {
  /**
   * Runs after the input is valid and before the handler (a backup before an import, database-session.ts); a
   * failure fails the call the same way a handler's would, so an import never runs without its backup.
   */
  beforeCall?: (name: CallName) => Promise<void> | void;
}

/**
 * The one entry to the backend, mounted on Electron IPC and on the preview's HTTP server alike:
 * validate input -> run the handler in one transaction -> validate output. Any failure becomes a typed ApiError
 * and rolls the transaction back, so a failed call changes nothing. Unexpected errors are logged here and
 * reach the caller only as 'internal'.
 */
export function createDispatcher(
  db: Database,
  handlers: Handlers,
  context: Omit<HandlerContext, 'db'>,
  log: (message: string) => void = console.error,
  /** Calls whose handlers await; they manage their own transactions. */
  asyncCalls: ReadonlySet<CallName> = new Set(),
  hooks: DispatchHooks = {},
): Dispatch {
  const ctx: HandlerContext = { ...context, db };
  return async (name, input) => {
    if (!isCallName(name)) return failure('unknown-call', { name: typeof name === 'string' ? name.slice(0, 100) : typeof name });
    const spec = contract[name];
    // Before zod walks it: too deep a value would overflow the stack, a lone surrogate is no text to store.
    const limits = inputValueProblem(input);
    if (limits) return failure('invalid-input', limits);
    const parsed = spec.input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      return failure('invalid-input', { issues: parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message })) });
    }
    const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => unknown;
    const checkOutput = (result: unknown) => {
      const checked = spec.output.safeParse(result);
      if (!checked.success) throw new OutputContractError(name, checked.error.message);
      return checked.data;
    };
    try {
      await hooks.beforeCall?.(name);
      const output = asyncCalls.has(name)
        ? checkOutput(await handler(parsed.data, ctx))
        : db.transaction(() => checkOutput(handler(parsed.data, ctx))).immediate();
      return { ok: true, output };
    } catch (error) {
      if (error instanceof ApiFailure) return failure(error.code, error.details);
      const sqliteCode = (error as { code?: unknown }).code;
      if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
        return failure('conflict', { constraint: sqliteCode });
      }
      // A full or read-only disk is the user's to fix, and the transaction rolled back: say so instead of 'internal'.
      const storage = storageErrorCode(error);
      if (storage) {
        log(`[backend] ${name} failed: ${storage}: ${error instanceof Error ? error.message : String(error)}`);
        return failure(storage, { cause: String(sqliteCode) });
      }
      log(`[backend] ${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return failure('internal');
    }
  };
}

class OutputContractError extends Error {
  constructor(name: CallName, detail: string) {
    super(`handler output of ${name} breaks the contract: ${detail}`);
  }
}

function failure(code: ApiErrorCode, details?: ApiError['details']): ApiResponse<never> {
  return { ok: false, error: { code, messageKey: messageKeyFor(code), ...(details ? { details } : {}) } };
}
