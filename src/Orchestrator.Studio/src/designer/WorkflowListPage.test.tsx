import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockServer, renderApp, user } from '../test/helpers';
import { definitionSummary } from '../test/workflows';

const coordinator = user({ userName: 'coordinator', displayName: 'コーディネーター', roles: ['Coordinator'], organisation: null });

describe('workflow list', () => {
  it('lists the definitions with arm, version and state, linking to the designer and the runs', async () => {
    mockServer({
      'GET /api/me': () => jsonResponse(200, coordinator),
      'GET /api/workflow-definitions': () =>
        jsonResponse(200, [
          definitionSummary({ definitionId: 'okuyami-asis', name: 'おくやみ手続 (現行)', processKey: 'okuyami', arm: 'AsIs', version: 1, isPublished: true }),
          definitionSummary({
            definitionId: 'okuyami-tobe',
            name: 'おくやみ手続 (改革後)',
            processKey: 'okuyami',
            arm: 'ToBe',
            version: 3,
            isPublished: false,
          }),
        ]),
    });
    renderApp('/workflows');
    const table = await screen.findByTestId('workflows-table');
    const row = within(table).getByTestId('workflow-row-okuyami-tobe');
    expect(within(row).getByRole('link', { name: 'おくやみ手続 (改革後)' }).getAttribute('href')).toBe('/workflows/okuyami-tobe');
    expect(within(row).getByTestId('arm-badge').textContent).toBe('改革後');
    expect(within(row).getByText('第 3 版')).toBeTruthy();
    expect(within(row).getByTestId('publish-state').textContent).toBe('下書き');
    expect(within(row).getByRole('link', { name: '実行履歴' }).getAttribute('href')).toBe('/workflows/okuyami-tobe/instances');
    expect(within(within(table).getByTestId('workflow-row-okuyami-asis')).getByTestId('publish-state').textContent).toBe('公開中');
  });

  it('says in Japanese what to fix when an imported file is rejected', async () => {
    const { requests } = mockServer({
      'GET /api/me': () => jsonResponse(200, coordinator),
      'GET /api/workflow-definitions': () => jsonResponse(200, []),
      'POST /api/workflow-definitions': () =>
        jsonResponse(
          400,
          {
            title: '定義に誤りがあります',
            errors: [{ path: '$.root.activities[1].title', message: "Required input 'title' of Orchestrator.HumanTask 'intake' is missing." }],
            warnings: [],
          },
          'application/problem+json',
        ),
    });
    renderApp('/workflows');
    expect(await screen.findByTestId('workflows-empty')).toBeTruthy();
    const file = new File([JSON.stringify({ definitionId: 'x', root: { type: 'Elsa.Flowchart', activities: [] } })], 'x.json', { type: 'application/json' });
    await userEvent.upload(screen.getByTestId('workflow-import'), file);
    const alert = await screen.findByTestId('import-errors');
    expect(alert.textContent).toContain('「x.json」には次の問題があるため読み込めませんでした。');
    expect(alert.textContent).toContain('必須の入力「title」が未入力です。プロパティパネルで入力してください。');
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
  });
});
