import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readPanelOpen, useRememberedPanel, writePanelOpen } from './rememberedPanel';

const refusing = {
  getItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
};

describe('remembered panel state', () => {
  it('starts from the default until the user has chosen, then from the choice', () => {
    expect(readPanelOpen('orchestrator.test.panel', true)).toBe(true);
    expect(readPanelOpen('orchestrator.test.panel', false)).toBe(false);
    writePanelOpen('orchestrator.test.panel', false);
    expect(window.localStorage.getItem('orchestrator.test.panel')).toBe('closed');
    expect(readPanelOpen('orchestrator.test.panel', true)).toBe(false);
    writePanelOpen('orchestrator.test.panel', true);
    expect(readPanelOpen('orchestrator.test.panel', false)).toBe(true);
  });

  it('falls back to the default for an unreadable value or a browser that refuses storage', () => {
    window.localStorage.setItem('orchestrator.test.panel', 'true');
    expect(readPanelOpen('orchestrator.test.panel', false)).toBe(false);
    expect(readPanelOpen('orchestrator.test.panel', true, refusing)).toBe(true);
    expect(() => writePanelOpen('orchestrator.test.panel', true, refusing)).not.toThrow();
    expect(readPanelOpen('orchestrator.test.panel', true, null)).toBe(true);
  });

  it('keeps each panel apart and remembers a change for the next visit', () => {
    const first = renderHook(() => useRememberedPanel('orchestrator.test.palette', true));
    expect(first.result.current[0]).toBe(true);
    act(() => first.result.current[1](false));
    expect(first.result.current[0]).toBe(false);
    first.unmount();

    expect(renderHook(() => useRememberedPanel('orchestrator.test.palette', true)).result.current[0]).toBe(false);
    expect(renderHook(() => useRememberedPanel('orchestrator.test.properties', true)).result.current[0]).toBe(true);
  });
});
