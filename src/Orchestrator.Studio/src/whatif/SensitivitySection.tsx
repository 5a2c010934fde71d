import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startSensitivity, type SensitivityResult, type SweepKind, type WhatIfRequest } from './api';
import { SensitivityChart } from './SensitivityChart';
import { RunProgress } from './RunProgress';
import { useRun } from './useRun';
import { headlineMetrics } from './WhatIfSummaryView';

export interface StepChoice {
  id: string;
  label: string;
}

/** Values typed as "5, 10, 20" or "5 10 20". */
export function parseValues(text: string): number[] | null {
  const parts = text.split(/[\s,、]+/).filter((p) => p !== '');
  const values = parts.map(Number);
  return values.length > 0 && values.every((v) => Number.isFinite(v) && v >= 0) ? values : null;
}

/** Varies one parameter over values and plots Δ of one metric with its band. */
export function SensitivitySection({ base, steps }: { base: () => WhatIfRequest; steps: StepChoice[] }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<SweepKind>('effort');
  const [activityId, setActivityId] = useState(steps[0]?.id ?? '');
  const [outcome, setOutcome] = useState('差戻し');
  const [organisation, setOrganisation] = useState('');
  const [valuesText, setValuesText] = useState('5, 10, 15, 20');
  const [metric, setMetric] = useState<string>('touchMinutes');
  const { run, error, running, start, cancel } = useRun<SensitivityResult>();
  const values = parseValues(valuesText);
  const go = () => {
    if (!values) return;
    const sweep = { kind, values, metric, ...(kind === 'capacity' ? { organisation } : { activityId }), ...(kind === 'outcomeWeight' ? { outcome } : {}) };
    void start(() => startSensitivity({ ...base(), sweep }));
  };
  const field = 'flex flex-col text-dns-16N-130';
  const input = 'rounded-4 border border-solid-gray-600 px-2 py-1';
  return (
    <section aria-labelledby="whatif-sensitivity" className="flex flex-col gap-2" data-testid="whatif-sensitivity">
      <h4 id="whatif-sensitivity" className="font-bold">
        {t('whatif.sensitivity.title')}
      </h4>
      <div className="flex flex-wrap items-end gap-2">
        <label className={field}>
          {t('whatif.sensitivity.kind')}
          <select className={input} value={kind} onChange={(e) => setKind(e.target.value as SweepKind)} data-testid="whatif-sweep-kind">
            {(['effort', 'outcomeWeight', 'capacity'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`whatif.sensitivity.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind === 'capacity' ? (
          <label className={field}>
            {t('whatif.sensitivity.organisation')}
            <input
              className={input}
              value={organisation}
              onChange={(e) => setOrganisation(e.target.value)}
              placeholder="131016"
              data-testid="whatif-sweep-organisation"
            />
          </label>
        ) : (
          <label className={field}>
            {t('whatif.sensitivity.step')}
            <select className={input} value={activityId} onChange={(e) => setActivityId(e.target.value)} data-testid="whatif-sweep-step">
              {steps.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'outcomeWeight' && (
          <label className={field}>
            {t('whatif.sensitivity.outcome')}
            <input className={input} value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="whatif-sweep-outcome" />
          </label>
        )}
        <label className={field}>
          {t('whatif.sensitivity.values')}
          <input
            className={input}
            value={valuesText}
            onChange={(e) => setValuesText(e.target.value)}
            aria-invalid={values === null}
            data-testid="whatif-sweep-values"
          />
        </label>
        <label className={field}>
          {t('whatif.sensitivity.metric')}
          <select className={input} value={metric} onChange={(e) => setMetric(e.target.value)} data-testid="whatif-sweep-metric">
            {headlineMetrics.map((m) => (
              <option key={m} value={m}>
                {t(`reports.metrics.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn-secondary" disabled={running || values === null} onClick={go} data-testid="whatif-sweep-run">
          {t('whatif.sensitivity.run')}
        </button>
      </div>
      {values === null && <p className="text-error-1">{t('whatif.sensitivity.valuesInvalid')}</p>}
      {run && running && <RunProgress run={run} onCancel={() => void cancel()} />}
      {error && (
        <p role="alert" className="border-l-4 border-error-1 bg-red-50 p-2">
          {error}
        </p>
      )}
      {run?.status === 'Completed' && run.result && <SensitivityChart result={run.result} />}
    </section>
  );
}
