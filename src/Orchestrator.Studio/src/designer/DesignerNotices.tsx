import { useTranslation } from 'react-i18next';
import type { Notice } from './useDefinitionActions';

/** The editor's last message (保存しました, an error) and, when the server could not check the definition, why. */
function DesignerNotices({ notice, checkFailure }: { notice: Notice; checkFailure: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      {notice && (
        <div
          role={notice.kind === 'alert' ? 'alert' : 'status'}
          className={`border-l-4 px-3 py-1 text-dns-16N-130 ${notice.kind === 'alert' ? 'border-error-1 bg-red-50' : 'border-blue-900 bg-blue-50'}`}
          data-testid={notice.kind === 'alert' ? 'designer-alert' : 'designer-status'}
        >
          {notice.text}
        </div>
      )}
      {checkFailure && (
        <p role="alert" className="border-l-4 border-warning-yellow-1 bg-yellow-50 px-3 py-1 text-dns-16N-130">
          {t('designer.problems.checkFailed', { reason: checkFailure })}
        </p>
      )}
    </>
  );
}

/** What an empty canvas says: how to begin. */
export function CanvasEmpty() {
  const { t } = useTranslation();
  return (
    <div className="max-w-md rounded-8 border-2 border-dashed border-solid-gray-420 bg-white/90 p-6 text-center" data-testid="canvas-empty">
      <p className="mb-2 text-std-18B-160">{t('designer.empty.title')}</p>
      <p className="text-dns-16N-130">{t('designer.empty.body')}</p>
    </div>
  );
}

/** Beside the heading: 未保存の変更あり / すべて保存済み, why publishing is blocked, and the editor's messages. */
export function EditorStatus({
  dirty,
  saved,
  errors,
  notice,
  checkFailure,
}: {
  dirty: boolean;
  saved: boolean;
  errors: number;
  notice: Notice;
  checkFailure: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <span
        className={`text-dns-16N-130 ${dirty ? 'font-bold text-solid-gray-900' : 'text-solid-gray-700'}`}
        data-testid="dirty-state"
        data-dirty={dirty ? 'true' : 'false'}
      >
        {dirty ? t('designer.toolbar.unsaved') : saved ? t('designer.toolbar.allSaved') : ''}
      </span>
      {errors > 0 && (
        <span id="publish-blocked" className="text-dns-16N-130 text-error-1" data-testid="publish-blocked">
          {t('designer.toolbar.publishBlocked', { count: errors })}
        </span>
      )}
      <div className="ml-auto flex flex-col gap-1">
        <DesignerNotices notice={notice} checkFailure={checkFailure} />
      </div>
    </>
  );
}
