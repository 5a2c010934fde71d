import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NextStepsText } from './NextStepsText';
import type { TaskAlert, TaskScreenState } from './useTaskScreen';

/** What the last action did: 完了しました (with the next steps), 解除しました, or why it failed. */
export function TaskNotices({ screen, inboxLink }: { screen: TaskScreenState; inboxLink: string }) {
  const { t } = useTranslation();
  const { notice, next, alert, ids } = screen;

  const alertText = (a: TaskAlert): string => {
    switch (a.kind) {
      case 'claimConflict':
        return t('tasks.task.claimConflict');
      case 'alreadyCompleted':
        return t('tasks.task.alreadyCompleted');
      case 'forbidden':
        return t('tasks.task.forbidden');
      case 'network':
        return t('tasks.networkError');
      case 'unexpected':
        return t('tasks.task.unexpected', { reason: a.reason });
    }
  };

  return (
    <>
      {notice === 'completed' && (
        <div
          id={ids.focus.success}
          tabIndex={-1}
          role="status"
          className="mb-6 max-w-4xl border-l-4 border-success-1 bg-green-50 px-4 py-3 text-solid-gray-900"
          data-testid="task-success"
        >
          <p className="text-std-17B-170">{t('tasks.task.completed')}</p>
          {next && <NextStepsText next={next} />}
          <Link to={inboxLink} className="link">
            {t('tasks.task.back')}
          </Link>
        </div>
      )}
      {notice === 'released' && (
        <p role="status" className="mb-6 max-w-4xl border-l-4 border-blue-900 bg-blue-50 px-4 py-3" data-testid="task-released">
          {t('tasks.task.released')}
        </p>
      )}
      {alert && (
        <div
          id={ids.focus.alert}
          tabIndex={-1}
          role="alert"
          className="mb-6 max-w-4xl border-l-4 border-error-1 bg-red-50 px-4 py-3 text-std-17B-170 text-error-2"
          data-testid="task-alert"
        >
          {alertText(alert)}
        </div>
      )}
    </>
  );
}

/** 担当する on an open task, 解除 on the clerk's own, and who holds it when someone else does. */
export function TaskActions({ screen }: { screen: TaskScreenState }) {
  const { t } = useTranslation();
  const { task, busy, editable, ids } = screen;
  if (!task) return null;
  return (
    <>
      {task.status === 'Open' && (
        <div className="mb-8 flex max-w-4xl flex-wrap items-center gap-4">
          <p>{t('tasks.task.claimHint')}</p>
          <button
            id={ids.focus.claim}
            type="button"
            className="btn-primary"
            onClick={() => void screen.claim()}
            disabled={busy !== null}
            data-testid="task-claim"
          >
            {t('tasks.task.claim')}
          </button>
        </div>
      )}
      {task.status === 'Claimed' && !task.claimedByMe && (
        <p className="mb-8 max-w-4xl border-l-4 border-solid-gray-600 bg-solid-gray-50 px-4 py-3" data-testid="task-claimed-by-other">
          {t('tasks.task.claimedByOther', { name: task.claimedBy ?? '—' })}
        </p>
      )}
      {editable && (
        <div className="mb-8">
          <button type="button" className="btn-secondary" onClick={() => void screen.release()} disabled={busy !== null} data-testid="task-release">
            {t('tasks.task.release')}
          </button>
        </div>
      )}
    </>
  );
}
