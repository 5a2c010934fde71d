import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, dropIfUnchanged, historyLimit, record, redo, replacePresent, startHistory, undo } from './history';

describe('undo stack', () => {
  it('undoes and redoes steps in order, and a new step clears the redo stack', () => {
    let h = startHistory('a');
    h = record(h, 'b');
    h = record(h, 'c');
    expect(canUndo(h)).toBe(true);
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('b');
    expect(canRedo(h)).toBe(true);
    h = record(h, 'x');
    expect(canRedo(h)).toBe(false);
    expect(h.past).toEqual(['a', 'b']);
    expect(redo(h)).toBe(h);
  });

  it('keeps changes during a drag in one step and forgets a drag that moved nothing', () => {
    let h = startHistory({ x: 0 });
    h = record(h, h.present); // drag start
    h = replacePresent(h, { x: 5 });
    h = replacePresent(h, { x: 9 });
    h = dropIfUnchanged(h, (a, b) => a.x === b.x);
    expect(h.past).toEqual([{ x: 0 }]);
    expect(undo(h).present).toEqual({ x: 0 });

    let click = startHistory({ x: 3 });
    click = record(click, click.present);
    click = dropIfUnchanged(click, (a, b) => a.x === b.x);
    expect(canUndo(click)).toBe(false);
  });

  it('keeps at most the last hundred steps', () => {
    let h = startHistory(0);
    for (let i = 1; i <= historyLimit + 20; i++) h = record(h, i);
    expect(h.past).toHaveLength(historyLimit);
    expect(h.past[0]).toBe(20);
  });
});
