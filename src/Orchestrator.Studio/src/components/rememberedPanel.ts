/** Whether a panel that the user can fold away is open, remembered in the browser (localStorage) across visits. */
import { useCallback, useState } from 'react';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage, or null where the browser refuses it (private modes, blocked storage). */
function browserStorage(): Store | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The remembered state of the panel under `key`; `openByDefault` when nothing (or something unreadable) is stored. */
export function readPanelOpen(key: string, openByDefault: boolean, storage: Store | null = browserStorage()): boolean {
  try {
    const stored = storage?.getItem(key);
    return stored === 'open' ? true : stored === 'closed' ? false : openByDefault;
  } catch {
    return openByDefault;
  }
}

/** Remembers the panel's state; a browser that refuses storage only forgets it. */
export function writePanelOpen(key: string, open: boolean, storage: Store | null = browserStorage()): void {
  try {
    storage?.setItem(key, open ? 'open' : 'closed');
  } catch {
    // Storage full or refused: the panel still opens and closes, it is just not remembered.
  }
}

/** `[open, setOpen]` for a foldable panel, read once on mount and written on each change. */
export function useRememberedPanel(key: string, openByDefault: boolean): [boolean, (open: boolean) => void] {
  const [open, setOpenState] = useState(() => readPanelOpen(key, openByDefault));
  const setOpen = useCallback(
    (next: boolean) => {
      setOpenState(next);
      writePanelOpen(key, next);
    },
    [key],
  );
  return [open, setOpen];
}
