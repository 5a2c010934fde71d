import { useEffect, useId, useState } from 'react';
import { useResource } from '../components/useResource';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { listPilots, type PilotView } from '../pilots/api';
import { localName } from '../pilots/format';
import { getSteps } from '../reports/api';
import { failureReason } from '../tasks/parts';
import { formatMinutes } from './instanceStats';
import { overlayColours, overlayMetrics, type ColourScale, type OverlayMetric, type StepsReport } from './overlay';

export interface OverlayChoice {
  pilotId: string;
  metric: OverlayMetric;
}

type Load = { state: 'loading' } | { state: 'failed'; reason: string } | { state: 'loaded'; report: StepsReport };

/** Loads the steps report for the process (and pilot) chosen, while the overlay is on. */
export function useStepsReport(processKey: string, pilotId: string, enabled: boolean): Load {
  const wanted = enabled && processKey !== '';
  const steps = useResource(
    (signal) => (wanted ? getSteps({ processKey, pilotId: pilotId || undefined }, signal) : Promise.resolve(null)),
    `${wanted}:${processKey}:${pilotId}`,
  );
  if (steps.loading) return { state: 'loading' };
  if (steps.error !== null) return { state: 'failed', reason: failureReason(steps.error) };
  return steps.data ? { state: 'loaded', report: steps.data } : { state: 'loading' };
}

/** The overlay's controls (pilot, figure), its state in words, and the colour legend; it floats over the canvas. */
export function OverlayPanel({
  processKey,
  armLabel,
  choice,
  onChoice,
  load,
  scale,
  matched,
  onClose,
}: {
  processKey: string;
  armLabel: string;
  choice: OverlayChoice;
  onChoice: (choice: OverlayChoice) => void;
  load: Load;
  scale: ColourScale | null;
  matched: number;
  /** Turns the overlay off. */
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const id = useId();
  const [pilots, setPilots] = useState<PilotView[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    listPilots(abort.signal).then(setPilots, () => setPilots([]));
    return () => abort.abort();
  }, []);

  let status: string;
  if (!processKey) status = t('designer.overlay.noProcessKey');
  else if (load.state === 'loading') status = t('designer.overlay.loading');
  else if (load.state === 'failed') status = t('designer.overlay.failed', { reason: load.reason });
  else if (matched === 0) status = t('designer.overlay.empty', { arm: armLabel });
  else status = t('designer.overlay.shown', { count: matched, arm: armLabel });

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-8 border border-solid-gray-536 bg-white p-3 shadow-lg" data-testid="overlay-panel">
      <div className="mb-2 flex items-start gap-2">
        <h2 id={`${id}-heading`} className="text-dns-16B-130">
          {t('designer.overlay.heading')}
        </h2>
        <button
          type="button"
          className="-mr-1 -mt-1 ml-auto inline-flex min-h-8 items-center rounded-8 border border-solid-gray-600 bg-white px-2 text-dns-14N-130 hover:bg-solid-gray-50"
          onClick={onClose}
          title={t('designer.overlay.closeTitle')}
          data-testid="overlay-close"
        >
          {t('designer.close')}
        </button>
      </div>
      <div className="flex flex-wrap gap-3">
        <label className="text-dns-14N-130" htmlFor={`${id}-pilot`}>
          {t('designer.overlay.pilot')}
          <select
            id={`${id}-pilot`}
            className="ml-2 rounded-4 border border-solid-gray-600 px-1"
            value={choice.pilotId}
            onChange={(e) => onChoice({ ...choice, pilotId: e.target.value })}
          >
            <option value="">{t('designer.overlay.allPilots')}</option>
            {pilots.map((p) => (
              <option key={p.id} value={p.id}>
                {localName(p.name, language, p.id)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-dns-14N-130" htmlFor={`${id}-metric`}>
          {t('designer.overlay.metric')}
          <select
            id={`${id}-metric`}
            className="ml-2 rounded-4 border border-solid-gray-600 px-1"
            value={choice.metric}
            onChange={(e) => onChoice({ ...choice, metric: e.target.value as OverlayMetric })}
          >
            {overlayMetrics.map((m) => (
              <option key={m} value={m}>
                {t(`designer.overlay.metrics.${m}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p role="status" className="mt-2 text-dns-14N-130" data-testid="overlay-status">
        {status}
      </p>
      {scale && matched > 0 && (
        <ol className="mt-2 flex flex-wrap gap-1 text-dns-14N-120" aria-label={t('designer.overlay.legend')}>
          {overlayColours.map((colour, index) => {
            const from = index === 0 ? scale.min : scale.breaks[index - 1]!;
            const to = index === overlayColours.length - 1 ? scale.max : scale.breaks[index]!;
            return (
              <li key={index} className="rounded-4 border border-solid-gray-420 px-2" style={{ backgroundColor: colour.fill, color: colour.text }}>
                {formatMinutes(from, language)}–{formatMinutes(to, language)}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
