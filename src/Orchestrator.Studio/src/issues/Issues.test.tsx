import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockServer, problem, renderApp, user } from '../test/helpers';
import { descriptors, okuyamiDefinition } from '../test/workflows';
import type { ReformIssue } from './api';

const coordinator = user({ userName: 'coordinator', displayName: 'コーディネーター', roles: ['Coordinator'], organisation: null });
const evaluator = user({ userName: 'evaluator', displayName: '評価者', roles: ['Evaluator'], organisation: null });

function issue(overrides: Partial<ReformIssue> = {}): ReformIssue {
  return {
    id: 1,
    kind: 'Institutional',
    title: '様式への重複記入',
    description: null,
    processKey: 'okuyami',
    stepCodes: ['OKU-010'],
    legalBasis: '戸籍法 第 86 条',
    countermeasure: '共有データから印字する',
    actingLevels: ['Municipality'],
    priority: 'High',
    status: 'Open',
    updatedAt: '2026-12-01T00:00:00Z',
    updatedBy: 'coordinator',
    history: [{ at: '2026-12-01T00:00:00Z', by: 'coordinator', status: 'Open', summary: '登録' }],
    ...overrides,
  };
}

const processes = [{ processKey: 'okuyami', name: 'おくやみ手続 (死亡に伴う手続)' }];
const steps = [
  { stepCode: 'OKU-010', name: '死亡届受付', arms: ['AsIs', 'ToBe'], actorOrgLevel: 'Municipality', actorRole: '市民課' },
  { stepCode: 'OKU-020', name: '住基更新', arms: ['AsIs'], actorOrgLevel: 'System', actorRole: null },
];

class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', NoResizeObserver);
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(1000);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(700);
});

describe('課題・対応策', () => {
  it('shows a badge with the open issues on the affected step in the designer, and none on other steps', async () => {
    mockServer({
      'GET /api/me': () => jsonResponse(200, coordinator),
      'GET /api/descriptors/activities': () => jsonResponse(200, descriptors),
      'GET /api/workflow-definitions/okuyami-asis': () => jsonResponse(200, okuyamiDefinition()),
      'POST /api/workflow-definitions/validate': () => jsonResponse(200, { valid: true, errors: [], warnings: [] }),
      'GET /api/workflow-definitions': () => jsonResponse(200, []),
      'GET /api/pilots': () => jsonResponse(200, []),
      'GET /api/issues?processKey=okuyami': () =>
        jsonResponse(200, [issue(), issue({ id: 2, title: '解決済みの課題', status: 'Resolved' }), issue({ id: 3, title: '通知の様式', kind: 'Technical' })]),
    });
    renderApp('/workflows/okuyami-asis');
    await screen.findByTestId('designer');

    const badges = await screen.findAllByTestId('card-issues');
    expect(badges).toHaveLength(1);
    expect(badges[0]!.textContent).toBe('課題 2');
    expect(badges[0]!.getAttribute('title')).toBe('未解決の課題: 様式への重複記入、通知の様式');
    const card = badges[0]!.closest('[data-testid^="node-"]')!;
    expect(within(card as HTMLElement).getByText('OKU-010')).toBeTruthy();
  });

  it('filters the register and adds an issue on the steps picked from the workflow', async () => {
    const server = mockServer({
      'GET /api/me': () => jsonResponse(200, coordinator),
      'GET /api/issues': () => jsonResponse(200, [issue(), issue({ id: 2, title: '費用負担の按分', kind: 'Cost', processKey: null, stepCodes: [] })]),
      'GET /api/issues/processes': () => jsonResponse(200, processes),
      'GET /api/issues/processes/okuyami/steps': () => jsonResponse(200, steps),
      'POST /api/issues': (request) => jsonResponse(201, issue({ id: 7, ...(request.body as object) })),
      'GET /api/issues/7': () => jsonResponse(200, issue({ id: 7, title: '年金事務所への通知' })),
    });
    renderApp('/issues');
    expect(await screen.findByTestId('issue-row-1')).toBeTruthy();
    expect(screen.getByTestId('issue-count').textContent).toBe('2 件 / 全 2 件');
    await userEvent.selectOptions(screen.getByTestId('filter-kind'), 'Cost');
    expect(screen.queryByTestId('issue-row-1')).toBeNull();
    expect(screen.getByTestId('issue-row-2')).toBeTruthy();

    await userEvent.click(screen.getByTestId('issue-new'));
    await userEvent.type(await screen.findByTestId('issue-title'), '年金事務所への通知');
    await userEvent.selectOptions(screen.getByTestId('issue-kind'), 'Technical');
    await waitFor(() => expect(screen.getByRole('option', { name: 'おくやみ手続 (死亡に伴う手続)' })).toBeTruthy());
    await userEvent.selectOptions(screen.getByTestId('issue-process'), 'okuyami');
    await userEvent.click(await screen.findByRole('checkbox', { name: /OKU-020/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: '国' }));
    await userEvent.click(screen.getByTestId('issue-save'));

    await waitFor(() => expect(server.requests.some((r) => r.method === 'POST')).toBe(true));
    const sent = server.requests.find((r) => r.method === 'POST')!.body as Record<string, unknown>;
    expect(sent).toMatchObject({ title: '年金事務所への通知', kind: 'Technical', processKey: 'okuyami', stepCodes: ['OKU-020'], actingLevels: ['National'] });
    expect(await screen.findByTestId('issue-history')).toBeTruthy();
  });

  it('shows what the server refused beside the field', async () => {
    mockServer({
      'GET /api/me': () => jsonResponse(200, coordinator),
      'GET /api/issues/processes': () => jsonResponse(200, processes),
      'POST /api/issues': () => problem(400, '課題の内容に誤りがあります', { errors: [{ path: '$.title', message: '件名を入力してください' }] }),
    });
    renderApp('/issues/new');
    await userEvent.click(await screen.findByTestId('issue-save'));
    expect(await screen.findByText('件名を入力してください')).toBeTruthy();
  });

  it('lets an evaluator read an issue but not change it', async () => {
    mockServer({
      'GET /api/me': () => jsonResponse(200, evaluator),
      'GET /api/issues/processes': () => jsonResponse(200, processes),
      'GET /api/issues/processes/okuyami/steps': () => jsonResponse(200, steps),
      'GET /api/issues/1': () => jsonResponse(200, issue()),
    });
    renderApp('/issues/1');
    await waitFor(() => expect((screen.getByTestId('issue-title') as HTMLInputElement).value).toBe('様式への重複記入'));
    expect(screen.getByTestId('issue-title').matches(':disabled')).toBe(true);
    expect(screen.queryByTestId('issue-save')).toBeNull();
  });
});
