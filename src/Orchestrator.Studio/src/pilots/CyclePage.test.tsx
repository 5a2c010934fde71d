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
      'GET /api/cycles/c1': () =>
        jsonResponse(
          200,
          cycleView({ casesPlanned: 2, instancesPlanned: 4, instancesStarted: 4, progress: { AsIs: progress(2, 2, 1, 0, 1), ToBe: progress(2, 2, 1) } }),
        ),
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
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent)
          .slice(0, 4),
      ),
    ).toEqual([
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
        jsonResponse(
          200,
          ++cycleCalls === 1 ? cycleView({ status: 'Running', closedAt: null, progress: { AsIs: progress(4, 4, 2), ToBe: progress(4, 4, 3) } }) : cycleView(),
        ),
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

  it('checks a time study in the import dialog, lists its problems by sheet, row and column, then imports the corrected file', async () => {
    let imports: unknown[] = [];
    const server = mockServer({
      'GET /api/me': coordinator,
      'GET /api/cycles/c1': () => jsonResponse(200, cycleView({ simulated: false, trigger: 'Manual' })),
      [instancesUrl]: () => jsonResponse(200, instances),
      'GET /api/pilots/okuyami-sim': () => jsonResponse(200, pilotView()),
      'GET /api/organisations': () => jsonResponse(200, organisations),
      'GET /api/measurements/cycles/c1/imports': () => jsonResponse(200, imports),
      'POST /api/measurements/cycles/c1/timeStudy?fileName=ts.csv&dryRun=true': () =>
        jsonResponse(200, {
          kind: 'timeStudy',
          fileName: 'ts.csv',
          fileHash: 'h',
          dryRun: true,
          valid: false,
          alreadyImported: false,
          rows: 2,
          newRows: 0,
          skippedRows: 0,
          matchedCases: 0,
          createdCases: 0,
          importId: null,
          problems: [
            {
              sheet: 'ts.csv',
              row: 3,
              column: '分',
              columnLetter: 'I',
              path: 'ts.csv!I3',
              message: '分は 0 以上 1,440 以下です (24 時間まで)。-5 は範囲外です',
            },
          ],
        }),
      'POST /api/measurements/cycles/c1/timeStudy?fileName=ts2.csv&dryRun=true': () =>
        jsonResponse(200, {
          kind: 'timeStudy',
          fileName: 'ts2.csv',
          fileHash: 'h2',
          dryRun: true,
          valid: true,
          alreadyImported: false,
          rows: 2,
          newRows: 2,
          skippedRows: 0,
          matchedCases: 1,
          createdCases: 1,
          importId: null,
          problems: [],
        }),
      'POST /api/measurements/cycles/c1/timeStudy?fileName=ts2.csv': () => {
        imports = [
          {
            id: 'imp1',
            kind: 'timeStudy',
            fileName: 'ts2.csv',
            fileHash: 'h2',
            rows: 2,
            skippedRows: 0,
            importedAt: '2026-06-03T01:00:00Z',
            importedBy: 'coordinator',
            withdrawnAt: null,
            withdrawnBy: null,
          },
        ];
        return jsonResponse(200, {
          kind: 'timeStudy',
          fileName: 'ts2.csv',
          fileHash: 'h2',
          dryRun: false,
          valid: true,
          alreadyImported: false,
          rows: 2,
          newRows: 2,
          skippedRows: 0,
          matchedCases: 1,
          createdCases: 1,
          importId: 'imp1',
          problems: [],
        });
      },
    });
    renderApp('/pilots/okuyami-sim/cycles/c1');

    const dialog = within(await screen.findByTestId('import-dialog'));
    expect(dialog.getByRole('link', { name: 'テンプレート (Excel)' }).getAttribute('href')).toBe('/api/measurements/templates/timeStudy.xlsx');
    expect(await screen.findByTestId('imports-empty')).toBeTruthy();
    await userEvent.upload(dialog.getByTestId('import-file'), new File(['日付,…'], 'ts.csv', { type: 'text/csv' }));
    expect((dialog.getByTestId('import-run') as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(dialog.getByRole('button', { name: '確認する (保存しない)' }));

    const problems = within(await screen.findByTestId('import-problems'));
    expect(
      problems.getAllByTestId('import-problem').map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([['ts.csv', '3', '分', '分は 0 以上 1,440 以下です (24 時間まで)。-5 は範囲外です']]);
    expect(screen.getByRole('alert').textContent).toContain('1 件の問題があります');
    expect((dialog.getByTestId('import-run') as HTMLButtonElement).disabled).toBe(true);
    // The file went as the body, with its own type.
    const sent = server.requests.find((r) => r.method === 'POST')!;
    expect(sent.headers.get('Content-Type')).toBe('text/csv');

    await userEvent.upload(dialog.getByTestId('import-file'), new File(['日付,…'], 'ts2.csv', { type: 'text/csv' }));
    await userEvent.click(dialog.getByRole('button', { name: '確認する (保存しない)' }));
    expect((await screen.findByTestId('import-result')).textContent).toContain('問題はありません: 2 行');
    await userEvent.click(dialog.getByRole('button', { name: '取り込む' }));
    expect((await screen.findByTestId('import-result')).textContent).toContain('取り込みました: 新しい行 2');
    expect(await screen.findByTestId('import-row-imp1')).toBeTruthy();
  });

  it('takes no measurements into a simulated cycle', async () => {
    mockServer({
      'GET /api/me': coordinator,
      'GET /api/cycles/c2': () => jsonResponse(200, cycleView({ id: 'c2' })),
      'GET /api/workflow-instances?cycleId=c2&take=1000': () => jsonResponse(200, []),
      'GET /api/pilots/okuyami-sim': () => jsonResponse(200, pilotView()),
      'GET /api/organisations': () => jsonResponse(200, organisations),
      'GET /api/measurements/cycles/c2/imports': () => jsonResponse(200, []),
    });
    renderApp('/pilots/okuyami-sim/cycles/c2');
    expect((await screen.findByTestId('imports-simulated')).textContent).toContain('シミュレーションのサイクルには実測データを取り込めません');
  });
});
