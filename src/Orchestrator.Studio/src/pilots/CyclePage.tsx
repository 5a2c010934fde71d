import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api';
import { PageHeading } from '../components/PageHeading';
import { currentLanguage } from '../i18n';
import { ArmBadge } from '../tasks/parts';
import type { Arm } from '../tasks/api';
import { getCycle, getPilot, listCycleInstances, listOrganisations, type InstanceSummary } from './api';
import { CycleTimes } from './CycleTable';
import { localName, organisationName } from './format';
import { MeasurementImports } from './MeasurementImports';
import { usePolling, useResource } from './hooks';
import { ArmProgressBar, CycleStatusBadge, ProgressLegend, TimeValue, failureReason } from './parts';
import { isOpen, pollIntervalMs } from './progress';

const th = 'px-3 py-3 text-std-16B-170 text-solid-gray-900';
const td = 'px-3 py-3';
const arms: readonly Arm[] = ['AsIs', 'ToBe'];

/** Cases in order, the as-is instance of a case before its to-be one. */
function byCase(a: InstanceSummary, b: InstanceSummary): number {
  return (a.caseId ?? '').localeCompare(b.caseId ?? '', 'ja', { numeric: true }) || String(a.arm).localeCompare(String(b.arm));
}

export function CyclePage() {
  const { id = '', cycleId = '' } = useParams();
  return <CycleScreen key={cycleId} pilotId={id} cycleId={cycleId} />;
}

