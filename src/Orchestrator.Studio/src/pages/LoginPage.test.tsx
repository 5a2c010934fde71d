import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockServer, problem, renderApp, user } from '../test/helpers';

const signedOut = () => problem(401, 'Unauthorized');

async function fillAndSubmit(userName: string, password: string) {
  await userEvent.type(await screen.findByLabelText('ユーザー名'), userName);
  await userEvent.type(screen.getByLabelText('パスワード'), password);
  await userEvent.click(screen.getByRole('button', { name: 'サインイン' }));
}

describe('sign-in page', () => {
  it('posts the user name and password as JSON with cookies, then opens home', async () => {
    const me = user({ displayName: '調整 一郎', roles: ['Coordinator'] });
    const server = mockServer({
      'GET /api/me': signedOut,
      'POST /api/auth/login': () => jsonResponse(200, { accessToken: 't', expiresAt: '2026-11-25T08:00:00Z', user: me }),
    });
    renderApp('/login');

    expect(await screen.findByRole('heading', { level: 1, name: 'サインイン' })).toBeTruthy();
    await fillAndSubmit('coordinator', 'Orchestrator-Demo-1');

    expect(await screen.findByRole('heading', { level: 1, name: 'ようこそ、調整 一郎 さん' })).toBeTruthy();
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.url).toBe('/api/auth/login');
    expect(posts[0]!.body).toEqual({ userName: 'coordinator', password: 'Orchestrator-Demo-1' });
    expect(posts[0]!.credentials).toBe('include');
    expect(posts[0]!.headers.get('Content-Type')).toBe('application/json');
    expect(screen.getByTestId('location').textContent).toBe('/');
  });

  it('shows the wrong-credentials message on 401 and keeps the user on the page', async () => {
    mockServer({
      'GET /api/me': signedOut,
      'POST /api/auth/login': () => problem(401, 'ユーザー名またはパスワードが正しくありません (wrong user name or password)'),
    });
    renderApp('/login');
    await fillAndSubmit('clerk-131016', 'wrong');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('ユーザー名またはパスワードが正しくありません');
    expect(alert.textContent).not.toContain('wrong user name');
    expect(screen.getByTestId('location').textContent).toBe('/login');
    expect((screen.getByLabelText('ユーザー名') as HTMLInputElement).value).toBe('clerk-131016');
    expect((screen.getByLabelText('パスワード') as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(screen.getByLabelText('パスワード'));
  });

  it('says on a refusal what to do when the account waits after failures', async () => {
    mockServer({
      'GET /api/me': signedOut,
      'POST /api/auth/login': () => problem(401, 'ユーザー名またはパスワードが正しくありません (wrong user name or password)'),
    });
    renderApp('/login');
    await fillAndSubmit('clerk-131016', 'wrong');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('しばらく待ってから再度お試しいただくか、管理者にロックの解除を依頼してください');
  });

  it('shows the messages in English when English is chosen', async () => {
    mockServer({ 'GET /api/me': signedOut, 'POST /api/auth/login': () => problem(401, 'x') });
    renderApp('/login');
    await userEvent.click(await screen.findByRole('button', { name: 'English' }));

    await userEvent.type(screen.getByLabelText('User name'), 'admin');
    await userEvent.type(screen.getByLabelText('Password'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toContain('The user name or password is incorrect');
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows other problem details plainly: title, detail and each field message', async () => {
    mockServer({
      'GET /api/me': signedOut,
      'POST /api/auth/login': () =>
        problem(400, '入力内容に誤りがあります', {
          detail: '入力を確認してください。',
          errors: [{ path: '$.userName', message: 'ユーザー名は 256 文字以内で入力してください' }],
        }),
    });
    renderApp('/login');
    await fillAndSubmit('x', 'y');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('入力内容に誤りがあります');
    expect(alert.textContent).toContain('入力を確認してください。');
    expect(alert.textContent).toContain('ユーザー名は 256 文字以内で入力してください');
  });

  it('reports a server error without a problem body by its status', async () => {
    mockServer({
      'GET /api/me': signedOut,
      'POST /api/auth/login': () => new Response('<html>oops</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    });
    renderApp('/login');
    await fillAndSubmit('admin', 'pw');

    expect((await screen.findByRole('alert')).textContent).toContain('HTTP 502');
  });

  it('reports an unreachable server', async () => {
    mockServer({
      'GET /api/me': signedOut,
      'POST /api/auth/login': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    renderApp('/login');
    await fillAndSubmit('admin', 'pw');

    expect((await screen.findByRole('alert')).textContent).toContain('サーバーに接続できませんでした');
  });

  it('asks for empty fields without calling the server', async () => {
    const server = mockServer({ 'GET /api/me': signedOut });
    renderApp('/login');
    await userEvent.click(await screen.findByRole('button', { name: 'サインイン' }));

    const userName = screen.getByLabelText('ユーザー名');
    expect(userName.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('ユーザー名を入力してください')).toBeTruthy();
    expect(screen.getByText('パスワードを入力してください')).toBeTruthy();
    expect(document.getElementById(userName.getAttribute('aria-describedby')!)?.textContent).toBe('ユーザー名を入力してください');
    expect(document.activeElement).toBe(userName);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('goes to the page the user wanted after signing in', async () => {
    mockServer({
      'GET /api/me': signedOut,
      'POST /api/auth/login': () => jsonResponse(200, { accessToken: 't', expiresAt: 'x', user: user() }),
      'GET /api/tasks?status=Open': () => jsonResponse(200, { counts: { open: 0, claimed: 0, overdue: 0, completed: 0 }, items: [] }),
    });
    renderApp('/login?ReturnUrl=%2Ftasks%3Fstatus%3DOpen');
    await fillAndSubmit('clerk-131016', 'Orchestrator-Demo-1');

    expect(await screen.findByRole('heading', { level: 1, name: 'タスク一覧' })).toBeTruthy();
    expect(await screen.findByText('条件に合うタスクはありません。')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/tasks?status=Open');
  });

  it('leaves Studio with a full page load when the wanted page is a server page', async () => {
    mockServer({
      'GET /api/me': signedOut,
      'POST /api/auth/login': () => jsonResponse(200, { accessToken: 't', expiresAt: 'x', user: user({ roles: ['Admin'] }) }),
    });
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    renderApp('/login?ReturnUrl=%2Fhangfire');
    await fillAndSubmit('admin', 'Orchestrator-Demo-1');

    await waitFor(() => expect(assign).toHaveBeenCalledWith('/hangfire'));
  });

  it('does not show demo account hints', async () => {
    mockServer({ 'GET /api/me': signedOut });
    renderApp('/login');
    await screen.findByRole('heading', { level: 1, name: 'サインイン' });
    expect(document.body.textContent).not.toMatch(/Orchestrator-Demo-1|デモ|demo/i);
  });
});
