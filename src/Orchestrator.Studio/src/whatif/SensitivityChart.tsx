import { useTranslation } from 'react-i18next';
import { CompactTable } from '../components/CompactTable';
import { currentLanguage } from '../i18n';
import { formatMetric, formatNumber } from '../reports/format';
import type { SensitivityResult } from './api';

const width = 480,
  height = 220,
  left = 64,
  right = 16,
  top = 12,
  bottom = 36;

/** Δ of the metric against the varied value: a line through the points and, around it, the band of Δ's 95% interval. */
export function SensitivityChart({ result }: { result: SensitivityResult }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const points = result.points.filter((p) => p.delta !== null);
  if (points.length === 0) return <p>{t('whatif.sensitivity.noPoints')}</p>;
  const xs = points.map((p) => p.value);
  const ys = points.flatMap((p) => [p.delta!, ...(p.ci95 ?? [])]).concat(0);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const x = (v: number) => left + (x1 === x0 ? 0.5 : (v - x0) / (x1 - x0)) * (width - left - right);
  const y = (v: number) => top + (y1 === y0 ? 0.5 : 1 - (v - y0) / (y1 - y0)) * (height - top - bottom);
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.value)},${y(p.delta!)}`).join(' ');
  const band = [
    ...points.map((p) => `${x(p.value)},${y(p.ci95?.[1] ?? p.delta!)}`),
    ...[...points].reverse().map((p) => `${x(p.value)},${y(p.ci95?.[0] ?? p.delta!)}`),
  ].join(' ');
  const columns = [
    { key: 'value', label: t('whatif.sensitivity.value') },
    ...['toBe', 'delta', 'band'].map((key) => ({ key, label: t(`whatif.${key}`), numeric: true })),
  ];
  return (
    <figure data-testid="whatif-sensitivity-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="w-full max-w-xl"
        role="img"
        aria-label={t('whatif.sensitivity.chartLabel', { metric: result.metricJa })}
      >
        <polygon points={band} fill="#c5d7fb" />
        <line x1={left} x2={width - right} y1={y(0)} y2={y(0)} stroke="#949494" strokeDasharray="4 3" />
        <path d={line} fill="none" stroke="#0031d8" strokeWidth="2" />
        {points.map((p) => (
          <circle key={p.value} cx={x(p.value)} cy={y(p.delta!)} r="3.5" fill="#0031d8" />
        ))}
        <text x={left - 6} y={y(y1) + 4} textAnchor="end" fontSize="11">
          {formatMetric(result.metric, y1, language)}
        </text>
        <text x={left - 6} y={y(y0) + 4} textAnchor="end" fontSize="11">
          {formatMetric(result.metric, y0, language)}
        </text>
        <text x={x(x0)} y={height - bottom + 16} textAnchor="middle" fontSize="11">
          {formatNumber(x0, language, 2)}
        </text>
        <text x={x(x1)} y={height - bottom + 16} textAnchor="middle" fontSize="11">
          {formatNumber(x1, language, 2)}
        </text>
        <text x={(left + width - right) / 2} y={height - 4} textAnchor="middle" fontSize="12">
          {t(`whatif.sensitivity.axis.${result.sweep.kind}`)}
        </text>
      </svg>
      <figcaption className="text-dns-16N-130 text-solid-gray-700">
        {t('whatif.sensitivity.caption', { metric: t(`reports.metrics.${result.metric}`) })}
      </figcaption>
      <CompactTable columns={columns} className="mt-2" testId="whatif-sensitivity-table">
        {result.points.map((p) => (
          <tr key={p.value}>
            <td>{formatNumber(p.value, language, 2)}</td>
            <td className="text-right">{formatMetric(result.metric, p.toBeMean, language)}</td>
            <td className="text-right" data-testid="whatif-sensitivity-delta">
              {formatMetric(result.metric, p.delta, language)}
            </td>
            <td className="text-right">
              {p.ci95 ? `${formatMetric(result.metric, p.ci95[0], language)} – ${formatMetric(result.metric, p.ci95[1], language)}` : '–'}
            </td>
          </tr>
        ))}
      </CompactTable>
    </figure>
  );
}
