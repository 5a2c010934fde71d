import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { currentLanguage } from '../i18n';
import { listPilots, type PilotView } from './api';
import { localName, scheduleText } from './format';
import { usePolling, useResource, useScheduledRefresh } from './hooks';
import { ActiveLabel, ArmProgressBar, CycleStatusBadge, ModeBadge, failureReason } from './parts';
import { needsPolling, pollIntervalMs } from './progress';

const th = 'whitespace-nowrap px-3 py-3 text-std-16B-170 text-solid-gray-900';
const td = 'px-3 py-3';

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

export function PilotListPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const pilots = useResource(useCallback((signal: AbortSignal) => listPilots(signal), []), 'pilots');
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
        <div role="alert" className="mb-6 border-l-4 border-error-1 bg-red-50 px-4 py-3" data-testid="pilots-error">
          <p className="mb-2">{t('pilots.common.loadFailed', { reason: failureReason(pilots.error) })}</p>
          <button type="button" className="btn-secondary" onClick={pilots.reload}>
            {t('pilots.common.retry')}
          </button>
        </div>
      )}
      {list === null && pilots.loading && (
        <p role="status" data-testid="pilots-loading">
          {t('pilots.common.loading')}
        </p>
      )}
      {polling && (
        <p role="status" className="mb-4 text-dns-16N-130 text-solid-gray-700" data-testid="pilots-polling">
          {t('pilots.list.polling')}
        </p>
      )}

      {list !== null &&
        (list.length === 0 ? (
          <p className="max-w-3xl rounded-8 border border-solid-gray-420 bg-white p-6" data-testid="pilots-empty">
            {t('pilots.list.empty')}
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table w-full min-w-[52rem] border-collapse bg-white text-left" data-testid="pilots-table">
              <caption className="sr-only">{t('pilots.list.caption')}</caption>
              <thead>
                <tr className="border-b-2 border-solid-gray-600 bg-solid-gray-50">
                  {(['name', 'mode', 'active', 'schedule', 'lastCycle', 'cycles'] as const).map((column) => (
                    <th key={column} scope="col" className={th}>
                      {t(`pilots.list.columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {list.map((pilot) => (
                  <tr key={pilot.id} className="border-b border-solid-gray-420 align-top" data-testid={`pilot-row-${pilot.id}`}>
                    <th scope="row" className={`${td} min-w-56 font-normal`}>
                      <Link to={`/pilots/${encodeURIComponent(pilot.id)}`} className="link font-bold">
                        {localName(pilot.name, language, pilot.id)}
                      </Link>
                      {pilot.configuration.description && (
                        <span className="mt-1 block text-dns-16N-130 text-solid-gray-700">{pilot.configuration.description}</span>
                      )}
                    </th>
                    <td className={`${td} whitespace-nowrap`}>
                      <ModeBadge mode={pilot.mode} />
                    </td>
                    <td className={`${td} whitespace-nowrap`}>
                      <ActiveLabel active={pilot.active} />
                    </td>
                    <td className={td} data-testid="pilot-schedule">
                      {scheduleText(pilot.configuration.schedule, t)}
                    </td>
                    <td className={`${td} min-w-64`} data-testid="pilot-last-cycle">
                      <LastCycle pilot={pilot} />
                    </td>
                    <td className={`${td} whitespace-nowrap`}>{t('pilots.list.count', { count: pilot.cycleCount })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}
