import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatMetric, formatPercent } from '../reports/format';
import { failureReason } from '../tasks/parts';
import { compareScenarios, compareWorkbookUrl, listScenarios, type ScenarioComparison, type ScenarioItem } from './api';

/** The process's saved scenarios: tick two or more to see them side by side, or take the comparison as a workbook. */
export function ScenarioCompare({ processKey, refresh }: { processKey: string; refresh: number }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [scenarios, setScenarios] = useState<ScenarioItem[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [comparison, setComparison] = useState<ScenarioComparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listScenarios(processKey).then(
      (list) => setScenarios(list.filter((s) => s.kind === 'whatif')),
      (e: unknown) => setError(failureReason(e)),
    );
  }, [processKey, refresh]);
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const compare = () => {
    setError(null);
    compareScenarios(chosen).then(setComparison, (e: unknown) => setError(failureReason(e)));
  };
  if (scenarios.length === 0) return <p className="text-solid-gray-700">{t('whatif.compare.none')}</p>;
  return (
    <section aria-labelledby="whatif-compare" className="flex flex-col gap-2" data-testid="whatif-compare">
      <h4 id="whatif-compare" className="font-bold">
        {t('whatif.compare.title')}
      </h4>
      <ul className="flex flex-wrap gap-3">
        {scenarios.map((s) => (
          <li key={s.id}>
            <label className="flex items-center gap-1">
              <input type="checkbox" checked={chosen.includes(s.id)} onChange={() => toggle(s.id)} data-testid="whatif-compare-choice" />
              {s.name}
            </label>
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        <button type="button" className="btn-secondary" disabled={chosen.length < 2} onClick={compare} data-testid="whatif-compare-run">
          {t('whatif.compare.run')}
        </button>
        {chosen.length >= 2 && (
          <a className="btn-secondary" href={compareWorkbookUrl(chosen)} data-testid="whatif-compare-xlsx">
            {t('whatif.compare.xlsx')}
          </a>
        )}
      </div>
      {error && (
        <p role="alert" className="text-error-1">
          {error}
        </p>
      )}
      {comparison && (
        <table className="w-full text-dns-16N-130" data-testid="whatif-compare-table">
          <thead>
            <tr className="text-left">
              <th scope="col">{t('whatif.metric')}</th>
              {comparison.scenarios.map((s) => (
                <th key={s.id} scope="col" className="text-right">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.metrics.map((m) => (
              <tr key={m.metric}>
                <th scope="row" className="text-left font-normal">
                  {t(`reports.metrics.${m.metric}`)}
                </th>
                {m.scenarios.map((f) => (
                  <td key={f.scenarioId} className="text-right">
                    {formatMetric(m.metric, f.delta, language)} ({formatPercent(f.reductionRate, language)})
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
