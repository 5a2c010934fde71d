import { applyEdgeChanges, applyNodeChanges, useReactFlow, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { currentLanguage } from '../i18n';
import { failureReason } from '../tasks/parts';
import { DefinitionRejected, getDefinition, publishDefinition, saveDefinition, startInstance, type DefinitionSummary } from './api';
import { Canvas, type CanvasView } from './Canvas';
import type { CanvasDecorations } from './canvasContext';
import { copySelection, pasteClip, type Clip } from './clipboard';
import { DesignerHeading } from './DesignerHeading';
import { DesignerToolbar } from './DesignerToolbar';
import { cardWidth } from './geometry';
import { autoLayout, moveNodes } from './layout';
import { connect, deleteNodes, newActivityNode, rootOf, updateActivity, type Activity, type ActivityDescriptor, type ActivityNode, type ConnectionEdge, type JsonObject } from './model';
import { colourScale, overlayFigures } from './overlay';
import { OverlayPanel, useStepsReport, type OverlayChoice } from './OverlayPanel';
import { Palette, paletteMime } from './Palette';
import { designerProblems, errorCount, mapServerProblems, problemsByNode, type Problem } from './problems';
import { ProblemList } from './ProblemList';
import { PropertyPanel } from './PropertyPanel';
import { processSettings, variablesOf } from './settings';
import { TestRunDialog } from './TestRunDialog';
import { docFrom, docJson, useDesignerDocument, type DesignerDoc } from './useDesignerDocument';
import { useLiveValidation } from './useLiveValidation';
import { useShortcuts } from './useShortcuts';
import { useUnsavedGuard } from './useUnsavedGuard';
import { VersionHistory } from './VersionHistory';
import { WorkflowPanel } from './WorkflowPanel';

const clipboardKey = 'orchestrator.designer.clipboard';

type Notice = { kind: 'status' | 'alert'; text: string; details?: string[] } | null;

export interface DesignerEditorProps {
  descriptors: ActivityDescriptor[];
  definition: JsonObject;
  /** An older version opened from the history: shown, not edited. */
  readOnly: boolean;
  /** Called after the first save of a new definition (the page then shows its address). */
  onCreated: (definitionId: string) => void;
  onReload: () => void;
}

function selectedOnly<T extends { selected?: boolean }>(items: T[], keep: (item: T) => boolean): T[] {
  return items.map((item) => {
    const selected = keep(item);
    return item.selected === selected ? item : { ...item, selected };
  });
}

export function DesignerEditor({ descriptors, definition, readOnly, onCreated, onReload }: DesignerEditorProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const flow = useReactFlow();
  const d = useDesignerDocument(useMemo(() => docFrom(definition, descriptors), [definition, descriptors]));
  const { doc } = d;
  const byType = useMemo(() => new Map(descriptors.map((x) => [x.type, x])), [descriptors]);
  const canvasRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<CanvasView>('free');
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<'save' | 'publish' | 'run' | null>(null);
  const [dialog, setDialog] = useState<'versions' | 'testRun' | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const [overlayOn, setOverlayOn] = useState(false);
  const [overlayChoice, setOverlayChoice] = useState<OverlayChoice>({ pilotId: '', metric: 'durationMedian' });
  const added = useRef(0);

  const canvas = useMemo(() => ({ nodes: doc.nodes, edges: doc.edges }), [doc.nodes, doc.edges]);
  const validation = useLiveValidation(d.text, canvas, descriptors);
  const problems = useMemo<Problem[]>(() => [...validation.problems, ...designerProblems(canvas)], [validation.problems, canvas]);
  const errors = errorCount(problems);
  const settings = processSettings(doc.definition);
  const variables = variablesOf(doc.definition);
  const definitionId = typeof doc.definition.definitionId === 'string' ? doc.definition.definitionId : '';
  const version = typeof doc.definition.version === 'number' ? doc.definition.version : null;
  const saved = definitionId !== '' && !d.dirty;
  const rootNodeId = typeof rootOf(doc.definition).nodeId === 'string' ? (rootOf(doc.definition).nodeId as string) : 'Workflow1:flowchart1';

  useUnsavedGuard(d.dirty && !readOnly, t('designer.unsavedConfirm'));

  const report = useStepsReport(settings.processKey, overlayChoice.pilotId, overlayOn);
  const overlay = useMemo(() => {
    if (!overlayOn || report.state !== 'loaded') return null;
    const figures = overlayFigures(doc.nodes, report.report, settings.processKey, settings.arm, overlayChoice.metric);
    return { figures, scale: colourScale([...figures.values()].map((f) => f.value)) };
  }, [overlayOn, report, doc.nodes, settings.processKey, settings.arm, overlayChoice.metric]);

  const decorations = useMemo<CanvasDecorations>(
    () => ({ descriptors: byType, problems: problemsByNode(problems), runStats: null, overlay, readOnly }),
    [byType, problems, overlay, readOnly],
  );

  const selectedNodes = doc.nodes.filter((n) => n.selected);
  const selected = selectedNodes.length === 1 ? selectedNodes[0] : undefined;

  // Canvas events.
  const onNodesChange = useCallback(
    (changes: NodeChange<ActivityNode>[]) => {
      const relevant = changes.filter((c) => c.type !== 'remove' && c.type !== 'add' && !('id' in c && c.id.startsWith('lane:')));
      if (relevant.length > 0) d.adjust((current) => ({ ...current, nodes: applyNodeChanges(relevant, current.nodes) }));
    },
    [d],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<ConnectionEdge>[]) => {
      const relevant = changes.filter((c) => c.type === 'select');
      if (relevant.length > 0) d.adjust((current) => ({ ...current, edges: applyEdgeChanges(relevant, current.edges) }));
    },
    [d],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      if (readOnly || !c.sourceHandle) return;
      const port = c.sourceHandle;
      d.change((current) => ({ ...current, ...connect(current, c.source, port, c.target) }));
    },
    [d, readOnly],
  );

  const addActivity = (type: string, at?: { x: number; y: number }) => {
    const descriptor = byType.get(type);
    if (!descriptor || readOnly) return;
    let position = at;
    if (!position) {
      const rect = canvasRef.current?.getBoundingClientRect();
      const centre = rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
      const shift = (added.current++ % 6) * 24;
      position = { x: centre.x - cardWidth / 2 + shift, y: centre.y - 40 + shift };
    }
    const point = position;
    d.change((current) => {
      const node = newActivityNode(descriptor, point, new Set(current.nodes.map((n) => n.id)), rootNodeId, descriptor.displayName[language]);
      return { ...current, nodes: [...selectedOnly(current.nodes, () => false), { ...node, selected: true }], edges: selectedOnly(current.edges, () => false) };
    });
    setNotice({ kind: 'status', text: t('designer.notice.added', { name: descriptor.displayName[language] }) });
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const type = event.dataTransfer.getData(paletteMime);
    if (!type) return;
    event.preventDefault();
    const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    addActivity(type, { x: point.x - cardWidth / 2, y: point.y - 30 });
  };

  const removeSelection = () => {
    if (readOnly) return;
    const nodeIds = doc.nodes.filter((n) => n.selected).map((n) => n.id);
    const edgeIds = new Set(doc.edges.filter((e) => e.selected).map((e) => e.id));
    if (nodeIds.length === 0 && edgeIds.size === 0) return;
    d.change((current) => deleteDoc(current, nodeIds, edgeIds));
    setNotice({ kind: 'status', text: t('designer.notice.deleted', { count: nodeIds.length + edgeIds.size }) });
  };

  const copy = () => {
    const clip = copySelection(doc);
    if (!clip) return;
    try {
      window.sessionStorage.setItem(clipboardKey, JSON.stringify(clip));
    } catch {
      // Storage refused: nothing to paste later, which the paste notice says.
    }
    setNotice({ kind: 'status', text: t('designer.notice.copied', { count: clip.activities.length }) });
  };

  const paste = () => {
    if (readOnly) return;
    let clip: Clip | null = null;
    try {
      const text = window.sessionStorage.getItem(clipboardKey);
      clip = text ? (JSON.parse(text) as Clip) : null;
    } catch {
      clip = null;
    }
    if (!clip || clip.activities.length === 0) {
      setNotice({ kind: 'status', text: t('designer.notice.nothingToPaste') });
      return;
    }
    const pasted = clip;
    d.change((current) => ({ ...current, ...pasteClip(current, pasted, rootNodeId) }));
    setNotice({ kind: 'status', text: t('designer.notice.pasted', { count: pasted.activities.length }) });
  };

  const layout = () => {
    if (readOnly || doc.nodes.length === 0) return;
    d.change((current) => ({ ...current, nodes: moveNodes(current.nodes, autoLayout(current.nodes, current.edges)) }));
    window.setTimeout(() => void flow.fitView({ padding: 0.15, maxZoom: 1 }), 50);
  };

  const selectNode = (nodeId: string) => {
    d.adjust((current) => ({ ...current, nodes: selectedOnly(current.nodes, (n) => n.id === nodeId), edges: selectedOnly(current.edges, () => false) }));
    const node = doc.nodes.find((n) => n.id === nodeId);
    if (node && view === 'free') void flow.setCenter(node.position.x + cardWidth / 2, node.position.y + 48, { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 });
  };

  const editActivity = (nodeId: string, activity: Activity) =>
    d.adjust((current) => ({
      ...current,
      nodes: current.nodes.map((n) =>
        n.id === nodeId ? updateActivity(n, activity, byType.get(activity.type), current.edges.filter((e) => e.source === nodeId).map((e) => e.sourceHandle ?? 'Done')) : n,
      ),
    }));

  // Saving, publishing, running.
  const showRejected = (error: DefinitionRejected, title: string) => {
    validation.setProblems(mapServerProblems({ errors: error.errors, warnings: error.warnings }, canvas, descriptors));
    setNotice({ kind: 'alert', text: title });
  };

  const save = async (): Promise<DefinitionSummary | null> => {
    if (readOnly) return null;
    setBusy('save');
    const savedDoc = doc;
    try {
      const result = await saveDefinition(JSON.stringify(docJson(savedDoc), null, 2));
      const s = result.definition;
      d.markSaved(savedDoc, (definition) => ({ ...definition, id: s.id, definitionId: s.definitionId, version: s.version, isLatest: true, isPublished: s.isPublished }));
      setNotice({ kind: 'status', text: t('designer.notice.saved', { version: s.version }) });
      if (!definitionId) onCreated(s.definitionId);
      return s;
    } catch (error) {
      if (error instanceof DefinitionRejected) showRejected(error, t('designer.notice.saveRejected'));
      else setNotice({ kind: 'alert', text: t('designer.notice.saveFailed', { reason: failureReason(error) }) });
      return null;
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    if (readOnly) return;
    setBusy('publish');
    try {
      const found = [...(await validation.check()), ...designerProblems(canvas)];
      if (errorCount(found) > 0) {
        setNotice({ kind: 'alert', text: t('designer.notice.publishBlocked', { count: errorCount(found) }) });
        return;
      }
      let target = version;
      let id = definitionId;
      if (!saved || target === null) {
        const s = await save();
        if (!s) return;
        target = s.version;
        id = s.definitionId;
        setBusy('publish');
      }
      const published = await publishDefinition(id, target);
      d.restamp((definition) => ({ ...definition, id: published.id, definitionId: id, version: published.version, isLatest: true, isPublished: true }));
      setNotice({ kind: 'status', text: t('designer.notice.published', { version: published.version }) });
    } catch (error) {
      setNotice({ kind: 'alert', text: t('designer.notice.publishFailed', { reason: failureReason(error) }) });
    } finally {
      setBusy(null);
    }
  };

  const testRun = async (input: Record<string, unknown>, correlationId: string) => {
    setRunError(null);
    let id = definitionId;
    let target = version;
    if (!saved || target === null) {
      const s = await save();
      if (!s) {
        setRunError(t('designer.testRun.saveFailed'));
        return;
      }
      id = s.definitionId;
      target = s.version;
    }
    setBusy('run');
    try {
      const started = await startInstance(id, target, input, correlationId || undefined);
      setDialog(null);
      navigate(`/workflows/instances/${encodeURIComponent(started.id)}`);
    } catch (error) {
      setRunError(t('designer.testRun.failed', { reason: failureReason(error) }));
    } finally {
      setBusy(null);
    }
  };

  const exportFile = () => {
    const json = { $schema: 'https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json', ...docJson(doc) };
    const blob = new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${definitionId || 'workflow'}${version !== null ? `-v${version}` : ''}.json`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const restore = async (restoreVersion: number) => {
    if (d.dirty && !window.confirm(t('designer.unsavedConfirm'))) return;
    try {
      const older = await getDefinition(definitionId, restoreVersion);
      const result = await saveDefinition(JSON.stringify(older, null, 2));
      setDialog(null);
      navigate(`/workflows/${encodeURIComponent(result.definition.definitionId)}`, { state: { restored: restoreVersion } });
      onReload();
    } catch (error) {
      setNotice({ kind: 'alert', text: t('designer.notice.restoreFailed', { reason: failureReason(error) }) });
    }
  };

  useShortcuts(
    {
      save: () => void save(),
      undo: d.undo,
      redo: d.redo,
      copy,
      paste,
      remove: removeSelection,
      selectAll: () => d.adjust((current) => ({ ...current, nodes: selectedOnly(current.nodes, () => true) })),
    },
    dialog === null && !readOnly,
  );

  const empty = (
    <div className="max-w-md rounded-8 border-2 border-dashed border-solid-gray-420 bg-white/90 p-6 text-center" data-testid="canvas-empty">
      <p className="mb-2 text-std-18B-160">{t('designer.empty.title')}</p>
      <p className="text-dns-16N-130">{t('designer.empty.body')}</p>
    </div>
  );

  return (
    <div className="flex flex-col gap-3" data-testid="designer">
      <DesignerHeading definition={doc.definition} readOnly={readOnly} />
      <DesignerToolbar
        readOnly={readOnly}
        dirty={d.dirty}
        saved={saved}
        busy={busy}
        errors={errors}
        canUndo={d.canUndo}
        canRedo={d.canRedo}
        view={view}
        overlayOn={overlayOn}
        definitionId={definitionId}
        onSave={() => void save()}
        onPublish={() => void publish()}
        onTestRun={() => {
          setRunError(null);
          setDialog('testRun');
        }}
        onUndo={d.undo}
        onRedo={d.redo}
        onLayout={layout}
        onView={setView}
        onOverlay={() => setOverlayOn((on) => !on)}
        onVersions={() => setDialog('versions')}
        onExport={exportFile}
      />
      <div className="min-h-11">
        {notice && (
          <div
            role={notice.kind === 'alert' ? 'alert' : 'status'}
            className={`border-l-4 px-3 py-2 ${notice.kind === 'alert' ? 'border-error-1 bg-red-50' : 'border-blue-900 bg-blue-50'}`}
            data-testid={notice.kind === 'alert' ? 'designer-alert' : 'designer-status'}
          >
            {notice.text}
          </div>
        )}
      </div>
      {validation.failure && (
        <p role="alert" className="border-l-4 border-warning-yellow-1 bg-yellow-50 px-3 py-2">
          {t('designer.problems.checkFailed', { reason: validation.failure })}
        </p>
      )}
      {overlayOn && (
        <OverlayPanel
          processKey={settings.processKey}
          armLabel={t(`designer.arm.${settings.arm}`)}
          choice={overlayChoice}
          onChoice={setOverlayChoice}
          load={report}
          scale={overlay?.scale ?? null}
          matched={overlay?.figures.size ?? 0}
        />
      )}
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-[11rem_minmax(0,1fr)_20rem]">
        <div className="xl:h-[calc(100vh-12rem)] xl:min-h-[36rem]">{!readOnly && <Palette descriptors={descriptors} onAdd={(type) => addActivity(type)} />}</div>
        <div className="flex min-w-0 flex-col gap-3">
          <div ref={canvasRef} className="h-[65vh] min-h-[30rem] overflow-hidden rounded-8 border border-solid-gray-420 bg-white xl:h-[calc(100vh-22rem)]">
            <Canvas
              nodes={doc.nodes}
              edges={doc.edges}
              view={view}
              decorations={decorations}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              onNodeDragStart={d.dragStarted}
              onNodeDragStop={d.dragStopped}
              onDrop={readOnly ? undefined : onDrop}
              empty={readOnly ? undefined : empty}
            />
          </div>
          <div className="max-h-48 overflow-y-auto rounded-8 border border-solid-gray-420 bg-white p-3">
            <ProblemList problems={problems} nodes={doc.nodes} checking={validation.checking} onSelect={selectNode} />
          </div>
        </div>
        <aside
          className="overflow-y-auto rounded-8 border border-solid-gray-420 bg-white p-3 xl:h-[calc(100vh-12rem)] xl:min-h-[36rem]"
          aria-label={t('designer.props.region')}
          onFocus={d.beginEdit}
          onBlur={d.endEdit}
        >
          {selected ? (
            <PropertyPanel
              key={selected.id}
              node={selected}
              descriptor={byType.get(selected.data.activity.type)}
              variables={variables}
              problems={problems.filter((p) => p.nodeId === selected.id)}
              readOnly={readOnly}
              onChange={(activity) => editActivity(selected.id, activity)}
            />
          ) : selectedNodes.length > 1 ? (
            <p data-testid="multi-selection">{t('designer.props.multi', { count: selectedNodes.length })}</p>
          ) : (
            <WorkflowPanel definition={doc.definition} readOnly={readOnly} onChange={(next) => d.adjust((current) => ({ ...current, definition: next }))} />
          )}
        </aside>
      </div>
      {dialog === 'versions' && definitionId && <VersionHistory definitionId={definitionId} current={d.json} onRestore={(v) => void restore(v)} onClose={() => setDialog(null)} />}
      {dialog === 'testRun' && (
        <TestRunDialog variables={variables} dirty={!saved} busy={busy !== null} error={runError} onStart={(input, correlationId) => void testRun(input, correlationId)} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}

/** Deletes nodes (with their connections) and the selected connections. */
function deleteDoc(doc: DesignerDoc, nodeIds: string[], edgeIds: ReadonlySet<string>): DesignerDoc {
  const withoutNodes = deleteNodes(doc, nodeIds);
  return { ...doc, nodes: withoutNodes.nodes, edges: withoutNodes.edges.filter((e) => !edgeIds.has(e.id)) };
}

