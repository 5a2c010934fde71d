import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { cell, DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SelectFilter } from '../components/SelectFilter';
import { currentLanguage } from '../i18n';
import {
  dueFilters,
  inboxPageSize,
  listTasks,
  statusFilters,
  taskQueryString,
  type DueFilter,
  type StatusFilter,
  type TaskCounts,
  type TaskList,
  type TaskQuery,
  type TaskSummary,
} from './api';
import { formatDateTime } from './format';
import { ArmBadge, Assignee, DateTime, DueTime, StatusLabel, failureReason } from './parts';

/** The inbox refreshes itself this often while the page is visible. */
export const inboxRefreshMs = 30_000;

const countKeys: readonly (keyof TaskCounts)[] = ['open', 'claimed', 'overdue', 'completed'];

function isStatusFilter(value: string | null): value is StatusFilter {
  return value !== null && (statusFilters as readonly string[]).includes(value);
}

function isDueFilter(value: string | null): value is DueFilter {
  return value !== null && (dueFilters as readonly string[]).includes(value);
}

/** The filters live in the address: ?status=&processKey=&due= (unknown values are ignored). */
function readQuery(params: URLSearchParams): TaskQuery {
  const query: TaskQuery = {};
  const status = params.get('status');
  if (isStatusFilter(status)) query.status = status;
  const processKey = params.get('processKey');
  if (processKey) query.processKey = processKey;
  const due = params.get('due');
  if (isDueFilter(due)) query.due = due;
  if (params.get('sort') === '-due') query.sort = '-due';
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) query.page = page;
  return query;
}

interface InboxState {
  list: TaskList | null;
  error: unknown;
  updatedAt: Date | null;
  /** The request the state answers; while another is out, the inbox is loading. */
  request: string | null;
}

