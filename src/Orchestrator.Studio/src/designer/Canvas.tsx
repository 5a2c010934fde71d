import {
  Background,
  useNodesInitialized,
  useReactFlow,
  useStore,
  MarkerType,
  MiniMap,
  ReactFlow,
  type Connection,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnSelectionChangeParams,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useEffectEvent, useMemo, useRef, useState, type DragEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { ActivityCard } from './ActivityCard';
import { edgeLabel } from './edgeNames';
import { diagramBounds, fitViewport, legibleZoom, openViewport, type Bounds, type ShownNode } from './geometry';

import { CanvasContext, type CanvasDecorations } from './canvasContext';
import { LaneBand, type LaneNode } from './LaneBand';
import type { ActivityNode, ConnectionEdge } from './model';
import { swimlaneLayout } from './swimlane';

export type CanvasView = 'free' | 'swimlane';

/** How the view is fitted: at a legible scale with the start in view (on open), or the whole diagram (全体を表示). */
type FitMode = 'legible' | 'whole';
interface FitRequest {
  mode: FitMode;
  key: number;
}

const nodeTypes = { activity: ActivityCard, lane: LaneBand };

/**
 * Opens the diagram on first load, again when the view changes between free layout and swimlanes and when the
 * page asks (`fitKey`, after an auto-layout): fitted whole when its text stays legible (12 px and more), else at the
 * legible scale with its start in view. In between, the user's zoom and position are kept; only while the user has
 * not moved the view since it was fitted does a change of the canvas's size (a panel folded away, the window
 * resized) or of the panel floating over its top fit it again. An empty canvas stays at scale 1.
 */
function FitView({
  view,
  bounds,
  coveredTop,
  container,
  loaded,
  request,
}: {
  view: CanvasView;
  bounds: Bounds;
  coveredTop: number;
  container: RefObject<HTMLDivElement | null>;
  loaded: boolean;
  request: FitRequest;
}) {
  const flow = useReactFlow();
  const initialised = useNodesInitialized();
  const fittedFor = useRef<CanvasView | null>(loaded ? null : view);
  const fitted = useRef<Viewport | null>(null);
  // While a fit animates, the viewport is between the old and the new fit; that is not a move by the user.
  const animatingUntil = useRef(0);
  // Effect events: they read the latest bounds and panel height without making the effects below run again.
  const fit = useEffectEvent((duration?: number) => {
    const rect = container.current?.getBoundingClientRect();
    if (!rect || bounds.width === 0) return;
    const size = { width: rect.width, height: rect.height };
    fitted.current = request.mode === 'whole' ? fitViewport(bounds, size, 24, coveredTop) : openViewport(bounds, size, 24, coveredTop);
    animatingUntil.current = duration ? performance.now() + duration + 50 : 0;
    void flow.setViewport(fitted.current, duration ? { duration } : undefined);
  });
  const stillFitted = useEffectEvent(
    () => fitted.current !== null && (performance.now() < animatingUntil.current || sameViewport(flow.getViewport(), fitted.current)),
  );

  useEffect(() => {
    // First load: once React Flow has measured the cards, so that its pan and zoom are ready.
    if (fittedFor.current === null) {
      if (!initialised) return;
      fittedFor.current = view;
      fit();
    } else if (fittedFor.current !== view) {
      // A change of view: the bounds are already those of the new layout.
      fittedFor.current = view;
      fit(200);
    }
  }, [initialised, view]);

  const fittedKey = useRef(request.key);
  useEffect(() => {
    if (fittedKey.current === request.key) return;
    fittedKey.current = request.key;
    fit(200);
  }, [request.key]);

  // A panel opened or closed over the canvas's top: move the diagram clear of it, unless the user has moved the view.
  const covered = useRef(coveredTop);
  useEffect(() => {
    if (covered.current === coveredTop) return;
    covered.current = coveredTop;
    if (stillFitted()) fit(200);
  }, [coveredTop]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (stillFitted()) fit();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [container]);
  return null;
}

function sameViewport(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1 && Math.abs(a.zoom - b.zoom) < 0.001;
}

export interface CanvasProps {
  nodes: ActivityNode[];
  edges: ConnectionEdge[];
  view: CanvasView;
  decorations: CanvasDecorations;
  onNodesChange?: (changes: NodeChange<ActivityNode>[]) => void;
  onEdgesChange?: (changes: EdgeChange<ConnectionEdge>[]) => void;
  onConnect?: (connection: Connection) => void;
  onNodeDragStart?: () => void;
  onNodeDragStop?: () => void;
  onNodeDoubleClick?: () => void;
  onSelectionChange?: (params: OnSelectionChangeParams) => void;
  onDrop?: (event: DragEvent<HTMLDivElement>) => void;
  /** Screen pixels at the canvas's top covered by a floating panel, which a fitted view keeps clear of. */
  coveredTop?: number;
  /** Shown over the canvas when it has no activities. */
  empty?: ReactNode;
  /** Where the zoom controls and the overview map go (outside the diagram); without it, a column beside it. */
  navigationSlot?: HTMLElement | null;
  /** Changed by the page to open the diagram again at a legible scale (after an auto-layout). */
  fitKey?: number;
  children?: ReactNode;
}

/**
 * Zoom buttons and the overview map. They stand beside the diagram, never over it, so no card is ever hidden under
 * them; the buttons form a named toolbar.
 */
function Navigation({ onFit }: { onFit: (mode: FitMode) => void }) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const zoom = useStore((s) => s.transform[2]);
  const button =
    'flex h-9 min-w-9 items-center justify-center whitespace-nowrap rounded-4 border border-solid-gray-536 bg-white px-2 text-dns-16B-130 text-solid-gray-900 hover:bg-solid-gray-50 disabled:text-solid-gray-420';
  return (
    <div className="canvas-navigation flex flex-wrap items-start gap-2" data-testid="canvas-navigation">
      <div role="toolbar" aria-label={t('designer.canvas.controls')} className="grid grid-cols-2 items-center gap-1" data-testid="zoom-controls">
        <button
          type="button"
          className={button}
          onClick={() => void flow.zoomIn({ duration: 150 })}
          disabled={zoom >= 2}
          aria-label={t('designer.canvas.zoomIn')}
          title={t('designer.canvas.zoomIn')}
        >
          ＋
        </button>
        <button
          type="button"
          className={button}
          onClick={() => void flow.zoomOut({ duration: 150 })}
          disabled={zoom <= 0.1}
          aria-label={t('designer.canvas.zoomOut')}
          title={t('designer.canvas.zoomOut')}
        >
          −
        </button>
        <button type="button" className={button} onClick={() => onFit('legible')} data-testid="zoom-legible">
          {t('designer.canvas.legible')}
        </button>
        <button type="button" className={button} onClick={() => onFit('whole')} data-testid="zoom-fit">
          {t('designer.canvas.fit')}
        </button>
        <span className="px-1 text-dns-14N-130 text-solid-gray-700" data-testid="zoom-level" aria-live="off">
          {Math.round(zoom * 100)}%
        </span>
      </div>
      <MiniMap
        pannable
        zoomable
        ariaLabel={t('designer.canvas.minimap')}
        className="!static !m-0 rounded-4 border border-solid-gray-420"
        style={{ width: 160, height: 100 }}
        nodeColor={(n) => (n.type === 'lane' ? 'transparent' : '#6b7280')}
      />
    </div>
  );
}

