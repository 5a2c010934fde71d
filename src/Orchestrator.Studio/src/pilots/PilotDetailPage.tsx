import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, NetworkError } from '../api';
import { PageHeading } from '../components/PageHeading';
import { currentLanguage } from '../i18n';
import { getPilot, listCycles, listOrganisations, runCycle } from './api';
import { CycleTable } from './CycleTable';
import { localName } from './format';
import { useResource } from '../components/useResource';
import { usePolling, useScheduledRefresh } from './hooks';
import { failureReason } from './parts';
import { PilotDeliverables } from './PilotDeliverables';
import { PilotSummary } from './PilotSummary';
import { needsPolling, pollIntervalMs } from './progress';

type Notice = { kind: 'started'; number: number } | { kind: 'created' | 'updated' };

/** What the form leaves in the navigation state after saving. */
function savedNotice(state: unknown): Notice | null {
  const saved = (state as { saved?: unknown } | null)?.saved;
  return saved === 'created' || saved === 'updated' ? { kind: saved } : null;
}

export function PilotDetailPage() {
  const { id = '' } = useParams();
  return <PilotDetail key={id} id={id} />;
}

function PilotDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const location = useLocation();
  const headingIds = useId();
  const pilot = useResource((signal) => getPilot(id, signal), `pilot:${id}`);
  const cycles = useResource((signal) => listCycles(id, signal), `cycles:${id}`);
  const organisations = useResource((signal) => listOrganisations(signal), 'organisations');

  const navigate = useNavigate();
  const [notice, setNotice] = useState<Notice | null>(() => savedNotice(location.state));

  // The notice is said once: a reload or a way back to this entry does not repeat it.
  useEffect(() => {
    if (savedNotice(location.state)) navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [location, navigate]);
  const [runError, setRunError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  const polling = cycles.data !== null && needsPolling(cycles.data);
  usePolling(polling, pollIntervalMs, cycles.reload);
  // An active pilot's schedule starts cycles by itself: look again when one is due.
  const schedule = pilot.data?.active ? pilot.data.configuration.schedule : null;
  useScheduledRefresh(schedule ? [schedule] : [], cycles.reload);

  useEffect(() => {
    if (runError) alertRef.current?.focus();
  }, [runError]);

  const run = async () => {
    setRunning(true);
    setRunError(null);
    setNotice(null);
    try {
      const started = await runCycle(id);
      setNotice({ kind: 'started', number: started.number });
      cycles.reload();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setRunError(error.problem?.title ?? error.problem?.detail ?? 'HTTP 409');
      else if (error instanceof ApiError && error.status === 403) setRunError(t('pilots.detail.forbidden'));
      else if (error instanceof NetworkError) setRunError(t('pilots.common.networkError'));
      else setRunError(t('pilots.detail.runFailed', { reason: failureReason(error) }));
    } finally {
      setRunning(false);
    }
  };

  const notFound = pilot.error instanceof ApiError && pilot.error.status === 404;
  const view = pilot.data;
  const title = notFound ? t('pilots.common.notFound') : view ? localName(view.name, language, view.id) : t('pilots.list.title');
  const backLink = (
    <p className="mb-6">
      <Link to="/pilots" className="link" data-testid="pilot-back">
        {t('pilots.common.backToList')}
      </Link>
    </p>
  );

  if (!view) {
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        {notFound && <p className="mb-6 max-w-3xl">{t('pilots.common.notFoundBody')}</p>}
        {pilot.loading && <p role="status">{t('pilots.common.loading')}</p>}
        {!notFound && pilot.error !== null && (
          <div role="alert" className="mb-6 border-l-4 border-error-1 bg-red-50 px-4 py-3" data-testid="pilot-load-error">
            <p className="mb-2">{t('pilots.common.loadFailed', { reason: failureReason(pilot.error) })}</p>
            <button type="button" className="btn-secondary" onClick={pilot.reload}>
              {t('pilots.common.retry')}
            </button>
          </div>
        )}
        {backLink}
      </>
    );
  }

  const noticeText =
    notice === null ? null : notice.kind === 'started' ? t('pilots.detail.runStarted', { number: notice.number }) : t(`pilots.detail.${notice.kind}`);

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {backLink}

      <div aria-live="polite">
        {noticeText && (
          <p className="mb-6 max-w-4xl border-l-4 border-success-1 bg-green-50 px-4 py-3 text-solid-gray-900" data-testid="pilot-notice">
            {noticeText}
          </p>
        )}
      </div>
      {runError && (
        <div
          ref={alertRef}
          tabIndex={-1}
          role="alert"
          className="mb-6 max-w-4xl border-l-4 border-error-1 bg-red-50 px-4 py-3 text-std-17B-170 text-error-2"
          data-testid="run-error"
        >
          {runError}
        </div>
      )}

      <div className="mb-8 flex flex-wrap gap-4">
        <button type="button" className="btn-primary" onClick={() => void run()} disabled={running} data-testid="run-cycle">
          <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="size-5 shrink-0" fill="currentColor">
            <path d="M8 5v14l11-7z" />
          </svg>
          {running ? t('pilots.detail.running') : t('pilots.detail.run')}
        </button>
        <Link to={`/pilots/${encodeURIComponent(id)}/edit`} className="btn-secondary" data-testid="pilot-edit">
          {t('pilots.detail.edit')}
        </Link>
      </div>

      <section aria-labelledby={`${headingIds}-cycles`} className="mb-10" data-testid="pilot-cycles">
        <h2 id={`${headingIds}-cycles`} className="mb-3 text-std-24B-150 text-solid-gray-900">
          {t('pilots.detail.cycles')}
        </h2>
        <p role="status" className="mb-3 min-h-6 text-dns-16N-130 text-solid-gray-700" data-testid="cycles-polling">
          {polling ? t('pilots.detail.polling') : ''}
        </p>
        {cycles.error !== null && (
          <div role="alert" className="mb-4 border-l-4 border-error-1 bg-red-50 px-4 py-3" data-testid="cycles-error">
            <p className="mb-2">{t('pilots.common.loadFailed', { reason: failureReason(cycles.error) })}</p>
            <button type="button" className="btn-secondary" onClick={cycles.reload}>
              {t('pilots.common.retry')}
            </button>
          </div>
        )}
        {cycles.data === null && cycles.loading && <p role="status">{t('pilots.common.loading')}</p>}
        {cycles.data !== null &&
          (cycles.data.length === 0 ? (
            <p className="max-w-3xl rounded-8 border border-solid-gray-420 bg-white p-6" data-testid="cycles-empty">
              {t('pilots.detail.noCycles')}
            </p>
          ) : (
            <CycleTable pilotId={id} cycles={cycles.data} />
          ))}
      </section>

      <section aria-labelledby={`${headingIds}-deliverables`} className="mb-10 max-w-5xl">
        <h2 id={`${headingIds}-deliverables`} className="mb-3 text-std-24B-150 text-solid-gray-900">
          {t('pilots.deliverables.title')}
        </h2>
        <p className="mb-3">{t('pilots.deliverables.lead')}</p>
        <PilotDeliverables pilotId={id} processes={view.configuration.processes ?? []} />
      </section>

      <section aria-labelledby={`${headingIds}-summary`} className="mb-8 max-w-5xl">
        <h2 id={`${headingIds}-summary`} className="mb-3 text-std-24B-150 text-solid-gray-900">
          {t('pilots.detail.summary')}
        </h2>
        <PilotSummary pilot={view} organisations={organisations.data} now={new Date()} />
      </section>
    </>
  );
}
