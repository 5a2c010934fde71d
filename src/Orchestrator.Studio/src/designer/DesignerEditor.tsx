import { applyEdgeChanges, applyNodeChanges, useReactFlow, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRememberedPanel } from '../components/rememberedPanel';
import { currentLanguage } from '../i18n';
import { Canvas, type CanvasView } from './Canvas';
import type { CanvasDecorations } from './canvasContext';
import { copySelection, pasteClip, storeClip, storedClip } from './clipboard';
import { DesignerHeading } from './DesignerHeading';
import { CanvasEmpty, EditorStatus } from './DesignerNotices';
import { deleteDoc, selectedOnly, useElementHeight } from './editorParts';
import { DesignerToolbar, paletteRegionId, propertiesRegionId } from './DesignerToolbar';
import { cardHeight, cardWidth, freePosition, legibleZoom } from './geometry';
import { autoLayout, moveNodes } from './layout';
import {
  connect,
  newActivityNode,
  rootOf,
  updateActivity,
  type Activity,
  type ActivityDescriptor,
  type ActivityNode,
  type ConnectionEdge,
  type JsonObject,
} from './model';
import { colourScale, overlayFigures } from './overlay';
import { OverlayPanel, useStepsReport, type OverlayChoice } from './OverlayPanel';
import { Palette, paletteMime } from './Palette';
import { designerProblems, errorCount, problemsByNode, type Problem } from './problems';
import { ProblemList } from './ProblemList';
import { PublishDialog } from './PublishDialog';
import { PropertyPanel } from './PropertyPanel';
import { processSettings, variablesOf } from './settings';
import { TestRunDialog } from './TestRunDialog';
import { WhatIfPanel } from '../whatif/WhatIfPanel';
import { docFrom, useDesignerDocument } from './useDesignerDocument';
import { useDefinitionActions, type Notice } from './useDefinitionActions';
import { useLiveValidation } from './useLiveValidation';
import { useShortcuts } from './useShortcuts';
import { useUnsavedChangesGuard } from '../components/useUnsavedChangesGuard';
import { VersionHistory } from './VersionHistory';
import { WorkflowPanel } from './WorkflowPanel';
import { useStepIssues } from '../issues/stepIssues';

/** Whether the palette and the property panel are open, remembered per browser. */
export const paletteOpenKey = 'orchestrator.designer.palette';
export const propertiesOpenKey = 'orchestrator.designer.properties';

export interface DesignerEditorProps {
  descriptors: ActivityDescriptor[];
  definition: JsonObject;
  /** An older version opened from the history: shown, not edited. */
  readOnly: boolean;
  /** Called after the first save of a new definition (the page then shows its address). */
  onCreated: (definitionId: string) => void;
  onReload: () => void;
}