export function InboxPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [params, setParams] = useSearchParams();
  const queryKey = taskQueryString(readQuery(params));
  const query = useMemo(() => readQuery(new URLSearchParams(queryKey)), [queryKey]);

  const [state, setState] = useState<InboxState>({ list: null, error: null, updatedAt: null, request: null });
  const [generation, setGeneration] = useState(0);
  const request = `${generation}:${language}:${queryKey}`;
  /** Every process of the clerk's tasks, by its title, so filtering by one process keeps the others choosable. */
  const [processes, setProcesses] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    const abort = new AbortController();
    listTasks(query, abort.signal).then(
      (list) => {
        setState({ list, error: null, updatedAt: new Date(), request });
        setProcesses((known) => {
          const next = new Map(known);
          // The process's title (おくやみ手続), not the name of one arm's workflow (おくやみ手続 (現行)).
          for (const p of list.processes ?? []) next.set(p.processKey, (language === 'en' ? p.titleEn || p.titleJa : p.titleJa || p.titleEn) || p.processKey);
          for (const item of list.items) if (item.processKey && !next.has(item.processKey)) next.set(item.processKey, item.processName || item.processKey);
          return next;
        });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setState((s) => ({ ...s, error, request }));
      },
    );
    return () => abort.abort();
  }, [query, request, language]);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') refresh();
    }, inboxRefreshMs);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const setFilter = (name: 'status' | 'processKey' | 'due', value: string) => {
    const next: TaskQuery = { ...query, page: undefined };
    if (name === 'status') {
      if (isStatusFilter(value) && value !== 'active') next.status = value;
      else delete next.status;
    } else if (name === 'processKey') {
      if (value) next.processKey = value;
      else delete next.processKey;
    } else if (isDueFilter(value)) next.due = value;
    else delete next.due;
    setParams(new URLSearchParams(taskQueryString(next)), { replace: true });
  };

  const go = (change: Partial<TaskQuery>) => setParams(new URLSearchParams(taskQueryString({ ...query, ...change })), { replace: !('page' in change) });

  const processOptions = useMemo(() => {
    const entries = new Map(processes);
    if (query.processKey && !entries.has(query.processKey)) entries.set(query.processKey, query.processKey);
    return [...entries.entries()].sort((a, b) => a[1].localeCompare(b[1], 'ja'));
  }, [processes, query.processKey]);

  const { list, error, updatedAt } = state;
  const loading = state.request !== request;
  const title = t('tasks.inbox.title');

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="mb-6 max-w-3xl">{t('tasks.inbox.lead')}</p>

      <ul aria-label={t('tasks.inbox.countsLabel')} className="mb-6 flex flex-wrap gap-3" data-testid="task-counts">
        {countKeys.map((key) => (
          <li
            key={key}
            className={`flex min-w-32 flex-col rounded-8 border bg-white px-4 py-3 ${
              key === 'overdue' && (list?.counts.overdue ?? 0) > 0 ? 'border-error-1 border-2' : 'border-solid-gray-420'
            }`}
            data-testid={`count-${key}`}
          >
            <span className="text-dns-16N-130 text-solid-gray-800">{t(`tasks.inbox.counts.${key}`)}</span>
            <span
              className={`text-std-28B-150 ${key === 'overdue' && (list?.counts.overdue ?? 0) > 0 ? 'text-error-1' : 'text-solid-gray-900'}`}
              data-testid={`count-${key}-value`}
            >
              {list ? list.counts[key] : '–'}
            </span>
          </li>
        ))}
      </ul>

      <section aria-label={t('tasks.inbox.filtersLabel')} className="mb-6 flex flex-wrap items-end gap-4" data-testid="task-filters">
        <SelectFilter
          label={t('tasks.inbox.filterStatus')}
          value={query.status ?? 'active'}
          options={statusFilters.map((status) => ({ value: status, label: t(`tasks.inbox.statusOptions.${status}`) }))}
          onChange={(value) => setFilter('status', value)}
          testId="filter-status"
        />
        <SelectFilter
          label={t('tasks.inbox.filterProcess')}
          value={query.processKey ?? ''}
          options={[{ value: '', label: t('tasks.inbox.allProcesses') }, ...processOptions.map(([key, name]) => ({ value: key, label: name }))]}
          onChange={(value) => setFilter('processKey', value)}
          testId="filter-process"
        />
        <SelectFilter
          label={t('tasks.inbox.filterDue')}
          value={query.due ?? ''}
          options={[
            { value: '', label: t('tasks.inbox.dueOptions.any') },
            ...dueFilters.map((due) => ({ value: due, label: t(`tasks.inbox.dueOptions.${due}`) })),
          ]}
          onChange={(value) => setFilter('due', value)}
          width="min-w-40"
          testId="filter-due"
        />
        <button type="button" className="btn-secondary" onClick={refresh} disabled={loading} data-testid="tasks-refresh">
          <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M20 12a8 8 0 1 1-2.34-5.66M20 4v5h-5" />
          </svg>
          {t('tasks.inbox.refresh')}
        </button>
      </section>

      {updatedAt && (
        <p className="mb-4 text-dns-16N-130 text-solid-gray-700" data-testid="tasks-last-updated">
          {t('tasks.inbox.lastUpdated', { time: formatDateTime(updatedAt.toISOString(), language) })}
        </p>
      )}

      {error !== null && (
        <LoadError
          message={t('tasks.inbox.loadFailed', { reason: failureReason(error) })}
          retryLabel={t('tasks.inbox.retry')}
          onRetry={refresh}
          className="text-solid-gray-900"
          testId="tasks-error"
        />
      )}

      {list === null && loading && <Loading testId="tasks-loading">{t('tasks.inbox.loading')}</Loading>}

      {list !== null && (
        <>
          <p role="status" className="sr-only" data-testid="tasks-result-count">
            {t('tasks.inbox.resultCount', { count: list.total ?? list.items.length })}
          </p>
          {list.items.length === 0 ? (
            <EmptyState testId="tasks-empty">{t('tasks.inbox.empty')}</EmptyState>
          ) : (
            <DataTable
              caption={t('tasks.inbox.caption')}
              columns={(['title', 'caseId', 'process', 'assignee', 'created', 'due', 'status'] as const).map((key) =>
                key === 'due'
                  ? {
                      key,
                      sort: query.sort === '-due' ? 'descending' : 'ascending',
                      label: (
                        <button
                          type="button"
                          className="inline-flex items-center gap-1 underline underline-offset-4"
                          onClick={() => go({ sort: query.sort === '-due' ? undefined : '-due', page: undefined })}
                          aria-label={t('tasks.inbox.sortDue', { order: t(query.sort === '-due' ? 'tasks.inbox.descending' : 'tasks.inbox.ascending') })}
                          data-testid="sort-due"
                        >
                          {t('tasks.inbox.columns.due')}
                          <span aria-hidden="true">{query.sort === '-due' ? '▼' : '▲'}</span>
                        </button>
                      ),
                    }
                  : { key, label: t(`tasks.inbox.columns.${key}`) },
              )}
              rows={list.items}
              rowKey={(task) => task.id}
              rowProps={(task) => ({
                className: task.overdue ? 'bg-red-50' : '',
                'data-testid': `task-row-${task.id}`,
                'data-overdue': task.overdue ? 'true' : undefined,
              })}
              renderRow={(task) => <TaskRow task={task} inboxSearch={queryKey} />}
              minWidth="min-w-[64rem]"
              testId="tasks-table"
              busy={loading}
            />
          )}
          <Pager query={query} total={list.total ?? list.items.length} shown={list.items.length} onPage={(page) => go({ page })} />
        </>
      )}
    </>
  );
}

