/** The projection's per-municipality comparison and the pilot's payback period. */
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import type { Metric, Payback, ProjectionReport } from './api';
import { formatMetric, formatNumber, formatYen } from './format';
import { placeName } from './parts';

const compared: readonly Metric[] = ['touchMinutes', 'costYen', 'forms', 'residentVisits'];

/**
 * Each municipality's own Δ with its own n and interval, side by side, and which Δ its projection uses: its own where
 * both arms have 30 cases or more, else the pooled one.
 */
export function MunicipalityTable({ title, process }: { title: string; process: ProjectionReport['processes'][number] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const basis = new Map(process.municipalities.map((m) => [m.municipalityCode, m.basis]));
  return (
    <>
      <h3 className="mb-2 mt-6 text-std-20B-150">{t('reports.municipalities.title', { process: title })}</h3>
      <table className="report-table" data-testid={`municipalities-${process.processKey}`}>
        <thead>
          <tr>
            <th scope="col">{t('reports.municipalities.municipality')}</th>
            <th scope="col">{t('reports.municipalities.n')}</th>
            {compared.map((m) => (
              <th key={m} scope="col">
                {t('reports.municipalities.delta', { metric: t(`reports.metrics.${m}`) })}
              </th>
            ))}
            <th scope="col">{t('reports.municipalities.basis')}</th>
          </tr>
        </thead>
        <tbody>
          {(process.byMunicipality ?? []).map((m) => (
            <tr key={m.municipalityCode} data-testid={`municipality-${m.municipalityCode}`}>
              <th scope="row">{placeName(m, language)}</th>
              <td>{t('reports.municipalities.nValue', { asIs: m.asIsN, toBe: m.toBeN })}</td>
              {compared.map((metric) => {
                const d = m.delta?.[metric];
                return (
                  <td key={metric}>
                    {d
                      ? `${formatMetric(metric, d.value, language)} (${formatMetric(metric, d.ci95[0], language)} – ${formatMetric(metric, d.ci95[1], language)})`
                      : '–'}
                  </td>
                );
              })}
              <td className="text-cell">
                {basis.has(m.municipalityCode)
                  ? t(`reports.municipalities.${basis.get(m.municipalityCode) ?? 'pooled'}`)
                  : t('reports.municipalities.noVolume')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Payback = investment ÷ (annual saving − added running cost), with where each figure comes from. */
export function PaybackPanel({ payback }: { payback: Payback }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const figure = (label: string, f: Payback['investment']) =>
    f && (
      <li>
        {t('reports.payback.figure', {
          label,
          yen: formatYen(f.yen, language),
          source: t(`reports.sources.${f.source}`, { defaultValue: f.source ?? '' }),
          basis: f.basis ?? '',
        })}
      </li>
    );
  return (
    <section className="mt-6" data-testid="payback">
      <h3 className="mb-2 text-std-20B-150">{t('reports.payback.title')}</h3>
      <p className="mb-2 font-bold" data-testid="payback-years">
        {payback.years !== null ? t('reports.payback.years', { years: formatNumber(payback.years, language, 1) }) : payback.note}
      </p>
      <ul className="list-disc pl-6 text-dns-16N-130">
        {figure(t('reports.payback.investment'), payback.investment)}
        {figure(t('reports.payback.running'), payback.annualRunningCost)}
        <li>{t('reports.payback.saving', { yen: formatYen(payback.annualSavingYen, language) })}</li>
        {payback.municipalitiesWithoutVolume.length > 0 && (
          <li>{t('reports.payback.withoutVolume', { codes: payback.municipalitiesWithoutVolume.join('、') })}</li>
        )}
      </ul>
    </section>
  );
}
