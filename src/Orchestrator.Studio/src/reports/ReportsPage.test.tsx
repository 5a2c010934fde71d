import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockServer, problem, renderApp, user } from '../test/helpers';
import { effectReport, effortReport, handoffReport, leadTimeReport, methodReport, projectionReport, stepReport, trendReport } from '../test/reports';
import { cycleView, definitions, organisations, pilotView } from '../test/pilots';
import { filterQuery } from './api';

const evaluator = user({ userName: 'evaluator', displayName: '評価 太郎', roles: ['Evaluator'], organisation: null });

/** Every report route for one query string. */
function reportRoutes(query = '', effect: unknown = effectReport) {
  return {
    [`GET /api/reports/effect${query}`]: () => jsonResponse(200, effect),
    [`GET /api/reports/steps${query}`]: () => jsonResponse(200, stepReport),
    [`GET /api/reports/leadtime${query}`]: () => jsonResponse(200, leadTimeReport),
    [`GET /api/reports/handoffs${query}`]: () => jsonResponse(200, handoffReport),
    [`GET /api/reports/trend${query}`]: () => jsonResponse(200, trendReport),
    [`GET /api/reports/projection${query}`]: () => jsonResponse(200, projectionReport),
    [`GET /api/reports/method${query}`]: () => jsonResponse(200, methodReport),
    [`GET /api/reports/effort${query}`]: () => jsonResponse(200, effortReport),
  };
}

const pilots = [pilotView(), pilotView({ id: 'okuyami-live', name: { ja: 'おくやみ本番', en: 'Bereavement live' }, mode: 'Live', cycleCount: 0 })];
const cycles = [cycleView({ id: 'c2', number: 2, status: 'Running' }), cycleView()];

/** The lists the filter pickers offer. */
function listRoutes() {
  return {
    'GET /api/pilots': () => jsonResponse(200, pilots),
    'GET /api/pilots/okuyami-sim/cycles': () => jsonResponse(200, cycles),
    'GET /api/pilots/okuyami-live/cycles': () => jsonResponse(200, []),
    'GET /api/workflow-definitions': () => jsonResponse(200, definitions),
    'GET /api/organisations': () => jsonResponse(200, organisations),
  };
}

const optionTexts = (label: string) => [...(screen.getByLabelText(label) as HTMLSelectElement).options].map((o) => o.textContent);

