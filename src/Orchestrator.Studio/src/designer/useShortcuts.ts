import { useEffect, useLayoutEffect, useRef } from 'react';

export interface ShortcutHandlers {
  save: () => void;
  undo: () => void;
  redo: () => void;
  copy: () => void;
  paste: () => void;
  remove: () => void;
  selectAll: () => void;
}

/**
 * Ctrl+S (save, also while typing), and outside text boxes Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z), Ctrl+C / Ctrl+V,
 * Ctrl+A and Delete (Backspace). Command on a Mac works as Ctrl. Off while a dialog is open.
 */
export function useShortcuts(handlers: ShortcutHandlers, enabled: boolean) {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const h = latest.current;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        event.preventDefault();
        (document.activeElement as HTMLElement | null)?.blur?.();
        h.save();
        return;
      }
      const target = event.target as HTMLElement | null;
      if (target?.closest?.('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return;
      if (mod && key === 'z' && !event.shiftKey) h.undo();
      else if (mod && (key === 'y' || (key === 'z' && event.shiftKey))) h.redo();
      else if (mod && key === 'c') h.copy();
      else if (mod && key === 'v') h.paste();
      else if (mod && key === 'a') h.selectAll();
      else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) h.remove();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
