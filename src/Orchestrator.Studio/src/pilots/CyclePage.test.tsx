import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockServer, problem, renderApp, user } from '../test/helpers';
import { cycleView, instance, organisations, pilotView, progress } from '../test/pilots';
import { pollIntervalMs } from './progress';

const coordinator = () => jsonResponse(200, user({ userName: 'coordinator', displayName: '実証 太郎', roles: ['Coordinator'], organisation: null }));
const instancesUrl = 'GET /api/workflow-instances?cycleId=c1&take=1000';

const instances = [
  instance({ id: 'i4', caseId: 'OKU-0002', arm: 'ToBe', definitionId: 'okuyami-tobe', municipalityCode: '272035', status: 'Suspended', finishedAt: null }),
  instance({ id: 'i1', caseId: 'OKU-0001', arm: 'AsIs' }),
  instance({ id: 'i3', caseId: 'OKU-0002', arm: 'AsIs', municipalityCode: '272035', status: 'Faulted', finishedAt: null }),
  instance({ id: 'i2', caseId: 'OKU-0001', arm: 'ToBe', definitionId: 'okuyami-tobe' }),
];

afterEach(() => {
  vi.useRealTimers();
});

/** Lets React run the effects of what it just rendered (the polling timers are set up there). */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

describe('cycle detail', () => {
  it('lists the cycle’s instances by case, each linked to its instance page', async () => {
    mockServer({
      'GET /api/me': coordinator,
      'GET /api/cycles/c1': () => jsonResponse(200, cycleView({ casesPlanned: 2, instancesPlanned: 4, instancesStarted: 4, progress: { AsIs: progress(2, 2, 1, 0, 1), ToBe: progress(2, 2, 1) } })),
      [instancesUrl]: () => jsonResponse(200, instances),
      'GET /api/pilots/okuyami-sim': () => jsonResponse(200, pilotView()),
      'GET /api/organisations': () => jsonResponse(200, organisations),
    });
    renderApp('/pilots/okuyami-sim/cycles/c1');

    expect(await screen.findByRole('heading', { level: 1, name: '第 1 回のサイクル' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('link', { name: 'おくやみ実証 へ戻る' }).getAttribute('href')).toBe('/pilots/okuyami-sim'));
    expect(screen.getByTestId('cycle-cases').textContent).toBe('2 件（インスタンス 4／4 開始）');
    const summary = within(screen.getByTestId('cycle-summary'));
    expect(summary.getByText('シミュレーション（仮想時刻）')).toBeTruthy();
    expect(summary.getByRole('progressbar', { name: '現行の進み具合' }).getAttribute('aria-valuetext')).toBe(
      '計画 2 件のうち完了 1 件、処理中 0 件、期限超過 0 件、失敗 1 件、未開始 0 件',
    );

    const table = within(await screen.findByTestId('instances-table'));
    const rows = table.getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent).slice(0, 4))).toEqual([
      ['現行', 'okuyami', '千代田区', '完了'],
      ['改革後', 'okuyami', '千代田区', '完了'],
      ['現行', 'okuyami', '豊中市', '異常終了'],
      ['改革後', 'okuyami', '豊中市', '待機中'],
    ]);
    expect(table.getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['OKU-0001', '/workflows/instances/i1'],
      ['OKU-0001', '/workflows/instances/i2'],
      ['OKU-0002', '/workflows/instances/i3'],
      ['OKU-0002', '/workflows/instances/i4'],
    ]);
    expect(within(rows[0]!).getAllByTestId('virtual-time')).toHaveLength(2);

    await userEvent.selectOptions(screen.getByLabelText('群で絞り込み'), '改革後');
    expect(table.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['/workflows/instances/i2', '/workflows/instances/i4']);
    expect(screen.getByTestId('instances-count').textContent).toBe('2 件を表示しています');
  });

  it('refreshes the cycle and its instances while it runs, and stops when it closes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let cycleCalls = 0;
    const server = mockServer({
      'GET /api/me': coordinator,
      'GET /api/cycles/c1': () =>
        jsonResponse(200, ++cycleCalls === 1 ? cycleView({ status: 'Running', closedAt: null, progress: { AsIs: progress(4, 4, 2), ToBe: progress(4, 4, 3) } }) : cycleView()),
      [instancesUrl]: () => jsonResponse(200, instances),
      'GET /api/pilots/okuyami-sim': () => jsonResponse(200, pilotView()),
      'GET /api/organisations': () => jsonResponse(200, organisations),
    });
    renderApp('/pilots/okuyami-sim/cycles/c1');
    expect((await screen.findByTestId('cycle-status')).textContent).toBe('実行中');
    await settle();
    act(() => vi.advanceTimersByTime(pollIntervalMs));
    await waitFor(() => expect(screen.getByTestId('cycle-status').textContent).toBe('終了'));
    await settle();
    act(() => vi.advanceTimersByTime(pollIntervalMs * 5));
    expect(server.requests.filter((r) => r.url === '/api/cycles/c1')).toHaveLength(2);
    expect(server.requests.filter((r) => `GET ${r.url}` === instancesUrl)).toHaveLength(2);
  });

  it('says when the cycle does not exist', async () => {
    mockServer({
      'GET /api/me': coordinator,
      'GET /api/cycles/nope': () => problem(404, 'サイクルが見つかりません (cycle not found)'),
      'GET /api/workflow-instances?cycleId=nope&take=1000': () => jsonResponse(200, []),
      'GET /api/pilots/okuyami-sim': () => jsonResponse(200, pilotView()),
      'GET /api/organisations': () => jsonResponse(200, organisations),
    });
    renderApp('/pilots/okuyami-sim/cycles/nope');
    expect(await screen.findByRole('heading', { level: 1, name: 'サイクルが見つかりません' })).toBeTruthy();
  });
});
