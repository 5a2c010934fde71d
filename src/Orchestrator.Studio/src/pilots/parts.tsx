import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import type { Arm } from '../tasks/api';
import { formatDateTime } from '../tasks/format';
import type { ArmProgress, CycleStatus, PilotMode } from './api';
import { armSegments, segmentPercents, type ArmSegments } from './progress';

const badge = 'inline-block rounded-4 border px-2 py-0.5 text-dns-14B-120 whitespace-nowrap';

/** ライブ / シミュレーション. Text carries the meaning; the colour only helps. */
export function ModeBadge({ mode }: { mode: PilotMode }) {
  const { t } = useTranslation();
  const colours = mode === 'Live' ? 'border-blue-900 bg-blue-50 text-blue-1000' : 'border-purple-800 bg-purple-50 text-purple-1000';
  return (
    <span className={`${badge} ${colours}`} data-testid="mode-badge" data-mode={mode}>
      {t(`pilots.mode.${mode}`, { defaultValue: mode })}
    </span>
  );
}

export function ActiveLabel({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={active ? 'font-bold text-green-1100' : 'text-solid-gray-700'} data-testid="active-label">
      {t(`pilots.active.${active}`)}
    </span>
  );
}

const statusColours: Record<CycleStatus, string> = {
  Starting: 'border-blue-900 bg-blue-50 text-blue-1000',
  Running: 'border-blue-900 bg-blue-100 text-blue-1100',
  Closed: 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-900',
  Failed: 'border-error-1 bg-red-50 text-error-2',
};

export function CycleStatusBadge({ status }: { status: CycleStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`${badge} ${statusColours[status] ?? statusColours.Closed}`} data-testid="cycle-status" data-status={status}>
      {t(`pilots.cycleStatus.${status}`, { defaultValue: status })}
    </span>
  );
}

/** A date and time; a simulated cycle's virtual times say so (仮想時刻). */
export function TimeValue({ iso, virtual = false }: { iso: string | null; virtual?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!iso) return <span className="text-solid-gray-700">—</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2">
      <time dateTime={iso}>{formatDateTime(iso, currentLanguage(i18n))}</time>
      {virtual && (
        <span className={`${badge} border-purple-800 bg-purple-50 text-purple-1000`} title={t('pilots.time.virtualHint')} data-testid="virtual-time">
          {t('pilots.time.virtual')}
        </span>
      )}
    </span>
  );
}

const segmentStyles: readonly [keyof ReturnType<typeof segmentPercents>, string][] = [
  ['completed', 'bg-green-800'],
  ['inProgress', 'bg-blue-400'],
  ['overdue', 'bg-orange-600'],
  ['failed', 'bg-red-900'],
];

/** Legend of the progress bar's colours (once per table). */
export function ProgressLegend() {
  const { t } = useTranslation();
  return (
    <ul
      aria-label={t('pilots.progress.legend')}
      className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-dns-16N-130 text-solid-gray-800"
      data-testid="progress-legend"
    >
      {[...segmentStyles, ['notStarted', 'bg-solid-gray-100 border border-solid-gray-420'] as const].map(([key, style]) => (
        <li key={key} className="inline-flex items-center gap-2">
          <span aria-hidden="true" className={`inline-block size-3.5 rounded-4 ${style}`} />
          {t(`pilots.progress.${key}`)}
        </li>
      ))}
    </ul>
  );
}

function SegmentNumbers({ segments }: { segments: ArmSegments }) {
  const { t } = useTranslation();
  const extra = (['inProgress', 'overdue', 'failed'] as const).filter((key) => segments[key] > 0);
  return (
    <p className="text-dns-16N-130 text-solid-gray-800" aria-hidden="true" data-testid="progress-numbers">
      <span className="font-bold text-solid-gray-900">{t('pilots.progress.numbers', { completed: segments.completed, planned: segments.planned })}</span>
      {extra.map((key) => (
        <span key={key} className="ml-2 whitespace-nowrap">
          {t(`pilots.progress.${key}`)} {segments[key]}
        </span>
      ))}
    </p>
  );
}

/**
 * One arm's stacked bar: completed, under way, overdue and failed as shares of the planned cases. It is a
 * progressbar (completed of planned) whose text says every part, so a screen reader hears the same numbers.
 */
export function ArmProgressBar({ arm, progress, compact = false }: { arm: Arm; progress: ArmProgress | null | undefined; compact?: boolean }) {
  const { t } = useTranslation();
  const segments = armSegments(progress);
  const percents = segmentPercents(segments);
  const armName = t(`pilots.arm.${arm}`);
  if (segments.planned === 0) {
    return (
      <span className="text-solid-gray-700" data-testid={`progress-${arm}`} data-planned="0">
        {compact && `${armName}: `}
        {t('pilots.progress.none')}
      </span>
    );
  }
  return (
    <div className="flex min-w-40 flex-col gap-1" data-testid={`progress-${arm}`} data-planned={segments.planned} data-completed={segments.completed}>
      {compact && <span className="text-dns-14B-120 text-solid-gray-800">{armName}</span>}
      <div
        role="progressbar"
        aria-label={t('pilots.progress.label', { arm: armName })}
        aria-valuemin={0}
        aria-valuemax={segments.planned}
        aria-valuenow={segments.completed}
        aria-valuetext={t('pilots.progress.valueText', { ...segments })}
        className="flex h-4 w-full overflow-hidden rounded-4 border border-solid-gray-420 bg-solid-gray-100"
      >
        {segmentStyles.map(([key, style]) =>
          percents[key] > 0 ? <span key={key} className={`block h-full ${style}`} style={{ width: `${percents[key]}%` }} data-segment={key} /> : null,
        )}
      </div>
      <SegmentNumbers segments={segments} />
    </div>
  );
}

/** A short reason for a failed call. */
export { failureReason } from '../tasks/parts';
