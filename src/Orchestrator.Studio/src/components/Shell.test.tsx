import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockServer, problem, renderApp, user } from '../test/helpers';

async function menuNames() {
  const nav = await screen.findByRole('navigation', { name: 'メインメニュー' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('signed-in shell', () => {
  it.each([
    [['Clerk'], ['ホーム', 'タスク']],
    [['Coordinator'], ['ホーム', 'インベントリ', '課題・対応策', 'ワークフロー', 'タスク', 'パイロット', 'レポート']],
    [['Evaluator'], ['ホーム', 'インベントリ', '課題・対応策', 'レポート']],
    [['Admin'], ['ホーム', 'インベントリ', '課題・対応策', 'ワークフロー', 'タスク', 'パイロット', 'レポート', '管理']],
    [
      ['Clerk', 'Evaluator'],
      ['ホーム', 'インベントリ', '課題・対応策', 'タスク', 'レポート'],
    ],
  ])('shows the menu for roles %j', async (roles, expected) => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user({ roles })) });
    renderApp('/');
    expect(await menuNames()).toEqual(expected);
  });

  it('shows the product, the user, organisation and role in the header', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user()) });
    renderApp('/');
    const banner = await screen.findByRole('banner');
    expect(within(banner).getByTestId('product-name').textContent).toBe('Orchestrator');
    expect(within(banner).getByTestId('product-subtitle').textContent).toBe('バックオフィス連携 実証実験オーケストレーター');
    expect(within(banner).getByTestId('user-display-name').textContent).toBe('台東 花子');
    expect(within(banner).getByTestId('user-organisation').textContent).toBe('台東区（市区町村）');
    expect(within(banner).getByTestId('user-roles').textContent).toBe('担当職員');
    expect(within(banner).getByRole('button', { name: 'サインアウト' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    // The title is set by an effect, which may run just after the banner appears.
    await waitFor(() => expect(document.title).toBe('ホーム | Orchestrator'));
  });

  it('welcomes the user on home with role, organisation and the four effect axes', async () => {
    mockServer({
      'GET /api/me': () => jsonResponse(200, user({ displayName: '評価 次郎', roles: ['Evaluator'], organisation: null })),
    });
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'ようこそ、評価 次郎 さん' })).toBeTruthy();
    expect(screen.getByTestId('home-roles').textContent).toBe('評価担当者');
    expect(screen.getByTestId('home-organisation').textContent).toBe('所属なし');
    const axes = within(screen.getByTestId('effect-axes')).getAllByRole('listitem');
    expect(axes.map((a) => a.firstChild?.textContent)).toEqual(['業務処理時間', '人件費換算', '帳票枚数・業務数', '住民負担']);
    expect(document.body.textContent).toContain('現行、as-is');
    expect(document.body.textContent).toContain('改革後、to-be');
  });

  it('lets several roles read as one list', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user({ roles: ['Evaluator', 'Coordinator'] })) });
    renderApp('/');
    expect((await screen.findByTestId('user-roles')).textContent).toBe('実証コーディネーター、評価担当者');
  });

  it('sends a signed-out visitor to the sign-in page, remembering the page', async () => {
    mockServer({ 'GET /api/me': () => problem(401, 'Unauthorized') });
    renderApp('/reports?pilotId=7');
    expect(await screen.findByRole('heading', { level: 1, name: 'サインイン' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/login?ReturnUrl=%2Freports%3FpilotId%3D7');
  });

  it('says so when the session cannot be read, and retries', async () => {
    let calls = 0;
    mockServer({
      'GET /api/me': () => (++calls === 1 ? problem(500, 'boom') : jsonResponse(200, user())),
    });
    renderApp('/');
    expect((await screen.findByRole('alert')).textContent).toContain('HTTP 500');
    await userEvent.click(screen.getByRole('button', { name: '再読み込み' }));
    expect(await screen.findByRole('navigation', { name: 'メインメニュー' })).toBeTruthy();
  });

  it('signs out through the API and returns to the sign-in page', async () => {
    const server = mockServer({
      'GET /api/me': () => jsonResponse(200, user()),
      'GET /api/tasks': () => jsonResponse(200, { counts: { open: 0, claimed: 0, overdue: 0, completed: 0 }, items: [] }),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    renderApp('/tasks');
    await userEvent.click(await screen.findByRole('button', { name: 'サインアウト' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'サインイン' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/login');
    const logout = server.requests.find((r) => r.url === '/api/auth/logout');
    expect(logout?.method).toBe('POST');
    expect(logout?.credentials).toBe('include');
    expect(screen.queryByRole('navigation', { name: 'メインメニュー' })).toBeNull();
  });

  it('navigates between areas, marks the current one and focuses the new heading', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user({ roles: ['Admin'] })) });
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'メインメニュー' });
    expect(within(nav).getByRole('link', { name: 'ホーム' }).getAttribute('aria-current')).toBe('page');

    await userEvent.click(within(nav).getByRole('link', { name: '管理' }));
    const heading = await screen.findByRole('heading', { level: 1, name: '管理' });
    expect(within(nav).getByRole('link', { name: '管理' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'ホーム' }).getAttribute('aria-current')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(document.title).toBe('管理 | Orchestrator');
  });

  it('refuses an area outside the user’s roles', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user({ roles: ['Clerk'] })) });
    renderApp('/pilots');
    expect(await screen.findByRole('heading', { level: 1, name: '権限がありません' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'サイクルを今すぐ実行' })).toBeNull();
  });

  it('gives admins full-page links to Hangfire and the API reference', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user({ roles: ['Admin'] })) });
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'メインメニュー' });
    await userEvent.click(within(nav).getByRole('link', { name: '管理' }));

    expect(await screen.findByRole('heading', { level: 1, name: '管理' })).toBeTruthy();
    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: 'ジョブダッシュボード（Hangfire）' }).getAttribute('href')).toBe('/hangfire');
    expect(within(main).getByRole('link', { name: 'API リファレンス' }).getAttribute('href')).toBe('/scalar');
  });

  it('refuses the administration page to a coordinator', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user({ roles: ['Coordinator'] })) });
    renderApp('/admin');
    expect(await screen.findByRole('heading', { level: 1, name: '権限がありません' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'ジョブダッシュボード（Hangfire）' })).toBeNull();
  });

  it('shows a not-found page for unknown addresses', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user()) });
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'ページが見つかりません' })).toBeTruthy();
  });

  it('starts with a skip link that moves focus to the main content', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user()) });
    renderApp('/');
    await screen.findByRole('navigation', { name: 'メインメニュー' });

    await userEvent.tab();
    const skip = screen.getByRole('link', { name: '本文へ移動' });
    expect(document.activeElement).toBe(skip);
    await userEvent.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });
});
