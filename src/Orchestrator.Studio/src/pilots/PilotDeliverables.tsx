import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePreview, type PreviewKind } from '../deliverables/FilePreview';
import type { PilotProcess } from './api';

const docx = 'btn-secondary';

interface Preview {
  kind: PreviewKind;
  url: string;
  title: string;
}

/**
 * 成果物: the pilot's 成果報告書 and each reformed process's 実用仕様案 as Word and Excel, and its flow as BPMN; the
 * Word documents and the flow can be previewed in the page before downloading.
 */
export function PilotDeliverables({ pilotId, processes }: { pilotId: string; processes: readonly PilotProcess[] }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<Preview | null>(null);
  const base = `/api/deliverables/pilots/${encodeURIComponent(pilotId)}/result-report`;
  const previewButton = (next: Preview) => (
    <button type="button" className="btn-secondary" onClick={() => setPreview(next)} aria-label={`${next.title} ${t('deliverables.preview.open')}`}>
      {t('deliverables.preview.open')}
    </button>
  );
  return (
    <>
      <ul className="flex flex-col gap-3" data-testid="pilot-deliverables">
        <li className="flex flex-wrap items-center gap-3">
          <span className="min-w-64 font-bold">{t('pilots.deliverables.report')}</span>
          <a className={docx} href={`${base}.docx`} download>
            {t('pilots.deliverables.word')}
          </a>
          <a className={docx} href={`${base}.xlsx`} download>
            {t('pilots.deliverables.excel')}
          </a>
          {previewButton({ kind: 'docx', url: `${base}.docx`, title: t('pilots.deliverables.report') })}
        </li>
        {processes
          .filter((p) => p.toBe?.definitionId)
          .map((p) => {
            const workflow = `/api/deliverables/workflows/${encodeURIComponent(p.toBe!.definitionId!)}`;
            const version = p.toBe!.version ? `?version=${p.toBe!.version}` : '';
            const title = t('pilots.deliverables.spec', { process: p.processKey ?? '' });
            return (
              <li key={p.processKey ?? workflow} className="flex flex-wrap items-center gap-3">
                <span className="min-w-64 font-bold">{title}</span>
                <a className={docx} href={`${workflow}/practical-spec.docx${version}`} download>
                  {t('pilots.deliverables.word')}
                </a>
                <a className={docx} href={`${workflow}/practical-spec.xlsx${version}`} download>
                  {t('pilots.deliverables.excel')}
                </a>
                <a className={docx} href={`${workflow}/process.bpmn${version}`} download title={t('deliverables.bpmnHint')}>
                  {t('deliverables.bpmn')}
                </a>
                {previewButton({ kind: 'docx', url: `${workflow}/practical-spec.docx${version}`, title })}
                {previewButton({ kind: 'bpmn', url: `${workflow}/process.bpmn${version}`, title: `${title} ${t('deliverables.bpmnHint')}` })}
              </li>
            );
          })}
      </ul>
      {preview && <FilePreview key={preview.url} {...preview} onClose={() => setPreview(null)} />}
    </>
  );
}
