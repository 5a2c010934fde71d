import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockServer, problem, renderApp, user, type RecordedRequest } from '../test/helpers';
import { definitions, organisations, pilotView } from '../test/pilots';
import type { PilotConfiguration } from './api';

const coordinator = () => jsonResponse(200, user({ userName: 'coordinator', displayName: '実証 太郎', roles: ['Coordinator'], organisation: null }));

const options = {
  'GET /api/me': coordinator,
  'GET /api/workflow-definitions': () => jsonResponse(200, definitions),
  'GET /api/organisations': () => jsonResponse(200, organisations),
};

/** The detail page the form goes to after saving. */
function detailRoutes(id: string) {
  return {
    [`GET /api/pilots/${id}`]: () => jsonResponse(200, pilotView({ id })),
    [`GET /api/pilots/${id}/cycles`]: () => jsonResponse(200, []),
  };
}

// The form is large: on a busy machine a test that types into many fields takes several seconds, and a page
// that renders the whole form may take longer than testing-library's default second to appear.
const slow = { timeout: 30_000 };
configure({ asyncUtilTimeout: 5_000 });
let ue: UserEvent;

beforeEach(() => {
  ue = userEvent.setup({ delay: null });
});

const posts = (server: ReturnType<typeof mockServer>) => server.requests.filter((r) => r.method === 'POST' && r.url === '/api/pilots');

async function fillMinimalPilot() {
  await ue.type(await screen.findByLabelText('名前（日本語）'), 'おくやみ実証');
  await ue.selectOptions(screen.getByLabelText('プロセスキー'), 'okuyami');
  await ue.click(screen.getByLabelText('千代田区（131016）'));
  await ue.click(screen.getByLabelText('豊中市（272035）'));
}

