import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockServer, problem, renderApp, user } from '../test/helpers';
import { taskList, taskSummary } from '../test/tasks';
import { inboxRefreshMs } from './InboxPage';

const served = taskList(
  [
    taskSummary({ id: 't9', title: '住所変更の確認', dueAt: '2026-11-21T00:00:00Z', overdue: true }),
    taskSummary({
      id: 't2',
      title: '児童手当の認定',
      processKey: 'child-allowance',
      processName: '児童手当',
      arm: 'ToBe',
      status: 'Claimed',
      claimedBy: '台東 花子',
      claimedByMe: true,
      dueAt: '2026-11-26T00:00:00Z',
    }),
    taskSummary({ id: 't1', title: 'A: 期限なしの照会', dueAt: null, assigneeRole: null }),
  ],
  { open: 2, claimed: 1, overdue: 1, completed: 7 },
);

const rows = () => within(screen.getByTestId('tasks-table')).getAllByRole('row').slice(1);
const urls = (server: ReturnType<typeof mockServer>) => server.requests.filter((r) => r.url.startsWith('/api/tasks')).map((r) => r.url);

afterEach(() => {
  vi.useRealTimers();
});

describe('task inbox', () => {
  it('shows the counts and the tasks in the order served, with process, arm, assignee and status', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user()), 'GET /api/tasks': () => jsonResponse(200, served) });
    renderApp('/tasks');

    expect(await screen.findByRole('heading', { level: 1, name: 'タスク一覧' })).toBeTruthy();
    // The heading's effect sets the title after the heading is in the page.
    await waitFor(() => expect(document.title).toBe('タスク一覧 | Orchestrator'));
    await screen.findByTestId('tasks-table');

    const counts = within(screen.getByRole('list', { name: 'タスクの件数' }));
    expect(counts.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['未着手2', '対応中1', '期限超過1', '完了7']);
    expect(screen.getByTestId('count-completed-value').textContent).toBe('7');

    const table = screen.getByRole('table', { name: 'タスクの一覧（期限の早い順、期限のないものは最後）' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['件名', '案件番号', '業務', '担当', '受付', '期限▲', '状態']);
    // As served (by due time, none last), not re-sorted by title or id.
    expect(rows().map((row) => row.getAttribute('data-testid'))).toEqual(['task-row-t9', 'task-row-t2', 'task-row-t1']);

    const link = within(table).getByRole('link', { name: '児童手当の認定' });
    expect(link.getAttribute('href')).toBe('/tasks/t2');
    const second = within(screen.getByTestId('task-row-t2'));
    expect(second.getByTestId('arm-badge').textContent).toBe('改革後');
    expect(second.getByTestId('task-status').textContent).toBe('対応中あなたが対応中');
    const first = within(screen.getByTestId('task-row-t9'));
    expect(first.getByTestId('arm-badge').textContent).toBe('現行');
    expect(first.getByText('台東区')).toBeTruthy();
    expect(first.getByText('市民課')).toBeTruthy();
    expect(first.getByTestId('task-status').textContent).toBe('未着手');
    expect(within(screen.getByTestId('task-row-t1')).getByTestId('task-due').textContent).toBe('期限なし');
    expect(screen.getByTestId('tasks-result-count').textContent).toBe('3 件のタスクを表示しています');
  });

  it('marks overdue tasks with red text and a worded 「期限超過」 badge, not colour alone', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user()), 'GET /api/tasks': () => jsonResponse(200, served) });
    renderApp('/tasks');
    await screen.findByTestId('tasks-table');

    const overdue = within(screen.getByTestId('task-row-t9')).getByTestId('task-due');
    expect(within(overdue).getByTestId('overdue-badge').textContent).toBe('期限超過');
    expect(overdue.querySelector('time')?.getAttribute('dateTime')).toBe('2026-11-21T00:00:00Z');
    expect(overdue.querySelector('.text-error-1')).not.toBeNull();
    expect(screen.getByTestId('task-row-t9').getAttribute('data-overdue')).toBe('true');

    const onTime = within(screen.getByTestId('task-row-t2')).getByTestId('task-due');
    expect(within(onTime).queryByTestId('overdue-badge')).toBeNull();
    expect(onTime.querySelector('.text-error-1')).toBeNull();
    expect(screen.getAllByTestId('overdue-badge')).toHaveLength(1);
  });

  it('puts each filter into the address and asks the server again with the matching query', async () => {
    const server = mockServer({
      'GET /api/me': () => jsonResponse(200, user()),
      'GET /api/tasks': () => jsonResponse(200, served),
      'GET /api/tasks?status=Completed': () => jsonResponse(200, served),
      'GET /api/tasks?status=Completed&due=overdue': () => jsonResponse(200, served),
      'GET /api/tasks?status=Completed&processKey=child-allowance&due=overdue': () => jsonResponse(200, taskList([served.items[1]!], served.counts)),
      'GET /api/tasks?processKey=child-allowance&due=overdue': () => jsonResponse(200, taskList([], served.counts)),
    });
    renderApp('/tasks');
    await screen.findByTestId('tasks-table');
    expect(urls(server)).toEqual(['/api/tasks']);

    await userEvent.selectOptions(screen.getByLabelText('状態'), '完了');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/tasks?status=Completed'));
    await waitFor(() => expect(urls(server)).toContain('/api/tasks?status=Completed'));

    await userEvent.selectOptions(screen.getByLabelText('期限'), '期限超過');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/tasks?status=Completed&due=overdue'));
    await waitFor(() => expect(urls(server)).toContain('/api/tasks?status=Completed&due=overdue'));

    // The process list is built from the processes of the tasks served.
    const process = screen.getByLabelText('業務') as HTMLSelectElement;
    expect([...process.options].map((o) => o.textContent)).toEqual(['すべての業務', '児童手当', '転入手続']);
    await userEvent.selectOptions(process, '児童手当');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/tasks?status=Completed&processKey=child-allowance&due=overdue'));
    await waitFor(() => expect(rows()).toHaveLength(1));
    // Only one process is listed now, but the others stay choosable.
    expect([...process.options].map((o) => o.value)).toEqual(['', 'child-allowance', 'moving-in']);

    // Back to the default status: the parameter leaves the address and the request.
    await userEvent.selectOptions(screen.getByLabelText('状態'), '未完了（未着手・対応中）');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/tasks?processKey=child-allowance&due=overdue'));
    expect(await screen.findByTestId('tasks-empty')).toBeTruthy();
    expect(screen.getByTestId('tasks-empty').textContent).toBe('条件に合うタスクはありません。');
    expect(urls(server)).toEqual([
      '/api/tasks',
      '/api/tasks?status=Completed',
      '/api/tasks?status=Completed&due=overdue',
      '/api/tasks?status=Completed&processKey=child-allowance&due=overdue',
      '/api/tasks?processKey=child-allowance&due=overdue',
    ]);
  });

  it('reads the filters from the address on opening', async () => {
    const server = mockServer({
      'GET /api/me': () => jsonResponse(200, user()),
      'GET /api/tasks?status=all&processKey=moving-in&due=week': () => jsonResponse(200, served),
    });
    renderApp('/tasks?due=week&status=all&processKey=moving-in&status=bogus');
    await screen.findByTestId('tasks-table');
    expect(urls(server)).toEqual(['/api/tasks?status=all&processKey=moving-in&due=week']);
    expect((screen.getByLabelText('状態') as HTMLSelectElement).value).toBe('all');
    expect((screen.getByLabelText('業務') as HTMLSelectElement).value).toBe('moving-in');
    expect((screen.getByLabelText('期限') as HTMLSelectElement).value).toBe('week');
  });

  it('keeps the filters for the way back from a task', async () => {
    mockServer({
      'GET /api/me': () => jsonResponse(200, user()),
      'GET /api/tasks?due=today': () => jsonResponse(200, served),
      'GET /api/tasks/t2': () => problem(404, 'Not Found'),
    });
    renderApp('/tasks?due=today');
    await userEvent.click(await screen.findByRole('link', { name: '児童手当の認定' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'タスクが見つかりません' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'タスク一覧へ戻る' }).getAttribute('href')).toBe('/tasks?due=today');
  });

  it('shows a loading state, then an error with a retry', async () => {
    let calls = 0;
    mockServer({
      'GET /api/me': () => jsonResponse(200, user()),
      'GET /api/tasks': () => (++calls === 1 ? problem(500, 'Server Error') : jsonResponse(200, served)),
    });
    renderApp('/tasks');
    expect(await screen.findByTestId('tasks-loading')).toBeTruthy();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('タスクを読み込めませんでした（HTTP 500: Server Error）。');
    await userEvent.click(within(alert).getByRole('button', { name: '再読み込み' }));
    expect(await screen.findByTestId('tasks-table')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refreshes on the button and by itself every 30 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const server = mockServer({ 'GET /api/me': () => jsonResponse(200, user()), 'GET /api/tasks': () => jsonResponse(200, served) });
    renderApp('/tasks');
    await screen.findByTestId('tasks-table');
    expect(urls(server)).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: '最新の情報に更新' }));
    await waitFor(() => expect(urls(server)).toHaveLength(2));
    await waitFor(() => expect((screen.getByRole('button', { name: '最新の情報に更新' }) as HTMLButtonElement).disabled).toBe(false));

    act(() => vi.advanceTimersByTime(inboxRefreshMs - 1));
    expect(urls(server)).toHaveLength(2);
    act(() => vi.advanceTimersByTime(1));
    await waitFor(() => expect(urls(server)).toHaveLength(3));
    expect(screen.getByTestId('tasks-last-updated').textContent).toContain('30 秒ごとに自動で更新します');
  });

  it('speaks English when English is chosen', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user()), 'GET /api/tasks': () => jsonResponse(200, served) });
    const { i18n } = renderApp('/tasks');
    await screen.findByTestId('tasks-table');
    await act(() => i18n.changeLanguage('en'));

    expect(screen.getByRole('heading', { level: 1, name: 'Tasks' })).toBeTruthy();
    expect(
      within(screen.getByTestId('tasks-table'))
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Title', 'Case ID', 'Process', 'Assignee', 'Received', 'Due▲', 'Status']);
    expect(within(screen.getByTestId('task-row-t9')).getByText('Taito City')).toBeTruthy();
    expect(within(screen.getByTestId('task-row-t9')).getByTestId('overdue-badge').textContent).toBe('Overdue');
    expect(within(screen.getByTestId('task-row-t2')).getByTestId('arm-badge').textContent).toBe('To-be');
    expect(screen.getByLabelText('Status')).toBeTruthy();
  });

  it('is refused to an evaluator', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user({ roles: ['Evaluator'] })) });
    renderApp('/tasks/t1');
    expect(await screen.findByRole('heading', { level: 1, name: '権限がありません' })).toBeTruthy();
  });
});
