import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import type { ArmRun, LeadTimeSegments, OrganisationLoad, WhatIfSummary } from './api';
import { WhatIfSummaryView } from './WhatIfSummaryView';

const arm = (definitionId: string): ArmRun => ({
  definitionId,
  version: 1,
  draft: false,
  name: definitionId,
  cases: 10,
  finished: 10,
  unfinished: 0,
  faulted: 0,
});
const segments: LeadTimeSegments = { touch: 1, queue: 2, handoff: 3, resident: 0, system: 0, offHours: 4, other: 0 };
const load = (organisationCode: string | null, name: OrganisationLoad['name'], utilisation: number): OrganisationLoad => ({
  arm: 'AsIs',
  organisationCode,
  name,
  clerks: 2,
  tasks: 10,
  workHours: 3,
  utilisation,
  meanWaitHours: 1.5,
  p90WaitHours: 2.5,
});

/** An arm without figures (the effect table is not what these tests read). */
const noFigures = { n: 10 } as WhatIfSummary['effect']['asIs'];

function summary(organisations: OrganisationLoad[]): WhatIfSummary {
  return {
    processKey: 'okuyami',
    workflowArm: 'ToBe',
    asIs: arm('okuyami-asis'),
    toBe: arm('okuyami-tobe'),
    effect: { asIs: noFigures, toBe: noFigures, delta: null, flags: [], interval: 'bootstrap' },
    leadTime: { asIs: segments, toBe: segments },
    organisations,
    warnings: [],
    settings: { cases: 10, seed: 7, municipalities: ['131016'], horizon: '60.00:00:00', arrivalWindow: '7.00:00:00', pilotId: null },
    provenance: 'simulation',
    milliseconds: 120,
  };
}

function rows(language: 'ja' | 'en', organisations: OrganisationLoad[]) {
  const i18n = createI18n();
  void i18n.changeLanguage(language);
  render(
    <I18nextProvider i18n={i18n}>
      <WhatIfSummaryView runId="run-1" summary={summary(organisations)} onSaved={() => {}} />
    </I18nextProvider>,
  );
  const body = screen.getByTestId('whatif-busiest-table').querySelector('tbody')!;
  return within(body)
    .getAllByRole('row')
    .map((r) => r.querySelector('td')!.textContent);
}

describe('what-if busiest organisations', () => {
  const organisations = [
    load('131016', { ja: '千代田区', en: 'Chiyoda City' }, 0.9),
    load('mlit-tb', { ja: '国土交通省 地方運輸局', en: null }, 0.5),
    load('x-unknown', null, 0.2),
  ];

  it('names each organisation in Japanese with its code beside the name', () => {
    expect(rows('ja', organisations)).toEqual(['千代田区131016', '国土交通省 地方運輸局mlit-tb', 'x-unknown']);
  });

  it('names them in English when English is chosen, in Japanese where there is no English name', () => {
    expect(rows('en', organisations)).toEqual(['Chiyoda City131016', '国土交通省 地方運輸局mlit-tb', 'x-unknown']);
  });
});
