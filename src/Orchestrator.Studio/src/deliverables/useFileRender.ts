import { useEffect, useEffectEvent, useRef, useState } from 'react';

export type RenderState = { status: 'loading' } | { status: 'ready'; warnings: number } | { status: 'error'; message: string };

/**
 * Fetches a deliverable with the session's cookie and hands it to a renderer that draws it into the returned element;
 * the renderer answers how many warnings it had and may return a clean-up. A new URL starts again.
 */
export function useFileRender(url: string, render: (response: Response, target: HTMLDivElement) => Promise<{ warnings: number; dispose?: () => void }>) {
  const target = useRef<HTMLDivElement>(null);
  // The state belongs to the URL it answers: a new URL reads as loading until its own answer comes.
  const [answer, setAnswer] = useState<{ url: string; state: RenderState } | null>(null);
  const draw = useEffectEvent(render);

  useEffect(() => {
    let cancelled = false;
    let dispose: (() => void) | undefined;
    (async () => {
      try {
        const response = await fetch(url, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        if (cancelled || !target.current) return;
        target.current.replaceChildren();
        const result = await draw(response, target.current);
        dispose = result.dispose;
        if (cancelled) dispose?.();
        else setAnswer({ url, state: { status: 'ready', warnings: result.warnings } });
      } catch (error) {
        if (!cancelled) setAnswer({ url, state: { status: 'error', message: error instanceof Error ? error.message : String(error) } });
      }
    })();
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, [url]);

  const state: RenderState = answer?.url === url ? answer.state : { status: 'loading' };
  return { target, state };
}
