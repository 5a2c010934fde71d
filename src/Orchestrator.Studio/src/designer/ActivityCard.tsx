import { Handle, Position, useStore, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { useDecorations } from './canvasContext';
import { cardHeight, cardWidth, overviewScale, overviewText, portOffset } from './geometry';
import { ActivityIcon } from './icons';
import { formatDuration, formatMinutes } from './instanceStats';
import { measurementOf } from './measurement';
import type { ActivityNode } from './model';
import { colourIndex, overlayColours } from './overlay';

const statusStyles: Record<string, string> = {
  Completed: 'border-green-900 bg-green-50 text-green-1100',
  Running: 'border-blue-900 bg-blue-50 text-blue-1000',
  Faulted: 'border-error-1 bg-red-50 text-error-2',
  Cancelled: 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-800',
};

function Effort({ activity }: { activity: ActivityNode['data']['activity'] }) {
  const { t, i18n } = useTranslation();
  const effort = measurementOf(activity).standardEffortMinutes;
  if (!effort || typeof effort.mode !== 'number') return null;
  const range = typeof effort.min === 'number' && typeof effort.max === 'number' ? ` (${effort.min}–${effort.max})` : '';
  return (
    <span title={t('designer.card.effortTitle')} data-testid="card-effort">
      {t('designer.card.effort', { value: formatMinutes(effort.mode, currentLanguage(i18n)) })}
      {range}
    </span>
  );
}

/**
 * A node on the canvas: type icon and name, step code, actor level, standard effort, and the outcome ports. Zoomed
 * out (a whole long process in view) it shows only the name, and the run or overlay figure, in letters sized to stay
 * readable on screen.
 */
function ActivityCardView({ id, data, selected }: NodeProps<ActivityNode>) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { descriptors, problems, runStats, overlay, readOnly, stepIssues } = useDecorations();
  const { activity, ports } = data;
  const descriptor = descriptors.get(activity.type);
  const measurement = measurementOf(activity);
  const issues = typeof measurement.stepCode === 'string' ? stepIssues?.get(measurement.stepCode) : undefined;
  const nodeProblems = problems.get(id) ?? [];
  const errors = nodeProblems.filter((p) => p.severity === 'error').length;
  const run = runStats?.get(id);
  const figure = overlay?.figures.get(id);
  const colour = figure && overlay?.scale ? overlayColours[colourIndex(figure.value, overlay.scale)] : undefined;
  // A type this engine does not know (another project's own activity): shown as such and kept as it is on save.
  const unknown = descriptor === undefined;
  const typeName = descriptor ? descriptor.displayName[language] : activity.type;
  const name = typeof activity.name === 'string' && activity.name ? activity.name : id;
  const border =
    errors > 0
      ? 'border-error-1 border-2'
      : selected
        ? 'border-blue-900 border-2'
        : unknown
          ? 'border-dashed border-2 border-solid-gray-700'
          : 'border-solid-gray-536';
  const dimmed = runStats !== null && !run ? 'opacity-60' : '';
  const scale = useStore(overviewScale);
  const overview = scale === null ? null : overviewText(scale, cardHeight(ports.length), Boolean(run || figure));

  return (
    <div
      className={`relative rounded-8 border bg-white text-left shadow-sm ${border} ${dimmed}`}
      style={{ width: cardWidth, height: cardHeight(ports.length), ...(colour ? { backgroundColor: colour.fill, color: colour.text } : {}) }}
      data-testid={`node-${id}`}
      data-errors={errors}
      data-status={run?.status ?? ''}
      data-unknown={unknown}
      title={descriptor ? descriptor.description[language] : t('designer.card.unknownTitle', { type: activity.type })}
    >
      <Handle
        type="target"
        position={Position.Left}
        id="In"
        isConnectable={!readOnly}
        data-testid={`in-${id}`}
        className="!size-3 !border-2 !border-white !bg-solid-gray-700"
      />
      {overview ? (
        <div
          className="flex h-full flex-col justify-between overflow-hidden px-2 py-0.5 font-bold"
          style={{ fontSize: overview.fontSize, lineHeight: 1.1 }}
          data-overview="true"
        >
          <div style={{ display: '-webkit-box', WebkitBoxOrient: 'vertical', WebkitLineClamp: overview.lines, overflow: 'hidden' }} data-testid="card-name">
            {name}
          </div>
          {run && (
            <div className="truncate" data-testid="card-run">
              {t(`designer.runStatus.${run.status}`)}
              {run.totalSeconds !== null && <span data-testid="card-duration"> {formatDuration(run.totalSeconds, language)}</span>}
            </div>
          )}
          {figure && (
            <div className="truncate" data-testid="card-overlay">
              {formatMinutes(figure.value, language)}
            </div>
          )}
        </div>
      ) : (
        <div className="flex h-full flex-col gap-1 py-2 pl-3 pr-16 text-dns-14N-130">
          <div className="flex items-center gap-1 text-dns-14N-120 opacity-80">
            <ActivityIcon type={activity.type} category={descriptor?.category} className="size-4 shrink-0" />
            <span className="truncate">{typeName}</span>
            {unknown && (
              <span className="shrink-0 rounded-4 border border-solid-gray-700 px-1 text-dns-14B-120" data-testid="card-unknown">
                {t('designer.card.unknown')}
              </span>
            )}
          </div>
          <div className="line-clamp-2 text-dns-16B-130" data-testid="card-name">
            {name}
          </div>
          <div className="flex flex-wrap gap-x-2 gap-y-0.5 text-dns-14N-120">
            {typeof measurement.stepCode === 'string' && <span className="font-bold">{measurement.stepCode}</span>}
            {typeof measurement.actorOrgLevel === 'string' && (
              <span data-testid="card-actor">{t(`designer.lanes.${measurement.actorOrgLevel}`, { defaultValue: measurement.actorOrgLevel })}</span>
            )}
            <Effort activity={activity} />
            {issues && (
              <span
                className="rounded-4 border border-orange-800 bg-orange-50 px-1 text-dns-14B-120 text-orange-1100"
                title={t('issues.badgeTitle', { titles: issues.titles.join('、') })}
                data-testid="card-issues"
              >
                {t('issues.badge', { count: issues.count })}
              </span>
            )}
          </div>
          {run && (
            <div className="mt-auto flex flex-wrap items-center gap-1 text-dns-14N-120" data-testid="card-run">
              <span className={`rounded-4 border px-1 ${statusStyles[run.status] ?? ''}`}>{t(`designer.runStatus.${run.status}`)}</span>
              {run.count > 1 && <span>{t('designer.card.count', { count: run.count })}</span>}
              {run.totalSeconds !== null && <span data-testid="card-duration">{formatDuration(run.totalSeconds, language)}</span>}
            </div>
          )}
          {figure && (
            <div className="mt-auto text-dns-14B-120" data-testid="card-overlay">
              {t('designer.card.overlayValue', { value: formatMinutes(figure.value, language), n: figure.n })}
            </div>
          )}
        </div>
      )}
      {nodeProblems.length > 0 && (
        <span
          className={`absolute -top-3 right-2 rounded-full px-2 text-dns-14B-120 ${errors > 0 ? 'bg-error-1 text-white' : 'bg-yellow-300 text-black'}`}
          style={overview ? { fontSize: Math.round(overview.fontSize * 0.9), lineHeight: 1.2, top: -Math.round(overview.fontSize * 0.7) } : undefined}
          data-testid={`node-problem-${id}`}
          title={nodeProblems.map((p) => p.message[language]).join('\n')}
        >
          {errors > 0 ? t('designer.card.errors', { count: errors }) : t('designer.card.warnings', { count: nodeProblems.length })}
        </span>
      )}
      {ports.map((port, index) => (
        <div key={port} className="absolute right-0 flex items-center" style={{ top: portOffset(index, ports.length) - 10, height: 20 }}>
          {!overview && (
            <span className="max-w-16 truncate pr-2 text-dns-14N-120 opacity-90" title={port}>
              {port}
            </span>
          )}
          <Handle
            type="source"
            position={Position.Right}
            id={port}
            isConnectable={!readOnly}
            data-testid={`port-${id}-${port}`}
            title={t('designer.card.portTitle', { port })}
            style={{ top: 10 }}
            className="!size-3 !border-2 !border-white !bg-blue-900"
          />
        </div>
      ))}
    </div>
  );
}

export const ActivityCard = memo(ActivityCardView);
