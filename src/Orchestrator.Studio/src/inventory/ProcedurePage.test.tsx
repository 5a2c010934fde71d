import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { definitions } from '../test/pilots';
import { procedure, signedInAs } from '../test/inventory';
import { jsonResponse, mockServer, problem, renderApp } from '../test/helpers';

const as = signedInAs;

// Large pages: on a busy machine typing into many fields takes seconds (as in the pilot form's tests).
const slow = { timeout: 30_000 };
configure({ asyncUtilTimeout: 5_000 });
let ue: UserEvent;

beforeEach(() => {
  ue = userEvent.setup({ delay: null });
});

describe('procedure page', slow, () => {
  it('shows each figure with its provenance and basis, the flows with their items, and the links to workflows and report', async () => {
    mockServer({
      'GET /api/me': as(['Coordinator']),
      'GET /api/inventory/procedures/RYO-01': () => jsonResponse(200, procedure({ processKey: 'okuyami' })),
      'GET /api/workflow-definitions': () => jsonResponse(200, definitions),
    });
    renderApp('/inventory/procedures/RYO-01');
    expect(await screen.findByRole('heading', { level: 1, name: '一般旅券の発給申請' })).toBeTruthy();
    const volume = within(screen.getByTestId('figure-volumeNational'));
    expect(volume.getAllByRole('cell').map((c) => c.textContent)).toEqual(['4,000,000', '公表', '外務省の統計 (架空)']);
    expect(within(screen.getByTestId('figure-clerkMinutes')).getByTestId('provenance').textContent).toBe('推計');
    const flow = within(screen.getByTestId('flow-1'));
    expect(flow.getByRole('heading').textContent).toBe('連携 1：申請者 → 本籍地 市民課（住民持参（紙））');
    expect(
      flow
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.firstChild?.textContent),
    ).toEqual(['氏名', '本籍']);
    expect(screen.getByTestId('procedure-process-key').textContent).toBe('okuyami');
    await waitFor(() => expect(within(screen.getByTestId('procedure-workflows')).getAllByRole('link').length).toBeGreaterThan(0));
    expect(screen.getByTestId('procedure-report-link').getAttribute('href')).toBe('/reports?processKey=okuyami');
  });

  it('creates the as-is flow and opens it in the designer', async () => {
    const { requests } = mockServer({
      'GET /api/me': as(['Coordinator']),
      'GET /api/inventory/procedures/RYO-01': () => jsonResponse(200, procedure()),
      'GET /api/workflow-definitions': () => jsonResponse(200, []),
      'POST /api/inventory/procedures/RYO-01/as-is-draft': () =>
        jsonResponse(201, { definitionId: 'inventory-ryo-01-asis', version: 1, processKey: 'ryoken', procedureCode: 'RYO-01' }),
    });
    renderApp('/inventory/procedures/RYO-01');
    await ue.click(await screen.findByRole('button', { name: '現行フローを作成' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/workflows/inventory-ryo-01-asis'));
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.url)).toEqual(['/api/inventory/procedures/RYO-01/as-is-draft']);
  });

  it('says why the as-is flow cannot be made without data flows, and shows a refusal', async () => {
    mockServer({
      'GET /api/me': as(['Coordinator']),
      'GET /api/inventory/procedures/RYO-01': () => jsonResponse(200, procedure({ dataFlows: [] })),
      'GET /api/workflow-definitions': () => jsonResponse(200, []),
    });
    renderApp('/inventory/procedures/RYO-01');
    const button = await screen.findByRole('button', { name: '現行フローを作成' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('現行フローはデータ連携から作ります。先に連携を登録してください。')).toBeTruthy();
  });

  it('shows evaluators the procedure without actions', async () => {
    mockServer({
      'GET /api/me': as(['Evaluator']),
      'GET /api/inventory/procedures/RYO-01': () => jsonResponse(200, procedure()),
      'GET /api/workflow-definitions': () => problem(403, 'forbidden'),
    });
    renderApp('/inventory/procedures/RYO-01');
    await screen.findByTestId('procedure-flows');
    expect(screen.queryByRole('button', { name: '現行フローを作成' })).toBeNull();
    expect(screen.queryByTestId('procedure-edit')).toBeNull();
  });
});
