import { render, type RenderResult } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, useLocation } from 'react-router';
import { vi, type Mock } from 'vitest';
import type { CurrentUser } from '../api';
import { App } from '../App';
import { createI18n } from '../i18n';
import { SessionProvider } from '../session';

export interface RecordedRequest {
  url: string;
  method: string;
  body: unknown;
  credentials: RequestCredentials | undefined;
  headers: Headers;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  });
}

export function problem(status: number, title: string, extra: Record<string, unknown> = {}): Response {
  return jsonResponse(status, { type: 'about:blank', title, status, ...extra }, 'application/problem+json');
}

/**
 * Replaces global fetch (the app's only way out to the server) with routes keyed "METHOD /path".
 * Unknown routes answer 404 so a test notices an unexpected call. Returns the recorded requests.
 */
export function mockServer(routes: Record<string, Handler>): { requests: RecordedRequest[]; fetch: Mock } {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const text = typeof init.body === 'string' ? init.body : undefined;
    const request: RecordedRequest = {
      url,
      method,
      body: text === undefined ? undefined : JSON.parse(text),
      credentials: init.credentials,
      headers: new Headers(init.headers),
    };
    requests.push(request);
    const handler = routes[`${method} ${url}`];
    return handler ? handler(request) : problem(404, `no route for ${method} ${url}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetch: fetchMock };
}

export function user(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    userName: 'clerk-131016',
    displayName: '台東 花子',
    roles: ['Clerk'],
    organisation: { level: 'Municipality', code: '131016', nameJa: '台東区', nameEn: 'Taito City' },
    ...overrides,
  };
}

function LocationProbe() {
  const location = useLocation();
  return (
    <output data-testid="location" hidden>
      {`${location.pathname}${location.search}`}
    </output>
  );
}

/** The whole app as main.tsx builds it, on an in-memory router starting at `path`. */
export function renderApp(path = '/'): RenderResult & { i18n: ReturnType<typeof createI18n> } {
  const i18n = createI18n();
  const result = render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={[path]}>
        <SessionProvider>
          <App />
        </SessionProvider>
        <LocationProbe />
      </MemoryRouter>
    </I18nextProvider>,
  );
  return Object.assign(result, { i18n });
}
