import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockServer, renderApp, user } from '../test/helpers';
import { languageStorageKey, textsFor } from '.';
import en from './en.json';
import ja from './ja.json';

function navNames(menuName: string) {
  const nav = screen.getByRole('navigation', { name: menuName });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('language switching', () => {
  it('starts in Japanese and switches the navigation, <html lang> and the stored choice to English and back', async () => {
    mockServer({ 'GET /api/me': () => jsonResponse(200, user({ roles: ['Admin'] })) });
    renderApp('/');

    expect(await screen.findByRole('navigation', { name: 'メインメニュー' })).toBeTruthy();
    expect(navNames('メインメニュー')).toEqual(['ホーム', 'インベントリ', '課題・対応策', 'ワークフロー', 'タスク', 'パイロット', 'レポート', '管理']);
    expect(document.documentElement.lang).toBe('ja');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('ようこそ、台東 花子 さん');

    const toEnglish = screen.getByRole('button', { name: 'English' });
    expect(toEnglish.getAttribute('lang')).toBe('en');
    await userEvent.click(toEnglish);

    expect(navNames('Main menu')).toEqual(['Home', 'Inventory', 'Issues', 'Workflows', 'Tasks', 'Pilots', 'Reports', 'Administration']);
    expect(screen.queryByRole('navigation', { name: 'メインメニュー' })).toBeNull();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(languageStorageKey)).toBe('en');
    expect(screen.getByTestId('product-subtitle').textContent).toBe('Back-office linkage pilot orchestrator');
    expect(screen.getByTestId('user-organisation').textContent).toBe('Taito City (Municipality)');
    expect(screen.getByTestId('user-roles').textContent).toBe('Administrator');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welcome, 台東 花子');
    expect(screen.queryByRole('button', { name: 'English' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: '日本語' }));
    expect(navNames('メインメニュー')[0]).toBe('ホーム');
    expect(document.documentElement.lang).toBe('ja');
    expect(window.localStorage.getItem(languageStorageKey)).toBe('ja');
    expect(screen.getByTestId('product-subtitle').textContent).toBe('バックオフィス連携 実証実験オーケストレーター');
  });

  it('remembers English across a reload', async () => {
    window.localStorage.setItem(languageStorageKey, 'en');
    mockServer({ 'GET /api/me': () => jsonResponse(200, user()) });
    renderApp('/');

    expect(await screen.findByRole('navigation', { name: 'Main menu' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: '日本語' })).toBeTruthy();
  });

  it('ignores a stored value that is not a supported language', async () => {
    window.localStorage.setItem(languageStorageKey, 'fr');
    mockServer({ 'GET /api/me': () => jsonResponse(200, user()) });
    renderApp('/');

    expect(await screen.findByRole('navigation', { name: 'メインメニュー' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');
  });

  it('has the same keys in Japanese and English (shared and feature texts), none empty', () => {
    const flatten = (value: unknown, prefix = ''): Record<string, string> =>
      Object.entries(value as Record<string, unknown>).reduce<Record<string, string>>((acc, [k, v]) => {
        if (typeof v === 'object' && v !== null) Object.assign(acc, flatten(v, `${prefix}${k}.`));
        else acc[`${prefix}${k}`] = String(v);
        return acc;
      }, {});
    const jaKeys = flatten(textsFor('ja', ja));
    const enKeys = flatten(textsFor('en', en));
    expect(Object.keys(enKeys).sort()).toEqual(Object.keys(jaKeys).sort());
    for (const [key, text] of [...Object.entries(jaKeys), ...Object.entries(enKeys)]) expect(text, key).not.toBe('');
  });
});