function CycleScreen({ pilotId, cycleId }: { pilotId: string; cycleId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const ids = useId();
  const [armFilter, setArmFilter] = useState<Arm | ''>('');
  const cycle = useResource(useCallback((signal: AbortSignal) => getCycle(cycleId, signal), [cycleId]), `cycle:${cycleId}`);
  const instances = useResource(useCallback((signal: AbortSignal) => listCycleInstances(cycleId, signal), [cycleId]), `instances:${cycleId}`);
  const pilot = useResource(useCallback((signal: AbortSignal) => getPilot(pilotId, signal), [pilotId]), `pilot:${pilotId}`);
  const organisations = useResource(useCallback((signal: AbortSignal) => listOrganisations(signal), []), 'organisations');

  const open = cycle.data !== null && isOpen(cycle.data);
  const refresh = useCallback(() => {
    cycle.reload();
    instances.reload();
  }, [cycle.reload, instances.reload]);
  usePolling(open, pollIntervalMs, refresh);

  const rows = useMemo(
    () => [...(instances.data ?? [])].filter((i) => armFilter === '' || i.arm === armFilter).sort(byCase),
    [instances.data, armFilter],
  );

  const pilotName = pilot.data ? localName(pilot.data.name, language, pilotId) : pilotId;
  const notFound = cycle.error instanceof ApiError && cycle.error.status === 404;
  const view = cycle.data;
  const title = notFound ? t('pilots.cycle.notFound') : view ? t('pilots.cycle.title', { number: view.number }) : t('pilots.cycle.titleLoading');

  return (
    <>
      <PageHeading title={view ? `${title} | ${pilotName}` : title}>{title}</PageHeading>
      <p className="mb-6">
        <Link to={`/pilots/${encodeURIComponent(pilotId)}`} className="link" data-testid="cycle-back">
          {t('pilots.cycle.back', { name: pilotName })}
        </Link>
      </p>
      {cycle.loading && view === null && <p role="status">{t('pilots.common.loading')}</p>}
      {!notFound && cycle.error !== null && (
        <div role="alert" className="mb-6 border-l-4 border-error-1 bg-red-50 px-4 py-3" data-testid="cycle-load-error">
          <p className="mb-2">{t('pilots.common.loadFailed', { reason: failureReason(cycle.error) })}</p>
          <button type="button" className="btn-secondary" onClick={refresh}>
            {t('pilots.common.retry')}
          </button>
        </div>
      )}

      {view && (
        <>
          <dl
            className="mb-8 grid max-w-5xl grid-cols-1 gap-x-6 gap-y-3 rounded-8 border border-solid-gray-420 bg-white p-6 sm:grid-cols-[minmax(10rem,auto)_1fr]"
            aria-label={t('pilots.cycle.summaryLabel')}
            data-testid="cycle-summary"
          >
            <dt className="font-bold">{t('pilots.cycle.status')}</dt>
            <dd>
              <CycleStatusBadge status={view.status} />
              {view.error && <p className="mt-1 text-error-2">{t('pilots.detail.cycleError', { error: view.error })}</p>}
            </dd>
            <dt className="font-bold">{t('pilots.cycle.trigger')}</dt>
            <dd>{t(`pilots.trigger.${view.trigger}`, { defaultValue: view.trigger })}</dd>
            <dt className="font-bold">{t('pilots.cycle.simulated')}</dt>
            <dd>{view.simulated ? t('pilots.cycle.simulatedValue') : t('pilots.cycle.liveValue')}</dd>
            <dt className="font-bold">{t('pilots.detail.columns.times')}</dt>
            <dd>
              <CycleTimes cycle={view} />
            </dd>
            <dt className="font-bold">{t('pilots.cycle.cases')}</dt>
            <dd data-testid="cycle-cases">
              {t('pilots.cycle.casesValue', { cases: view.casesPlanned, started: view.instancesStarted, planned: view.instancesPlanned })}
            </dd>
            <dt className="font-bold">{t('pilots.cycle.progress')}</dt>
            <dd className="flex flex-col gap-3">
              <ProgressLegend />
              {arms.map((arm) => (
                <ArmProgressBar key={arm} arm={arm} progress={view.progress[arm]} compact />
              ))}
            </dd>
          </dl>
          <p role="status" className="mb-3 min-h-6 text-dns-16N-130 text-solid-gray-700" data-testid="cycle-polling">
            {open ? t('pilots.detail.polling') : ''}
          </p>
        </>
      )}

      {view && <MeasurementImports cycleId={cycleId} simulated={view.simulated} />}

      {view && (
        <section aria-labelledby={`${ids}-instances`} data-testid="cycle-instances">
          <h2 id={`${ids}-instances`} className="mb-3 text-std-24B-150 text-solid-gray-900">
            {t('pilots.cycle.instances')}
          </h2>
          <div className="mb-4 flex flex-col gap-1">
            <label htmlFor={`${ids}-arm`} className="text-std-16B-170 text-solid-gray-900">
              {t('pilots.cycle.filterArm')}
            </label>
            <select
              id={`${ids}-arm`}
              className="text-input w-auto max-w-56"
              value={armFilter}
              onChange={(e) => setArmFilter(e.target.value === 'AsIs' || e.target.value === 'ToBe' ? e.target.value : '')}
            >
              <option value="">{t('pilots.cycle.allArms')}</option>
              {arms.map((arm) => (
                <option key={arm} value={arm}>
                  {t(`pilots.arm.${arm}`)}
                </option>
              ))}
            </select>
          </div>
          {instances.error !== null && (
            <p role="alert" className="mb-4 border-l-4 border-error-1 bg-red-50 px-4 py-3">
              {t('pilots.common.loadFailed', { reason: failureReason(instances.error) })}
            </p>
          )}
          {instances.data !== null &&
            (rows.length === 0 ? (
              <p className="max-w-3xl rounded-8 border border-solid-gray-420 bg-white p-6" data-testid="instances-empty">
                {t('pilots.cycle.noInstances')}
              </p>
            ) : (
              <>
                <p className="mb-2 text-dns-16N-130 text-solid-gray-700" data-testid="instances-count">
                  {t('pilots.cycle.shown', { count: rows.length })}
                </p>
                <div className="overflow-x-auto">
                  <table className="w-full min-w-[52rem] border-collapse bg-white text-left" data-testid="instances-table">
                    <caption className="sr-only">{t('pilots.cycle.instancesCaption')}</caption>
                    <thead>
                      <tr className="border-b-2 border-solid-gray-600 bg-solid-gray-50">
                        {(['case', 'arm', 'process', 'municipality', 'status', 'created', 'finished'] as const).map((column) => (
                          <th key={column} scope="col" className={th}>
                            {t(`pilots.cycle.columns.${column}`)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((instance) => (
                        <tr key={instance.id} className="border-b border-solid-gray-420 align-top" data-testid={`instance-row-${instance.id}`}>
                          <th scope="row" className={`${td} font-normal`}>
                            <Link to={`/workflows/instances/${encodeURIComponent(instance.id)}`} className="link font-bold">
                              {instance.caseId ?? instance.id}
                            </Link>
                          </th>
                          <td className={td}>
                            <ArmBadge arm={instance.arm === 'AsIs' || instance.arm === 'ToBe' ? instance.arm : null} />
                          </td>
                          <td className={td}>{instance.processKey ?? instance.definitionId}</td>
                          <td className={td}>
                            {instance.municipalityCode ? organisationName(instance.municipalityCode, organisations.data, language) : '—'}
                          </td>
                          <td className={td} data-testid="instance-status">
                            {t(`pilots.instanceStatus.${instance.status}`, { defaultValue: instance.status })}
                          </td>
                          <td className={td}>
                            <TimeValue iso={instance.createdAt} virtual={instance.simulated} />
                          </td>
                          <td className={td}>
                            <TimeValue iso={instance.finishedAt} virtual={instance.simulated} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            ))}
        </section>
      )}
    </>
  );
}
