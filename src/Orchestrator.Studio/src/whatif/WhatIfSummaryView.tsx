import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../components/CompactTable';
import { currentLanguage } from '../i18n';
import { formatMetric, formatNumber, formatPercent } from '../reports/format';
import { localName } from '../pilots/format';
import { failureReason } from '../tasks/parts';
import { saveScenario, type LeadTimeSegments, type WhatIfSummary } from './api';

/** The metrics the panel shows, one or two per axis; the saved scenario and its comparison carry all of them. */
export const headlineMetrics = ['touchMinutes', 'leadTimeHours', 'costYen', 'forms', 'steps', 'rework', 'residentVisits', 'residentHours'] as const;

const segments: (keyof LeadTimeSegments)[] = ['touch', 'queue', 'handoff', 'resident', 'system', 'offHours', 'other'];

/** The effect on the five axes, where the lead time went, the busiest clerks, and saving the run as a scenario. */
export function WhatIfSummaryView({ runId, summary, onSaved }: { runId: string; summary: WhatIfSummary; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [name, setName] = useState('');
  const [saving, setSaving] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setSaving('saving');
    setError(null);
    try {
      await saveScenario(runId, name.trim());
      setSaving('saved');
      onSaved();
    } catch (e) {
      setSaving('idle');
      setError(failureReason(e));
    }
  };
  const unfinished = summary.asIs.unfinished + summary.toBe.unfinished;
  const figure = (key: string) => ({ key, label: t(`whatif.${key}`), numeric: true });
  const effectColumns = [{ key: 'metric', label: t('whatif.metric') }, ...['asIs', 'toBe', 'delta', 'reduction', 'band'].map(figure)];
  const leadTimeColumns = [{ key: 'arm', label: t('whatif.arm') }, ...segments.map((s) => figure(`segments.${s}`))];
  const busiestColumns = [
    { key: 'organisation', label: t('whatif.organisation') },
    { key: 'arm', label: t('whatif.arm') },
    ...['clerks', 'utilisation', 'wait'].map(figure),
  ];
  return (
    <div className="flex flex-col gap-3" data-testid="whatif-summary">
      <p className="text-dns-16N-130 text-solid-gray-700">
        {t('whatif.provenance', { asIs: summary.asIs.finished, toBe: summary.toBe.finished, ms: Math.round(summary.milliseconds) })}
      </p>
      {unfinished > 0 && (
        <p role="alert" className="border-l-4 border-error-1 bg-red-50 p-2" data-testid="whatif-unfinished">
          {t('whatif.unfinished', { count: unfinished })}
        </p>
      )}
      <CompactTable columns={effectColumns} testId="whatif-effect">
        {headlineMetrics.map((m) => {
          const delta = summary.effect.delta?.[m] ?? null;
          return (
            <tr key={m} className="border-b border-solid-gray-200" data-testid={`whatif-row-${m}`}>
              <th scope="row" className="py-1 text-left font-normal">
                {t(`reports.metrics.${m}`)}
              </th>
              <td className="text-right">{formatMetric(m, summary.effect.asIs[m]?.mean, language)}</td>
              <td className="text-right" data-testid={`whatif-tobe-${m}`} data-value={summary.effect.toBe[m]?.mean ?? ''}>
                {formatMetric(m, summary.effect.toBe[m]?.mean, language)}
              </td>
              <td className="text-right font-bold" data-testid={`whatif-delta-${m}`} data-value={delta?.value ?? ''}>
                {formatMetric(m, delta?.value, language)}
              </td>
              <td className="text-right">{formatPercent(delta?.reductionRate, language)}</td>
              <td className="text-right text-solid-gray-700">
                {delta ? `${formatMetric(m, delta.ci95[0], language)} – ${formatMetric(m, delta.ci95[1], language)}` : '–'}
              </td>
            </tr>
          );
        })}
      </CompactTable>
      <section aria-labelledby="whatif-leadtime">
        <h4 id="whatif-leadtime" className="font-bold">
          {t('whatif.leadTime')}
        </h4>
        <CompactTable columns={leadTimeColumns} testId="whatif-leadtime-table">
          {(['asIs', 'toBe'] as const).map((arm) => (
            <tr key={arm}>
              <th scope="row" className="text-left font-normal">
                {t(`whatif.${arm}`)}
              </th>
              {segments.map((s) => (
                <td key={s} className="text-right">
                  {formatNumber(summary.leadTime[arm][s], language, 1)}
                </td>
              ))}
            </tr>
          ))}
        </CompactTable>
      </section>
      <section aria-labelledby="whatif-busiest">
        <h4 id="whatif-busiest" className="font-bold">
          {t('whatif.busiest')}
        </h4>
        <CompactTable columns={busiestColumns} testId="whatif-busiest-table">
          {summary.organisations.slice(0, 5).map((o) => (
            <tr key={`${o.arm}-${o.organisationCode}`}>
              <td>
                {localName(o.name, language, o.organisationCode ?? '–')}
                {o.name && o.organisationCode && <span className="ml-1 text-dns-14N-130 text-solid-gray-700">{o.organisationCode}</span>}
              </td>
              <td>{t(`whatif.${o.arm === 'AsIs' ? 'asIs' : 'toBe'}`)}</td>
              <td className="text-right">{o.clerks}</td>
              <td className="text-right">{formatPercent(o.utilisation, language)}</td>
              <td className="text-right">
                {formatNumber(o.meanWaitHours, language, 1)} / {formatNumber(o.p90WaitHours, language, 1)}
              </td>
            </tr>
          ))}
        </CompactTable>
      </section>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-dns-16N-130">
          {t('whatif.scenarioName')}
          <input
            className="rounded-4 border border-solid-gray-600 px-2 py-1"
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="whatif-scenario-name"
          />
        </label>
        <button
          type="button"
          className="btn-secondary"
          disabled={name.trim() === '' || saving !== 'idle'}
          onClick={() => void save()}
          data-testid="whatif-save"
        >
          {saving === 'saved' ? t('whatif.saved') : t('whatif.save')}
        </button>
        {error && (
          <span role="alert" className="text-error-1">
            {error}
          </span>
        )}
      </div>
    </div>
  );
}
