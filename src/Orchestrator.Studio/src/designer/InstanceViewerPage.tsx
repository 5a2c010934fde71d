import { applyNodeChanges, ReactFlowProvider, type NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api';
import { PageHeading } from '../components/PageHeading';
import { useRememberedPanel } from '../components/rememberedPanel';
import { useWorkspaceLayout } from '../components/workspace';
import { currentLanguage } from '../i18n';
import { ArmBadge, DateTime, failureReason } from '../tasks/parts';
import type { Arm } from '../tasks/api';
import type { Organisation } from '../api';
import { listOrganisations } from '../pilots/api';
import { cancelInstance, getDefinition, getDescriptors, getInstance, getJournal, type InstanceDetail, type JournalEntry, type OpenBookmark } from './api';
import { Canvas, type CanvasView } from './Canvas';
import { toolButton } from './DesignerToolbar';
import type { CanvasDecorations } from './canvasContext';
import { isLive, nodeRunStats } from './instanceStats';
import { JournalTable } from './JournalTable';
import { toCanvas, type ActivityDescriptor, type ActivityNode, type CanvasState } from './model';

/** How often a running instance is read again. */
export const viewerRefreshMs = 2000;
/** Whether the band with the journal, bookmarks and incidents is open, remembered per browser. */
export const viewerDetailsOpenKey = 'orchestrator.viewer.details';
const detailsId = 'instance-details';

type Diagram = { descriptors: ActivityDescriptor[]; canvas: CanvasState; name: string };

/** /workflows/instances/:id — the run on its diagram (status, count, duration per node), journal, bookmarks, incidents. */
export function InstanceViewerPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { id = '' } = useParams();
  useWorkspaceLayout();
  const [detailsOpen, setDetailsOpen] = useRememberedPanel(viewerDetailsOpenKey, true);
  const [detail, setDetail] = useState<InstanceDetail | null>(null);
  const [journal, setJournal] = useState<JournalEntry[]>([]);
  const [diagram, setDiagram] = useState<Diagram | null>(null);
  const [error, setError] = useState<{ notFound: boolean; reason: string } | null>(null);
  const [view, setView] = useState<CanvasView>('free');
  const [refreshedAt, setRefreshedAt] = useState<Date | null>(null);
  const [generation, setGeneration] = useState(0);
  const [organisations, setOrganisations] = useState<ReadonlyMap<string, Organisation>>(new Map());

  // Names for the organisations waiting tasks went to; without them the code is shown.
  useEffect(() => {
    const abort = new AbortController();
    listOrganisations(abort.signal).then(
      (list) => setOrganisations(new Map(list.map((o) => [o.code, o]))),
      () => undefined,
    );
    return () => abort.abort();
  }, []);

  // Reads the instance and its journal; the caller shows them once they are in, never while the effect runs.
  const read = useCallback((signal: AbortSignal) => Promise.all([getInstance(id, signal), getJournal(id, signal)]), [id]);
  const show = useCallback(([d, j]: [InstanceDetail, JournalEntry[]]) => {
    setDetail(d);
    setJournal(j);
    setRefreshedAt(new Date());
    setError(null);
    return d;
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    read(abort.signal)
      .then(show)
      .then(async (d) => {
        const [descriptors, definition] = await Promise.all([
          getDescriptors(abort.signal),
          getDefinition(d.instance.definitionId, d.instance.definitionVersion, abort.signal),
        ]);
        const canvas = toCanvas(definition, descriptors);
        setDiagram({ descriptors, canvas, name: typeof definition.name === 'string' ? definition.name : d.instance.definitionId });
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError({ notFound: e instanceof ApiError && e.status === 404, reason: failureReason(e) });
      });
    return () => abort.abort();
  }, [read, show, generation]);

  const live = detail !== null && isLive(detail.instance.status);
  useEffect(() => {
    if (!live) return;
    const abort = new AbortController();
    const timer = window.setInterval(() => {
      read(abort.signal).then(show, (e: unknown) => !abort.signal.aborted && setError({ notFound: false, reason: failureReason(e) }));
    }, viewerRefreshMs);
    return () => {
      abort.abort();
      window.clearInterval(timer);
    };
  }, [live, read, show]);

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
  const pair = 'flex items-baseline gap-2';
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2" data-testid="instance-viewer">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {instance && (
          <p className="text-dns-16N-130">
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
        <PageHeading title={title} compact>
          {title}
          {diagram && <span className="ml-3 text-std-20N-150 text-solid-gray-700">{diagram.name}</span>}
        </PageHeading>
      </div>
      {error && (
        <div role="alert" className="border-l-4 border-error-1 bg-red-50 px-4 py-2">
          <p className="mb-2">{t('designer.viewer.loadFailed', { reason: error.reason })}</p>
          <button type="button" className="btn-secondary" onClick={() => setGeneration((g) => g + 1)}>
            {t('designer.retry')}
          </button>
        </div>
      )}
      {!instance && !error && <p role="status">{t('designer.loading')}</p>}
      {instance && (
        <>
          <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
            <dl className="flex flex-wrap items-baseline gap-x-5 gap-y-1 text-dns-16N-130" data-testid="instance-summary">
              <div className={pair}>
                <dt className="font-bold">{t('designer.viewer.status')}</dt>
                <dd data-testid="instance-status" data-status={instance.status}>
                  {t(`designer.instanceStatus.${instance.status}`, { defaultValue: instance.status })}
                  {live && <span className="ml-2 text-dns-14N-130 text-solid-gray-700">{t('designer.viewer.live', { seconds: viewerRefreshMs / 1000 })}</span>}
                </dd>
              </div>
              <div className={pair}>
                <dt className="font-bold">{t('designer.viewer.version')}</dt>
                <dd>
                  {t('designer.versionText', { version: instance.definitionVersion })} <ArmBadge arm={(instance.arm ?? null) as Arm | null} />
                </dd>
              </div>
              <div className={pair}>
                <dt className="font-bold">{t('designer.viewer.started')}</dt>
                <dd>
                  <DateTime iso={instance.createdAt} />
                </dd>
              </div>
              <div className={pair}>
                <dt className="font-bold">{t('designer.viewer.finished')}</dt>
                <dd>{instance.finishedAt ? <DateTime iso={instance.finishedAt} /> : '—'}</dd>
              </div>
              <div className={pair}>
                <dt className="font-bold">{t('designer.viewer.correlationId')}</dt>
                <dd>{instance.correlationId ?? '—'}</dd>
              </div>
              <div className={pair}>
                <dt className="font-bold">{t('designer.viewer.updated')}</dt>
                <dd>{refreshedAt ? refreshedAt.toLocaleTimeString(language === 'ja' ? 'ja-JP' : 'en-GB', { hourCycle: 'h23' }) : '—'}</dd>
              </div>
            </dl>
            <div className="ml-auto flex flex-wrap items-center gap-2" role="toolbar" aria-label={t('designer.viewer.toolbar')}>
              <button
                type="button"
                className={toolButton(view === 'free')}
                aria-pressed={view === 'free'}
                onClick={() => setView('free')}
                data-testid="view-free"
              >
                {t('designer.toolbar.viewFree')}
              </button>
              <button
                type="button"
                className={toolButton(view === 'swimlane')}
                aria-pressed={view === 'swimlane'}
                onClick={() => setView('swimlane')}
                data-testid="view-swimlane"
              >
                {t('designer.toolbar.viewSwimlane')}
              </button>
              {live && (
                <button
                  type="button"
                  className={toolButton(false)}
                  onClick={() => {
                    if (window.confirm(t('designer.viewer.cancelConfirm')))
                      void cancelInstance(id).then(
                        () => setGeneration((g) => g + 1),
                        (e: unknown) => setError({ notFound: false, reason: failureReason(e) }),
                      );
                  }}
                >
                  {t('designer.viewer.cancel')}
                </button>
              )}
              <button
                type="button"
                className={toolButton(detailsOpen)}
                aria-expanded={detailsOpen}
                aria-controls={detailsId}
                onClick={() => setDetailsOpen(!detailsOpen)}
                title={t(detailsOpen ? 'designer.viewer.detailsHide' : 'designer.viewer.detailsShow')}
                data-testid="toggle-details"
              >
                {t('designer.viewer.details')}
              </button>
            </div>
          </div>
          <div className="h-[60vh] flex-1 overflow-hidden rounded-8 border border-solid-gray-420 bg-white md:h-auto md:min-h-0" data-testid="instance-diagram">
            {diagram ? (
              <ReactFlowProvider>
                <Canvas
                  nodes={diagram.canvas.nodes}
                  edges={diagram.canvas.edges}
                  view={view}
                  decorations={decorations}
                  onNodesChange={(changes: NodeChange<ActivityNode>[]) =>
                    setDiagram((current) =>
                      current
                        ? {
                            ...current,
                            canvas: {
                              ...current.canvas,
                              nodes: applyNodeChanges(
                                changes.filter((c) => !('id' in c && c.id.startsWith('lane:'))),
                                current.canvas.nodes,
                              ),
                            },
                          }
                        : current,
                    )
                  }
                />
              </ReactFlowProvider>
            ) : (
              <p role="status" className="p-4">
                {t('designer.loading')}
              </p>
            )}
          </div>
          {/* Journal, what the run waits on and its incidents: a fixed band under the diagram that scrolls inside. */}
          <div
            id={detailsId}
            hidden={!detailsOpen}
            className="grid shrink-0 grid-cols-1 gap-2 md:h-[min(18rem,32vh)] md:grid-cols-[minmax(0,1fr)_22rem]"
            data-testid="instance-details"
          >
            {/* Focusable, so that the keyboard can scroll the journal as well as a mouse wheel can. */}
            <section
              aria-labelledby="journal-heading"
              tabIndex={0}
              className="min-h-0 overflow-auto rounded-8 border border-solid-gray-420 bg-white p-3"
              data-testid="journal-region"
            >
              <h2 id="journal-heading" className="mb-2 text-std-20B-150">
                {t('designer.viewer.journal')}
              </h2>
              <JournalTable journal={journal} />
            </section>
            <div
              role="region"
              aria-labelledby="bookmarks-heading"
              tabIndex={0}
              className="min-h-0 overflow-y-auto rounded-8 border border-solid-gray-420 bg-white p-3"
            >
              <section aria-labelledby="bookmarks-heading" className="mb-4">
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
                        <Assignee bookmark={b} organisations={organisations} />
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
                        <span className="font-bold">{incident.activityId ? nameOf(incident.activityId) : t('designer.problems.workflow')}</span>:{' '}
                        {incident.message}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </div>
          </div>
        </>
      )}
    </div>
  );
}

/** 「→ 千代田区 市民課 に送付」: the organisation (and department) a waiting clerk's task went to. */
function Assignee({ bookmark, organisations }: { bookmark: OpenBookmark; organisations: ReadonlyMap<string, Organisation> }) {
  const { t, i18n } = useTranslation();
  const code = typeof bookmark.payload?.assigneeOrgCode === 'string' ? bookmark.payload.assigneeOrgCode : null;
  if (!code) return null;
  const organisation = organisations.get(code);
  const name = organisation ? (currentLanguage(i18n) === 'en' ? organisation.nameEn || organisation.nameJa : organisation.nameJa) : code;
  const role = typeof bookmark.payload?.assigneeRole === 'string' && bookmark.payload.assigneeRole ? ` ${bookmark.payload.assigneeRole}` : '';
  return (
    <span className="block text-dns-16N-130" data-testid="bookmark-assignee">
      {t('designer.viewer.sentTo', { organisation: `${name}${role}` })}
    </span>
  );
}
