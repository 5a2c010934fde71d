/** Pages that need the whole window (the diagram pages) say so to the shell through this context. */
import { createContext, useContext, useLayoutEffect } from 'react';

export const WorkspaceContext = createContext<(wanted: boolean) => void>(() => undefined);

/**
 * Asks the shell for the whole window while the calling page is shown: no page padding or width limit, the page
 * fills the window's height, and the main menu folds away behind a button. Set before paint, so the page is laid
 * out (and its diagram fitted) only once.
 */
export function useWorkspaceLayout(): void {
  const setWorkspace = useContext(WorkspaceContext);
  useLayoutEffect(() => {
    setWorkspace(true);
    return () => setWorkspace(false);
  }, [setWorkspace]);
}
