/** Hand-written SVG charts: small, printable, and each with a text alternative. */
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatMetric, formatNumber, formatPercent } from './format';
import { segments, type HandoffMatrix, type LeadTimeArm, type Metric, type MetricDelta, type Segment, type TrendCycle } from './api';

const segmentColours: Record<Segment, string> = {
  touch: '#0031d8',
  queue: '#e25100',
  handoff: '#7f19dd',
  resident: '#197a4b',
  system: '#626264',
  offHours: '#b4b4b4',
  other: '#e0e0e0',
};

/**
 * Reduction rate per metric as a bar from 0. The rate is Δ ÷ the as-is mean, which cannot pass 100 %, and the axis
 * never does: the interval is of Δ in the metric's own unit (in the table and each bar's title), because dividing
 * its ends by the as-is mean would show reductions above 100 %. Rises beyond −100 % are drawn to the axis' end.
 */
export function ReductionChart({ rows }: { rows: { metric: Metric; delta: MetricDelta | null }[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const usable = rows.filter((r) => r.delta?.reductionRate !== null && r.delta?.reductionRate !== undefined);
  const rates = usable.map((r) => r.delta!.reductionRate!);
  const min = Math.max(-1, Math.min(0, ...rates));
  const max = Math.min(1, Math.max(0.01, ...rates));
  const width = 560;
  const label = 200;
  const row = 28;
  const height = usable.length * row + 24;
  const x = (value: number) => label + ((Math.min(max, Math.max(min, value)) - min) / (max - min)) * (width - label - 16);
  return (
    <svg
      role="img"
      aria-label={t('reports.charts.reductionLabel')}
      viewBox={`0 0 ${width} ${height}`}
      className="w-full max-w-2xl"
      data-testid="reduction-chart"
    >
      <line x1={x(0)} x2={x(0)} y1={0} y2={height - 20} stroke="#1a1a1c" />
      {usable.map((r, i) => {
        const d = r.delta!;
        const value = d.reductionRate!;
        const y = i * row + 4;
        const unit = (v: number) => formatMetric(r.metric, v, language);
        return (
          <g key={r.metric}>
            <text x={label - 8} y={y + 15} textAnchor="end" fontSize="13" fill="#1a1a1c">
              {t(`reports.metrics.${r.metric}`)}
            </text>
            <rect x={Math.min(x(0), x(value))} y={y + 4} width={Math.abs(x(value) - x(0))} height={14} fill={value >= 0 ? '#3460fb' : '#ec0000'}>
              <title>{`${t(`reports.metrics.${r.metric}`)}: ${formatPercent(value, language)} (Δ ${unit(d.value)}, 95% ${unit(d.ci95[0])} – ${unit(d.ci95[1])})`}</title>
            </rect>
          </g>
        );
      })}
      <text x={x(0)} y={height - 4} textAnchor="middle" fontSize="11" fill="#626264">
        0%
      </text>
      <text x={x(max)} y={height - 4} textAnchor="end" fontSize="11" fill="#626264">
        {formatPercent(max, language)}
      </text>
    </svg>
  );
}

/** The lead time of each arm as a stacked bar of its parts (mean hours per case), with a legend. */
export function DecompositionChart({ asIs, toBe }: { asIs: LeadTimeArm; toBe: LeadTimeArm }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const total = (a: LeadTimeArm) => segments.reduce((sum, s) => sum + a.meanHours[s], 0);
  const longest = Math.max(total(asIs), total(toBe), 0.0001);
  const width = 560;
  const label = 90;
  const bar = (arm: LeadTimeArm, y: number) => {
    let at = label;
    return segments.map((s) => {
      const w = (arm.meanHours[s] / longest) * (width - label - 10);
      const rect = (
        <rect key={s} x={at} y={y} width={Math.max(0, w)} height={22} fill={segmentColours[s]}>
          <title>{`${t(`reports.segments.${s}`)}: ${formatNumber(arm.meanHours[s], language, 2)} h`}</title>
        </rect>
      );
      at += Math.max(0, w);
      return rect;
    });
  };
  return (
    <figure>
      <svg role="img" aria-label={t('reports.charts.decompositionLabel')} viewBox={`0 0 ${width} 70`} className="w-full max-w-2xl" data-testid="decomposition-chart">
        <text x={label - 8} y={20} textAnchor="end" fontSize="13">{t('reports.arms.AsIs')}</text>
        {bar(asIs, 5)}
        <text x={label - 8} y={54} textAnchor="end" fontSize="13">{t('reports.arms.ToBe')}</text>
        {bar(toBe, 39)}
      </svg>
      <figcaption>
        <ul className="mt-2 flex flex-wrap gap-4 text-dns-14N-130">
          {segments.map((s) => (
            <li key={s} className="flex items-center gap-1">
              <span aria-hidden="true" className="inline-block h-3 w-3" style={{ background: segmentColours[s] }} />
              {t(`reports.segments.${s}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** Handoff matrix as a table whose cells are shaded by median latency. */
export function HandoffHeatTable({ matrix, caption }: { matrix: HandoffMatrix; caption: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const slowest = Math.max(0.0001, ...matrix.cells.map((c) => c.latencyHours.median ?? 0));
  const cell = (sender: string, receiver: string) => matrix.cells.find((c) => c.sender === sender && c.receiver === receiver);
  return (
    <table className="report-table" data-testid="handoff-matrix">
      <caption className="text-left text-std-16B-170">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.handoffs.senderReceiver')}</th>
          {matrix.levels.map((l) => (
            <th key={l} scope="col">{t(`reports.levels.${l}`, { defaultValue: l })}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.levels.map((sender) => (
          <tr key={sender}>
            <th scope="row">{t(`reports.levels.${sender}`, { defaultValue: sender })}</th>
            {matrix.levels.map((receiver) => {
              const c = cell(sender, receiver);
              const share = c && c.latencyHours.median !== null ? c.latencyHours.median / slowest : 0;
              return (
                <td
                  key={receiver}
                  style={{ background: c && c.count > 0 ? `rgba(236, 0, 0, ${0.08 + share * 0.5})` : undefined }}
                  data-testid={`handoff-${sender}-${receiver}`}
                >
                  {c && c.count > 0 ? (
                    <>
                      <div>{t('reports.handoffs.count', { count: c.count })}</div>
                      <div>
                        {t('reports.handoffs.latency', {
                          median: formatNumber(c.latencyHours.median, language, 2),
                          p90: formatNumber(c.latencyHours.p90, language, 2),
                        })}
                      </div>
                      {c.failed > 0 && <div className="text-error-1">{t('reports.handoffs.failed', { count: c.failed })}</div>}
                    </>
                  ) : (
                    '–'
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A pilot's own cycle number when every cycle shown is of that one pilot; otherwise the cycles' order. */
export function cycleLabel(cycle: TrendCycle, cycles: readonly TrendCycle[]): number {
  const onePilot = cycles.every((c) => c.pilotId !== null && c.pilotId === cycles[0]?.pilotId);
  return onePilot && cycle.cycleNumber !== null ? cycle.cycleNumber : cycle.order;
}

/** Mean touch minutes per cycle for both arms. */
export function TrendChart({ cycles }: { cycles: TrendCycle[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const width = 560;
  const height = 180;
  const pad = 36;
  const values = cycles.flatMap((c) => [c.asIs.touchMinutes, c.toBe.touchMinutes]).filter((v): v is number => v !== null);
  const max = Math.max(1, ...values);
  const x = (i: number) => pad + (cycles.length <= 1 ? (width - 2 * pad) / 2 : (i / (cycles.length - 1)) * (width - 2 * pad));
  const y = (v: number) => height - pad - (v / max) * (height - pad - 24);
  const line = (pick: (c: TrendCycle) => number | null) =>
    cycles
      .map((c, i) => [i, pick(c)] as const)
      .filter((p): p is readonly [number, number] => p[1] !== null)
      .map(([i, v]) => `${x(i)},${y(v)}`)
      .join(' ');
  return (
    <svg role="img" aria-label={t('reports.charts.trendLabel')} viewBox={`0 0 ${width} ${height}`} className="w-full max-w-2xl" data-testid="trend-chart">
      <line x1={pad} x2={width - pad} y1={height - pad} y2={height - pad} stroke="#1a1a1c" />
      <line x1={pad} x2={pad} y1={pad / 2} y2={height - pad} stroke="#1a1a1c" />
      <text x={pad - 4} y={y(max) + 4} textAnchor="end" fontSize="11">{formatNumber(max, language, 0)}</text>
      <polyline points={line((c) => c.asIs.touchMinutes)} fill="none" stroke="#e25100" strokeWidth="2.5" />
      <polyline points={line((c) => c.toBe.touchMinutes)} fill="none" stroke="#0031d8" strokeWidth="2.5" />
      {cycles.map((c, i) => (
        <text key={c.cycleId ?? 'none'} x={x(i)} y={height - pad + 16} textAnchor="middle" fontSize="11">
          {t('reports.trend.cycle', { order: cycleLabel(c, cycles) })}
        </text>
      ))}
      <text x={pad + 8} y={12} fontSize="12" fill="#e25100">{`— ${t('reports.arms.AsIs')}`}</text>
      <text x={pad + 88} y={12} fontSize="12" fill="#0031d8">{`— ${t('reports.arms.ToBe')}`}</text>
    </svg>
  );
}
