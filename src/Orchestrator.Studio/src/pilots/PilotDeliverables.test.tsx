import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../i18n';
import { PilotDeliverables } from './PilotDeliverables';

describe('成果物', () => {
  it('previews a file in the page with its download link, and says so when it cannot be read', async () => {
    const fetch = vi.fn(async () => new Response('', { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    render(
      <I18nextProvider i18n={createI18n()}>
        <PilotDeliverables
          pilotId="demo-simulated"
          processes={[{ processKey: 'okuyami', asIs: null, toBe: { definitionId: 'okuyami-tobe', version: null }, casesFile: null }]}
        />
      </I18nextProvider>,
    );
    expect(screen.queryByTestId('deliverable-preview')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: '実用仕様案 (okuyami) 業務フロー (BPMN 2.0) プレビュー' }));
    const preview = screen.getByRole('region', { name: '実用仕様案 (okuyami) 業務フロー (BPMN 2.0) のプレビュー' });
    expect(fetch).toHaveBeenCalledWith('/api/deliverables/workflows/okuyami-tobe/process.bpmn', { credentials: 'same-origin' });
    expect(within(preview).getByRole('link', { name: 'ダウンロード' }).getAttribute('href')).toBe('/api/deliverables/workflows/okuyami-tobe/process.bpmn');
    expect((await within(preview).findByRole('alert')).textContent).toBe('プレビューを表示できません (HTTP 404)');
    await userEvent.click(within(preview).getByRole('button', { name: '閉じる' }));
    expect(screen.queryByTestId('deliverable-preview')).toBeNull();
  });

  it('offers the result report and each to-be process specification as Word and Excel', () => {
    render(
      <I18nextProvider i18n={createI18n()}>
        <PilotDeliverables
          pilotId="demo-simulated"
          processes={[
            {
              processKey: 'okuyami',
              asIs: { definitionId: 'okuyami-asis', version: null },
              toBe: { definitionId: 'okuyami-tobe', version: 3 },
              casesFile: null,
            },
            { processKey: 'no-to-be', asIs: { definitionId: 'x-asis', version: null }, toBe: null, casesFile: null },
          ]}
        />
      </I18nextProvider>,
    );
    const list = screen.getByTestId('pilot-deliverables');
    const hrefs = within(list)
      .getAllByRole('link')
      .map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      '/api/deliverables/pilots/demo-simulated/result-report.docx',
      '/api/deliverables/pilots/demo-simulated/result-report.xlsx',
      '/api/deliverables/workflows/okuyami-tobe/practical-spec.docx?version=3',
      '/api/deliverables/workflows/okuyami-tobe/practical-spec.xlsx?version=3',
      '/api/deliverables/workflows/okuyami-tobe/process.bpmn?version=3',
    ]);
    expect(within(list).getByText('成果報告書')).toBeTruthy();
  });
});
