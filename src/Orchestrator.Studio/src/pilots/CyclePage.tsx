import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api';
import { cell, DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SelectFilter } from '../components/SelectFilter';
import { currentLanguage } from '../i18n';
import { ArmBadge } from '../tasks/parts';
import type { Arm } from '../tasks/api';
import { getCycle, getPilot, listCycleInstances, listOrganisations, type InstanceSummary, type OrganisationEntry } from './api';
import { CycleTimes } from './CycleTable';
import { localName, organisationName } from './format';
import { MeasurementImports } from './MeasurementImports';
import { useResource } from '../components/useResource';
import { usePolling } from './hooks';
import { ArmProgressBar, CycleStatusBadge, ProgressLegend, TimeValue, failureReason } from './parts';
import { isOpen, pollIntervalMs } from './progress';

const arms: readonly Arm[] = ['AsIs', 'ToBe'];

/** Cases in order, the as-is instance of a case before its to-be one. */
function byCase(a: InstanceSummary, b: InstanceSummary): number {
  return (a.caseId ?? '').localeCompare(b.caseId ?? '', 'ja', { numeric: true }) || String(a.arm).localeCompare(String(b.arm));
}

function InstanceRow({ instance, organisations }: { instance: InstanceSummary; organisations: readonly OrganisationEntry[] | null }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <th scope="row" className={`${cell} font-normal`}>
        <Link to={`/workflows/instances/${encodeURIComponent(instance.id)}`} className="link font-bold">
          {instance.caseId ?? instance.id}
        </Link>
      </th>
      <td className={cell}>
        <ArmBadge arm={instance.arm === 'AsIs' || instance.arm === 'ToBe' ? instance.arm : null} />
      </td>
      <td className={cell}>{instance.processKey ?? instance.definitionId}</td>
      <td className={cell}>{instance.municipalityCode ? organisationName(instance.municipalityCode, organisations, currentLanguage(i18n)) : '—'}</td>
      <td className={cell} data-testid="instance-status">
        {t(`pilots.instanceStatus.${instance.status}`, { defaultValue: instance.status })}
      </td>
      <td className={cell}>
        <TimeValue iso={instance.createdAt} virtual={instance.simulated} />
      </td>
      <td className={cell}>
        <TimeValue iso={instance.finishedAt} virtual={instance.simulated} />
      </td>
    </>
  );
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
  const cycle = useResource((signal) => getCycle(cycleId, signal), `cycle:${cycleId}`);
  const instances = useResource((signal) => listCycleInstances(cycleId, signal), `instances:${cycleId}`);
  const pilot = useResource((signal) => getPilot(pilotId, signal), `pilot:${pilotId}`);
  const organisations = useResource((signal) => listOrganisations(signal), 'organisations');

  const open = cycle.data !== null && isOpen(cycle.data);
  const { reload: reloadCycle } = cycle;
  const { reload: reloadInstances } = instances;
  const refresh = useCallback(() => {
    reloadCycle();
    reloadInstances();
  }, [reloadCycle, reloadInstances]);
  usePolling(open, pollIntervalMs, refresh);

  const rows = useMemo(() => [...(instances.data ?? [])].filter((i) => armFilter === '' || i.arm === armFilter).sort(byCase), [instances.data, armFilter]);

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
      {cycle.loading && view === null && <Loading>{t('pilots.common.loading')}</Loading>}
      {!notFound && cycle.error !== null && (
        <LoadError
          message={t('pilots.common.loadFailed', { reason: failureReason(cycle.error) })}
          retryLabel={t('pilots.common.retry')}
          onRetry={refresh}
          testId="cycle-load-error"
        />
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
          <div className="mb-4">
            <SelectFilter
              label={t('pilots.cycle.filterArm')}
              value={armFilter}
              options={[{ value: '', label: t('pilots.cycle.allArms') }, ...arms.map((arm) => ({ value: arm, label: t(`pilots.arm.${arm}`) }))]}
              onChange={(value) => setArmFilter(value === 'AsIs' || value === 'ToBe' ? value : '')}
            />
          </div>
          {instances.error !== null && <LoadError message={t('pilots.common.loadFailed', { reason: failureReason(instances.error) })} />}
          {instances.data !== null &&
            (rows.length === 0 ? (
              <EmptyState testId="instances-empty">{t('pilots.cycle.noInstances')}</EmptyState>
            ) : (
              <>
                <p className="mb-2 text-dns-16N-130 text-solid-gray-700" data-testid="instances-count">
                  {t('pilots.cycle.shown', { count: rows.length })}
                </p>
                <DataTable
                  caption={t('pilots.cycle.instancesCaption')}
                  columns={(['case', 'arm', 'process', 'municipality', 'status', 'created', 'finished'] as const).map((key) => ({
                    key,
                    label: t(`pilots.cycle.columns.${key}`),
                  }))}
                  rows={rows}
                  rowKey={(instance) => instance.id}
                  rowProps={(instance) => ({ 'data-testid': `instance-row-${instance.id}` })}
                  renderRow={(instance) => <InstanceRow instance={instance} organisations={organisations.data} />}
                  minWidth="min-w-[52rem]"
                  testId="instances-table"
                />
              </>
            ))}
        </section>
      )}
    </>
  );
}
