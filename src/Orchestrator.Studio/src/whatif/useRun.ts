import { useCallback, useEffect, useRef, useState } from 'react';
import { failureReason } from '../tasks/parts';
import { cancelRun, getRun, type SimulationRun } from './api';

/** Starts a run, follows its progress until it ends, and cancels it on request (or when the panel goes away). */
export function useRun<T>() {
  const [run, setRun] = useState<SimulationRun<T> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const polling = useRef<AbortController | null>(null);

  useEffect(() => () => polling.current?.abort(), []);

  const start = useCallback(async (begin: () => Promise<SimulationRun<T>>) => {
    polling.current?.abort();
    const abort = new AbortController();
    polling.current = abort;
    setError(null);
    try {
      let current = await begin();
      setRun(current);
      while (current.status === 'Queued' || current.status === 'Running') {
        await new Promise((resolve) => setTimeout(resolve, 250));
        if (abort.signal.aborted) return;
        current = await getRun<T>(current.id, abort.signal);
        setRun(current);
      }
      if (current.status === 'Failed') setError(current.error ?? current.status);
    } catch (e) {
      if (!abort.signal.aborted) setError(failureReason(e));
    }
  }, []);

  const cancel = useCallback(async () => {
    if (run && (run.status === 'Queued' || run.status === 'Running')) {
      try {
        await cancelRun(run.id);
      } catch (e) {
        setError(failureReason(e));
      }
    }
  }, [run]);

  const running = run !== null && (run.status === 'Queued' || run.status === 'Running');
  return { run, error, running, start, cancel };
}
