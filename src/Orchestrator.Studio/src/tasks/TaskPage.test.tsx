import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockServer, problem, renderApp, user } from '../test/helpers';
import { completed, documentVisibility, me, posts } from '../test/taskScreen';
import { taskDetail, taskList } from '../test/tasks';

const visibility = documentVisibility();

describe('task screen', () => {
  it('shows the title, process, arm, status, due, instructions, case data and measurement', async () => {
    mockServer({
      'GET /api/me': me,
      'GET /api/tasks/t1': () => jsonResponse(200, taskDetail({ overdue: true })),
    });
    renderApp('/tasks/t1');

    expect(await screen.findByRole('heading', { level: 1, name: '転入届の審査' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('転入届の審査 | Orchestrator'));
    expect(screen.getByTestId('task-process').textContent).toBe('転入手続現行');
    expect(screen.getByTestId('task-status').textContent).toBe('対応中');
    expect(within(screen.getByTestId('task-due')).getByTestId('overdue-badge').textContent).toBe('期限超過');
    expect(screen.getByTestId('task-claimed-by').textContent).toBe('台東 花子');

    const instructions = within(screen.getByRole('region', { name: '作業の説明' }));
    expect(instructions.getByText(/届出の内容を確認してください。/).textContent).toBe('届出の内容を確認してください。\n不備があれば差し戻してください。');

    const caseData = within(screen.getByRole('region', { name: '案件情報' }));
    expect(caseData.getAllByRole('term').map((dt) => dt.textContent)).toEqual(['申請者番号', '届出日']);
    expect(caseData.getAllByRole('definition').map((dd) => dd.textContent)).toEqual(['A-0042', '令和8年11月19日（2026年11月19日）']);

    const measurement = within(screen.getByRole('region', { name: 'このステップの計測項目' }));
    expect(measurement.getByText('帳票数')).toBeTruthy();
    expect(measurement.getByText('最短 5 分・最頻 10 分・最長 20 分')).toBeTruthy();
  });

  it('labels every field by type, marks required ones and pre-fills the effort with the measured time', async () => {
    mockServer({ 'GET /api/me': me, 'GET /api/tasks/t1': () => jsonResponse(200, taskDetail({ activeSeconds: 750 })) });
    renderApp('/tasks/t1');

    const text = await screen.findByLabelText('住民票コード');
    expect(text.getAttribute('type')).toBe('text');
    expect(text.getAttribute('aria-required')).toBe('true');
    const number = screen.getByLabelText('世帯人数');
    expect(number.getAttribute('type')).toBe('number');
    expect(number.getAttribute('min')).toBe('1');
    expect(number.getAttribute('max')).toBe('20');
    const date = screen.getByLabelText('異動日');
    expect(date.getAttribute('type')).toBe('date');
    expect(date.getAttribute('aria-required')).toBeNull();
    expect(screen.getByLabelText('異動理由').tagName).toBe('SELECT');
    expect(screen.getByLabelText('本人確認書類を確認した').getAttribute('type')).toBe('checkbox');
    expect(screen.getAllByText('必須')).toHaveLength(3);

    expect(screen.getByRole('timer', { name: '作業時間(計測)' }).textContent).toBe('12:30');
    const effort = screen.getByLabelText('作業時間(分)') as HTMLInputElement;
    expect(effort.name).toBe('effortMinutes');
    expect(effort.value).toBe('12.5');
  });

  it('offers one button per outcome but never "Expired"', async () => {
    mockServer({ 'GET /api/me': me, 'GET /api/tasks/t1': () => jsonResponse(200, taskDetail()) });
    renderApp('/tasks/t1');
    const group = within(await screen.findByRole('group', { name: '処理結果' }));
    expect(group.getAllByRole('button').map((b) => b.textContent)).toEqual(['承認', '差戻し']);
    expect(screen.queryByRole('button', { name: 'Expired' })).toBeNull();
  });

  it('shows an open task to a clerk without claiming it; 「担当する」 claims it', async () => {
    const server = mockServer({
      'GET /api/me': me,
      'GET /api/tasks/t1': () => jsonResponse(200, taskDetail({ status: 'Open', claimedByMe: false, claimedBy: null })),
      'POST /api/tasks/t1/claim': () => jsonResponse(200, taskDetail()),
    });
    renderApp('/tasks/t1');
    const claim = await screen.findByRole('button', { name: '担当する' });
    expect(screen.getByTestId('task-status').textContent).toBe('未着手');
    expect(posts(server, '/claim')).toHaveLength(0);
    expect(screen.queryByLabelText('住民票コード')).toBeNull();
    await userEvent.click(claim);
    expect(await screen.findByRole('button', { name: '戻す' })).toBeTruthy();
    expect(screen.getByTestId('task-status').textContent).toBe('対応中');
    expect(posts(server, '/claim')).toHaveLength(1);
    expect(screen.getByLabelText('住民票コード')).toBeTruthy();
  });

  it('names the case data by the workflow variables’ display names, with はい/いいえ and dates in 和暦 and 西暦', async () => {
    mockServer({
      'GET /api/me': me,
      'GET /api/tasks/t1': () =>
        jsonResponse(
          200,
          taskDetail({
            caseFields: [
              { name: 'applicantName', labelJa: '届出人氏名', labelEn: "Applicant's name", typeName: 'String', value: '架空 田村 由美' },
              { name: 'hasPension', labelJa: '年金の受給', labelEn: 'Receives a pension', typeName: 'String', value: 'true' },
              { name: 'deathDate', labelJa: '死亡日', labelEn: 'Date of death', typeName: 'String', value: '2026-09-02' },
            ],
          }),
        ),
    });
    renderApp('/tasks/t1');
    const caseData = within(await screen.findByRole('region', { name: '案件情報' }));
    expect(caseData.getAllByRole('term').map((dt) => dt.textContent)).toEqual(['届出人氏名', '年金の受給', '死亡日']);
    expect(caseData.getAllByRole('definition').map((dd) => dd.textContent)).toEqual(['架空 田村 由美', 'はい', '令和8年9月2日（2026年9月2日）']);
  });

  it('lets a coordinator claim with the button, and release it again', async () => {
    const server = mockServer({
      'GET /api/me': () => jsonResponse(200, user({ roles: ['Coordinator'] })),
      'GET /api/tasks/t1': () => jsonResponse(200, taskDetail({ status: 'Open', claimedByMe: false, claimedBy: null })),
      'POST /api/tasks/t1/claim': () => jsonResponse(200, taskDetail()),
      'POST /api/tasks/t1/release': () => jsonResponse(200, taskDetail({ status: 'Open', claimedByMe: false, claimedBy: null })),
    });
    renderApp('/tasks/t1');
    const claim = await screen.findByRole('button', { name: '担当する' });
    expect(posts(server, '/claim')).toHaveLength(0);
    expect(screen.queryByLabelText('住民票コード')).toBeNull();

    await userEvent.click(claim);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('住民票コード')));
    await userEvent.click(screen.getByRole('button', { name: '戻す' }));
    expect(await screen.findByRole('button', { name: '担当する' })).toBeTruthy();
    expect(screen.getByTestId('task-released').textContent).toBe('タスクを未着手に戻しました。');
    expect(screen.getByTestId('task-status').textContent).toBe('未着手');
    expect(posts(server, '/claim')).toHaveLength(1);
    expect(posts(server, '/release')).toHaveLength(1);
  });

  it('explains when another clerk got the task first (409 on claim)', async () => {
    let reads = 0;
    mockServer({
      'GET /api/me': me,
      'GET /api/tasks/t1': () =>
        jsonResponse(
          200,
          ++reads === 1 ? taskDetail({ status: 'Open', claimedByMe: false, claimedBy: null }) : taskDetail({ claimedByMe: false, claimedBy: '上野 太郎' }),
        ),
      'POST /api/tasks/t1/claim': () => problem(409, 'Conflict'),
    });
    renderApp('/tasks/t1');
    await userEvent.click(await screen.findByRole('button', { name: '担当する' }));
    expect((await screen.findByRole('alert')).textContent).toBe('他の職員が先に担当したため、担当できませんでした。');
    expect((await screen.findByTestId('task-claimed-by-other')).textContent).toBe('上野 太郎 さんが対応中のため、このタスクは処理できません。');
    expect(screen.queryByRole('group', { name: '処理結果' })).toBeNull();
  });

  it('shows a completed task read-only', async () => {
    mockServer({
      'GET /api/me': me,
      'GET /api/tasks/t1': () =>
        jsonResponse(
          200,
          taskDetail({
            status: 'Completed',
            claimedByMe: false,
            outcome: 'Done',
            effortMinutes: 7,
            completedBy: '上野 太郎',
            completedAt: '2026-11-24T03:00:00Z',
            data: { residentNumber: '12345678901', documentsChecked: false },
            activeSeconds: 65,
          }),
        ),
    });
    renderApp('/tasks/t1');
    expect(await screen.findByTestId('task-result')).toBeTruthy();
    expect(screen.getByTestId('task-outcome').textContent).toBe('完了');
    expect(screen.getByTestId('task-effort').textContent).toBe('7 分');
    expect(screen.getByTestId('task-active-time').textContent).toBe('01:05');
    expect(
      within(screen.getByTestId('task-data'))
        .getAllByRole('definition')
        .map((d) => d.textContent),
    ).toEqual(['12345678901', 'いいえ']);
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
  });

  it('says 「タスクが見つかりません」 for a task of another organisation (404)', async () => {
    mockServer({ 'GET /api/me': me, 'GET /api/tasks/x9': () => problem(404, 'Not Found') });
    renderApp('/tasks/x9');
    expect(await screen.findByRole('heading', { level: 1, name: 'タスクが見つかりません' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'タスク一覧へ戻る' }).getAttribute('href')).toBe('/tasks');
  });

  it('shows the task screen in English', async () => {
    window.localStorage.setItem('orchestrator.language', 'en');
    mockServer({ 'GET /api/me': me, 'GET /api/tasks/t1': () => jsonResponse(200, taskDetail()) });
    renderApp('/tasks/t1');
    expect(await screen.findByRole('timer', { name: 'Active time (measured)' })).toBeTruthy();
    expect(screen.getByLabelText('Effort (minutes)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Release' })).toBeTruthy();
    expect(screen.getAllByText('Required')).toHaveLength(3);
  });
});

