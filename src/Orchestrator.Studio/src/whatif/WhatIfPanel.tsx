import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { listPilots, type PilotView } from '../pilots/api';
import { localName } from '../pilots/format';
import { startWhatIf, type WhatIfRequest, type WhatIfSummary } from './api';
import { RunProgress } from './RunProgress';
import { ScenarioCompare } from './ScenarioCompare';
import { SensitivitySection, type StepChoice } from './SensitivitySection';
import { useRun } from './useRun';
import { WhatIfSummaryView } from './WhatIfSummaryView';

/**
 * 予測: the workflow as it stands in the designer (saved or not) against its counterpart arm, N simulated cases each,
 * on the same engine and simulator as a simulated pilot; nothing is stored. Below the result: a sensitivity sweep and
 * the comparison of saved scenarios.
 */
export function WhatIfPanel({ definition, processKey, steps, onClose }: { definition: unknown; processKey: string; steps: StepChoice[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [cases, setCases] = useState(1000);
  const [seed, setSeed] = useState(1);
  const [pilotId, setPilotId] = useState('');
  const [pilots, setPilots] = useState<PilotView[]>([]);
  const [saved, setSaved] = useState(0);
  const { run, error, running, start, cancel } = useRun<WhatIfSummary>();
  useEffect(() => {
    listPilots().then(
      (list) => setPilots(list.filter((p) => p.configuration.processes?.some((x) => x.processKey === processKey))),
      () => setPilots([]),
    );
  }, [processKey]);
  const request = (): WhatIfRequest => ({ workflow: { json: definition }, cases, seed, ...(pilotId ? { pilotId } : {}) });
  const input = 'w-28 rounded-4 border border-solid-gray-600 px-2 py-1';
  return (
    <section className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-3" aria-labelledby="whatif-title" data-testid="whatif-panel">
      <div className="flex items-start justify-between gap-2">
        <div>
          <h3 id="whatif-title" className="text-std-20B-150">
            {t('whatif.title')}
          </h3>
          <p className="text-dns-16N-130 text-solid-gray-700">{t('whatif.lead')}</p>
        </div>
        <button type="button" className="btn-secondary !min-h-8 !py-1" onClick={onClose}>
          {t('designer.close')}
        </button>
      </div>
      {!processKey ? (
        <p role="alert">{t('whatif.noProcess')}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-2">
            <label className="flex flex-col text-dns-16N-130">
              {t('whatif.cases')}
              <input
                type="number"
                min={1}
                max={10000}
                className={input}
                value={cases}
                onChange={(e) => setCases(Number(e.target.value))}
                data-testid="whatif-cases"
              />
            </label>
            <label className="flex flex-col text-dns-16N-130">
              {t('whatif.seed')}
              <input type="number" className={input} value={seed} onChange={(e) => setSeed(Number(e.target.value))} data-testid="whatif-seed" />
            </label>
            <label className="flex flex-col text-dns-16N-130">
              {t('whatif.settings')}
              <select
                className="rounded-4 border border-solid-gray-600 px-2 py-1"
                value={pilotId}
                onChange={(e) => setPilotId(e.target.value)}
                data-testid="whatif-pilot"
              >
                <option value="">{t('whatif.defaults')}</option>
                {pilots.map((p) => (
                  <option key={p.id} value={p.id}>
                    {localName(p.name, language, p.id)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="btn-primary" disabled={running} onClick={() => void start(() => startWhatIf(request()))} data-testid="whatif-run">
              {t('whatif.run')}
            </button>
          </div>
          {run && running && <RunProgress run={run} onCancel={() => void cancel()} />}
          {run?.status === 'Cancelled' && <p data-testid="whatif-cancelled">{t('whatif.cancelled')}</p>}
          {error && (
            <p role="alert" className="border-l-4 border-error-1 bg-red-50 p-2" data-testid="whatif-error">
              {error}
            </p>
          )}
          {run?.status === 'Completed' && run.result && <WhatIfSummaryView runId={run.id} summary={run.result} onSaved={() => setSaved((n) => n + 1)} />}
          <SensitivitySection base={request} steps={steps} />
          <ScenarioCompare processKey={processKey} refresh={saved} />
        </>
      )}
    </section>
  );
}