describe('pilot form: creating', slow, () => {
  it('offers the published definitions of the chosen process and fills in the arms and the shipped case file', async () => {
    mockServer(options);
    renderApp('/pilots/new');
    expect(await screen.findByRole('heading', { level: 1, name: '新規パイロット' })).toBeTruthy();

    const processKey = (await screen.findByLabelText('プロセスキー')) as HTMLSelectElement;
    expect([...processKey.options].map((o) => o.value)).toEqual(['', 'okuyami', 'tenshutsu-tennyu']);
    await ue.selectOptions(processKey, 'okuyami');

    const asIs = screen.getByLabelText('現行のワークフロー') as HTMLSelectElement;
    const toBe = screen.getByLabelText('改革後のワークフロー') as HTMLSelectElement;
    expect(asIs.value).toBe('okuyami-asis');
    expect(toBe.value).toBe('okuyami-tobe');
    // Only published definitions of the process and arm: the draft is not offered.
    expect([...toBe.options].map((o) => o.textContent)).toEqual(['選択してください', 'おくやみ手続（改革後）（okuyami-tobe）']);
    expect((screen.getByLabelText('案件 CSV ファイル') as HTMLInputElement).value).toBe('fixtures/cases/okuyami.csv');

    // The municipalities are the catalogue's, by name.
    const municipalities = within(screen.getByTestId('section-municipalities')).getAllByRole('checkbox');
    expect(municipalities.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      '千代田区（131016）',
      '横浜市（141003）',
      '豊中市（272035）',
    ]);
  });

  it('posts the configuration the form shows, then opens the new pilot', async () => {
    const server = mockServer({
      ...options,
      'POST /api/pilots': () => jsonResponse(201, pilotView({ id: 'okuyami-2026' })),
      ...detailRoutes('okuyami-2026'),
    });
    renderApp('/pilots/new');
    await fillMinimalPilot();
    await ue.type(screen.getByLabelText('名前（英語）'), 'Bereavement pilot');
    await ue.type(screen.getByLabelText('ID（任意）'), 'okuyami-2026');
    await ue.click(screen.getByLabelText('無作為に割り付ける'));
    await ue.type(screen.getByLabelText('シード（任意）'), '99');
    const cases = screen.getByLabelText('1 サイクルの件数（市町村・業務ごと）');
    await ue.clear(cases);
    await ue.type(cases, '3');

    await ue.click(screen.getByLabelText('スケジュールで自動実行する（オフなら手動でのみ実行）'));
    await ue.click(screen.getByRole('button', { name: '3 分ごと' }));
    expect((screen.getByLabelText('cron 式') as HTMLInputElement).value).toBe('*/3 * * * *');
    expect(screen.getByTestId('cron-preview-text').textContent).toBe('3 分ごと');
    expect(screen.getByTestId('cron-preview-next').textContent).toMatch(/^次の実行: /);
    await ue.click(screen.getByRole('button', { name: '平日 9:00' }));
    expect(screen.getByTestId('cron-preview-text').textContent).toBe('平日 9:00');
    expect(screen.getByRole('button', { name: '平日 9:00' }).getAttribute('aria-pressed')).toBe('true');

    const days = screen.getByLabelText('日');
    await ue.clear(days);
    await ue.type(days, '1');
    await ue.type(screen.getByLabelText('時間'), '2');

    const seed = screen.getByLabelText('乱数のシード');
    await ue.clear(seed);
    await ue.type(seed, '7');
    await ue.click(screen.getByRole('button', { name: '組織を追加' }));
    await ue.selectOptions(screen.getByLabelText('組織'), '年金事務所（jps-pension）');
    await ue.type(screen.getByLabelText('職員数'), '4');
    await ue.click(screen.getByLabelText(/独自の執務カレンダーを使う/));
    await ue.click(screen.getByRole('button', { name: '休日を追加' }));
    fireEvent.change(screen.getByLabelText('日付'), { target: { value: '2026-11-23' } });
    await ue.type(screen.getByLabelText('名称'), '勤労感謝の日');
    // The investment for the payback period, with its source and basis; no running cost.
    const investment = within(screen.getByTestId('costs-investment'));
    fireEvent.change(investment.getByLabelText('金額 (円)'), { target: { value: '3000000' } });
    await ue.selectOptions(investment.getByLabelText('出所'), 'published');
    fireEvent.change(investment.getByLabelText('根拠'), { target: { value: '契約書の金額' } });

    await ue.click(screen.getByRole('button', { name: '作成する' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'おくやみ実証' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/pilots/okuyami-2026');
    expect(screen.getByTestId('pilot-notice').textContent).toBe('パイロットを作成しました。');
    const sent = posts(server);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual({
      id: 'okuyami-2026',
      name: { ja: 'おくやみ実証', en: 'Bereavement pilot' },
      description: null,
      mode: 'Simulated',
      active: true,
      processes: [
        {
          processKey: 'okuyami',
          asIs: { definitionId: 'okuyami-asis', version: null },
          toBe: { definitionId: 'okuyami-tobe', version: null },
          casesFile: 'fixtures/cases/okuyami.csv',
        },
      ],
      municipalities: ['131016', '272035'],
      design: { assignment: 'Random', seed: 99, armByMunicipality: null },
      casesPerCycle: 3,
      caseSource: { kind: 'Csv', seed: null },
      schedule: { cron: '0 9 * * 1-5', timeZone: 'Asia/Tokyo' },
      cycleLength: '1.02:00:00',
      simulation: {
        seed: 7,
        clerkCapacity: { default: 2, byOrganisation: { 'jps-pension': 4 } },
        calendar: {
          timeZone: 'Asia/Tokyo',
          opensAt: '08:30',
          closesAt: '17:15',
          yearEndClosure: true,
          holidays: [{ date: '2026-11-23', name: '勤労感謝の日' }],
        },
      },
      costs: { investment: { yen: 3_000_000, source: 'published', basis: '契約書の金額' }, annualRunningCost: null },
    } satisfies PilotConfiguration & { id: string });
  });

  it('shows the simulation section for a simulated pilot only, and the per-municipality arms only when assigning by municipality', async () => {
    const server = mockServer({ ...options, 'POST /api/pilots': () => jsonResponse(201, pilotView({ id: 'live' })), ...detailRoutes('live') });
    renderApp('/pilots/new');
    await fillMinimalPilot();
    expect(screen.getByTestId('section-simulation')).toBeTruthy();
    await ue.click(screen.getByLabelText('ライブ'));
    expect(screen.queryByTestId('section-simulation')).toBeNull();

    expect(screen.queryByLabelText('千代田区 の群')).toBeNull();
    await ue.click(screen.getByLabelText('市町村ごとに割り付ける'));
    await ue.selectOptions(screen.getByLabelText('千代田区 の群'), '現行');
    await ue.selectOptions(screen.getByLabelText('豊中市 の群'), '改革後');
    await ue.click(screen.getByRole('button', { name: '作成する' }));

    await waitFor(() => expect(posts(server)).toHaveLength(1));
    expect(posts(server)[0]!.body).toMatchObject({
      mode: 'Live',
      design: { assignment: 'ByMunicipality', seed: null, armByMunicipality: { '131016': 'AsIs', '272035': 'ToBe' } },
      simulation: null,
      schedule: null,
    });
    expect((posts(server)[0]!.body as Record<string, unknown>).id).toBeUndefined();
  });

  it('checks the obvious before sending: name, process, municipality — with a summary that leads to each field', async () => {
    const server = mockServer(options);
    renderApp('/pilots/new');
    await ue.click(await screen.findByRole('button', { name: '作成する' }));

    const summary = await screen.findByTestId('form-error-summary');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '名前（日本語）を入力してください',
      'プロセスキーを選択してください',
      '現行のワークフローを選択してください',
      '改革後のワークフローを選択してください',
      '案件 CSV ファイルを入力してください',
      '参加市町村を 1 つ以上選択してください',
    ]);
    const name = screen.getByLabelText('名前（日本語）');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('error-nameJa').textContent).toBe('名前（日本語）を入力してください');
    expect(name.getAttribute('aria-describedby')).toBe('pilot-nameJa-error');
    await ue.click(within(summary).getByRole('link', { name: '参加市町村を 1 つ以上選択してください' }));
    expect(document.activeElement?.id).toBe('pilot-municipalities');
    expect(posts(server)).toHaveLength(0);
  });

  it('puts the server’s 400 messages beside their fields and lists them all at the top', async () => {
    const errors = [
      { path: '$.processes[0].toBe.definitionId', message: "ワークフロー定義 'okuyami-tobe' に公開版がありません (no published version)" },
      { path: '$.municipalities[1]', message: "市町村コード '272035' は登録されていません (unknown municipality code)" },
      { path: '$.casesPerCycle', message: '1 サイクルの件数は 1〜10000 です (cases per cycle per municipality must be 1–10000)' },
      { path: '$.id', message: "パイロット 'okuyami' は既にあります (already exists)" },
      { path: '$', message: '設定全体の問題 (whole configuration)' },
    ];
    const server = mockServer({
      ...options,
      'POST /api/pilots': () => problem(400, 'パイロットの設定に誤りがあります (invalid pilot configuration)', { errors }),
    });
    renderApp('/pilots/new');
    await fillMinimalPilot();
    await ue.type(screen.getByLabelText('ID（任意）'), 'okuyami');
    await ue.click(screen.getByRole('button', { name: '作成する' }));

    const summary = await screen.findByTestId('form-error-summary');
    expect(document.activeElement).toBe(summary);
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(errors.map((e) => e.message));
    expect(within(summary).queryByRole('link', { name: errors[4]!.message })).toBeNull();

    const toBe = screen.getByLabelText('改革後のワークフロー');
    expect(toBe.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('error-processes.0.toBe').textContent).toBe(errors[0]!.message);
    expect(screen.getByTestId('error-municipalities').textContent).toBe(errors[1]!.message);
    expect(screen.getByTestId('error-casesPerCycle').textContent).toBe(errors[2]!.message);
    expect(screen.getByTestId('error-id').textContent).toBe(errors[3]!.message);
    await ue.click(within(summary).getByRole('link', { name: errors[0]!.message }));
    expect(document.activeElement).toBe(toBe);
    expect(screen.getByTestId('location').textContent).toBe('/pilots/new');
    expect(posts(server)).toHaveLength(1);
  });

  it('says so when saving fails for another reason', async () => {
    mockServer({ ...options, 'POST /api/pilots': () => problem(500, 'Server Error') });
    renderApp('/pilots/new');
    await fillMinimalPilot();
    await ue.click(screen.getByRole('button', { name: '作成する' }));
    expect((await screen.findByTestId('form-failure')).textContent).toBe('保存できませんでした（HTTP 500: Server Error）。');
  });
});

