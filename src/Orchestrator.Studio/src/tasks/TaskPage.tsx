import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { failureReason } from './parts';
import { TaskActions, TaskNotices } from './TaskActions';
import { TaskForm } from './TaskForm';
import { TaskContext, TaskFacts } from './TaskOverview';
import { TaskResult } from './TaskResult';
import { useTaskScreen } from './useTaskScreen';

/** Where "back to the inbox" goes: the inbox with the filters the user came from. */
function useInboxLink(): string {
  const location = useLocation();
  const state = location.state as { inboxSearch?: unknown } | null;
  return typeof state?.inboxSearch === 'string' && state.inboxSearch.startsWith('?') ? `/tasks${state.inboxSearch}` : '/tasks';
}

export function TaskPage() {
  const { id = '' } = useParams();
  return <TaskScreen key={id} id={id} />;
}

function TaskScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const inboxLink = useInboxLink();
  const screen = useTaskScreen(id);
  const { task, loadState } = screen;

  const title = loadState === 'notFound' ? t('tasks.task.notFound') : task && loadState === 'ready' ? task.title : t('tasks.task.title');
  const backLink = (
    <p className="mb-6">
      <Link to={inboxLink} className="link" data-testid="task-back">
        {t('tasks.task.back')}
      </Link>
    </p>
  );

  if (loadState !== 'ready' || !task) {
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        {loadState === 'loading' && <Loading testId="task-loading">{t('tasks.task.loading')}</Loading>}
        {loadState === 'notFound' && (
          <p className="mb-6 max-w-3xl" data-testid="task-not-found">
            {t('tasks.task.notFoundBody')}
          </p>
        )}
        {loadState === 'error' && (
          <LoadError
            message={t('tasks.task.loadFailed', { reason: failureReason(screen.loadError) })}
            retryLabel={t('tasks.task.retry')}
            onRetry={screen.reload}
            testId="task-load-error"
          />
        )}
        {backLink}
      </>
    );
  }

  const finished = task.status === 'Completed' || task.status === 'Cancelled' || task.status === 'Expired';
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {backLink}
      <TaskNotices screen={screen} inboxLink={inboxLink} />
      <TaskFacts task={task} />
      <TaskActions screen={screen} />
      <TaskContext task={task} />
      {finished ? <TaskResult task={task} /> : screen.editable ? <TaskForm task={task} screen={screen} /> : null}
    </>
  );
}
