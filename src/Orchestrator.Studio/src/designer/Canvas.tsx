import {
  Background,
  useNodesInitialized,
  useReactFlow,
  Controls,
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
import { useCallback, useEffect, useMemo, useRef, type DragEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityCard } from './ActivityCard';
import { diagramBounds, fitViewport, type Bounds, type ShownNode } from './geometry';
import { CanvasContext, type CanvasDecorations } from './canvasContext';
import { LaneBand, type LaneNode } from './LaneBand';
import type { ActivityNode, ConnectionEdge } from './model';
import { swimlaneLayout } from './swimlane';

export type CanvasView = 'free' | 'swimlane';

const nodeTypes = { activity: ActivityCard, lane: LaneBand };

/**
 * Fits the whole diagram into the canvas on first load and again when the view changes between free layout and
 * swimlanes. In between, the user's zoom and position are kept; only while the user has not moved the view since it
 * was fitted does a change of the canvas's size (a panel folded away, the window resized) or of the panel floating
 * over its top fit it again. An empty canvas stays at scale 1.
 */
function FitView({ view, bounds, coveredTop, container, loaded }: { view: CanvasView; bounds: Bounds; coveredTop: number; container: RefObject<HTMLDivElement | null>; loaded: boolean }) {
  const flow = useReactFlow();
  const initialised = useNodesInitialized();
  const fittedFor = useRef<CanvasView | null>(loaded ? null : view);
  const fitted = useRef<Viewport | null>(null);
  // While a fit animates, the viewport is between the old and the new fit; that is not a move by the user.
  const animatingUntil = useRef(0);
  const fit = useCallback(
    (duration?: number) => {
      const rect = container.current?.getBoundingClientRect();
      if (!rect || bounds.width === 0) return;
      fitted.current = fitViewport(bounds, { width: rect.width, height: rect.height }, 24, coveredTop);
      animatingUntil.current = duration ? performance.now() + duration + 50 : 0;
      void flow.setViewport(fitted.current, duration ? { duration } : undefined);
    },
    [flow, container, bounds, coveredTop],
  );
  const stillFitted = useCallback(
    () => fitted.current !== null && (performance.now() < animatingUntil.current || sameViewport(flow.getViewport(), fitted.current)),
    [flow],
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
  }, [initialised, view, fit]);

  // A panel opened or closed over the canvas's top: move the diagram clear of it, unless the user has moved the view.
  const covered = useRef(coveredTop);
  useEffect(() => {
    if (covered.current === coveredTop) return;
    covered.current = coveredTop;
    if (stillFitted()) fit(200);
  }, [coveredTop, fit, stillFitted]);

  const latestFit = useRef(fit);
  latestFit.current = fit;
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (stillFitted()) latestFit.current();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [stillFitted, container]);
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
  children?: ReactNode;
}

/**
 * The diagram: React Flow with activity cards, minimap, zoom controls and, in the swimlane view, one band per actor
 * organisation level. In the swimlane view the lanes decide where cards stand, so cards are not dragged there.
 */
export function Canvas({ nodes, edges, view, decorations, onNodesChange, onEdgesChange, onConnect, onNodeDragStart, onNodeDragStop, onNodeDoubleClick, onSelectionChange, onDrop, coveredTop = 0, empty, children }: CanvasProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const loaded = useRef(nodes.length > 0);
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

  const styledEdges = useMemo(
    () =>
      edges.map((e) => ({
        ...e,
        markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
        labelBgPadding: [4, 2] as [number, number],
        labelStyle: { fontSize: 12 },
        style: e.selected ? { strokeWidth: 3, stroke: 'var(--color-blue-900)' } : { strokeWidth: 1.5 },
      })),
    [edges],
  );

  const readOnly = decorations.readOnly;
  return (
    <CanvasContext.Provider value={decorations}>
      <div
        ref={container}
        className="relative h-full w-full"
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
          defaultViewport={{ x: 0, y: 0, zoom: 1 }}
          minZoom={0.1}
          maxZoom={2}
          fitViewOptions={{ padding: 0.04, maxZoom: 1 }}
          ariaLabelConfig={{ 'node.a11yDescription.default': t('designer.canvas.a11yNodes') }}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={16} />
          <MiniMap pannable zoomable ariaLabel={t('designer.canvas.minimap')} style={{ width: 160, height: 100 }} nodeColor={(n) => (n.type === 'lane' ? 'transparent' : '#6b7280')} />
          <FitView view={view} bounds={bounds} coveredTop={coveredTop} container={container} loaded={loaded.current} />
          <Controls showInteractive={false} aria-label={t('designer.canvas.controls')} />
          {children}
        </ReactFlow>
        {nodes.length === 0 && empty && <div className="pointer-events-none absolute inset-0 flex items-center justify-center p-8">{empty}</div>}
      </div>
    </CanvasContext.Provider>
  );
}
