import { useCallback, useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../electron/contract/contract.ts';
import { asApiClientError, type ApiClientError } from './api-client.ts';
import { useApi } from './api-context.tsx';

// Screens take it from here with useApiQuery; it lives beside ApiClientError so React-free code can use it too.
export { asApiClientError };

export type QueryState<T> =
  | { status: 'loading'; data: T | undefined; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | undefined; error: ApiClientError };

/**
 * Runs a read call whenever its input changes (compared as JSON) and on reload(). An answer that arrives after
 * a newer request started is dropped, so fast typing in a search box never shows stale rows. The previous data
 * stays visible while the next answer loads.
 */
export function useApiQuery<N extends CallName>(name: N, input: CallInput<N>): QueryState<CallOutput<N>> & { reload: () => void } {
  const api = useApi();
  const inputKey = JSON.stringify(input);
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<QueryState<CallOutput<N>>>({ status: 'loading', data: undefined, error: null });

  useEffect(() => {
    let current = true;
    setState((previous) => ({ status: 'loading', data: previous.data, error: null }));
    api.call(name, JSON.parse(inputKey) as CallInput<N>).then(
      (data) => current && setState({ status: 'ready', data, error: null }),
      (error: unknown) => current && setState((previous) => ({ status: 'error', data: previous.data, error: asApiClientError(name, error) })),
    );
    return () => {
      current = false;
    };
  }, [api, name, inputKey, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
