import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { workspaceMenuKey } from '../components/Shell';
import { jsonResponse, mockServer, renderApp, user } from '../test/helpers';
import { descriptors, okuyamiDefinition } from '../test/workflows';
import type { InstanceDetail, JournalEntry } from './api';
import { paletteOpenKey, propertiesOpenKey } from './DesignerEditor';
import { viewerDetailsOpenKey } from './InstanceViewerPage';

const coordinator = user({ userName: 'coordinator', displayName: 'コーディネーター', roles: ['Coordinator'], organisation: null });

/** jsdom lays nothing out: React Flow needs the observer to exist and its pane to have some size. */
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

const noProblems = { valid: true, errors: [], warnings: [] };

function designerServer(validation: unknown = noProblems) {
  return mockServer({
    'GET /api/me': () => jsonResponse(200, coordinator),
    'GET /api/descriptors/activities': () => jsonResponse(200, descriptors),
    'GET /api/workflow-definitions/okuyami-asis': () => jsonResponse(200, okuyamiDefinition()),
    'POST /api/workflow-definitions/validate': () => jsonResponse(200, validation),
    'GET /api/workflow-definitions': () => jsonResponse(200, []),
    'GET /api/pilots': () => jsonResponse(200, []),
    'GET /api/reports/steps?processKey=okuyami': () => jsonResponse(200, { processes: [] }),
  });
}

async function openDesigner(validation: unknown = noProblems) {
  designerServer(validation);
  renderApp('/workflows/okuyami-asis');
  await screen.findByTestId('designer');
}

const mainMenu = () => screen.queryByRole('navigation', { name: 'メインメニュー' });

describe('designer layout', () => {
  it('folds the main menu away behind a button on the designer, remembers the choice, and leaves other pages alone', async () => {
    await openDesigner();
    const toggle = screen.getByRole('button', { name: 'メニュー' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(mainMenu()).toBeNull();
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)?.hidden).toBe(true);

    // Keyboard: the button opens the menu, whose links follow the header's own controls in the tab order.
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const nav = screen.getByRole('navigation', { name: 'メインメニュー' });
    const home = within(nav).getByRole('link', { name: 'ホーム' });
    const visited: string[] = [];
    for (let i = 0; i < 4 && document.activeElement !== home; i++) {
      await userEvent.tab();
      visited.push(document.activeElement?.textContent ?? '');
    }
    expect(visited).toEqual(['Orchestratorバックオフィス連携 実証実験オーケストレーター', 'English', 'サインアウト', 'ホーム']);
    expect(within(nav).getByRole('link', { name: 'ワークフロー' }).getAttribute('aria-current')).toBe('page');
    expect(window.localStorage.getItem(workspaceMenuKey)).toBe('open');

    // Another page: the menu as always, and no button.
    await userEvent.click(screen.getByRole('link', { name: 'ワークフロー一覧へ戻る' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'ワークフロー' })).toBeTruthy();
    expect(mainMenu()).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'メニュー' })).toBeNull();
  });

  it('keeps the main menu folded when the user folded it, and the designer page no wider than the window', async () => {
    window.localStorage.setItem(workspaceMenuKey, 'closed');
    await openDesigner();
    expect(mainMenu()).toBeNull();
    expect(screen.getByRole('main').className).toContain('min-h-0');
    expect(screen.getByRole('main').className).not.toContain('py-8');
  });

  it('lets the user fold the palette and the property panel away, by keyboard, and remembers it', async () => {
    await openDesigner({
      valid: false,
      errors: [{ path: '$.root.activities[1].title', message: "Required input 'title' of Orchestrator.HumanTask 'intake' is missing." }],
      warnings: [],
    });
    const palette = screen.getByTestId('toggle-palette');
    const properties = screen.getByTestId('toggle-properties');
    expect(palette.getAttribute('aria-expanded')).toBe('true');
    expect(properties.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('palette')).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'プロパティ' })).toBeTruthy();

    palette.focus();
    await userEvent.keyboard('{Enter}');
    expect(palette.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(palette.getAttribute('aria-controls')!)?.hidden).toBe(true);
    expect(screen.queryByRole('navigation', { name: 'パレット' })).toBeNull();
    properties.focus();
    await userEvent.keyboard(' ');
    expect(properties.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('complementary', { name: 'プロパティ' })).toBeNull();
    expect(window.localStorage.getItem(paletteOpenKey)).toBe('closed');
    expect(window.localStorage.getItem(propertiesOpenKey)).toBe('closed');

    // Choosing a problem brings the property panel back, with the activity to fix in it.
    const problem = await screen.findByTestId('problem');
    await userEvent.click(within(problem).getByRole('button', { name: '死亡届受付' }));
    const panel = screen.getByRole('complementary', { name: 'プロパティ' });
    expect(within(panel).getByRole('heading', { level: 2, name: '死亡届受付' })).toBeTruthy();
    expect(properties.getAttribute('aria-expanded')).toBe('true');
    expect(window.localStorage.getItem(propertiesOpenKey)).toBe('open');
  });

  it('opens with the panels as the user left them', async () => {
    window.localStorage.setItem(paletteOpenKey, 'closed');
    await openDesigner();
    expect(screen.getByTestId('toggle-palette').getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('toggle-properties').getAttribute('aria-expanded')).toBe('true');
    expect(screen.queryByRole('navigation', { name: 'パレット' })).toBeNull();
  });

  it('keeps version history, export and runs under その他, which Escape closes', async () => {
    await openDesigner();
    expect(screen.queryByRole('button', { name: '版の履歴' })).toBeNull();
    const more = screen.getByRole('button', { name: 'その他' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('button', { name: '版の履歴' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Elsa JSON に書き出す' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '実行履歴' }).getAttribute('href')).toBe('/workflows/okuyami-asis/instances');

    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '版の履歴' }));
    await userEvent.keyboard('{Escape}');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(more);
    expect(screen.queryByRole('button', { name: '版の履歴' })).toBeNull();

    // Clicking elsewhere closes it too.
    await userEvent.click(more);
    await userEvent.click(screen.getByTestId('designer-title'));
    expect(more.getAttribute('aria-expanded')).toBe('false');
  });

  it('floats the performance overlay over the canvas, and its close button turns the overlay off', async () => {
    await openDesigner();
    const overlayButton = screen.getByTestId('designer-overlay');
    await userEvent.click(overlayButton);
    const panel = await screen.findByTestId('overlay-panel');
    expect(screen.getByTestId('canvas-area').contains(panel)).toBe(true);
    await waitFor(() =>
      expect(within(panel).getByTestId('overlay-status').textContent).toBe('この条件（現行）の実績はまだありません。パイロットを実行すると表示されます。'),
    );
    await userEvent.click(within(panel).getByRole('button', { name: '閉じる' }));
    expect(screen.queryByTestId('overlay-panel')).toBeNull();
    expect(overlayButton.getAttribute('aria-pressed')).toBe('false');
  });
});

