import { useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
}

/** Loads one report for the current filter key; a newer filter cancels the older request. */
export function useReport<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    const abort = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(abort.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ data: null, error, loading: false });
      },
    );
    return () => abort.abort();
    // The key stands for the filter the loader closes over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
