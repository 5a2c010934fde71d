import { useTranslation } from 'react-i18next';
import type { PilotProcess } from './api';

const docx = 'btn-secondary';

/** 成果物: the pilot's 成果報告書 and each reformed process's 実用仕様案, as Word and Excel downloads. */
export function PilotDeliverables({ pilotId, processes }: { pilotId: string; processes: readonly PilotProcess[] }) {
  const { t } = useTranslation();
  const base = `/api/deliverables/pilots/${encodeURIComponent(pilotId)}/result-report`;
  return (
    <ul className="flex flex-col gap-3" data-testid="pilot-deliverables">
      <li className="flex flex-wrap items-center gap-3">
        <span className="min-w-64 font-bold">{t('pilots.deliverables.report')}</span>
        <a className={docx} href={`${base}.docx`} download>
          {t('pilots.deliverables.word')}
        </a>
        <a className={docx} href={`${base}.xlsx`} download>
          {t('pilots.deliverables.excel')}
        </a>
      </li>
      {processes
        .filter((p) => p.toBe?.definitionId)
        .map((p) => {
          const spec = `/api/deliverables/workflows/${encodeURIComponent(p.toBe!.definitionId!)}/practical-spec`;
          const version = p.toBe!.version ? `?version=${p.toBe!.version}` : '';
          return (
            <li key={p.processKey ?? spec} className="flex flex-wrap items-center gap-3">
              <span className="min-w-64 font-bold">{t('pilots.deliverables.spec', { process: p.processKey ?? '' })}</span>
              <a className={docx} href={`${spec}.docx${version}`} download>
                {t('pilots.deliverables.word')}
              </a>
              <a className={docx} href={`${spec}.xlsx${version}`} download>
                {t('pilots.deliverables.excel')}
              </a>
            </li>
          );
        })}
    </ul>
  );
}
