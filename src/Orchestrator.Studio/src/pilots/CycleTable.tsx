import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cell, DataTable } from '../components/DataTable';
import type { CycleView } from './api';
import { ArmProgressBar, CycleStatusBadge, ProgressLegend, TimeValue } from './parts';

/** When a cycle was requested, started, is due and closed; a simulated cycle's start and deadline are virtual. */
export function CycleTimes({ cycle }: { cycle: CycleView }) {
  const { t } = useTranslation();
  const rows: [string, string | null, boolean][] = [
    ['requested', cycle.requestedAt, false],
    ['started', cycle.startedAt, cycle.simulated],
    ['deadline', cycle.deadline, cycle.simulated],
    ['closed', cycle.closedAt, false],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-dns-16N-130" data-testid="cycle-times">
      {rows
        .filter(([, iso]) => iso !== null)
        .map(([key, iso, virtual]) => (
          <div key={key} className="contents">
            <dt className="text-solid-gray-700">{t(`pilots.detail.times.${key}`)}</dt>
            <dd data-testid={`cycle-${key}`}>
              <TimeValue iso={iso} virtual={virtual} />
            </dd>
          </div>
        ))}
    </dl>
  );
}

/** The definition versions one arm's instances ran in a cycle: 「okuyami-asis 第 2 版 × 5」. */
export function VersionsRun({ cycle, arm }: { cycle: CycleView; arm: 'AsIs' | 'ToBe' }) {
  const { t } = useTranslation();
  const runs = (cycle.versions ?? []).filter((v) => v.arm === arm);
  if (runs.length === 0) return null;
  return (
    <ul className="mt-1 text-dns-14N-130 text-solid-gray-700" data-testid={`cycle-versions-${arm}`}>
      {runs.map((v) => (
        <li key={`${v.definitionId}-${v.version}`} className="whitespace-nowrap">
          {t('pilots.detail.versionRun', { id: v.definitionId, version: v.version, count: v.instances })}
        </li>
      ))}
    </ul>
  );
}

function CycleRow({ pilotId, cycle }: { pilotId: string; cycle: CycleView }) {
  const { t } = useTranslation();
  return (
    <>
      <th scope="row" className={`${cell} whitespace-nowrap font-normal`}>
        <Link to={`/pilots/${encodeURIComponent(pilotId)}/cycles/${encodeURIComponent(cycle.id)}`} className="link font-bold">
          {t('pilots.detail.cycleLink', { number: cycle.number })}
        </Link>
      </th>
      <td className={cell}>{t(`pilots.trigger.${cycle.trigger}`, { defaultValue: cycle.trigger })}</td>
      <td className={cell}>
        <CycleStatusBadge status={cycle.status} />
        {cycle.error && (
          <p className="mt-1 max-w-64 text-dns-16N-130 text-error-2" data-testid="cycle-error">
            {t('pilots.detail.cycleError', { error: cycle.error })}
          </p>
        )}
      </td>
      <td className={`${cell} min-w-60`}>
        <CycleTimes cycle={cycle} />
      </td>
      <td className={`${cell} min-w-40`}>
        <ArmProgressBar arm="AsIs" progress={cycle.progress.AsIs} />
        <VersionsRun cycle={cycle} arm="AsIs" />
      </td>
      <td className={`${cell} min-w-40`}>
        <ArmProgressBar arm="ToBe" progress={cycle.progress.ToBe} />
        <VersionsRun cycle={cycle} arm="ToBe" />
      </td>
    </>
  );
}

export function CycleTable({ pilotId, cycles }: { pilotId: string; cycles: CycleView[] }) {
  const { t } = useTranslation();
  return (
    <>
      <ProgressLegend />
      <DataTable
        caption={t('pilots.detail.cyclesCaption')}
        columns={(['number', 'trigger', 'status', 'times', 'AsIs', 'ToBe'] as const).map((key) => ({ key, label: t(`pilots.detail.columns.${key}`) }))}
        rows={cycles}
        rowKey={(cycle) => cycle.id}
        rowProps={(cycle) => ({ 'data-testid': `cycle-row-${cycle.number}` })}
        renderRow={(cycle) => <CycleRow pilotId={pilotId} cycle={cycle} />}
        minWidth="min-w-[52rem]"
        testId="cycles-table"
      />
    </>
  );
}