describe('pilot form: editing', slow, () => {
  const stored = pilotView();

  it('opens with the stored configuration and puts the changed one', async () => {
    let body: unknown = null;
    mockServer({
      ...options,
      'GET /api/pilots/okuyami-sim': () => jsonResponse(200, stored),
      'PUT /api/pilots/okuyami-sim': (request: RecordedRequest) => {
        body = request.body;
        return jsonResponse(200, stored);
      },
      'GET /api/pilots/okuyami-sim/cycles': () => jsonResponse(200, []),
    });
    renderApp('/pilots/okuyami-sim/edit');
    expect(await screen.findByRole('heading', { level: 1, name: 'おくやみ実証 の設定を編集' })).toBeTruthy();
    expect(((await screen.findByLabelText('名前（日本語）')) as HTMLInputElement).value).toBe('おくやみ実証');
    expect(screen.queryByLabelText('ID（任意）')).toBeNull();
    expect(screen.getAllByTestId(/^process-row-/)).toHaveLength(2);
    expect((screen.getByLabelText('千代田区 の群') as HTMLSelectElement).value).toBe('AsIs');
    expect((screen.getByLabelText('cron 式') as HTMLInputElement).value).toBe('*/3 * * * *');
    expect([
      (screen.getByLabelText('日') as HTMLInputElement).value,
      (screen.getByLabelText('時間') as HTMLInputElement).value,
      (screen.getByLabelText('分') as HTMLInputElement).value,
    ]).toEqual(['2', '12', '30']);
    expect(screen.getAllByLabelText('日付').map((input) => (input as HTMLInputElement).value)).toEqual(['2026-11-03', '2026-11-23']);

    await ue.click(screen.getByRole('button', { name: '業務 2 を削除' }));
    await ue.click(screen.getByRole('button', { name: '休日 1 を削除' }));
    await ue.click(screen.getByRole('button', { name: '保存する' }));

    expect(await screen.findByTestId('pilot-notice')).toBeTruthy();
    expect(screen.getByTestId('pilot-notice').textContent).toBe('パイロットの設定を保存しました。');
    const expected = stored.configuration;
    expect(body).toEqual({
      ...expected,
      processes: [expected.processes![0]],
      simulation: { ...expected.simulation, calendar: { ...expected.simulation!.calendar, holidays: [{ date: '2026-11-23', name: null }] } },
    });
  });

  it('asks before a link leaves unsaved changes, and stays when the user says no', async () => {
    mockServer({
      ...options,
      'GET /api/pilots/okuyami-sim': () => jsonResponse(200, stored),
      'GET /api/pilots/okuyami-sim/cycles': () => jsonResponse(200, []),
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    renderApp('/pilots/okuyami-sim/edit');
    const name = await screen.findByLabelText('名前（日本語）');

    // Nothing changed yet: leaving asks nothing.
    await ue.click(screen.getByRole('link', { name: 'キャンセル' }));
    expect(confirm).not.toHaveBeenCalled();
    expect(await screen.findByRole('heading', { level: 1, name: 'おくやみ実証' })).toBeTruthy();

    await ue.click(screen.getByRole('link', { name: '設定を編集' }));
    await ue.type(await screen.findByLabelText('名前（日本語）'), '（改）');
    await ue.click(screen.getByRole('link', { name: 'キャンセル' }));
    expect(confirm).toHaveBeenCalledWith('保存していない変更があります。このページを離れますか？');
    expect(screen.getByTestId('location').textContent).toBe('/pilots/okuyami-sim/edit');
    expect((screen.getByLabelText('名前（日本語）') as HTMLInputElement).value).toBe('おくやみ実証（改）');

    // The same happens with the main menu; saying yes leaves.
    confirm.mockReturnValue(true);
    await ue.click(within(screen.getByRole('navigation', { name: 'メインメニュー' })).getByRole('link', { name: 'パイロット' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/pilots'));
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(name.isConnected).toBe(false);
  });

  it('says when the pilot does not exist', async () => {
    mockServer({ ...options, 'GET /api/pilots/nope': () => problem(404, 'パイロットが見つかりません (pilot not found)') });
    renderApp('/pilots/nope/edit');
    expect(await screen.findByRole('heading', { level: 1, name: 'パイロットが見つかりません' })).toBeTruthy();
  });
});
