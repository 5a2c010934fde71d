import { configure, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { procedure, signedInAs } from '../test/inventory';
import { jsonResponse, mockServer, problem, renderApp } from '../test/helpers';
import type { Procedure } from './api';

const coordinator = signedInAs(['Coordinator']);

// Large pages: on a busy machine typing into many fields takes seconds (as in the pilot form's tests).
const slow = { timeout: 30_000 };
configure({ asyncUtilTimeout: 5_000 });
let ue: UserEvent;

beforeEach(() => {
  ue = userEvent.setup({ delay: null });
});

describe('procedure form', slow, () => {
  it("sends the edited procedure and shows each of the server's problems at its control", async () => {
    let sent: Procedure | null = null;
    mockServer({
      'GET /api/me': coordinator,
      'GET /api/inventory/procedures/RYO-01': () => jsonResponse(200, procedure()),
      'PUT /api/inventory/procedures/RYO-01': (request) => {
        sent = request.body as Procedure;
        return problem(400, '手続の内容に誤りがあります', {
          errors: [
            { path: '$.dataFlows[1].means', message: '伝達手段が必要です' },
            { path: '$.volumeNational.basis', message: '根拠が必要です' },
          ],
        });
      },
    });
    renderApp('/inventory/procedures/RYO-01/edit');
    const volume = await screen.findByLabelText('年間件数（全国）：値');
    await ue.clear(volume);
    await ue.type(volume, '3,900,000');
    await ue.selectOptions(screen.getByTestId('field-dataFlows[1].means'), '');
    await ue.click(screen.getByTestId('procedure-save'));

    expect((await screen.findByTestId('error-dataFlows[1].means')).textContent).toBe('伝達手段が必要です');
    expect(screen.getByTestId('error-volumeNational.basis').textContent).toBe('根拠が必要です');
    expect(screen.getByTestId('field-dataFlows[1].means').getAttribute('aria-invalid')).toBe('true');
    expect(sent!.volumeNational).toEqual({ value: 3_900_000, source: 'Published', basis: '外務省の統計 (架空)' });
    expect(sent!.dataFlows[1]!.means).toBeNull();
    expect(sent!.dataFlows[0]!.items.map((i) => i.name)).toEqual(['氏名', '本籍']);
  });

  it('refuses text where a number belongs without asking the server', async () => {
    const { requests } = mockServer({ 'GET /api/me': coordinator });
    renderApp('/inventory/procedures/new');
    await ue.type(await screen.findByLabelText('ニーズ（1〜5）：値'), 'たかい');
    await ue.click(screen.getByTestId('procedure-save'));
    expect((await screen.findByTestId('error-needsScore.value')).textContent).toBe('数値を入力してください');
    expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('adds a data flow with an item and saves a new procedure', async () => {
    let sent: Procedure | null = null;
    mockServer({
      'GET /api/me': coordinator,
      'POST /api/inventory/procedures': (request) => {
        sent = request.body as Procedure;
        return jsonResponse(201, request.body);
      },
      'GET /api/inventory/procedures/NEW-1': () => jsonResponse(200, procedure({ code: 'NEW-1', nameJa: '新しい手続' })),
      'GET /api/workflow-definitions': () => jsonResponse(200, []),
    });
    renderApp('/inventory/procedures/new');
    await ue.type(await screen.findByLabelText('手続コード'), 'NEW-1');
    await ue.type(screen.getByLabelText('手続名'), '新しい手続');
    await ue.type(screen.getByLabelText('分野'), '福祉');
    await ue.click(screen.getByTestId('add-flow'));
    await ue.selectOptions(screen.getByTestId('field-dataFlows[0].fromLevel'), 'Resident');
    await ue.selectOptions(screen.getByTestId('field-dataFlows[0].toLevel'), 'Municipality');
    await ue.selectOptions(screen.getByTestId('field-dataFlows[0].means'), 'Post');
    await ue.click(screen.getByRole('button', { name: 'データ項目を追加' }));
    await ue.type(screen.getByTestId('field-dataFlows[0].items[0].name'), '氏名');
    await ue.selectOptions(screen.getByTestId('field-dataFlows[0].items[0].type'), 'Text');
    await ue.click(screen.getByTestId('procedure-save'));

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/inventory/procedures/NEW-1'));
    expect(sent!.dataFlows).toEqual([
      expect.objectContaining({
        number: 1,
        fromLevel: 'Resident',
        toLevel: 'Municipality',
        means: 'Post',
        items: [{ name: '氏名', type: 'Text', codeSet: null, personal: false }],
      }),
    ]);
    expect(sent!.clerkMinutes).toEqual({ value: null, source: null, basis: null });
  });
});