const instance: InstanceDetail = {
  instance: {
    id: 'i-1',
    definitionId: 'okuyami-asis',
    definitionVersion: 3,
    processKey: 'okuyami',
    arm: 'AsIs',
    status: 'Finished',
    correlationId: null,
    name: null,
    pilotId: null,
    caseId: null,
    simulated: false,
    createdAt: '2026-04-01T01:00:00Z',
    updatedAt: '2026-04-01T01:00:05Z',
    finishedAt: '2026-04-01T01:00:05Z',
  },
  variables: {},
  bookmarks: [],
  incidents: [],
  output: [],
};

const journal: JournalEntry[] = [
  {
    id: 'j-1',
    sequence: 1,
    activityId: 'start',
    activityType: 'Elsa.Start',
    activityName: 'start',
    status: 'Completed',
    outcome: 'Done',
    scheduledAt: '2026-04-01T01:00:00Z',
    startedAt: '2026-04-01T01:00:00Z',
    completedAt: '2026-04-01T01:00:00Z',
    durationSeconds: 0,
    stepCode: null,
    measurement: null,
    message: null,
    task: null,
    handoff: null,
  },
];

describe('instance viewer layout', () => {
  function viewerServer() {
    return mockServer({
      'GET /api/me': () => jsonResponse(200, coordinator),
      'GET /api/workflow-instances/i-1': () => jsonResponse(200, instance),
      'GET /api/workflow-instances/i-1/journal': () => jsonResponse(200, journal),
      'GET /api/descriptors/activities': () => jsonResponse(200, descriptors),
      'GET /api/workflow-definitions/okuyami-asis?version=3': () => jsonResponse(200, okuyamiDefinition()),
    });
  }

  it('gives the diagram the window, with the journal in a band below that the user can fold away', async () => {
    viewerServer();
    renderApp('/workflows/instances/i-1');
    expect(await screen.findByTestId('journal-row-start')).toBeTruthy();
    expect(mainMenu()).toBeNull();
    expect(screen.getByTestId('instance-status').textContent).toBe('完了');
    const details = screen.getByRole('button', { name: '実行の詳細' });
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('instance-details').hidden).toBe(false);

    await userEvent.click(details);
    expect(details.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('instance-details').hidden).toBe(true);
    expect(window.localStorage.getItem(viewerDetailsOpenKey)).toBe('closed');
  });
});
