/**
 * Dexie's liveQuery as a Preact hook: re-renders when the queried tables change.
 * (dexie-react-hooks targets React; this is the same idea in a dozen lines for Preact.)
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** Result of a live query: `undefined` while loading, or the error if it failed. */
export interface LiveResult<T> {
  value: T | undefined;
  error: Error | null;
}

/** Runs `query` now and again whenever what it read changes. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): LiveResult<T> {
  const [state, setState] = useState<LiveResult<T>>({ value: undefined, error: null });
  useEffect(() => {
    setState({ value: undefined, error: null });
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: null }),
      error: (error: unknown) => setState({ value: undefined, error: error as Error }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}
