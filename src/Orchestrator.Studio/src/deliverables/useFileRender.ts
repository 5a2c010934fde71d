import { useEffect, useRef, useState } from 'react';

export type RenderState = { status: 'loading' } | { status: 'ready'; warnings: number } | { status: 'error'; message: string };

/**
 * Fetches a deliverable with the session's cookie and hands it to a renderer that draws it into the returned element;
 * the renderer answers how many warnings it had and may return a clean-up. A new URL starts again.
 */
export function useFileRender(
  url: string,
  render: (response: Response, target: HTMLDivElement) => Promise<{ warnings: number; dispose?: () => void }>,
) {
  const target = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<RenderState>({ status: 'loading' });
  const renderRef = useRef(render);
  renderRef.current = render;

  useEffect(() => {
    let cancelled = false;
    let dispose: (() => void) | undefined;
    setState({ status: 'loading' });
    (async () => {
      try {
        const response = await fetch(url, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        if (cancelled || !target.current) return;
        target.current.replaceChildren();
        const result = await renderRef.current(response, target.current);
        dispose = result.dispose;
        if (cancelled) dispose?.();
        else setState({ status: 'ready', warnings: result.warnings });
      } catch (error) {
        if (!cancelled) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, [url]);

  return { target, state };
}