/**
 * Keeps the keyboard focus ring of cards and connections the same size on screen at any zoom: the canvas's scale is
 * handed to the style sheet, which divides the ring's width by it.
 */
function ZoomForFocus({ container }: { container: RefObject<HTMLDivElement | null> }) {
  const zoom = useStore((s) => s.transform[2]);
  useEffect(() => {
    container.current?.style.setProperty('--canvas-zoom', String(zoom));
  }, [zoom, container]);
  return null;
}

/**
 * The diagram: React Flow with activity cards, minimap, zoom controls and, in the swimlane view, one band per actor
 * organisation level. In the swimlane view the lanes decide where cards stand, so cards are not dragged there.
 */
export function Canvas({
  nodes,
  edges,
  view,
  decorations,
  onNodesChange,
  onEdgesChange,
  onConnect,
  onNodeDragStart,
  onNodeDragStop,
  onNodeDoubleClick,
  onSelectionChange,
  onDrop,
  coveredTop = 0,
  empty,
  navigationSlot,
  fitKey = 0,
  children,
}: CanvasProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [loaded] = useState(nodes.length > 0);
  const shown = useMemo(() => {
    if (view === 'free') return { nodes: nodes as Node[], lanes: [] as LaneNode[] };
    const layout = swimlaneLayout(nodes, edges);
    const lanes: LaneNode[] = layout.bands.map((band, index) => ({
      id: `lane:${band.lane}`,
      type: 'lane',
      position: { x: layout.left, y: band.y },
      data: { lane: band.lane, width: layout.width, height: band.height, index },
      draggable: false,
      selectable: false,
      connectable: false,
      focusable: false,
      zIndex: -1,
    }));
    const placed = nodes.map((n) => ({ ...n, position: layout.positions.get(n.id) ?? n.position, draggable: false }));
    return { nodes: [...lanes, ...placed] as Node[], lanes };
  }, [nodes, edges, view]);

  const bounds = useMemo(() => diagramBounds(shown.nodes as ShownNode[]), [shown.nodes]);

  const styledEdges = useMemo(() => {
    const names = new Map(nodes.map((n) => [n.id, typeof n.data.activity.name === 'string' && n.data.activity.name ? n.data.activity.name : n.id]));
    return edges.map((e) => ({
      ...e,
      ariaLabel: edgeLabel(names.get(e.source) ?? e.source, e.sourceHandle ?? 'Done', names.get(e.target) ?? e.target, t),
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
      labelBgPadding: [4, 2] as [number, number],
      // 14 px at scale 1: at the legible scale the diagram opens with, still 12 px on screen.
      labelStyle: { fontSize: 14 },
      style: e.selected ? { strokeWidth: 3, stroke: 'var(--color-blue-900)' } : { strokeWidth: 1.5 },
    }));
  }, [edges, nodes, t]);

  const readOnly = decorations.readOnly;
  const [request, setRequest] = useState<FitRequest>({ mode: 'legible', key: 0 });
  const pageFit = useRef(fitKey);
  useEffect(() => {
    if (pageFit.current === fitKey) return;
    pageFit.current = fitKey;
    setRequest((r) => ({ mode: 'legible', key: r.key + 1 }));
  }, [fitKey]);
  const navigation = <Navigation onFit={(mode) => setRequest((r) => ({ mode, key: r.key + 1 }))} />;
  return (
    <CanvasContext.Provider value={decorations}>
      <div className="flex h-full w-full flex-col md:flex-row">
        <div
          ref={container}
          className="relative min-h-0 min-w-0 flex-1"
          onDragOver={(e) => {
            if (onDrop) {
              e.preventDefault();
              e.dataTransfer.dropEffect = 'copy';
            }
          }}
          onDrop={onDrop}
          data-testid="canvas"
          data-view={view}
        >
          <ReactFlow
            nodes={shown.nodes}
            edges={styledEdges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange as ((changes: NodeChange<Node>[]) => void) | undefined}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onNodeDragStart={onNodeDragStart}
            onNodeDragStop={onNodeDragStop}
            onNodeDoubleClick={onNodeDoubleClick}
            onSelectionChange={onSelectionChange}
            nodesDraggable={!readOnly && view === 'free'}
            nodesConnectable={!readOnly}
            elementsSelectable
            deleteKeyCode={null}
            multiSelectionKeyCode={['Control', 'Meta', 'Shift']}
            selectionKeyCode="Shift"
            snapToGrid
            snapGrid={[8, 8]}
            defaultViewport={{ x: 0, y: 0, zoom: legibleZoom }}
            minZoom={0.1}
            maxZoom={2}
            fitViewOptions={{ padding: 0.04, maxZoom: 1 }}
            ariaLabelConfig={{
              'node.a11yDescription.default': t('designer.canvas.a11yNodes'),
              'node.a11yDescription.keyboardDisabled': t('designer.canvas.a11yNodesReadOnly'),
              'edge.a11yDescription.default': t('designer.canvas.a11yEdges'),
              'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => t('designer.canvas.a11yMoved', { direction, x, y }),
            }}
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={16} />
            <FitView view={view} bounds={bounds} coveredTop={coveredTop} container={container} loaded={loaded} request={request} />
            <ZoomForFocus container={container} />
            {children}
          </ReactFlow>
          {nodes.length === 0 && empty && <div className="pointer-events-none absolute inset-0 flex items-center justify-center p-8">{empty}</div>}
        </div>
        {navigationSlot
          ? createPortal(navigation, navigationSlot)
          : navigationSlot === undefined && (
              <div className="shrink-0 border-t border-solid-gray-420 bg-solid-gray-50 p-2 md:w-60 md:border-l md:border-t-0">{navigation}</div>
            )}
      </div>
    </CanvasContext.Provider>
  );
}
