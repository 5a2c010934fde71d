import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CanvasView } from './Canvas';
import { MoreMenu } from './MoreMenu';

const base = 'inline-flex min-h-10 items-center gap-1 rounded-8 border px-3 py-1.5 text-dns-16N-130 disabled:cursor-not-allowed disabled:opacity-50';
const small = `${base} border-solid-gray-600 bg-white text-solid-gray-900 hover:bg-solid-gray-50`;
const pressedClass = `${base} border-2 border-blue-900 bg-blue-100 font-bold text-blue-1000`;
const toggle = (on: boolean) => (on ? pressedClass : small);
/** A toolbar button's classes, pressed (or expanded) or not; the instance viewer's toolbar uses them too. */
export const toolButton = toggle;
/** The shared primary/secondary buttons at toolbar height. */
const compact = '!min-h-10 !px-4 !py-1.5';
const menuItem =
  'flex min-h-10 w-full items-center rounded-4 px-3 py-1.5 text-left text-dns-16N-130 text-solid-gray-900 no-underline hover:bg-blue-50 hover:underline';

export const paletteRegionId = 'designer-palette';
export const propertiesRegionId = 'designer-properties';

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
  whatIfOn: boolean;
  definitionId: string;
  paletteOpen: boolean;
  propertiesOpen: boolean;
  onSave: () => void;
  onPublish: () => void;
  onTestRun: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onView: (view: CanvasView) => void;
  onOverlay: () => void;
  onWhatIf: () => void;
  onVersions: () => void;
  onExport: () => void;
  onPalette: () => void;
  onProperties: () => void;
}

function Divider() {
  return <span className="mx-1 h-6 border-l border-solid-gray-420" aria-hidden="true" />;
}

/** Shows or folds away the palette (left) or the property panel (right). */
function PanelToggle({ panel, open, onToggle }: { panel: 'palette' | 'properties'; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={toggle(open)}
      aria-expanded={open}
      aria-controls={panel === 'palette' ? paletteRegionId : propertiesRegionId}
      onClick={onToggle}
      title={t(open ? `designer.toolbar.${panel}Hide` : `designer.toolbar.${panel}Show`)}
      data-testid={`toggle-${panel}`}
    >
      <PanelIcon side={panel === 'palette' ? 'left' : 'right'} />
      <span className="sr-only 2xl:not-sr-only">{t(`designer.toolbar.${panel}`)}</span>
    </button>
  );
}

/**
 * One row: 保存・公開・テスト実行, editing (undo, redo, layout), views, the less-used actions under その他 (版の履歴,
 * export, 実行履歴), and at the right the switches that fold the palette and the property panel away (named in words
 * on a wide window, by icon, tooltip and accessible name below 1536 px). It wraps to a second row only on a narrow
 * window. Shortcuts are in the tooltips.
 */
export function DesignerToolbar(p: DesignerToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={t('designer.toolbar.label')}>
      {!p.readOnly && (
        <>
          <button
            type="button"
            className={`btn-primary ${compact}`}
            onClick={p.onSave}
            disabled={p.busy !== null || (p.saved && !p.dirty)}
            title={t('designer.toolbar.saveTitle')}
            data-testid="designer-save"
          >
            {p.busy === 'save' ? t('designer.toolbar.saving') : t('designer.toolbar.save')}
          </button>
          <button
            type="button"
            className={`btn-secondary ${compact}`}
            onClick={p.onPublish}
            disabled={p.busy !== null || p.errors > 0}
            aria-describedby={p.errors > 0 ? 'publish-blocked' : undefined}
            data-testid="designer-publish"
          >
            {p.busy === 'publish' ? t('designer.toolbar.publishing') : t('designer.toolbar.publish')}
          </button>
          <button
            type="button"
            className={`btn-secondary ${compact}`}
            onClick={p.onTestRun}
            disabled={p.busy !== null || p.errors > 0}
            title={t('designer.toolbar.testRunTitle')}
            data-testid="designer-test-run"
          >
            {t('designer.toolbar.testRun')}
          </button>
          <Divider />
          <button type="button" className={small} onClick={p.onUndo} disabled={!p.canUndo} title={t('designer.toolbar.undoTitle')} data-testid="designer-undo">
            {t('designer.toolbar.undo')}
          </button>
          <button type="button" className={small} onClick={p.onRedo} disabled={!p.canRedo} title={t('designer.toolbar.redoTitle')} data-testid="designer-redo">
            {t('designer.toolbar.redo')}
          </button>
          <button type="button" className={small} onClick={p.onLayout} title={t('designer.toolbar.layoutTitle')} data-testid="designer-layout">
            {t('designer.toolbar.layout')}
          </button>
          <Divider />
        </>
      )}
      <button type="button" className={toggle(p.view === 'free')} aria-pressed={p.view === 'free'} onClick={() => p.onView('free')} data-testid="view-free">
        {t('designer.toolbar.viewFree')}
      </button>
      <button
        type="button"
        className={toggle(p.view === 'swimlane')}
        aria-pressed={p.view === 'swimlane'}
        onClick={() => p.onView('swimlane')}
        title={t('designer.toolbar.viewSwimlaneTitle')}
        data-testid="view-swimlane"
      >
        {t('designer.toolbar.viewSwimlane')}
      </button>
      <button
        type="button"
        className={toggle(p.overlayOn)}
        aria-pressed={p.overlayOn}
        onClick={p.onOverlay}
        title={t('designer.toolbar.overlayTitle')}
        data-testid="designer-overlay"
      >
        {t('designer.toolbar.overlay')}
      </button>
      <button
        type="button"
        className={toggle(p.whatIfOn)}
        aria-pressed={p.whatIfOn}
        onClick={p.onWhatIf}
        title={t('designer.toolbar.whatIfTitle')}
        data-testid="designer-whatif"
      >
        {t('designer.toolbar.whatIf')}
      </button>
      <Divider />
      <MoreMenu label={t('designer.toolbar.more')} className={small} testId="designer-more">
        {p.definitionId && (
          <button type="button" className={menuItem} onClick={p.onVersions} data-testid="designer-versions">
            {t('designer.toolbar.versions')}
          </button>
        )}
        <button type="button" className={menuItem} onClick={p.onExport} title={t('designer.toolbar.exportTitle')} data-testid="designer-export">
          {t('designer.toolbar.export')}
        </button>
        {p.definitionId && (
          <Link className={menuItem} to={`/workflows/${encodeURIComponent(p.definitionId)}/instances`} data-testid="designer-instances">
            {t('designer.toolbar.instances')}
          </Link>
        )}
      </MoreMenu>
      <div className="ml-auto flex items-center gap-2">
        {!p.readOnly && <PanelToggle panel="palette" open={p.paletteOpen} onToggle={p.onPalette} />}
        <PanelToggle panel="properties" open={p.propertiesOpen} onToggle={p.onProperties} />
      </div>
    </div>
  );
}

/** A window with its left or right column marked: which side the panel sits on. */
function PanelIcon({ side }: { side: 'left' | 'right' }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6">
      <rect x="2.5" y="3.5" width="15" height="13" rx="1.5" />
      <path d={side === 'left' ? 'M7.5 3.5v13' : 'M12.5 3.5v13'} />
    </svg>
  );
}
