import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockServer, problem, renderApp, user } from '../test/helpers';
import { cycleView, organisations, pilotView, progress } from '../test/pilots';
import type { CycleView } from './api';
import { pollIntervalMs } from './progress';

const coordinator = () => jsonResponse(200, user({ userName: 'coordinator', displayName: '実証 太郎', roles: ['Coordinator'], organisation: null }));
const fresh = pilotView({ lastCycle: null, cycleCount: 0 });
/** No schedule: only the cycles themselves make the page ask again. */
const manual = pilotView({ lastCycle: null, cycleCount: 0 }, { schedule: null });

afterEach(() => {
  vi.useRealTimers();
});

/** Lets React run the effects of what it just rendered (the polling timers are set up there). */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

const cycleGets = (server: ReturnType<typeof mockServer>) =>
  server.requests.filter((r) => r.method === 'GET' && r.url === '/api/pilots/okuyami-sim/cycles').length;

function bar(arm: '現行' | '改革後') {
  return within(screen.getByTestId('cycle-row-1')).getByRole('progressbar', { name: `${arm}の進み具合` });
}

describe('pilot detail', () => {
  it('summarises the configuration in words', async () => {
    mockServer({
      'GET /api/me': coordinator,
      'GET /api/pilots/okuyami-sim': () => jsonResponse(200, fresh),
      'GET /api/pilots/okuyami-sim/cycles': () => jsonResponse(200, []),
      'GET /api/organisations': () => jsonResponse(200, organisations),
    });
    renderApp('/pilots/okuyami-sim');
    expect(await screen.findByRole('heading', { level: 1, name: 'おくやみ実証' })).toBeTruthy();
    const summary = within(await screen.findByTestId('pilot-summary'));
    expect(summary.getByTestId('summary-mode').textContent).toBe('シミュレーション');
    expect(summary.getByTestId('summary-active').textContent).toBe('有効');
    expect(summary.getByTestId('summary-processes').textContent).toContain(
      'okuyami: 現行 okuyami-asis（第 2 版に固定）・改革後 okuyami-tobe（第 4 版、公開版に追従）',
    );
    await waitFor(() => expect(summary.getByTestId('summary-municipalities').textContent).toBe('千代田区（131016）・豊中市（272035）'));
    expect(summary.getByTestId('summary-design').textContent).toBe('市町村ごとに割り付ける千代田区: 現行豊中市: 改革後');
    expect(summary.getByTestId('summary-cases-per-cycle').textContent).toBe('市町村・業務ごとに 4 件');
    expect(summary.getByTestId('summary-schedule').textContent).toMatch(/^3 分ごと次回 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
    expect(summary.getByTestId('summary-cycle-length').textContent).toBe('2 日 12 時間 30 分');
    expect(summary.getByTestId('summary-simulation').textContent).toBe(
      'シード 20261125職員数 既定 3 人千代田区 5 人年金事務所 1 人独自の執務カレンダー（09:00–17:00、休日 2 日）',
    );
    expect(screen.getByTestId('cycles-empty').textContent).toBe('まだサイクルを実行していません。');
    expect(screen.getByRole('link', { name: '設定を編集' }).getAttribute('href')).toBe('/pilots/okuyami-sim/edit');
  });

  it('runs a cycle now, shows its progress as it goes and stops polling once it is closed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const served: CycleView[][] = [
      [],
      [
        cycleView({
          status: 'Starting',
          startedAt: null,
          deadline: null,
          closedAt: null,
          figuresFrozen: false,
          instancesStarted: 0,
          progress: { AsIs: progress(4, 0, 0), ToBe: progress(4, 0, 0) },
        }),
      ],
      [
        cycleView({
          status: 'Running',
          closedAt: null,
          figuresFrozen: false,
          instancesStarted: 5,
          progress: { AsIs: progress(4, 3, 1), ToBe: progress(4, 2, 2) },
        }),
      ],
      [cycleView()],
    ];
    let calls = 0;
    const server = mockServer({
      'GET /api/me': coordinator,
      'GET /api/pilots/okuyami-sim': () => jsonResponse(200, manual),
      'GET /api/organisations': () => jsonResponse(200, organisations),
      'GET /api/pilots/okuyami-sim/cycles': () => jsonResponse(200, served[Math.min(calls++, served.length - 1)]),
      'POST /api/pilots/okuyami-sim/cycles': () => jsonResponse(202, { cycleId: 'c1', number: 1 }),
    });
    renderApp('/pilots/okuyami-sim');
    await screen.findByTestId('cycles-empty');

    await userEvent.click(screen.getByRole('button', { name: 'サイクルを今すぐ実行' }));
    expect((await screen.findByTestId('pilot-notice')).textContent).toBe('第 1 回のサイクルを開始しました。');
    const row = within(await screen.findByTestId('cycle-row-1'));
    expect(row.getByTestId('cycle-status').textContent).toBe('開始中');
    expect(row.getByRole('link', { name: '第 1 回' }).getAttribute('href')).toBe('/pilots/okuyami-sim/cycles/c1');
    expect(row.getByText('手動')).toBeTruthy();
    expect(bar('現行').getAttribute('aria-valuenow')).toBe('0');
    expect(screen.getByTestId('cycles-polling').textContent).toBe('実行中のサイクルがあるため、2.5 秒ごとに自動で更新しています。');

    await settle();
    act(() => vi.advanceTimersByTime(pollIntervalMs));
    await waitFor(() => expect(within(screen.getByTestId('cycle-row-1')).getByTestId('cycle-status').textContent).toBe('実行中'));
    expect(bar('現行').getAttribute('aria-valuenow')).toBe('1');
    expect(bar('現行').getAttribute('aria-valuetext')).toBe('計画 4 件のうち完了 1 件、処理中 2 件、期限超過 0 件、失敗 0 件、未開始 1 件');
    expect(
      within(screen.getByTestId('cycle-row-1'))
        .getAllByTestId('progress-numbers')
        .map((p) => p.textContent),
    ).toEqual(['完了 1／計画 4処理中 2', '完了 2／計画 4']);
    // The bar's parts are shares of the planned cases.
    expect([...bar('現行').querySelectorAll('[data-segment]')].map((s) => `${s.getAttribute('data-segment')} ${(s as HTMLElement).style.width}`)).toEqual([
      'completed 25%',
      'inProgress 50%',
    ]);

    await settle();
    act(() => vi.advanceTimersByTime(pollIntervalMs));
    await waitFor(() => expect(within(screen.getByTestId('cycle-row-1')).getByTestId('cycle-status').textContent).toBe('終了'));
    expect(bar('現行').getAttribute('aria-valuenow')).toBe('4');
    expect(bar('改革後').getAttribute('aria-valuenow')).toBe('4');
    expect(screen.getByTestId('cycles-polling').textContent).toBe('');
    const asked = cycleGets(server);
    expect(asked).toBe(4);
    await settle();
    act(() => vi.advanceTimersByTime(pollIntervalMs * 10));
    expect(cycleGets(server)).toBe(asked);
  });

  it('looks for the cycle a schedule starts shortly after the run is due, and asks nothing in between', async () => {
    // Tuesday 2026-11-24 09:01:00 JST; the pilot runs every 3 minutes, so the next run is at 09:03:00.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: new Date('2026-11-24T00:01:00Z') });
    let scheduled = false;
    const server = mockServer({
      'GET /api/me': coordinator,
      'GET /api/pilots/okuyami-sim': () => jsonResponse(200, fresh),
      'GET /api/organisations': () => jsonResponse(200, organisations),
      'GET /api/pilots/okuyami-sim/cycles': () =>
        jsonResponse(
          200,
          scheduled
            ? [cycleView({ trigger: 'Schedule', status: 'Starting', closedAt: null, progress: { AsIs: progress(4, 0, 0), ToBe: progress(4, 0, 0) } })]
            : [],
        ),
    });
    renderApp('/pilots/okuyami-sim');
    await screen.findByTestId('cycles-empty');
    expect(cycleGets(server)).toBe(1);

    await settle();
    act(() => vi.advanceTimersByTime(2 * 60_000));
    expect(cycleGets(server)).toBe(1);
    scheduled = true;
    await settle();
    act(() => vi.advanceTimersByTime(5_000 + pollIntervalMs));
    expect(cycleGets(server)).toBe(2);
    const row = within(await screen.findByTestId('cycle-row-1'));
    expect(row.getByText('スケジュール')).toBeTruthy();
    expect(row.getByTestId('cycle-status').textContent).toBe('開始中');
  });

  it('marks a simulated cycle’s start and deadline as virtual times, not its request and close', async () => {
    mockServer({
      'GET /api/me': coordinator,
      'GET /api/pilots/okuyami-sim': () => jsonResponse(200, fresh),
      'GET /api/organisations': () => jsonResponse(200, organisations),
      'GET /api/pilots/okuyami-sim/cycles': () =>
        jsonResponse(200, [
          cycleView({ number: 2, id: 'c2', trigger: 'Schedule' }),
          cycleView({ simulated: false, status: 'Failed', error: '定義が見つかりません' }),
        ]),
    });
    renderApp('/pilots/okuyami-sim');
    const simulated = within(await screen.findByTestId('cycle-row-2'));
    expect(simulated.getByText('スケジュール')).toBeTruthy();
    for (const [part, virtual] of [
      ['requested', false],
      ['started', true],
      ['deadline', true],
      ['closed', false],
    ] as const)
      expect(simulated.getByTestId(`cycle-${part}`).querySelector('[data-testid="virtual-time"]') !== null, part).toBe(virtual);
    expect(simulated.getByTestId('cycle-started').textContent).toContain('仮想時刻');
    const live = within(screen.getByTestId('cycle-row-1'));
    expect(live.queryByTestId('virtual-time')).toBeNull();
    expect(live.getByTestId('cycle-status').textContent).toBe('失敗');
    expect(live.getByTestId('cycle-error').textContent).toBe('エラー: 定義が見つかりません');
  });

  it('shows the server’s message when the previous cycle is still starting (409)', async () => {
    const server = mockServer({
      'GET /api/me': coordinator,
      'GET /api/pilots/okuyami-sim': () => jsonResponse(200, fresh),
      'GET /api/organisations': () => jsonResponse(200, organisations),
      'GET /api/pilots/okuyami-sim/cycles': () => jsonResponse(200, [cycleView()]),
      'POST /api/pilots/okuyami-sim/cycles': () =>
        problem(409, '前のサイクルをまだ開始しています。開始し終えてから実行してください (the previous cycle is still starting)'),
    });
    renderApp('/pilots/okuyami-sim');
    await screen.findByTestId('cycle-row-1');
    await userEvent.click(screen.getByRole('button', { name: 'サイクルを今すぐ実行' }));
    const alert = await screen.findByTestId('run-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('前のサイクルをまだ開始しています。開始し終えてから実行してください (the previous cycle is still starting)');
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(screen.queryByTestId('pilot-notice')).toBeNull();
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('says when the pilot does not exist', async () => {
    mockServer({
      'GET /api/me': coordinator,
      'GET /api/pilots/nope': () => problem(404, 'パイロットが見つかりません (pilot not found)'),
      'GET /api/pilots/nope/cycles': () => problem(404, 'パイロットが見つかりません (pilot not found)'),
      'GET /api/organisations': () => jsonResponse(200, organisations),
    });
    renderApp('/pilots/nope');
    expect(await screen.findByRole('heading', { level: 1, name: 'パイロットが見つかりません' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'パイロット一覧へ戻る' }).getAttribute('href')).toBe('/pilots');
  });
});
