import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { descriptors, okuyamiDefinition } from '../test/workflows';
import { docFrom, useDesignerDocument } from './useDesignerDocument';

describe('designer document', () => {
  it('knows exactly when there are unsaved changes, across undo, redo, saves and publishing', () => {
    const { result } = renderHook(() => useDesignerDocument(docFrom(okuyamiDefinition(), descriptors)));
    expect(result.current.dirty).toBe(false);

    act(() => result.current.change((doc) => ({ ...doc, definition: { ...doc.definition, name: '改訂' } })));
    expect(result.current.dirty).toBe(true);
    act(() => result.current.undo());
    expect(result.current.dirty).toBe(false);
    act(() => result.current.redo());
    expect(result.current.dirty).toBe(true);

    // Selecting is no change; a drag that moved nothing leaves no undo step.
    act(() => result.current.adjust((doc) => ({ ...doc, nodes: doc.nodes.map((n) => ({ ...n, selected: true })) })));
    act(() => result.current.dragStarted());
    act(() => result.current.dragStopped());
    act(() => result.current.undo());
    expect(result.current.doc.definition.name).toBe('おくやみ手続 (現行)');
    act(() => result.current.redo());

    // A save: the new version number is no change, but an edit made while saving still is.
    const savedDoc = result.current.doc;
    act(() => result.current.change((doc) => ({ ...doc, definition: { ...doc.definition, description: 'while saving' } })));
    act(() => result.current.markSaved(savedDoc, (definition) => ({ ...definition, version: 4, isLatest: true })));
    expect(result.current.doc.definition).toMatchObject({ name: '改訂', description: 'while saving', version: 4 });
    expect(result.current.dirty).toBe(true);
    act(() => result.current.undo());
    expect(result.current.doc.definition).toMatchObject({ description: '死亡に伴う手続', version: 4 });
    expect(result.current.dirty).toBe(false);

    // Publishing flips a flag only, in every state.
    act(() => result.current.restamp((definition) => ({ ...definition, isPublished: true })));
    expect(result.current.dirty).toBe(false);
    act(() => result.current.undo());
    expect(result.current.doc.definition).toMatchObject({ name: 'おくやみ手続 (現行)', version: 4, isPublished: true });
  });

  it('makes one undo step of a visit to a field, however many changes it made', () => {
    const { result } = renderHook(() => useDesignerDocument(docFrom(okuyamiDefinition(), descriptors)));
    act(() => result.current.beginEdit());
    for (const name of ['a', 'ab', 'abc']) act(() => result.current.adjust((doc) => ({ ...doc, definition: { ...doc.definition, name } })));
    act(() => result.current.endEdit());
    act(() => result.current.beginEdit());
    act(() => result.current.endEdit());
    expect(result.current.doc.definition.name).toBe('abc');
    act(() => result.current.undo());
    expect(result.current.doc.definition.name).toBe('おくやみ手続 (現行)');
    expect(result.current.canUndo).toBe(false);
  });
});
