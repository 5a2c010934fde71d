import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { focusChoice, ranking, standardScheme, signedInAs } from '../test/inventory';
import { jsonResponse, mockServer, problem, renderApp } from '../test/helpers';

const as = signedInAs;

function routes(roles: string[], extra: Record<string, Parameters<typeof mockServer>[0][string]> = {}) {
  return {
    'GET /api/me': as(roles),
    'GET /api/inventory/schemes': () => jsonResponse(200, [standardScheme]),
    'GET /api/inventory/ranking?scheme=standard': () => jsonResponse(200, ranking),
    'GET /api/inventory/focus': () => jsonResponse(200, [focusChoice]),
    ...extra,
  };
}

// Large pages: on a busy machine typing into many fields takes seconds (as in the pilot form's tests).
const slow = { timeout: 30_000 };
configure({ asyncUtilTimeout: 5_000 });
let ue: UserEvent;

beforeEach(() => {
  ue = userEvent.setup({ delay: null });
});

describe('ranking page', slow, () => {
  it("shows the ranking with each rank's stability, the estimate banner and the scatter plot", async () => {
    mockServer(routes(['Coordinator']));
    renderApp('/inventory/ranking');

    const table = await screen.findByTestId('ranking-table');
    expect(
      within(table)
        .getAllByTestId('rank')
        .map((c) => c.textContent),
    ).toEqual(['1', '2', '3']);
    const first = within(screen.getByTestId('rank-row-RYO-01'));
    expect(first.getByTestId('score').textContent).toBe('72.5');
    expect(first.getByTestId('stability').textContent).toBe('不安定：1〜2 位効果 +30 % で 2 位');
    expect(within(screen.getByTestId('rank-row-KYO-03')).getByTestId('stability').textContent).toBe('安定');
    expect(screen.getByTestId('stable-count').textContent).toBe('3 件中 1 件は、どの重みを ±50 % 変えても順位が変わりません。');
    expect(screen.getByTestId('ranking-basis').textContent).toContain('21 件のうち 19 件が推計です');

    const plot = screen.getByRole('img', { name: '効果（年間削減時間、対数目盛）と実現可能性の散布図' });
    expect(plot.querySelectorAll('circle')).toHaveLength(3);
    // The latest recorded choice (おくやみ) is drawn filled until the coordinator picks again.
    expect(within(plot).getByTestId('point-KOS-01').getAttribute('data-chosen')).toBe('true');
    expect(within(plot).getByTestId('point-RYO-01').getAttribute('data-chosen')).toBe('false');
    expect(screen.getByTestId('unscored').textContent).toContain('不足：年間件数（全国）');
    expect(screen.getByTestId('excluded').textContent).toContain('転出・転入：別事業で扱ったため対象外');
  });

  it("records the chosen procedures with the reasoning, and shows the server's problems", async () => {
    let posted: unknown = null;
    const { requests } = mockServer(
      routes(['Coordinator'], {
        'POST /api/inventory/focus': (request) => {
          posted = request.body;
          const body = request.body as { reasoning: string };
          return body.reasoning === ''
            ? problem(400, '重点分野の記録に誤りがあります', { errors: [{ path: '$.reasoning', message: '選んだ理由が必要です' }] })
            : jsonResponse(201, { ...focusChoice, id: 'c2' });
        },
      }),
    );
    renderApp('/inventory/ranking');
    await screen.findByTestId('ranking-table');
    await ue.click(screen.getByRole('checkbox', { name: '一般旅券の発給申請 を重点に選ぶ' }));
    expect(screen.getByTestId('focus-selected').textContent).toBe('選んだ手続：2 件');
    expect(within(screen.getByTestId('scatter-plot')).getByTestId('point-RYO-01').getAttribute('data-chosen')).toBe('true');

    await ue.click(screen.getByTestId('focus-record'));
    expect(await screen.findByTestId('error-reasoning')).toBeTruthy();
    expect(screen.getByTestId('error-reasoning').textContent).toBe('選んだ理由が必要です');

    await ue.type(screen.getByLabelText('選んだ理由'), '三層にまたがり効果が大きい');
    await ue.click(screen.getByTestId('focus-record'));
    await waitFor(() => expect(screen.getByTestId('focus-notice').textContent).toBe('重点分野を記録しました。'));
    expect(posted).toEqual({ schemeId: 'standard', procedures: ['KOS-01', 'RYO-01'], reasoning: '三層にまたがり効果が大きい' });
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('lets evaluators read the ranking without choosing or changing weights', async () => {
    mockServer(routes(['Evaluator']));
    renderApp('/inventory/ranking');
    await screen.findByTestId('ranking-table');
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByTestId('focus-record')).toBeNull();
    expect(screen.queryByTestId('scheme-save')).toBeNull();
    expect(screen.getByTestId('weight-effect').textContent).toBe('効果の重み: 1');
    expect(within(screen.getByTestId('focus-history')).getByText('市町村内で始められる')).toBeTruthy();
  });

  it('is hidden from clerks, who get the not-allowed page', async () => {
    mockServer({ 'GET /api/me': as(['Clerk']) });
    renderApp('/inventory/ranking');
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByTestId('ranking-table')).toBeNull();
    expect(within(screen.getByTestId('main-menu')).queryByText('インベントリ')).toBeNull();
  });
});
