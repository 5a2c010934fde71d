/**
 * The undo stack of the designer: whole document snapshots (they share structure, so a snapshot is cheap).
 * Every edit that a user thinks of as one step records one entry; a drag records its start and nothing while it moves.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
}

/** Enough for a long editing session without holding on to every state ever made. */
export const historyLimit = 100;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** A new step: the present goes on the undo stack and the redo stack is cleared. */
export function record<T>(history: History<T>, next: T): History<T> {
  const past = [...history.past, history.present];
  return { past: past.length > historyLimit ? past.slice(past.length - historyLimit) : past, present: next, future: [] };
}

/** Changes the present without a new step (a node following the mouse during a drag, a selection). */
export function replacePresent<T>(history: History<T>, next: T): History<T> {
  return { ...history, present: next };
}

/** Forgets the last step when it changed nothing that `same` cares about (a click that was not a drag). */
export function dropIfUnchanged<T>(history: History<T>, same: (a: T, b: T) => boolean): History<T> {
  const last = history.past[history.past.length - 1];
  return last !== undefined && same(last, history.present) ? { ...history, past: history.past.slice(0, -1) } : history;
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0;
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest };
}
