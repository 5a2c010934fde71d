import { applyNodeChanges, ReactFlowProvider, type NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api';
import { PageHeading } from '../components/PageHeading';
import { currentLanguage } from '../i18n';
import { ArmBadge, DateTime, failureReason } from '../tasks/parts';
import type { Arm } from '../tasks/api';
import { cancelInstance, getDefinition, getDescriptors, getInstance, getJournal, type InstanceDetail, type JournalEntry } from './api';
import { Canvas, type CanvasView } from './Canvas';
import type { CanvasDecorations } from './canvasContext';
import { isLive, nodeRunStats } from './instanceStats';
import { JournalTable } from './JournalTable';
import { toCanvas, type ActivityDescriptor, type ActivityNode, type CanvasState } from './model';

/** How often a running instance is read again. */
export const viewerRefreshMs = 2000;

type Diagram = { descriptors: ActivityDescriptor[]; canvas: CanvasState; name: string };

/** /workflows/instances/:id — the run on its diagram (status, count, duration per node), journal, bookmarks, incidents. */
export function InstanceViewerPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { id = '' } = useParams();
  const [detail, setDetail] = useState<InstanceDetail | null>(null);
  const [journal, setJournal] = useState<JournalEntry[]>([]);
  const [diagram, setDiagram] = useState<Diagram | null>(null);
  const [error, setError] = useState<{ notFound: boolean; reason: string } | null>(null);
  const [view, setView] = useState<CanvasView>('free');
  const [refreshedAt, setRefreshedAt] = useState<Date | null>(null);
  const [generation, setGeneration] = useState(0);

  const read = useCallback(
    async (signal: AbortSignal) => {
      const [d, j] = await Promise.all([getInstance(id, signal), getJournal(id, signal)]);
      setDetail(d);
      setJournal(j);
      setRefreshedAt(new Date());
      setError(null);
      return d;
    },
    [id],
  );

  useEffect(() => {
    const abort = new AbortController();
    read(abort.signal)
      .then(async (d) => {
        const [descriptors, definition] = await Promise.all([getDescriptors(abort.signal), getDefinition(d.instance.definitionId, d.instance.definitionVersion, abort.signal)]);
        const canvas = toCanvas(definition, descriptors);
        setDiagram({ descriptors, canvas, name: typeof definition.name === 'string' ? definition.name : d.instance.definitionId });
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError({ notFound: e instanceof ApiError && e.status === 404, reason: failureReason(e) });
      });
    return () => abort.abort();
  }, [read, generation]);

  const live = detail !== null && isLive(detail.instance.status);
  useEffect(() => {
    if (!live) return;
    const abort = new AbortController();
    const timer = window.setInterval(() => {
      read(abort.signal).catch((e: unknown) => !abort.signal.aborted && setError({ notFound: false, reason: failureReason(e) }));
    }, viewerRefreshMs);
    return () => {
      abort.abort();
      window.clearInterval(timer);
    };
  }, [live, read]);

  const stats = useMemo(() => nodeRunStats(journal), [journal]);
  const decorations = useMemo<CanvasDecorations>(
    () => ({ descriptors: new Map((diagram?.descriptors ?? []).map((x) => [x.type, x])), problems: new Map(), runStats: stats, overlay: null, readOnly: true }),
    [diagram, stats],
  );

  const title = t('designer.viewer.title');
  if (error?.notFound)
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <p className="mb-4">{t('designer.viewer.notFound')}</p>
        <Link className="link" to="/workflows">
          {t('designer.backToList')}
        </Link>
      </>
    );

  const nameOf = (activityId: string) => {
    const activity = diagram?.canvas.nodes.find((n) => n.id === activityId)?.data.activity;
    return typeof activity?.name === 'string' && activity.name ? activity.name : activityId;
  };
  const instance = detail?.instance;
  return (
    <>
      {instance && (
        <p className="mb-1 text-dns-16N-130">
          <Link className="link" to={`/workflows/${encodeURIComponent(instance.definitionId)}`}>
            {t('designer.viewer.openDesigner')}
          </Link>
          <span aria-hidden="true" className="px-2">
            |
          </span>
          <Link className="link" to={`/workflows/${encodeURIComponent(instance.definitionId)}/instances`}>
            {t('designer.viewer.allRuns')}
          </Link>
        </p>
      )}
      <PageHeading title={title}>
        {title}
        {diagram && <span className="ml-3 text-std-20N-150 text-solid-gray-700">{diagram.name}</span>}
      </PageHeading>
      {error && (
        <div role="alert" className="mb-4 border-l-4 border-error-1 bg-red-50 px-4 py-3">
          <p className="mb-2">{t('designer.viewer.loadFailed', { reason: error.reason })}</p>
          <button type="button" className="btn-secondary" onClick={() => setGeneration((g) => g + 1)}>
            {t('designer.retry')}
          </button>
        </div>
      )}
      {!instance && !error && <p role="status">{t('designer.loading')}</p>}
      {instance && (
        <>
          <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-dns-16N-130 md:grid-cols-[auto_1fr_auto_1fr]" data-testid="instance-summary">
            <dt className="font-bold">{t('designer.viewer.status')}</dt>
            <dd data-testid="instance-status" data-status={instance.status}>
              {t(`designer.instanceStatus.${instance.status}`, { defaultValue: instance.status })}
              {live && <span className="ml-2 text-dns-14N-130 text-solid-gray-700">{t('designer.viewer.live', { seconds: viewerRefreshMs / 1000 })}</span>}
            </dd>
            <dt className="font-bold">{t('designer.viewer.version')}</dt>
            <dd>
              {t('designer.versionText', { version: instance.definitionVersion })} <ArmBadge arm={(instance.arm ?? null) as Arm | null} />
            </dd>
            <dt className="font-bold">{t('designer.viewer.started')}</dt>
            <dd>
              <DateTime iso={instance.createdAt} />
            </dd>
            <dt className="font-bold">{t('designer.viewer.finished')}</dt>
            <dd>{instance.finishedAt ? <DateTime iso={instance.finishedAt} /> : '—'}</dd>
            <dt className="font-bold">{t('designer.viewer.correlationId')}</dt>
            <dd>{instance.correlationId ?? '—'}</dd>
            <dt className="font-bold">{t('designer.viewer.updated')}</dt>
            <dd>{refreshedAt ? refreshedAt.toLocaleTimeString(language === 'ja' ? 'ja-JP' : 'en-GB') : '—'}</dd>
          </dl>
          <div className="mb-3 flex flex-wrap gap-2">
            <button type="button" className={`btn-secondary ${view === 'free' ? 'bg-blue-100' : ''}`} aria-pressed={view === 'free'} onClick={() => setView('free')}>
              {t('designer.toolbar.viewFree')}
            </button>
            <button type="button" className={`btn-secondary ${view === 'swimlane' ? 'bg-blue-100' : ''}`} aria-pressed={view === 'swimlane'} onClick={() => setView('swimlane')}>
              {t('designer.toolbar.viewSwimlane')}
            </button>
            {live && (
              <button
                type="button"
                className="btn-secondary"
                onClick={() => {
                  if (window.confirm(t('designer.viewer.cancelConfirm'))) void cancelInstance(id).then(() => setGeneration((g) => g + 1), (e: unknown) => setError({ notFound: false, reason: failureReason(e) }));
                }}
              >
                {t('designer.viewer.cancel')}
              </button>
            )}
          </div>
          <div className="mb-6 h-[55vh] min-h-[24rem] overflow-hidden rounded-8 border border-solid-gray-420 bg-white" data-testid="instance-diagram">
            {diagram ? (
              <ReactFlowProvider>
                <Canvas
                  nodes={diagram.canvas.nodes}
                  edges={diagram.canvas.edges}
                  view={view}
                  decorations={decorations}
                  onNodesChange={(changes: NodeChange<ActivityNode>[]) =>
                    setDiagram((current) => (current ? { ...current, canvas: { ...current.canvas, nodes: applyNodeChanges(changes.filter((c) => !('id' in c && c.id.startsWith('lane:'))), current.canvas.nodes) } } : current))
                  }
                />
              </ReactFlowProvider>
            ) : (
              <p role="status" className="p-4">
                {t('designer.loading')}
              </p>
            )}
          </div>
          <div className="mb-6 grid gap-6 lg:grid-cols-2">
            <section aria-labelledby="bookmarks-heading">
              <h2 id="bookmarks-heading" className="mb-2 text-std-20B-150">
                {t('designer.viewer.bookmarks')}
              </h2>
              {detail.bookmarks.length === 0 ? (
                <p data-testid="bookmarks-empty">{t('designer.viewer.noBookmarks')}</p>
              ) : (
                <ul className="list-disc pl-6" data-testid="bookmarks">
                  {detail.bookmarks.map((b) => (
                    <li key={b.id}>
                      <span className="font-bold">{nameOf(b.activityId)}</span> — {t(`designer.bookmarkKinds.${b.kind}`, { defaultValue: b.kind })}
                      {b.dueAt && (
                        <>
                          {' '}
                          ({t('designer.viewer.dueAt')} <DateTime iso={b.dueAt} />)
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="incidents-heading">
              <h2 id="incidents-heading" className="mb-2 text-std-20B-150">
                {t('designer.viewer.incidents')}
              </h2>
              {detail.incidents.length === 0 ? (
                <p data-testid="incidents-empty">{t('designer.viewer.noIncidents')}</p>
              ) : (
                <ul className="list-disc pl-6 text-error-1" data-testid="incidents">
                  {detail.incidents.map((incident, i) => (
                    <li key={i}>
                      <span className="font-bold">{incident.activityId ? nameOf(incident.activityId) : t('designer.problems.workflow')}</span>: {incident.message}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <section aria-labelledby="journal-heading">
            <h2 id="journal-heading" className="mb-2 text-std-20B-150">
              {t('designer.viewer.journal')}
            </h2>
            <JournalTable journal={journal} />
          </section>
        </>
      )}
    </>
  );
}
