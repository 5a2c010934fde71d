import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export interface Resource<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Asks again; the current data stays until the answer comes. */
  reload: () => void;
}

interface Settled<T> {
  data: T | null;
  error: unknown;
  /** The request this answer belongs to; while it is not the current one, the resource is loading. */
  request: string | null;
}

/**
 * Loads once per key and on reload; a newer request aborts the older one. `load` may be a new function on every
 * render: only a change of `key` (or a reload) asks again.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Resource<T> {
  const [settled, setSettled] = useState<Settled<T>>({ data: null, error: null, request: null });
  const [generation, setGeneration] = useState(0);
  const request = `${generation}:${key}`;
  const start = useEffectEvent((signal: AbortSignal) => load(signal));

  useEffect(() => {
    const abort = new AbortController();
    start(abort.signal).then(
      (data) => setSettled({ data, error: null, request }),
      (error: unknown) => {
        if (!abort.signal.aborted) setSettled((s) => ({ ...s, error, request }));
      },
    );
    return () => abort.abort();
  }, [request]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: settled.data, error: settled.error, loading: settled.request !== request, reload };
}