describe('reports area', () => {
  it('links each process to its procedure in the inventory', async () => {
    const okuyami = { code: 'KOS-01', nameJa: 'おくやみ手続 (死亡に伴う手続)', processKey: 'okuyami' };
    mockServer({
      'GET /api/me': () => jsonResponse(200, evaluator),
      ...reportRoutes(),
      'GET /api/inventory/procedures': () => jsonResponse(200, [okuyami, { code: 'X-1', nameJa: '別', processKey: null }]),
    });
    renderApp('/reports');
    const link = await screen.findByRole('link', { name: 'おくやみ手続 (死亡に伴う手続)' }, { timeout: 5_000 });
    expect(link.getAttribute('href')).toBe('/inventory/procedures/KOS-01');
    expect(within(screen.getByTestId('effect-okuyami')).getByTestId('inventory-link-okuyami').textContent).toBe(
      '業務・データ一覧: おくやみ手続 (死亡に伴う手続)',
    );
  });

  it('shows as-is vs to-be on the five axes with Δ, reduction rate, the interval, the sources and the banner, and the charts', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, evaluator), ...reportRoutes() });
    renderApp('/reports');

    expect(await screen.findByRole('heading', { level: 1, name: 'レポート' })).toBeTruthy();
    const table = await screen.findByTestId('effect-table-okuyami');
    for (const axis of ['業務処理時間', '経費', '帳票枚数・業務数', '業務品質', '住民負担']) expect(within(table).getByText(axis)).toBeTruthy();
    // Mixed live and simulated cases: the interval says it is not sampling uncertainty.
    expect(within(table).getByRole('columnheader', { name: 'Δ の 95% 区間 (実測とシミュレーションの混在)' })).toBeTruthy();

    const touch = within(table).getByTestId('effect-row-touchMinutes');
    expect([...touch.querySelectorAll('td')].map((c) => c.textContent)).toEqual([
      '150',
      '149 / 154',
      '60',
      '59 / 64',
      '90',
      '60.0%',
      '80.5 – 99.3',
      '実測 2.8% · シミュレーション 97.2%',
    ]);
    const cost = within(table).getByTestId('effect-row-costYen');
    expect(cost.querySelectorAll('td')[0]!.textContent).toBe('¥9,500');
    expect(cost.querySelectorAll('td')[6]!.textContent).toBe('¥5,100 – ¥6,300');
    expect(within(table).getByTestId('effect-row-firstTimeRight').querySelectorAll('td')[0]!.textContent).toBe('90.0%');

    // 「推計値に基づく」 above the figures resting mostly on estimates and simulation, with the share, and on their rows.
    const banner = screen.getByTestId('estimate-banner-okuyami');
    expect(banner.getAttribute('role')).toBe('note');
    expect(banner.textContent).toContain('推計値に基づく');
    expect(banner.textContent).toContain('タッチタイム (分/件) 97.2%、帳票枚数 (枚/件) 100.0%');
    expect(within(table).getByTestId('estimate-tag-forms').textContent).toBe('推計値に基づく 100.0%');
    expect(within(table).queryByTestId('estimate-tag-costYen')).toBeNull();

    expect(screen.getAllByRole('heading', { level: 3, name: 'おくやみ手続' }).length).toBeGreaterThan(0);
    expect(screen.getByTestId('population-okuyami').textContent).toBe('案件数: 現行 36 件、改革後 36 件 (実測 2 件、シミュレーション 70 件)');
    expect(screen.getByTestId('effect-flags').textContent).toContain('実測とシミュレーションが混在しています');
    // One bar per metric with a reduction rate (not first time right, automated steps or satisfaction); the axis ends
    // at the largest rate and never passes 100 %, although residentVisits' interval reaches above its as-is mean.
    const chart = screen.getByRole('img', { name: '指標ごとの削減率 (区間は表に各指標の単位で表示)' });
    expect(chart.querySelectorAll('g > rect')).toHaveLength(14);
    // The legend says which bars are reductions and which increases (hatched as well as red).
    expect(screen.getAllByTestId('reduction-legend')[0]!.textContent).toBe('削減 (改革後に減少)増加 (改革後に増加、斜線)');
    const ticks = [...chart.querySelectorAll('text')].map((t) => t.textContent);
    expect(ticks).toContain('86.7%'); // forms: 13 of 15
    expect(ticks.filter((t) => t?.endsWith('%')).every((t) => Number.parseFloat(t!) <= 100)).toBe(true);

    // Step comparison, decomposition, handoff heat table, trend and projection.
    const ok09 = await screen.findByTestId('step-OK-09');
    expect(within(ok09).getByText('自動化')).toBeTruthy();
    // Each arm's own name for the step.
    expect([...ok09.querySelectorAll('td')].slice(0, 2).map((c) => c.textContent)).toEqual(['年金事務所', '通知']);
    expect(await screen.findByTestId('decomposition-chart')).toBeTruthy();
    expect(screen.getAllByText('時間外 (閉庁)').length).toBeGreaterThan(0);
    const heat = (await screen.findAllByTestId('handoff-Municipality-National'))[0]!;
    expect(heat.textContent).toBe('12 件中央値 18.5 h / P90 40.25 h未着 1 件');
    expect(heat.getAttribute('style')).toContain('rgba(236, 0, 0');
    // The trend: both arms as lines with markers, a scale with its unit, a legend and the same figures as a table.
    const trend = await screen.findByTestId('trend-chart');
    expect(trend.querySelectorAll('polyline')).toHaveLength(2);
    expect(trend.querySelectorAll('rect')).toHaveLength(3); // the as-is arm's square markers
    expect(
      within(trend)
        .getAllByTestId('trend-tick')
        .map((t) => t.textContent),
    ).toEqual(['0', '50', '100', '150']);
    expect(within(trend).getByTestId('trend-unit').textContent).toBe('タッチタイム (分/件)');
    expect(
      within(trend)
        .getAllByTestId('trend-cycle')
        .map((t) => t.textContent),
    ).toEqual(['第 1 回', '第 2 回', '第 3 回']);
    expect(screen.getByTestId('trend-legend').textContent).toBe('現行改革後');
    const rows = within(screen.getByTestId('trend-table'))
      .getAllByRole('row')
      .map((r) => [...r.children].map((c) => c.textContent));
    expect(rows[1]).toEqual(['第 1 回', '149', '59', '現行 12 件 / 改革後 12 件']);
    expect((await screen.findByTestId('projection-label')).textContent).toContain('推計 (projection)');
    expect(screen.getByTestId('projection-nation-okuyami').textContent).toContain('全国 (1741 市区町村)');
    expect(screen.getByText('使用した定義')).toBeTruthy();
  });

  it('keeps the filters in the address, refetches with them and downloads with them', async () => {
    const query = filterQuery({ pilotId: 'okuyami-sim', mode: 'simulated' });
    const server = mockServer({
      'GET /api/me': () => jsonResponse(200, evaluator),
      ...listRoutes(),
      ...reportRoutes(),
      ...reportRoutes(query),
      ...reportRoutes('?pilotId=okuyami-sim'),
    });
    renderApp('/reports');
    await screen.findByTestId('effect-table-okuyami');

    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'パイロット' }), 'okuyami-sim');
    await userEvent.selectOptions(screen.getByLabelText('記録の種類'), 'simulated');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`/reports${query}`));
    await waitFor(() => expect(server.requests.map((r) => r.url)).toContain(`/api/reports/effect${query}`));

    const downloads = within(screen.getByTestId('report-downloads'));
    expect(downloads.getByRole('link', { name: 'Excel (効果サマリー・ステップ比較)' }).getAttribute('href')).toBe(`/api/exports/xlsx${query}`);
    expect(downloads.getByRole('link', { name: 'XES (イベントログ)' }).getAttribute('href')).toBe(`/api/exports/xes${query}`);
    expect(downloads.getByRole('link', { name: 'OCEL 2.0 (JSON)' }).getAttribute('href')).toBe(`/api/exports/ocel${query}`);
    expect(downloads.getByRole('link', { name: 'CSV (活動記録)' }).getAttribute('href')).toBe(`/api/exports/csv${query}`);
    expect(downloads.getByRole('link', { name: '成果報告書 (印刷用)' }).getAttribute('href')).toBe(`/reports/print${query}`);
  });

  it('offers the pilots, processes and municipalities the server lists, and a cycle only once a pilot is chosen', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, evaluator), ...listRoutes(), ...reportRoutes() });
    renderApp('/reports');

    await waitFor(() => expect(optionTexts('パイロット')).toEqual(['すべて', 'おくやみ実証 (シミュレーション)', 'おくやみ本番 (ライブ)']));
    await waitFor(() => expect(optionTexts('業務')).toEqual(['すべて', 'おくやみ手続 (okuyami)', '転出・転入 (tenshutsu-tennyu)']));
    // The prefecture and the national agency are no municipalities.
    await waitFor(() => expect(optionTexts('市町村')).toEqual(['すべて', '千代田区 (131016)', '横浜市 (141003)', '豊中市 (272035)']));
    const cycle = screen.getByLabelText('サイクル') as HTMLSelectElement;
    expect(cycle.disabled).toBe(true);
    expect(optionTexts('サイクル')).toEqual(['すべて']);
  });

  it("loads the chosen pilot's cycles and asks for the report of the chosen cycle", async () => {
    const cycleQuery = '?pilotId=okuyami-sim&cycleId=c2';
    const server = mockServer({
      'GET /api/me': () => jsonResponse(200, evaluator),
      ...listRoutes(),
      ...reportRoutes(),
      ...reportRoutes('?pilotId=okuyami-sim'),
      ...reportRoutes(cycleQuery),
    });
    renderApp('/reports');
    await screen.findByTestId('effect-table-okuyami');

    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'パイロット' }), 'おくやみ実証 (シミュレーション)');
    await waitFor(() => expect(server.requests.map((r) => r.url)).toContain('/api/reports/effect?pilotId=okuyami-sim'));
    await waitFor(() => expect(optionTexts('サイクル')).toEqual(['すべて', '第 2 回 (実行中・シミュレーション)', '第 1 回 (終了・シミュレーション)']));
    expect(server.requests.map((r) => r.url)).toContain('/api/pilots/okuyami-sim/cycles');

    await userEvent.selectOptions(screen.getByLabelText('サイクル'), '第 2 回 (実行中・シミュレーション)');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`/reports${cycleQuery}`));
    await waitFor(() => expect(server.requests.map((r) => r.url)).toContain(`/api/reports/effect${cycleQuery}`));
    await waitFor(() => expect(screen.getByTestId('effect-table-okuyami')).toBeTruthy());
  });

  it('clears the cycle when another pilot is chosen', async () => {
    mockServer({
      'GET /api/me': () => jsonResponse(200, evaluator),
      ...listRoutes(),
      ...reportRoutes('?pilotId=okuyami-sim&cycleId=c1'),
      ...reportRoutes('?pilotId=okuyami-live'),
      ...reportRoutes(),
    });
    renderApp('/reports?pilotId=okuyami-sim&cycleId=c1');
    await waitFor(() => expect((screen.getByLabelText('サイクル') as HTMLSelectElement).value).toBe('c1'));
    expect((screen.getByLabelText('パイロット') as HTMLSelectElement).value).toBe('okuyami-sim');

    await userEvent.selectOptions(screen.getByLabelText('パイロット'), 'okuyami-live');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/reports?pilotId=okuyami-live'));
    await waitFor(() => expect(optionTexts('サイクル')).toEqual(['すべて']));
    expect((screen.getByLabelText('サイクル') as HTMLSelectElement).value).toBe('');

    // すべて: no pilot, no cycle, and nothing to pick for the cycle.
    await userEvent.selectOptions(screen.getByLabelText('パイロット'), 'すべて');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/reports'));
    expect((screen.getByLabelText('サイクル') as HTMLSelectElement).disabled).toBe(true);
  });

  it('shows an id from the address that the lists do not know, rather than dropping it', async () => {
    const query = '?pilotId=retired&processKey=juminhyo&municipality=999999';
    const server = mockServer({ 'GET /api/me': () => jsonResponse(200, evaluator), ...listRoutes(), ...reportRoutes(query) });
    renderApp(`/reports${query}`);

    await waitFor(() => expect((screen.getByLabelText('業務') as HTMLSelectElement).value).toBe('juminhyo'));
    expect(optionTexts('業務')).toEqual(['すべて', 'juminhyo', 'おくやみ手続 (okuyami)', '転出・転入 (tenshutsu-tennyu)']);
    await waitFor(() => expect((screen.getByLabelText('パイロット') as HTMLSelectElement).value).toBe('retired'));
    await waitFor(() => expect((screen.getByLabelText('市町村') as HTMLSelectElement).value).toBe('999999'));
    expect(screen.getByTestId('location').textContent).toBe(`/reports${query}`);
    await screen.findByTestId('effect-table-okuyami');
    expect(server.requests.map((r) => r.url)).toContain(`/api/reports/effect${query}`);
  });

  it('shows that the lists are loading', async () => {
    mockServer({
      'GET /api/me': () => jsonResponse(200, evaluator),
      ...listRoutes(),
      'GET /api/pilots': () => new Promise<Response>(() => {}),
      ...reportRoutes(),
    });
    renderApp('/reports');
    await waitFor(() => expect(optionTexts('業務')).toContain('おくやみ手続 (okuyami)'));
    const pilot = screen.getByLabelText('パイロット') as HTMLSelectElement;
    expect(optionTexts('パイロット')).toEqual(['読み込み中…']);
    expect(pilot.disabled).toBe(true);
    expect(pilot.getAttribute('aria-busy')).toBe('true');
  });

  it('falls back to typing the id when a list cannot be loaded', async () => {
    const server = mockServer({
      'GET /api/me': () => jsonResponse(200, evaluator),
      ...listRoutes(),
      'GET /api/organisations': () => problem(403, '権限がありません (forbidden)'),
      ...reportRoutes(),
      ...reportRoutes('?municipality=131016'),
    });
    renderApp('/reports');

    const municipality = await screen.findByRole('textbox', { name: '市町村' });
    expect(document.getElementById(municipality.getAttribute('aria-describedby')!)?.textContent).toBe(
      '一覧を読み込めませんでした。ID を直接入力してください。',
    );
    // The other filters stay pickers.
    await waitFor(() => expect(optionTexts('業務')).toContain('おくやみ手続 (okuyami)'));
    expect(screen.getByRole('combobox', { name: 'パイロット' })).toBeTruthy();

    await userEvent.type(municipality, '131016{Enter}');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/reports?municipality=131016'));
    await waitFor(() => expect(server.requests.map((r) => r.url)).toContain('/api/reports/effect?municipality=131016'));
  });

  it("names the pickers' choices in English too", async () => {
    window.localStorage.setItem('orchestrator.language', 'en');
    mockServer({ 'GET /api/me': () => jsonResponse(200, evaluator), ...listRoutes(), ...reportRoutes('?pilotId=okuyami-sim') });
    renderApp('/reports?pilotId=okuyami-sim');
    await waitFor(() => expect(optionTexts('Pilot')).toEqual(['All', 'Bereavement pilot (simulated)', 'Bereavement live (live)']));
    await waitFor(() => expect(optionTexts('Cycle')).toEqual(['All', 'Cycle 2 (running, simulated)', 'Cycle 1 (closed, simulated)']));
    await waitFor(() => expect(optionTexts('Municipality')).toContain('Chiyoda City (131016)'));
  });

  it('prints the 成果報告書 with the measurement method, rates and data quality', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, evaluator), ...listRoutes(), ...reportRoutes('?processKey=okuyami') });
    renderApp('/reports/print?processKey=okuyami');

    expect(await screen.findByRole('heading', { level: 1, name: '成果報告書 — 効果測定結果' })).toBeTruthy();
    expect((await screen.findByTestId('print-conditions')).textContent).toBe('業務: おくやみ手続');
    const method = await screen.findByTestId('section-method');
    expect(within(method).getByText('リードタイム = 案件終了 − 案件開始')).toBeTruthy();
    expect(within(method).getByText('時間単価 (単価表 第 2 版) と算定根拠')).toBeTruthy();
    expect(within(method).getByText(/市民課: ¥3,300\/h/)).toBeTruthy();
    expect(within(screen.getByTestId('data-quality')).getByText('終了案件 72 件 (シミュレーションの割合 97.2%)')).toBeTruthy();
    expect(within(await screen.findByTestId('section-effort')).getByText('千代田区')).toBeTruthy();
    // What the figures rest on: the imports, and the metadata figures by source.
    expect(within(method).getByTestId('method-imports').textContent).toContain('タイムスタディ: 120 行 (');
    const sources = within(method).getByTestId('figure-sources');
    // On paper per figure and source: how many steps state it and how many of those say on what.
    expect([...sources.querySelectorAll('tbody tr > *')].map((c) => c.textContent)).toEqual(['帳票枚数', '推計', '1', '1']);
    expect([...within(method).getByTestId('time-capture').querySelectorAll('tbody tr > *')].map((c) => c.textContent)).toEqual([
      'タスク画面: 作成・着手・完了の時刻',
      '1',
      '36',
      '94.4%',
    ]);
    // Each municipality's own Δ side by side, which Δ its projection uses, and the payback.
    expect(within(screen.getByTestId('municipality-131016')).getByText('この市町村の Δ (n ≥ 30)')).toBeTruthy();
    expect(within(screen.getByTestId('municipality-272035')).getByText('年間件数の設定なし')).toBeTruthy();
    expect(screen.getByTestId('payback-years').textContent).toBe('回収年数 1 年');
    expect(screen.getByRole('button', { name: '印刷する' })).toBeTruthy();
  });

  it('prints the pilot by its name, in Japanese only, without file names or the random number generator', async () => {
    const method = {
      ...methodReport,
      definitions: [
        'リードタイム = 案件終了 − 案件開始 (lead time = case end − case start in calendar hours)',
        'Δ の 95% 区間: パーセンタイル・ブートストラップ (xoshiro256**、SplitMix64 で (seed = 2009, 反復番号) から初期化) (95% interval of Δ: percentile bootstrap)',
        '記録の種類 mode = auto (mode auto, the default)',
        '出所: 50% を超える指標には「推計値に基づく」と表示する (above 50 % estimates the figure carries the banner 推計値に基づく)',
      ],
      timeCapture: [{ ...methodReport.timeCapture[0], method: 'タスク画面: 作成・着手・完了の時刻 (task screen: created, claimed, completed)' }],
    };
    mockServer({
      'GET /api/me': () => jsonResponse(200, evaluator),
      'GET /api/pilots/okuyami-sim': () => jsonResponse(200, pilotView()),
      ...reportRoutes('?pilotId=okuyami-sim'),
      'GET /api/reports/method?pilotId=okuyami-sim': () => jsonResponse(200, method),
    });
    renderApp('/reports/print?pilotId=okuyami-sim');

    expect((await screen.findByTestId('print-conditions')).textContent).toBe('パイロット: おくやみ実証');
    const section = await screen.findByTestId('section-method');
    expect(within(section).getByText('リードタイム = 案件終了 − 案件開始')).toBeTruthy();
    expect(section.textContent).toContain('Δ の 95% 区間: 各群の案件を同数で復元抽出するブートストラップ法');
    expect(within(section).getByText('タスク画面: 作成・着手・完了の時刻')).toBeTruthy();
    expect(within(section).getByText('出所: 50% を超える指標には「推計値に基づく」と表示する')).toBeTruthy();
    expect(within(section).getByText('執務カレンダー: 平日 08:30–17:15')).toBeTruthy();
    await screen.findByTestId('section-projection');
    const text = document.querySelector('.print-report')?.textContent ?? '';
    for (const banned of ['okuyami-sim', 'xoshiro', 'seed', 'fixtures/', '.json', '.xlsx', 'task screen', 'lead time =', 'banner', '記録の種類'])
      expect(text).not.toContain(banned);
  });

  it('says so when no finished case matches, and shows a failed load as an alert', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, evaluator), ...reportRoutes('', { ...effectReport, processes: [] }) });
    renderApp('/reports');
    expect((await screen.findByTestId('reports-empty')).textContent).toContain('条件に合う終了済みの案件がありません');
  });

  it('shows the problem when the server refuses', async () => {
    mockServer({
      'GET /api/me': () => jsonResponse(200, evaluator),
      ...reportRoutes(),
      'GET /api/reports/effect': () => problem(400, '検索条件に誤りがあります (invalid filter)'),
    });
    renderApp('/reports');
    expect((await screen.findByRole('alert')).textContent).toBe('レポートを読み込めませんでした (HTTP 400 検索条件に誤りがあります (invalid filter))');
  });

  it('speaks English too', async () => {
    window.localStorage.setItem('orchestrator.language', 'en');
    mockServer({ 'GET /api/me': () => jsonResponse(200, evaluator), ...reportRoutes() });
    renderApp('/reports');
    expect(await screen.findByRole('heading', { level: 1, name: 'Reports' })).toBeTruthy();
    expect((await screen.findAllByRole('heading', { level: 3, name: 'Bereavement procedures' })).length).toBeGreaterThan(0);
    expect(within(screen.getByTestId('effect-table-okuyami')).getByText('Cost')).toBeTruthy();
    expect(screen.getByTestId('estimate-banner-okuyami').textContent).toContain('Based on estimates');
    expect(within(await screen.findByTestId('step-OK-09')).getByText('Automated')).toBeTruthy();
    // Projection targets by their English names, dates in ISO form.
    expect(within(await screen.findByTestId('municipalities-okuyami')).getByText('Chiyoda City')).toBeTruthy();
    expect(screen.getByText(/Computed at 2026-12-01 \d\d:00/)).toBeTruthy();
    expect(screen.getByTestId('trend-legend').textContent).toBe('As-isTo-be');
  });

  it('is not open to clerks', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user()) });
    renderApp('/reports');
    expect(await screen.findByRole('heading', { level: 1, name: '権限がありません' })).toBeTruthy();
    expect(screen.queryByTestId('report-filters')).toBeNull();
  });
});
