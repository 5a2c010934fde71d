import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, vi } from 'vitest';
import type { TaskDetail } from '../tasks/api';
import { jsonResponse, mockServer, user, type RecordedRequest } from './helpers';
import { taskDetail } from './tasks';

// What the task screen's tests share: the signed-in clerk, the requests sent, the server's answer to a completion,
// a form filled in correctly, and a document that is visible and focused (so active time is measured).

export const me = () => jsonResponse(200, user());
export const posts = (server: ReturnType<typeof mockServer>, suffix: string) => server.requests.filter((r) => r.method === 'POST' && r.url.endsWith(suffix));

export function completed(request: RecordedRequest, extra: Partial<TaskDetail> = {}): Response {
  const body = request.body as { outcome: string; data: Record<string, unknown>; effortMinutes: number };
  return jsonResponse(
    200,
    taskDetail({
      status: 'Completed',
      outcome: body.outcome,
      data: body.data,
      effortMinutes: body.effortMinutes,
      completedBy: '台東 花子',
      completedAt: '2026-11-25T03:00:00Z',
      activeSeconds: 754,
      ...extra,
    }),
  );
}

export async function fillValidForm() {
  await userEvent.type(await screen.findByLabelText('住民票コード'), '12345678901');
  await userEvent.type(screen.getByLabelText('世帯人数'), '3');
  fireEvent.change(screen.getByLabelText('異動日'), { target: { value: '2026-11-18' } });
  await userEvent.selectOptions(screen.getByLabelText('異動理由'), '転勤');
  await userEvent.click(screen.getByLabelText('本人確認書類を確認した'));
}

/** Keeps the document visible and the window focused for each test; `set` hides or shows it. */
export function documentVisibility(): { set: (state: DocumentVisibilityState) => void } {
  let visibility: DocumentVisibilityState = 'visible';
  beforeEach(() => {
    visibility = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  });
  afterEach(() => {
    vi.useRealTimers();
    delete (document as { visibilityState?: unknown }).visibilityState;
  });
  return { set: (state) => (visibility = state) };
}
