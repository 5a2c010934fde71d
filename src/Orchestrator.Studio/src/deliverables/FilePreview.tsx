import { useTranslation } from 'react-i18next';
import { adoptStyles } from './adoptStyles';
import { useFileRender } from './useFileRender';

/** How a preview draws its file: a Word document as pages, a BPMN file as the diagram a modeller shows. */
const renderers = {
  docx: async (response: Response, target: HTMLDivElement) => {
    const { renderAsync } = await import('docx-preview');
    // The document's styles come as <style> elements, which the Content-Security-Policy would block in the page.
    const styles = document.createElement('div');
    await renderAsync(await response.blob(), target, styles, {
      className: 'docx',
      inWrapper: true,
      breakPages: true,
      renderHeaders: true,
      renderFooters: true,
      ignoreLastRenderedPageBreak: true,
    });
    return { warnings: 0, dispose: adoptStyles([...styles.querySelectorAll('style')].map((e) => e.textContent).join('\n')) };
  },
  bpmn: async (response: Response, target: HTMLDivElement) => {
    const { drawBpmn } = await import('./bpmnViewer');
    return drawBpmn(await response.text(), target);
  },
} as const;

export type PreviewKind = keyof typeof renderers;

/** A deliverable drawn in the page as it will be downloaded, with its download link and a close button. */
export function FilePreview({ kind, url, title, onClose }: { kind: PreviewKind; url: string; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { target, state } = useFileRender(url, renderers[kind]);
  return (
    <section
      aria-label={t('deliverables.preview.label', { title })}
      className="mt-4 rounded-8 border border-solid-gray-420 p-3"
      data-testid="deliverable-preview"
      data-kind={kind}
      data-state={state.status}
    >
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h3 className="text-std-20B-150">{title}</h3>
        <a className="btn-secondary" href={url} download>
          {t('deliverables.preview.download')}
        </a>
        <button type="button" className="btn-secondary" onClick={onClose}>
          {t('deliverables.preview.close')}
        </button>
      </div>
      {state.status === 'loading' && <p role="status">{t('deliverables.preview.loading')}</p>}
      {state.status === 'error' && (
        <p role="alert" className="text-error-2">
          {t('deliverables.preview.error', { message: state.message })}
        </p>
      )}
      {state.status === 'ready' && state.warnings > 0 && (
        <p role="alert" data-testid="deliverable-preview-warnings">
          {t('deliverables.preview.warnings', { count: state.warnings })}
        </p>
      )}
      <div
        ref={target}
        className={kind === 'bpmn' ? 'h-[32rem] bg-white' : 'max-h-[48rem] overflow-auto bg-solid-gray-50'}
        data-testid="deliverable-preview-body"
      />
    </section>
  );
}