function TaskRow({ task, inboxSearch }: { task: TaskSummary; inboxSearch: string }) {
  const { t } = useTranslation();
  return (
    <>
      <th scope="row" className={`${cell} min-w-48 font-normal`}>
        <Link to={`/tasks/${encodeURIComponent(task.id)}`} state={{ inboxSearch }} className="link font-bold" data-testid={`task-link-${task.id}`}>
          {task.title}
        </Link>
      </th>
      <td className={`${cell} whitespace-nowrap font-mono text-dns-16N-130`} data-testid="task-case-id">
        {task.caseId ?? '—'}
      </td>
      <td className={cell}>
        <span className="mr-2">{task.processName || task.processKey}</span>
        <ArmBadge arm={task.arm} />
      </td>
      <td className={`${cell} min-w-32`}>
        <Assignee task={task} />
      </td>
      <td className={`${cell} whitespace-nowrap`}>
        <DateTime iso={task.createdAt} />
      </td>
      <td className={`${cell} min-w-44`} data-testid="task-due">
        <DueTime task={task} noDueKey="tasks.inbox.noDue" />
      </td>
      <td className={`${cell} min-w-36`} data-testid="task-status">
        <span className="block">
          <StatusLabel status={task.status} />
        </span>
        {task.status === 'Claimed' && (
          <span className="block text-dns-16N-130 text-solid-gray-700">
            {task.claimedByMe ? t('tasks.inbox.claimedByMe') : task.claimedBy ? t('tasks.inbox.claimedBy', { name: task.claimedBy }) : null}
          </span>
        )}
      </td>
    </>
  );
}

/** 「120 件中 51〜100 件目」 with 前へ / 次へ, when the matches take more than one page. */
function Pager({ query, total, shown, onPage }: { query: TaskQuery; total: number; shown: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const page = query.page ?? 1;
  const pages = Math.max(1, Math.ceil(total / inboxPageSize));
  if (pages <= 1) return null;
  const first = (page - 1) * inboxPageSize + 1;
  return (
    <nav aria-label={t('tasks.inbox.pages')} className="mt-4 flex flex-wrap items-center gap-3" data-testid="tasks-pages">
      <span>{t('tasks.inbox.range', { first, last: first + shown - 1, total })}</span>
      <button type="button" className="btn-secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('tasks.inbox.previous')}
      </button>
      <span>{t('tasks.inbox.page', { page, pages })}</span>
      <button type="button" className="btn-secondary" disabled={page >= pages} onClick={() => onPage(page + 1)} data-testid="tasks-next-page">
        {t('tasks.inbox.next')}
      </button>
    </nav>
  );
}
