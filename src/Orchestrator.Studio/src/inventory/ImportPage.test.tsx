import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { signedInAs } from '../test/inventory';
import { jsonResponse, mockServer, renderApp, user } from '../test/helpers';
import type { ImportResult } from './api';

const coordinator = signedInAs(['Coordinator']);
const workbook = () =>
  new File([new Uint8Array([80, 75, 3, 4])], 'inventory.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

const invalid: ImportResult = {
  valid: false,
  dryRun: true,
  errors: [
    { path: '手続!H7', message: "数値ではありません: 'たくさん' (not a number)", sheet: '手続', row: 7, column: 'H', header: '年間件数 (全国)' },
    { path: 'データ項目', message: 'シート「データ項目」がありません (sheet missing)', sheet: 'データ項目', row: 0, column: '', header: null },
  ],
  warnings: [],
  summary: null,
};
const valid = (dryRun: boolean): ImportResult => ({
  valid: true,
  dryRun,
  errors: [],
  warnings: [{ path: '手続!AZ1', message: '列「担当者メモ」は読み込みません', sheet: '手続', row: 1, column: 'AZ', header: '担当者メモ' }],
  summary: { procedures: 46, dataFlows: 108, dataItems: 471, added: ['NEW-1'], changed: ['KAI-02'], removed: [] },
});

// Large pages: on a busy machine typing into many fields takes seconds (as in the pilot form's tests).
const slow = { timeout: 30_000 };
configure({ asyncUtilTimeout: 5_000 });
let ue: UserEvent;

beforeEach(() => {
  ue = userEvent.setup({ delay: null });
});

describe('workbook import', slow, () => {
  it('lists every problem by sheet, row and column and keeps 取り込む disabled', async () => {
    const { requests } = mockServer({ 'GET /api/me': coordinator, 'POST /api/inventory/import?dryRun=true': () => jsonResponse(200, invalid) });
    renderApp('/inventory/import');
    const run = await screen.findByTestId('import-run');
    expect((run as HTMLButtonElement).disabled).toBe(true);
    await ue.upload(screen.getByTestId('import-file'), workbook());
    await ue.click(screen.getByTestId('import-check'));

    expect((await screen.findByTestId('import-invalid')).textContent).toBe('2 件の誤りがあります。何も変更していません。');
    const rows = within(screen.getByTestId('import-errors')).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['手続', '7', 'H（年間件数 (全国)）', "数値ではありません: 'たくさん' (not a number)"],
      ['データ項目', '', '', 'シート「データ項目」がありません (sheet missing)'],
    ]);
    expect((run as HTMLButtonElement).disabled).toBe(true);
    const sent = requests.find((r) => r.method === 'POST')!;
    expect(sent.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('imports after a clean check and says what changed', async () => {
    mockServer({
      'GET /api/me': coordinator,
      'POST /api/inventory/import?dryRun=true': () => jsonResponse(200, valid(true)),
      'POST /api/inventory/import?dryRun=false': () => jsonResponse(200, valid(false)),
    });
    renderApp('/inventory/import');
    await ue.upload(await screen.findByTestId('import-file'), workbook());
    await ue.click(screen.getByTestId('import-check'));
    expect((await screen.findByTestId('import-valid')).textContent).toContain('追加：NEW-1変更：KAI-02');
    expect(within(screen.getByTestId('import-warnings')).getByText('列「担当者メモ」は読み込みません')).toBeTruthy();
    await ue.click(screen.getByTestId('import-run'));
    await waitFor(() => expect(screen.getByTestId('import-valid').textContent).toContain('取り込みました。'));
    expect(screen.getByTestId('import-valid').textContent).toContain('手続 46 件・データ連携 108 件・データ項目 471 件');
  });

  it('is not open to evaluators', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user({ roles: ['Evaluator'], organisation: null })) });
    renderApp('/inventory/import');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByTestId('import-file')).toBeNull();
  });
});
