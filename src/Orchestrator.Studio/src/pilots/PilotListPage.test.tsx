import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockServer, renderApp, user } from '../test/helpers';
import { cycleView, pilotView, progress } from '../test/pilots';
import { pollIntervalMs } from './progress';

const coordinator = () => jsonResponse(200, user({ userName: 'coordinator', displayName: '実証 太郎', roles: ['Coordinator'], organisation: null }));

const simulated = pilotView();
const live = pilotView(
  { id: 'okuyami-live', mode: 'Live', active: false, lastCycle: null, cycleCount: 0, name: { ja: 'おくやみ（ライブ）', en: 'Bereavement (live)' } },
  { mode: 'Live', active: false, schedule: { cron: '0 9 * * 1-5', timeZone: 'Asia/Tokyo' }, simulation: null, description: null },
);
const manual = pilotView(
  {
    id: 'manual',
    name: { ja: '手動の試行', en: null },
    lastCycle: cycleView({ id: 'c9', number: 3, status: 'Running', progress: { AsIs: progress(4, 4, 1, 1), ToBe: progress(4, 2, 0) } }),
    cycleCount: 3,
  },
  { schedule: null, description: null },
);

afterEach(() => {
  vi.useRealTimers();
});

/** Lets React run the effects of what it just rendered (the polling timers are set up there). */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

describe('pilot list', () => {
  it('shows each pilot with its mode, state, schedule in words, last cycle and its progress', async () => {
    mockServer({ 'GET /api/me': coordinator, 'GET /api/pilots': () => jsonResponse(200, [simulated, live]) });
    renderApp('/pilots');

    expect(await screen.findByRole('heading', { level: 1, name: 'パイロット' })).toBeTruthy();
    const table = await screen.findByTestId('pilots-table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['名前', 'モード', '状態', 'スケジュール', '直近のサイクル', 'サイクル数']);

    const first = within(screen.getByTestId('pilot-row-okuyami-sim'));
    expect(first.getByRole('link', { name: 'おくやみ実証' }).getAttribute('href')).toBe('/pilots/okuyami-sim');
    expect(first.getByText('千代田区と豊中市で比較する')).toBeTruthy();
    expect(first.getByTestId('mode-badge').textContent).toBe('シミュレーション');
    expect(first.getByTestId('active-label').textContent).toBe('有効');
    expect(first.getByTestId('pilot-schedule').textContent).toBe('3 分ごと');
    const last = within(first.getByTestId('pilot-last-cycle'));
    expect(last.getByRole('link', { name: '第 1 回' }).getAttribute('href')).toBe('/pilots/okuyami-sim/cycles/c1');
    expect(last.getByTestId('cycle-status').textContent).toBe('終了');
    const bars = last.getAllByRole('progressbar');
    expect(bars.map((bar) => bar.getAttribute('aria-label'))).toEqual(['現行の進み具合', '改革後の進み具合']);
    expect(bars.map((bar) => [bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax')])).toEqual([
      ['4', '4'],
      ['4', '4'],
    ]);
    expect(first.getByText('1 回')).toBeTruthy();

    const second = within(screen.getByTestId('pilot-row-okuyami-live'));
    expect(second.getByTestId('mode-badge').textContent).toBe('ライブ');
    expect(second.getByTestId('active-label').textContent).toBe('停止中');
    expect(second.getByTestId('pilot-schedule').textContent).toBe('平日 9:00');
    expect(second.getByTestId('pilot-last-cycle').textContent).toBe('まだ実行していません');

    expect(screen.getByRole('link', { name: '新規パイロット' }).getAttribute('href')).toBe('/pilots/new');
    expect(screen.queryByTestId('pilots-polling')).toBeNull();
  });

  it('says when there are no pilots yet', async () => {
    mockServer({ 'GET /api/me': coordinator, 'GET /api/pilots': () => jsonResponse(200, []) });
    renderApp('/pilots');
    expect((await screen.findByTestId('pilots-empty')).textContent).toBe('パイロットはまだありません。「新規パイロット」から作成してください。');
  });

  it('refreshes itself while a last cycle is running, and stops once it is closed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let calls = 0;
    const closed = { ...manual, lastCycle: cycleView({ id: 'c9', number: 3 }) };
    const server = mockServer({ 'GET /api/me': coordinator, 'GET /api/pilots': () => jsonResponse(200, ++calls === 1 ? [manual] : [closed]) });
    renderApp('/pilots');

    const row = within(await screen.findByTestId('pilot-row-manual'));
    expect(row.getByTestId('pilot-schedule').textContent).toBe('手動のみ');
    expect(row.getByTestId('cycle-status').textContent).toBe('実行中');
    expect(screen.getByTestId('pilots-polling').textContent).toBe('実行中のサイクルがあるため、自動で更新しています。');
    await settle();
    act(() => vi.advanceTimersByTime(pollIntervalMs));
    await waitFor(() => expect(row.getByTestId('cycle-status').textContent).toBe('終了'));
    expect(screen.queryByTestId('pilots-polling')).toBeNull();
    await settle();
    act(() => vi.advanceTimersByTime(pollIntervalMs * 4));
    expect(server.requests.filter((r) => r.url === '/api/pilots')).toHaveLength(2);
  });

  it('speaks English when English is chosen', async () => {
    mockServer({ 'GET /api/me': coordinator, 'GET /api/pilots': () => jsonResponse(200, [simulated, live]) });
    const { i18n } = renderApp('/pilots');
    await screen.findByTestId('pilots-table');
    await act(() => i18n.changeLanguage('en'));
    const first = within(screen.getByTestId('pilot-row-okuyami-sim'));
    expect(first.getByRole('link', { name: 'Bereavement pilot' })).toBeTruthy();
    expect(first.getByTestId('mode-badge').textContent).toBe('Simulated');
    expect(first.getByTestId('pilot-schedule').textContent).toBe('Every 3 minutes');
    expect(first.getByText('1 cycle')).toBeTruthy();
    expect(within(screen.getByTestId('pilot-row-okuyami-live')).getByTestId('pilot-schedule').textContent).toBe('Weekdays at 9:00');
    expect(screen.getByRole('link', { name: 'New pilot' })).toBeTruthy();
  });

  it('is refused to a clerk', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user()) });
    renderApp('/pilots');
    expect(await screen.findByRole('heading', { level: 1, name: '権限がありません' })).toBeTruthy();
  });
});
