import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CanvasView } from './Canvas';

const base = 'inline-flex min-h-10 items-center gap-1 rounded-8 border px-3 py-1.5 text-dns-16N-130 disabled:cursor-not-allowed disabled:opacity-50';
const small = `${base} border-solid-gray-600 bg-white text-solid-gray-900 hover:bg-solid-gray-50`;
const pressedClass = `${base} border-2 border-blue-900 bg-blue-100 font-bold text-blue-1000`;
const toggle = (on: boolean) => (on ? pressedClass : small);

export interface DesignerToolbarProps {
  readOnly: boolean;
  dirty: boolean;
  saved: boolean;
  busy: 'save' | 'publish' | 'run' | null;
  errors: number;
  canUndo: boolean;
  canRedo: boolean;
  view: CanvasView;
  overlayOn: boolean;
  definitionId: string;
  onSave: () => void;
  onPublish: () => void;
  onTestRun: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onView: (view: CanvasView) => void;
  onOverlay: () => void;
  onVersions: () => void;
  onExport: () => void;
}

/** 保存・公開・テスト実行, editing (undo, redo, layout), views and files; shortcuts are in the tooltips. */
export function DesignerToolbar(p: DesignerToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-2" role="toolbar" aria-label={t('designer.toolbar.label')}>
      <div className="flex flex-wrap items-center gap-2">
        {!p.readOnly && (
          <>
            <button type="button" className="btn-primary" onClick={p.onSave} disabled={p.busy !== null || (p.saved && !p.dirty)} title={t('designer.toolbar.saveTitle')} data-testid="designer-save">
              {p.busy === 'save' ? t('designer.toolbar.saving') : t('designer.toolbar.save')}
            </button>
            <button type="button" className="btn-secondary" onClick={p.onPublish} disabled={p.busy !== null || p.errors > 0} aria-describedby={p.errors > 0 ? 'publish-blocked' : undefined} data-testid="designer-publish">
              {p.busy === 'publish' ? t('designer.toolbar.publishing') : t('designer.toolbar.publish')}
            </button>
            <button type="button" className="btn-secondary" onClick={p.onTestRun} disabled={p.busy !== null || p.errors > 0} title={t('designer.toolbar.testRunTitle')} data-testid="designer-test-run">
              {t('designer.toolbar.testRun')}
            </button>
          </>
        )}
        <span className={`text-dns-16N-130 ${p.dirty ? 'font-bold text-solid-gray-900' : 'text-solid-gray-700'}`} data-testid="dirty-state" data-dirty={p.dirty ? 'true' : 'false'}>
          {p.dirty ? t('designer.toolbar.unsaved') : p.saved ? t('designer.toolbar.allSaved') : ''}
        </span>
        {p.errors > 0 && !p.readOnly && (
          <span id="publish-blocked" className="text-dns-16N-130 text-error-1" data-testid="publish-blocked">
            {t('designer.toolbar.publishBlocked', { count: p.errors })}
          </span>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {!p.readOnly && (
          <>
            <button type="button" className={small} onClick={p.onUndo} disabled={!p.canUndo} title={t('designer.toolbar.undoTitle')} data-testid="designer-undo">
              {t('designer.toolbar.undo')}
            </button>
            <button type="button" className={small} onClick={p.onRedo} disabled={!p.canRedo} title={t('designer.toolbar.redoTitle')} data-testid="designer-redo">
              {t('designer.toolbar.redo')}
            </button>
            <button type="button" className={small} onClick={p.onLayout} title={t('designer.toolbar.layoutTitle')} data-testid="designer-layout">
              {t('designer.toolbar.layout')}
            </button>
          </>
        )}
        <span className="mx-1 h-6 border-l border-solid-gray-420" aria-hidden="true" />
        <button type="button" className={toggle(p.view === 'free')} aria-pressed={p.view === 'free'} onClick={() => p.onView('free')} data-testid="view-free">
          {t('designer.toolbar.viewFree')}
        </button>
        <button type="button" className={toggle(p.view === 'swimlane')} aria-pressed={p.view === 'swimlane'} onClick={() => p.onView('swimlane')} title={t('designer.toolbar.viewSwimlaneTitle')} data-testid="view-swimlane">
          {t('designer.toolbar.viewSwimlane')}
        </button>
        <button type="button" className={toggle(p.overlayOn)} aria-pressed={p.overlayOn} onClick={p.onOverlay} title={t('designer.toolbar.overlayTitle')} data-testid="designer-overlay">
          {t('designer.toolbar.overlay')}
        </button>
        <span className="mx-1 h-6 border-l border-solid-gray-420" aria-hidden="true" />
        {p.definitionId && (
          <button type="button" className={small} onClick={p.onVersions} data-testid="designer-versions">
            {t('designer.toolbar.versions')}
          </button>
        )}
        <button type="button" className={small} onClick={p.onExport} title={t('designer.toolbar.exportTitle')} data-testid="designer-export">
          {t('designer.toolbar.export')}
        </button>
        {p.definitionId && (
          <Link className={`${small} no-underline`} to={`/workflows/${encodeURIComponent(p.definitionId)}/instances`} data-testid="designer-instances">
            {t('designer.toolbar.instances')}
          </Link>
        )}
      </div>
    </div>
  );
}