/**
 * The measurement starts in an effect after the timer first renders, which may run after `findByRole` resolves:
 * wait (in real time; only intervals and Date are faked) until its tick and report intervals run.
 */
async function measurementStarted() {
  for (let attempt = 0; attempt < 200 && vi.getTimerCount() < 2; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(vi.getTimerCount()).toBe(2);
}

describe('measured active time', () => {
  it('counts only while the document is visible and the window focused, and reports it every 15 s', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const server = mockServer({
      'GET /api/me': me,
      'GET /api/tasks/t1': () => jsonResponse(200, taskDetail({ activeSeconds: 60 })),
      'POST /api/tasks/t1/activity': () => new Response(null, { status: 204 }),
      'GET /api/tasks': () => jsonResponse(200, taskList([])),
    });
    renderApp('/tasks/t1');
    const timer = await screen.findByRole('timer', { name: '作業時間(計測)' });
    expect(timer.textContent).toBe('01:00');
    await measurementStarted();

    act(() => vi.advanceTimersByTime(5_000));
    expect(timer.textContent).toBe('01:05');

    // Hidden (another tab): the clock stops, and the 15 s report has nothing new to send.
    visibility.set('hidden');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    act(() => vi.advanceTimersByTime(20_000));
    expect(timer.textContent).toBe('01:05');
    expect(posts(server, '/activity')).toHaveLength(0);

    // Visible again but the window lost focus: still stopped.
    visibility.set('visible');
    act(() => {
      window.dispatchEvent(new FocusEvent('blur'));
      document.dispatchEvent(new Event('visibilitychange'));
    });
    act(() => vi.advanceTimersByTime(3_000));
    expect(timer.textContent).toBe('01:05');

    act(() => {
      window.dispatchEvent(new FocusEvent('focus'));
    });
    act(() => vi.advanceTimersByTime(2_000)); // t = 30 s: the second report is due
    expect(timer.textContent).toBe('01:07');
    await waitFor(() => expect(posts(server, '/activity')).toHaveLength(1));
    expect(posts(server, '/activity')[0]!.body).toEqual({ activeSeconds: 7 });
    expect((screen.getByLabelText('作業時間(分)') as HTMLInputElement).value).toBe('1.1');

    // Leaving the screen sends the rest with keepalive.
    act(() => vi.advanceTimersByTime(4_000));
    await userEvent.click(screen.getByRole('link', { name: 'タスク一覧へ戻る' }));
    await screen.findByRole('heading', { level: 1, name: 'タスク一覧' });
    await waitFor(() => expect(posts(server, '/activity')).toHaveLength(2));
    expect(posts(server, '/activity')[1]!.body).toEqual({ activeSeconds: 4 });
    const lastCall = server.fetch.mock.calls.filter(([url]) => String(url).endsWith('/activity')).at(-1)!;
    expect((lastCall[1] as RequestInit).keepalive).toBe(true);
  });

  it('sends the measured time before completing', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const server = mockServer({
      'GET /api/me': me,
      'GET /api/tasks/t1': () => jsonResponse(200, taskDetail({ formFields: [], outcomes: ['Done'], instructions: null, caseData: {}, measurement: null })),
      'POST /api/tasks/t1/activity': () => new Response(null, { status: 204 }),
      'POST /api/tasks/t1/complete': (request) => completed(request, { formFields: [], outcomes: ['Done'] }),
    });
    renderApp('/tasks/t1');
    await screen.findByRole('timer');
    await measurementStarted();
    act(() => vi.advanceTimersByTime(9_000));
    expect(screen.getByRole('region', { name: '案件情報' }).textContent).toContain('表示する案件情報はありません。');
    fireEvent.click(screen.getByRole('button', { name: '完了' }));
    await screen.findByTestId('task-success');

    const calls = server.requests.filter((r) => r.method === 'POST').map((r) => [r.url, r.body]);
    expect(calls).toEqual([
      ['/api/tasks/t1/activity', { activeSeconds: 9 }],
      ['/api/tasks/t1/complete', { outcome: 'Done', data: {}, effortMinutes: 0.2 }],
    ]);
  });
});
