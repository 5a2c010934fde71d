import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cell, DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { currentLanguage } from '../i18n';
import { listPilots, type PilotView } from './api';
import { localName, scheduleText } from './format';
import { useResource } from '../components/useResource';
import { usePolling, useScheduledRefresh } from './hooks';
import { ActiveLabel, ArmProgressBar, CycleStatusBadge, ModeBadge, failureReason } from './parts';
import { needsPolling, pollIntervalMs } from './progress';

function LastCycle({ pilot }: { pilot: PilotView }) {
  const { t } = useTranslation();
  const cycle = pilot.lastCycle;
  if (!cycle) return <span className="text-solid-gray-700">{t('pilots.list.noCycle')}</span>;
  return (
    <div className="flex flex-col gap-2">
      <span className="inline-flex flex-wrap items-center gap-2">
        <Link to={`/pilots/${encodeURIComponent(pilot.id)}/cycles/${encodeURIComponent(cycle.id)}`} className="link whitespace-nowrap">
          {t('pilots.list.cycleNumber', { number: cycle.number })}
        </Link>
        <CycleStatusBadge status={cycle.status} />
      </span>
      <ArmProgressBar arm="AsIs" progress={cycle.progress.AsIs} compact />
      <ArmProgressBar arm="ToBe" progress={cycle.progress.ToBe} compact />
    </div>
  );
}

function PilotRow({ pilot }: { pilot: PilotView }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <th scope="row" className={`${cell} min-w-56 font-normal`}>
        <Link to={`/pilots/${encodeURIComponent(pilot.id)}`} className="link font-bold">
          {localName(pilot.name, currentLanguage(i18n), pilot.id)}
        </Link>
        {pilot.configuration.description && <span className="mt-1 block text-dns-16N-130 text-solid-gray-700">{pilot.configuration.description}</span>}
      </th>
      <td className={`${cell} whitespace-nowrap`}>
        <ModeBadge mode={pilot.mode} />
      </td>
      <td className={`${cell} whitespace-nowrap`}>
        <ActiveLabel active={pilot.active} />
      </td>
      <td className={cell} data-testid="pilot-schedule">
        {scheduleText(pilot.configuration.schedule, t)}
      </td>
      <td className={`${cell} min-w-64`} data-testid="pilot-last-cycle">
        <LastCycle pilot={pilot} />
      </td>
      <td className={`${cell} whitespace-nowrap`}>{t('pilots.list.count', { count: pilot.cycleCount })}</td>
    </>
  );
}

export function PilotListPage() {
  const { t } = useTranslation();
  const pilots = useResource((signal) => listPilots(signal), 'pilots');
  const list = pilots.data;
  const polling = list !== null && needsPolling(list.flatMap((p) => (p.lastCycle ? [p.lastCycle] : [])));
  usePolling(polling, pollIntervalMs, pilots.reload);
  const schedules = (list ?? []).flatMap((p) => (p.active && p.configuration.schedule ? [p.configuration.schedule] : []));
  useScheduledRefresh(schedules, pilots.reload);
  const title = t('pilots.list.title');

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="mb-6 max-w-3xl">{t('pilots.list.lead')}</p>
      <p className="mb-6">
        <Link to="/pilots/new" className="btn-primary" data-testid="pilot-new">
          <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M12 5v14M5 12h14" />
          </svg>
          {t('pilots.list.new')}
        </Link>
      </p>

      {pilots.error !== null && (
        <LoadError
          message={t('pilots.common.loadFailed', { reason: failureReason(pilots.error) })}
          retryLabel={t('pilots.common.retry')}
          onRetry={pilots.reload}
          testId="pilots-error"
        />
      )}
      {list === null && pilots.loading && <Loading testId="pilots-loading">{t('pilots.common.loading')}</Loading>}
      {polling && (
        <p role="status" className="mb-4 text-dns-16N-130 text-solid-gray-700" data-testid="pilots-polling">
          {t('pilots.list.polling')}
        </p>
      )}

      {list !== null &&
        (list.length === 0 ? (
          <EmptyState testId="pilots-empty">{t('pilots.list.empty')}</EmptyState>
        ) : (
          <DataTable
            caption={t('pilots.list.caption')}
            columns={(['name', 'mode', 'active', 'schedule', 'lastCycle', 'cycles'] as const).map((key) => ({ key, label: t(`pilots.list.columns.${key}`) }))}
            rows={list}
            rowKey={(pilot) => pilot.id}
            rowProps={(pilot) => ({ 'data-testid': `pilot-row-${pilot.id}` })}
            renderRow={(pilot) => <PilotRow pilot={pilot} />}
            minWidth="min-w-[52rem]"
            testId="pilots-table"
          />
        ))}
    </>
  );
}
