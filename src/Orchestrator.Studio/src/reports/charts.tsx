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

const reductionColours = { down: '#3460fb', up: '#ec0000' };
const upPattern = 'repeating-linear-gradient(45deg, transparent 0 3px, #ffffff 3px 5px)';

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
    <figure>
      <svg
        role="img"
        aria-label={t('reports.charts.reductionLabel')}
        viewBox={`0 0 ${width} ${height}`}
        className="w-full max-w-2xl"
        data-testid="reduction-chart"
      >
        <defs>
          {/* An increase is hatched as well as red, so it reads without colour. */}
          <pattern id="reduction-up" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={reductionColours.up} />
            <line x1="0" x2="0" y1="0" y2="6" stroke="#ffffff" strokeWidth="2" />
          </pattern>
        </defs>
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
              <rect
                x={Math.min(x(0), x(value))}
                y={y + 4}
                width={Math.abs(x(value) - x(0))}
                height={14}
                fill={value >= 0 ? reductionColours.down : 'url(#reduction-up)'}
              >
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
      <figcaption>
        <ul className="mt-2 flex flex-wrap gap-4 text-dns-14N-130" data-testid="reduction-legend">
          <li className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-5" style={{ background: reductionColours.down }} />
            {t('reports.charts.reductionDown')}
          </li>
          <li className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-5" style={{ background: reductionColours.up, backgroundImage: upPattern }} />
            {t('reports.charts.reductionUp')}
          </li>
        </ul>
      </figcaption>
    </figure>
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
      <svg
        role="img"
        aria-label={t('reports.charts.decompositionLabel')}
        viewBox={`0 0 ${width} 70`}
        className="w-full max-w-2xl"
        data-testid="decomposition-chart"
      >
        <text x={label - 8} y={20} textAnchor="end" fontSize="13">
          {t('reports.arms.AsIs')}
        </text>
        {bar(asIs, 5)}
        <text x={label - 8} y={54} textAnchor="end" fontSize="13">
          {t('reports.arms.ToBe')}
        </text>
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
            <th key={l} scope="col">
              {t(`reports.levels.${l}`, { defaultValue: l })}
            </th>
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

/** Round steps for an axis from 0 to at least max: 1, 2 or 5 times a power of ten, about four of them. */
export function axisTicks(max: number): number[] {
  const rough = Math.max(max, 1e-9) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks = [0];
  while (ticks[ticks.length - 1]! < max) ticks.push(ticks.length * step);
  return ticks;
}

/** The arms told apart by colour, dash and marker, so the chart reads in black and white and for colour-blind readers. */
const trendArms = [
  { arm: 'AsIs', key: 'asIs', colour: '#c44000', dash: '6 4', marker: 'square' },
  { arm: 'ToBe', key: 'toBe', colour: '#0031d8', dash: undefined, marker: 'circle' },
] as const;

function Marker({ shape, x, y, colour }: { shape: 'square' | 'circle'; x: number; y: number; colour: string }) {
  return shape === 'square' ? <rect x={x - 4} y={y - 4} width={8} height={8} fill={colour} /> : <circle cx={x} cy={y} r={4.5} fill={colour} />;
}

/** Mean touch minutes per cycle for both arms, cycles in the order they were run, with its data as a table below. */
export function TrendChart({ cycles, caption }: { cycles: TrendCycle[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const width = 560;
  const height = 200;
  const left = 64;
  const right = 24;
  const top = 16;
  const bottom = 36;
  const values = cycles.flatMap((c) => [c.asIs.touchMinutes, c.toBe.touchMinutes]).filter((v): v is number => v !== null);
  const ticks = axisTicks(Math.max(0, ...values));
  const max = ticks[ticks.length - 1] || 1;
  const x = (i: number) => left + (cycles.length <= 1 ? (width - left - right) / 2 : (i / (cycles.length - 1)) * (width - left - right));
  const y = (v: number) => height - bottom - (v / max) * (height - bottom - top);
  const label = (c: TrendCycle) => (c.cycleId === null ? t('reports.trend.outside') : t('reports.trend.cycle', { order: cycleLabel(c, cycles) }));
  const unit = t('reports.trend.unit');
  return (
    <figure data-testid="trend">
      <svg role="img" aria-label={t('reports.charts.trendLabel')} viewBox={`0 0 ${width} ${height}`} className="w-full max-w-2xl" data-testid="trend-chart">
        {ticks.map((tick) => (
          <g key={tick} data-testid="trend-tick">
            <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} stroke={tick === 0 ? '#1a1a1c' : '#d8d8db'} />
            <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#1a1a1c">
              {formatNumber(tick, language, 0)}
            </text>
          </g>
        ))}
        <line x1={left} x2={left} y1={top} y2={height - bottom} stroke="#1a1a1c" />
        <text
          x={12}
          y={(top + height - bottom) / 2}
          fontSize="11"
          fill="#1a1a1c"
          textAnchor="middle"
          transform={`rotate(-90 12 ${(top + height - bottom) / 2})`}
          data-testid="trend-unit"
        >
          {unit}
        </text>
        {trendArms.map((a) => {
          const points = cycles.map((c, i) => [i, c[a.key].touchMinutes] as const).filter((p): p is readonly [number, number] => p[1] !== null);
          return (
            <g key={a.arm}>
              <polyline points={points.map(([i, v]) => `${x(i)},${y(v)}`).join(' ')} fill="none" stroke={a.colour} strokeWidth="2.5" strokeDasharray={a.dash} />
              {points.map(([i, v]) => (
                <Marker key={i} shape={a.marker} x={x(i)} y={y(v)} colour={a.colour} />
              ))}
            </g>
          );
        })}
        {cycles.map((c, i) => (
          <text key={c.cycleId ?? 'none'} x={x(i)} y={height - bottom + 18} textAnchor="middle" fontSize="11" data-testid="trend-cycle">
            {label(c)}
          </text>
        ))}
      </svg>
      <figcaption>
        <ul className="mt-2 flex flex-wrap gap-4 text-dns-14N-130" data-testid="trend-legend">
          {trendArms.map((a) => (
            <li key={a.arm} className="flex items-center gap-2">
              <svg aria-hidden="true" width="36" height="12" viewBox="0 0 36 12">
                <line x1="2" x2="34" y1="6" y2="6" stroke={a.colour} strokeWidth="2.5" strokeDasharray={a.dash} />
                <Marker shape={a.marker} x={18} y={6} colour={a.colour} />
              </svg>
              {t(`reports.arms.${a.arm}`)}
            </li>
          ))}
        </ul>
        <details className="mt-2">
          <summary className="cursor-pointer text-dns-14N-130">{t('reports.trend.asTable')}</summary>
          <table className="report-table mt-2" data-testid="trend-table">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.trend.cycleColumn')}</th>
                <th scope="col">{`${t('reports.arms.AsIs')} (${unit})`}</th>
                <th scope="col">{`${t('reports.arms.ToBe')} (${unit})`}</th>
                <th scope="col">{t('reports.trend.cases')}</th>
              </tr>
            </thead>
            <tbody>
              {cycles.map((c) => (
                <tr key={c.cycleId ?? 'none'}>
                  <th scope="row">{label(c)}</th>
                  <td>{formatNumber(c.asIs.touchMinutes, language, 1)}</td>
                  <td>{formatNumber(c.toBe.touchMinutes, language, 1)}</td>
                  <td>{t('reports.trend.casesValue', { asIs: c.asIs.n, toBe: c.toBe.n })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