export function DesignerEditor({ descriptors, definition, readOnly, onCreated, onReload }: DesignerEditorProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const flow = useReactFlow();
  const d = useDesignerDocument(useMemo(() => docFrom(definition, descriptors), [definition, descriptors]));
  const { doc } = d;
  const byType = useMemo(() => new Map(descriptors.map((x) => [x.type, x])), [descriptors]);
  const canvasRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<CanvasView>('free');
  const [notice, setNotice] = useState<Notice>(null);
  const [dialog, setDialog] = useState<'versions' | 'testRun' | 'publish' | null>(null);
  const [navigationSlot, setNavigationSlot] = useState<HTMLDivElement | null>(null);
  const [fitKey, setFitKey] = useState(0);
  const [overlayOn, setOverlayOn] = useState(false);
  const [whatIfOn, setWhatIfOn] = useState(false);
  const [overlayChoice, setOverlayChoice] = useState<OverlayChoice>({ pilotId: '', metric: 'durationMedian' });
  const [paletteOpen, setPaletteOpen] = useRememberedPanel(paletteOpenKey, true);
  const [propertiesOpen, setPropertiesOpen] = useRememberedPanel(propertiesOpenKey, true);
  const [overlayRef, overlayHeight] = useElementHeight(overlayOn);
  const added = useRef(0);

  const canvas = useMemo(() => ({ nodes: doc.nodes, edges: doc.edges }), [doc.nodes, doc.edges]);
  const validation = useLiveValidation(d.text, canvas, descriptors);
  const problems = useMemo<Problem[]>(() => [...validation.problems, ...designerProblems(canvas)], [validation.problems, canvas]);
  const errors = errorCount(problems);
  const settings = processSettings(doc.definition);
  const variables = variablesOf(doc.definition);
  const definitionId = typeof doc.definition.definitionId === 'string' ? doc.definition.definitionId : '';
  const saved = definitionId !== '' && !d.dirty;
  const rootNodeId = typeof rootOf(doc.definition).nodeId === 'string' ? (rootOf(doc.definition).nodeId as string) : 'Workflow1:flowchart1';

  useUnsavedChangesGuard(d.dirty && !readOnly, t('designer.unsavedConfirm'));

  const report = useStepsReport(settings.processKey, overlayChoice.pilotId, overlayOn);
  const overlay = useMemo(() => {
    if (!overlayOn || report.state !== 'loaded') return null;
    const figures = overlayFigures(doc.nodes, report.report, settings.processKey, settings.arm, overlayChoice.metric);
    return { figures, scale: colourScale([...figures.values()].map((f) => f.value)) };
  }, [overlayOn, report, doc.nodes, settings.processKey, settings.arm, overlayChoice.metric]);

  const stepIssues = useStepIssues(settings.processKey);
  const decorations = useMemo<CanvasDecorations>(
    () => ({ descriptors: byType, problems: problemsByNode(problems), runStats: null, overlay, readOnly, stepIssues }),
    [byType, problems, overlay, readOnly, stepIssues],
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
    const wanted = position;
    d.change((current) => {
      const cards = current.nodes.map((n) => ({ position: n.position, height: cardHeight(n.data.ports.length) }));
      // Never on top of another card: the nearest free place to where it was dropped.
      const point = freePosition({ x: Math.round(wanted.x), y: Math.round(wanted.y) }, cardHeight(Math.max(descriptor.outcomes.length, 1)), cards);
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
    storeClip(clip);
    setNotice({ kind: 'status', text: t('designer.notice.copied', { count: clip.activities.length }) });
  };

  const paste = () => {
    if (readOnly) return;
    const clip = storedClip();
    if (!clip || clip.activities.length === 0) {
      setNotice({ kind: 'status', text: t('designer.notice.nothingToPaste') });
      return;
    }
    d.change((current) => ({ ...current, ...pasteClip(current, clip, rootNodeId) }));
    setNotice({ kind: 'status', text: t('designer.notice.pasted', { count: clip.activities.length }) });
  };

  const layout = () => {
    if (readOnly || doc.nodes.length === 0) return;
    // Rows as wide as the canvas shows at the legible scale, so the result opens readable without sideways scrolling.
    const width = (canvasRef.current?.getBoundingClientRect().width ?? 1200) / legibleZoom - 48;
    d.change((current) => ({ ...current, nodes: moveNodes(current.nodes, autoLayout(current.nodes, current.edges, width)) }));
    setFitKey((k) => k + 1);
  };

  // Choosing a problem: select and centre its card, and show its properties, where most problems are fixed.
  const selectNode = (nodeId: string) => {
    setPropertiesOpen(true);
    d.adjust((current) => ({ ...current, nodes: selectedOnly(current.nodes, (n) => n.id === nodeId), edges: selectedOnly(current.edges, () => false) }));
    const node = doc.nodes.find((n) => n.id === nodeId);
    if (node && view === 'free')
      void flow.setCenter(node.position.x + cardWidth / 2, node.position.y + 48, { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 });
  };

  const editActivity = (nodeId: string, activity: Activity) =>
    d.adjust((current) => ({
      ...current,
      nodes: current.nodes.map((n) =>
        n.id === nodeId
          ? updateActivity(
              n,
              activity,
              byType.get(activity.type),
              current.edges.filter((e) => e.source === nodeId).map((e) => e.sourceHandle ?? 'Done'),
            )
          : n,
      ),
    }));

  const actions = useDefinitionActions({ d, readOnly, descriptors, canvas, validation, setNotice, onCreated, onReload, closeDialog: () => setDialog(null) });
  const { busy, runError, setRunError } = actions;

  useShortcuts(
    {
      save: () => void actions.save(),
      undo: d.undo,
      redo: d.redo,
      copy,
      paste,
      remove: removeSelection,
      selectAll: () => d.adjust((current) => ({ ...current, nodes: selectedOnly(current.nodes, () => true) })),
    },
    dialog === null && !readOnly,
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2" data-testid="designer">
      <DesignerHeading definition={doc.definition} readOnly={readOnly}>
        <EditorStatus dirty={d.dirty} saved={saved} errors={readOnly ? 0 : errors} notice={notice} checkFailure={validation.failure} />
      </DesignerHeading>
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
        whatIfOn={whatIfOn}
        definitionId={definitionId}
        paletteOpen={paletteOpen}
        propertiesOpen={propertiesOpen}
        onSave={() => void actions.save()}
        onPublish={() => setDialog('publish')}
        onTestRun={() => {
          setRunError(null);
          setDialog('testRun');
        }}
        onUndo={d.undo}
        onRedo={d.redo}
        onLayout={layout}
        onView={setView}
        onOverlay={() => setOverlayOn((on) => !on)}
        onWhatIf={() => setWhatIfOn((on) => !on)}
        onVersions={() => setDialog('versions')}
        onExport={actions.exportFile}
        onPalette={() => setPaletteOpen(!paletteOpen)}
        onProperties={() => setPropertiesOpen(!propertiesOpen)}
      />
      <div className="flex flex-1 flex-col gap-2 md:min-h-0 md:flex-row">
        {!readOnly && (
          <div id={paletteRegionId} hidden={!paletteOpen} className="w-full shrink-0 md:w-44">
            <Palette descriptors={descriptors} onAdd={(type) => addActivity(type)} />
          </div>
        )}
        <div className="flex min-w-0 flex-1 flex-col gap-2">
          <div
            ref={canvasRef}
            className="relative h-[60vh] flex-1 overflow-hidden rounded-8 border border-solid-gray-420 bg-white md:h-auto md:min-h-0"
            data-testid="canvas-area"
          >
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
              onNodeDoubleClick={() => setPropertiesOpen(true)}
              onDrop={readOnly ? undefined : onDrop}
              coveredTop={overlayOn && overlayHeight > 0 ? overlayHeight + 12 : 0}
              empty={readOnly ? undefined : <CanvasEmpty />}
              navigationSlot={navigationSlot}
              fitKey={fitKey}
            />
            {overlayOn && (
              // Floats over the canvas's top-right corner: the page does not move, and a fitted diagram moves below it.
              <div ref={overlayRef} className="absolute right-3 top-3 z-10 max-h-[calc(100%-1.5rem)] w-[22rem] max-w-[calc(100%-1.5rem)] overflow-y-auto">
                <OverlayPanel
                  processKey={settings.processKey}
                  armLabel={t(`designer.arm.${settings.arm}`)}
                  choice={overlayChoice}
                  onChoice={setOverlayChoice}
                  load={report}
                  scale={overlay?.scale ?? null}
                  matched={overlay?.figures.size ?? 0}
                  onClose={() => setOverlayOn(false)}
                />
              </div>
            )}
          </div>
          {whatIfOn && (
            <div className="max-h-[55%] shrink-0 overflow-y-auto">
              <WhatIfPanel
                definition={d.json}
                processKey={settings.processKey}
                steps={doc.nodes
                  .filter((n) => n.data.activity.type === 'Orchestrator.HumanTask')
                  .map((n) => ({ id: n.id, label: typeof n.data.activity.name === 'string' && n.data.activity.name ? n.data.activity.name : n.id }))}
                onClose={() => setWhatIfOn(false)}
              />
            </div>
          )}
          <div className="flex shrink-0 flex-wrap gap-2">
            <div ref={setNavigationSlot} className="max-w-full shrink-0 rounded-8 border border-solid-gray-420 bg-white p-2" />
            <div className="max-h-40 min-w-0 flex-1 basis-64 overflow-y-auto rounded-8 border border-solid-gray-420 bg-white px-3 py-2">
              <ProblemList problems={problems} nodes={doc.nodes} checking={validation.checking} onSelect={selectNode} />
            </div>
          </div>
        </div>
        <aside
          id={propertiesRegionId}
          hidden={!propertiesOpen}
          className="w-full shrink-0 overflow-y-auto rounded-8 border border-solid-gray-420 bg-white p-3 md:w-80"
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
              nodes={doc.nodes}
              edges={doc.edges}
              onConnect={(port, target) => onConnect({ source: selected.id, sourceHandle: port, target, targetHandle: 'In' })}
              onDisconnect={(edgeId) => {
                d.change((current) => ({ ...current, edges: current.edges.filter((e) => e.id !== edgeId) }));
                setNotice({ kind: 'status', text: t('designer.notice.deleted', { count: 1 }) });
              }}
            />
          ) : selectedNodes.length > 1 ? (
            <p data-testid="multi-selection">{t('designer.props.multi', { count: selectedNodes.length })}</p>
          ) : (
            <WorkflowPanel definition={doc.definition} readOnly={readOnly} onChange={(next) => d.adjust((current) => ({ ...current, definition: next }))} />
          )}
        </aside>
      </div>
      {dialog === 'versions' && definitionId && (
        <VersionHistory definitionId={definitionId} current={d.json} onRestore={(v) => void actions.restore(v)} onClose={() => setDialog(null)} />
      )}
      {dialog === 'testRun' && (
        <TestRunDialog
          processKey={settings.processKey}
          variables={variables}
          dirty={!saved}
          busy={busy !== null}
          error={runError}
          onStart={(input, correlationId) => void actions.testRun(input, correlationId)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'publish' && (
        <PublishDialog
          definitionId={definitionId}
          version={typeof doc.definition.version === 'number' ? doc.definition.version : null}
          saveFirst={!saved}
          busy={busy !== null}
          onPublish={() => void actions.publish().then(() => setDialog(null))}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
