import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { PilotDeliverables } from './PilotDeliverables';

describe('成果物', () => {
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
    ]);
    expect(within(list).getByText('成果報告書')).toBeTruthy();
  });
});
