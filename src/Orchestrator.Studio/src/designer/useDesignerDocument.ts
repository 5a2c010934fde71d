import { useCallback, useMemo, useState } from 'react';
import { canRedo, canUndo, dropIfUnchanged, record, redo, replacePresent, startHistory, undo, type History } from './history';
import { toCanvas, toElsa, type ActivityDescriptor, type ActivityNode, type ConnectionEdge, type JsonObject } from './model';

/** What the designer edits: the definition (everything but the flowchart's activities and connections) and the canvas. */
export interface DesignerDoc {
  definition: JsonObject;
  nodes: ActivityNode[];
  edges: ConnectionEdge[];
}

export function docFrom(definition: JsonObject, descriptors: readonly ActivityDescriptor[]): DesignerDoc {
  return { definition, ...toCanvas(definition, descriptors) };
}

export function docJson(doc: DesignerDoc): JsonObject {
  return toElsa({ nodes: doc.nodes, edges: doc.edges }, doc.definition);
}

/** The definition's content as text, without the version bookkeeping a save or publish changes. */
export function contentText(json: JsonObject): string {
  const { id: _id, version: _version, isLatest: _latest, isPublished: _published, ...content } = json;
  return JSON.stringify(content);
}

const samePositions = (a: DesignerDoc, b: DesignerDoc) =>
  a.nodes.length === b.nodes.length && a.nodes.every((n, i) => n.position.x === b.nodes[i]?.position.x && n.position.y === b.nodes[i]?.position.y);

/**
 * The designer's document with undo/redo. `change` records one undo step, `adjust` changes without one (selection,
 * sizes, a node following the mouse); a drag is one step from `dragStarted` to `dragStopped`, an edit in the property
 * panel one step from `beginEdit` to `endEdit`. `saved` is the JSON
 * text last saved or loaded, so unsaved changes are known exactly (undoing back to it is not a change).
 */
export function useDesignerDocument(initial: DesignerDoc) {
  const [history, setHistory] = useState<History<DesignerDoc>>(() => startHistory(initial));
  const [saved, setSaved] = useState(() => contentText(docJson(initial)));
  const doc = history.present;
  const json = useMemo(() => docJson(doc), [doc]);
  const text = useMemo(() => JSON.stringify(json), [json]);
  const content = useMemo(() => contentText(json), [json]);

  const change = useCallback((update: (doc: DesignerDoc) => DesignerDoc) => setHistory((h) => record(h, update(h.present))), []);
  const adjust = useCallback((update: (doc: DesignerDoc) => DesignerDoc) => setHistory((h) => replacePresent(h, update(h.present))), []);
  const dragStarted = useCallback(() => setHistory((h) => record(h, h.present)), []);
  const dragStopped = useCallback(() => setHistory((h) => dropIfUnchanged(h, samePositions)), []);
  /** Typing in the property panel: one undo step per field visit, however many keys were pressed. */
  const beginEdit = useCallback(() => setHistory((h) => record(h, h.present)), []);
  const endEdit = useCallback(() => setHistory((h) => dropIfUnchanged(h, (a, b) => a === b)), []);

  /** Version bookkeeping (id, version, flags) belongs to every state, so undo never brings back an old version number. */
  const restamp = useCallback((stamp: (definition: JsonObject) => JsonObject) => {
    const apply = (doc: DesignerDoc) => ({ ...doc, definition: stamp(doc.definition) });
    setHistory((h) => ({ past: h.past.map(apply), present: apply(h.present), future: h.future.map(apply) }));
  }, []);

  /**
   * After a save of `savedDoc`: the definition gets the new id/version flags (`stamp`) without an undo step, and the
   * saved text becomes the baseline, so edits made while the request was under way still count as unsaved.
   */
  const markSaved = useCallback(
    (savedDoc: DesignerDoc, stamp: (definition: JsonObject) => JsonObject) => {
      setSaved(contentText(docJson(savedDoc)));
      restamp(stamp);
    },
    [restamp],
  );

  return {
    doc,
    json,
    text,
    dirty: content !== saved,
    change,
    adjust,
    dragStarted,
    dragStopped,
    beginEdit,
    endEdit,
    markSaved,
    restamp,
    undo: useCallback(() => setHistory(undo), []),
    redo: useCallback(() => setHistory(redo), []),
    canUndo: canUndo(history),
    canRedo: canRedo(history),
  };
}
