import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { failureReason } from '../tasks/parts';
import { validateDefinition } from './api';
import type { ActivityDescriptor, CanvasState } from './model';
import { mapServerProblems, type Problem } from './problems';

/** How long the designer waits after the last edit before asking the server to validate. */
export const validationDelayMs = 500;

/**
 * Validates the definition text on the server shortly after each change and maps the problems onto the canvas the
 * text was made from. `check` validates now (before publishing) and returns the problems.
 */
export function useLiveValidation(text: string, canvas: CanvasState, descriptors: readonly ActivityDescriptor[]) {
  const [problems, setProblems] = useState<Problem[]>([]);
  /** The text the shown problems (or failure) belong to; while it is not the current text, a check is under way. */
  const [checkedText, setCheckedText] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef({ canvas, descriptors });
  useLayoutEffect(() => {
    latest.current = { canvas, descriptors };
  });

  useEffect(() => {
    let cancelled = false;
    const snapshot = latest.current;
    const timer = window.setTimeout(() => {
      validateDefinition(text).then(
        (result) => {
          if (cancelled) return;
          setProblems(mapServerProblems(result, snapshot.canvas, snapshot.descriptors));
          setFailure(null);
          setCheckedText(text);
        },
        (error: unknown) => {
          if (cancelled) return;
          setFailure(failureReason(error));
          setCheckedText(text);
        },
      );
    }, validationDelayMs);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [text]);

  const check = async (): Promise<Problem[]> => {
    const snapshot = latest.current;
    const result = await validateDefinition(text);
    const mapped = mapServerProblems(result, snapshot.canvas, snapshot.descriptors);
    setProblems(mapped);
    return mapped;
  };

  return { problems, setProblems, checking: checkedText !== text, failure, check };
}
