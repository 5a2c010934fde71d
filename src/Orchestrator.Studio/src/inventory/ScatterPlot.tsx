import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatNumber } from '../reports/format';
import type { RankedProcedure } from './api';
import { scatter, type PlotBox } from './scatter';

const box: PlotBox = { width: 720, height: 420, left: 90, right: 20, top: 16, bottom: 56 };
const labelFlip = box.left + (box.width - box.left - box.right) * 0.6;

/** 効果と実現可能性: one point per ranked procedure; chosen ones filled, the top five labelled by rank. */
export function ScatterPlot({ ranked, chosen }: { ranked: readonly RankedProcedure[]; chosen: ReadonlySet<string> }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const plot = scatter(ranked, box);
  const byCode = new Map(ranked.map((r) => [r.code, r]));
  const bottom = box.height - box.bottom;
  return (
    <figure className="mb-4">
      <svg
        role="img"
        aria-label={t('inventory.ranking.scatterLabel')}
        viewBox={`0 0 ${box.width} ${box.height}`}
        className="w-full max-w-3xl bg-white"
        data-testid="scatter-plot"
      >
        <rect x={box.left} y={box.top} width={box.width - box.left - box.right} height={bottom - box.top} fill="none" stroke="#949497" />
        {plot.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={box.left - 4} x2={box.width - box.right} y1={tick.y} y2={tick.y} stroke="#e6e6e6" />
            <text x={box.left - 8} y={tick.y + 4} textAnchor="end" fontSize="12" fill="#1a1a1c">
              {formatNumber(tick.value, language, 0)}
            </text>
          </g>
        ))}
        {plot.xTicks.map((tick) => (
          <text key={tick.value} x={tick.x} y={bottom + 18} textAnchor="middle" fontSize="12" fill="#1a1a1c">
            {tick.value}
          </text>
        ))}
        {plot.medianX !== null && <line x1={plot.medianX} x2={plot.medianX} y1={box.top} y2={bottom} stroke="#626264" strokeDasharray="4 4" />}
        {plot.medianY !== null && <line x1={box.left} x2={box.width - box.right} y1={plot.medianY} y2={plot.medianY} stroke="#626264" strokeDasharray="4 4" />}
        <text x={(box.left + box.width - box.right) / 2} y={box.height - 10} textAnchor="middle" fontSize="13" fill="#1a1a1c">
          {t('inventory.ranking.scatterX')}
        </text>
        <text transform={`translate(16 ${(box.top + bottom) / 2}) rotate(-90)`} textAnchor="middle" fontSize="13" fill="#1a1a1c">
          {t('inventory.ranking.scatterY')}
        </text>
        {plot.points.map((p) => {
          const r = byCode.get(p.code)!;
          const isChosen = chosen.has(p.code);
          return (
            <g key={p.code} data-testid={`point-${p.code}`} data-chosen={isChosen}>
              <circle cx={p.x} cy={p.y} r={isChosen ? 7 : 5} fill={isChosen ? '#0031d8' : '#ffffff'} stroke="#0031d8" strokeWidth="2">
                <title>
                  {t('inventory.ranking.pointLabel', {
                    rank: p.rank,
                    name: r.nameJa,
                    effect: formatNumber(p.effect, language, 0),
                    feasibility: formatNumber(p.feasibility, language, 1),
                  })}
                </title>
              </circle>
              {p.rank <= 5 && (
                // Labels of points in the right part of the plot go to their left, so that they stay inside it.
                <text x={p.x > labelFlip ? p.x - 9 : p.x + 9} y={p.y - 6} textAnchor={p.x > labelFlip ? 'end' : 'start'} fontSize="12" fill="#1a1a1c">
                  {`${p.rank}. ${r.nameJa.length > 12 ? `${r.nameJa.slice(0, 12)}…` : r.nameJa}`}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 max-w-3xl text-dns-16N-130 text-solid-gray-700">{t('inventory.ranking.scatterNote')}</figcaption>
    </figure>
  );
}
