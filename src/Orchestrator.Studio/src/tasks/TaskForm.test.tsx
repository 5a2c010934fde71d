import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockServer, problem, renderApp } from '../test/helpers';
import { completed, documentVisibility, fillValidForm, me, posts } from '../test/taskScreen';
import { taskDetail } from '../test/tasks';

documentVisibility();

describe('task screen: completing', () => {
  it('completes with the outcome, the typed data and the effort, then shows the result read-only', async () => {
    const server = mockServer({
      'GET /api/me': me,
      'GET /api/tasks/t1': () => jsonResponse(200, taskDetail()),
      'POST /api/tasks/t1/complete': (request) => completed(request),
    });
    renderApp('/tasks/t1');
    await fillValidForm();
    const effort = screen.getByLabelText('作業時間(分)');
    await userEvent.clear(effort);
    await userEvent.type(effort, '12.5');
    await userEvent.click(screen.getByRole('button', { name: '差戻し' }));

    const success = await screen.findByTestId('task-success');
    expect(success.textContent).toContain('タスクを完了しました');
    expect(within(success).getByRole('link', { name: 'タスク一覧へ戻る' }).getAttribute('href')).toBe('/tasks');
    await waitFor(() => expect(document.activeElement).toBe(success));

    const complete = posts(server, '/complete');
    expect(complete).toHaveLength(1);
    expect(complete[0]!.body).toEqual({
      outcome: '差戻し',
      data: { residentNumber: '12345678901', householdSize: 3, movedOn: '2026-11-18', reason: '転勤', documentsChecked: true },
      effortMinutes: 12.5,
    });
    expect(complete[0]!.credentials).toBe('include');

    // Read-only now: no form, the outcome, effort, who completed it and the submitted values.
    expect(screen.queryByRole('button', { name: '承認' })).toBeNull();
    expect(screen.queryByLabelText('住民票コード')).toBeNull();
    expect(screen.getByTestId('task-status').textContent).toBe('完了');
    expect(screen.getByTestId('task-outcome').textContent).toBe('差戻し');
    expect(screen.getByTestId('task-effort').textContent).toBe('12.5 分');
    expect(screen.getByTestId('task-completed-by').textContent).toBe('台東 花子');
    expect(screen.getByTestId('task-active-time').textContent).toBe('12:34');
    const data = within(screen.getByTestId('task-data'));
    expect(data.getAllByRole('term').map((dt) => dt.textContent)).toEqual(['住民票コード', '世帯人数', '異動日', '異動理由', '本人確認書類を確認した']);
    expect(data.getAllByRole('definition').map((dd) => dd.textContent)).toEqual(['12345678901', '3', '2026-11-18', '転勤', 'はい']);
  });

  it('sends false for an unticked checkbox and leaves empty optional fields out', async () => {
    const server = mockServer({
      'GET /api/me': me,
      'GET /api/tasks/t1': () => jsonResponse(200, taskDetail({ activeSeconds: 90 })),
      'POST /api/tasks/t1/complete': (request) => completed(request),
    });
    renderApp('/tasks/t1');
    await userEvent.type(await screen.findByLabelText('住民票コード'), '12345678901');
    await userEvent.type(screen.getByLabelText('世帯人数'), '2.5');
    await userEvent.selectOptions(screen.getByLabelText('異動理由'), 'その他');
    await userEvent.click(screen.getByRole('button', { name: '承認' }));

    await screen.findByTestId('task-success');
    expect(posts(server, '/complete')[0]!.body).toEqual({
      outcome: '承認',
      data: { residentNumber: '12345678901', householdSize: 2.5, reason: 'その他', documentsChecked: false },
      effortMinutes: 1.5,
    });
  });

  it('shows the server’s per-field 400 errors next to the fields and in a focused summary with links', async () => {
    const server = mockServer({
      'GET /api/me': me,
      'GET /api/tasks/t1': () => jsonResponse(200, taskDetail()),
      'POST /api/tasks/t1/complete': () =>
        problem(400, '入力内容に誤りがあります', {
          errors: [
            { path: '$.data.householdSize', message: '世帯人数は 1 以上 20 以下です' },
            { path: '$.data.reason', message: '異動理由は選択肢から選んでください' },
            { path: '$.outcome', message: '処理結果が不正です' },
          ],
        }),
    });
    renderApp('/tasks/t1');
    await fillValidForm();
    await userEvent.click(screen.getByRole('button', { name: '承認' }));

    const summary = await screen.findByTestId('task-error-summary');
    expect(summary.getAttribute('role')).toBe('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getByRole('heading', { name: '入力内容を確認してください' })).toBeTruthy();
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['世帯人数は 1 以上 20 以下です', '異動理由は選択肢から選んでください', '処理結果が不正です']);

    const household = screen.getByLabelText('世帯人数');
    expect(household.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(household.getAttribute('aria-describedby')!)?.textContent).toBe('世帯人数は 1 以上 20 以下です');
    expect(screen.getByTestId('field-error-reason').textContent).toBe('異動理由は選択肢から選んでください');
    expect(screen.getByLabelText('住民票コード').getAttribute('aria-invalid')).toBeNull();

    await userEvent.click(within(summary).getByRole('link', { name: '異動理由は選択肢から選んでください' }));
    expect(document.activeElement).toBe(screen.getByLabelText('異動理由'));
    // Nothing completed: the form stays.
    expect(screen.getByRole('button', { name: '承認' })).toBeTruthy();
    expect(posts(server, '/complete')).toHaveLength(1);
  });

  it('checks the form before sending: required, range, pattern and effort', async () => {
    const server = mockServer({ 'GET /api/me': me, 'GET /api/tasks/t1': () => jsonResponse(200, taskDetail()) });
    renderApp('/tasks/t1');
    await userEvent.type(await screen.findByLabelText('住民票コード'), '123');
    await userEvent.type(screen.getByLabelText('世帯人数'), '21');
    await userEvent.clear(screen.getByLabelText('作業時間(分)'));
    await userEvent.click(screen.getByRole('button', { name: '承認' }));

    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '住民票コードの形式が正しくありません',
      '世帯人数は 20 以下で入力してください',
      '異動理由を選択してください',
      '作業時間(分)は 0 以上の数値で入力してください',
    ]);
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByLabelText('作業時間(分)').getAttribute('aria-invalid')).toBe('true');
    expect(posts(server, '/complete')).toHaveLength(0);
  });

  it('says the task is already completed on 409 and shows it as the server now has it', async () => {
    let reads = 0;
    mockServer({
      'GET /api/me': me,
      'GET /api/tasks/t1': () =>
        jsonResponse(
          200,
          ++reads === 1
            ? taskDetail()
            : taskDetail({ status: 'Completed', outcome: '承認', completedBy: '上野 太郎', effortMinutes: 4, data: { reason: '結婚' } }),
        ),
      'POST /api/tasks/t1/complete': () => problem(409, 'Conflict'),
    });
    renderApp('/tasks/t1');
    await fillValidForm();
    await userEvent.click(screen.getByRole('button', { name: '承認' }));

    expect((await screen.findByRole('alert')).textContent).toBe('このタスクは既に完了しています');
    expect(await screen.findByTestId('task-completed-by')).toBeTruthy();
    expect(screen.getByTestId('task-completed-by').textContent).toBe('上野 太郎');
    expect(screen.getByTestId('task-status').textContent).toBe('完了');
    expect(screen.queryByRole('button', { name: '承認' })).toBeNull();
    expect(reads).toBe(2);
  });

  it('says so when the user may not complete the task (403)', async () => {
    mockServer({
      'GET /api/me': me,
      'GET /api/tasks/t1': () => jsonResponse(200, taskDetail()),
      'POST /api/tasks/t1/complete': () => problem(403, 'Forbidden'),
    });
    renderApp('/tasks/t1');
    await fillValidForm();
    await userEvent.click(screen.getByRole('button', { name: '承認' }));
    expect((await screen.findByRole('alert')).textContent).toBe('このタスクを完了する権限がありません。');
  });

  it('completes with Enter on the focused outcome button, but not with Enter in a field', async () => {
    const server = mockServer({
      'GET /api/me': me,
      'GET /api/tasks/t1': () => jsonResponse(200, taskDetail()),
      'POST /api/tasks/t1/complete': (request) => completed(request),
    });
    renderApp('/tasks/t1');
    await fillValidForm();
    await userEvent.click(screen.getByLabelText('住民票コード'));
    await userEvent.keyboard('{Enter}');
    expect(posts(server, '/complete')).toHaveLength(0);

    screen.getByRole('button', { name: '差戻し' }).focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByTestId('task-success');
    expect((posts(server, '/complete')[0]!.body as { outcome: string }).outcome).toBe('差戻し');
  });

  it('reaches the fields, the effort and the outcomes with Tab, in that order', async () => {
    mockServer({ 'GET /api/me': me, 'GET /api/tasks/t1': () => jsonResponse(200, taskDetail()) });
    renderApp('/tasks/t1');
    const first = await screen.findByLabelText('住民票コード');
    first.focus();
    const order: (string | null)[] = [];
    for (let i = 0; i < 7; i++) {
      await userEvent.tab();
      const el = document.activeElement as HTMLElement;
      order.push(el.getAttribute('name') ?? el.textContent);
    }
    expect(order).toEqual(['householdSize', 'movedOn', 'reason', 'documentsChecked', 'effortMinutes', '承認', '差戻し']);
  });
});
