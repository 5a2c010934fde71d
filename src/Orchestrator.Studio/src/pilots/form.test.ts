import { describe, expect, it } from 'vitest';
import { fullConfiguration } from '../test/pilots';
import type { PilotConfiguration } from './api';
import { newPilotForm, sameConfiguration, toConfiguration, toForm } from './form';
import { formatTimeSpan, parseTimeSpan } from './timespan';

describe('form ⇄ configuration', () => {
  it('gives back the same configuration with every optional member set', () => {
    const config = fullConfiguration();
    expect(toConfiguration(toForm(config))).toEqual(config);
  });

  it('reads a configuration the server stored with its defaults left null, and sends those defaults explicitly', () => {
    const stored: PilotConfiguration = {
      name: { ja: 'ライブ試行', en: null },
      description: null,
      mode: 'Live',
      active: false,
      processes: [
        {
          processKey: 'okuyami',
          asIs: { definitionId: 'okuyami-asis', version: null },
          toBe: { definitionId: 'okuyami-tobe', version: null },
          casesFile: 'fixtures/cases/okuyami.csv',
        },
      ],
      municipalities: ['131016'],
      design: null,
      casesPerCycle: 2,
      caseSource: null,
      schedule: null,
      cycleLength: null,
      simulation: null,
      costs: null,
    };
    const form = toForm(stored);
    expect(form.assignment).toBe('BothArms');
    expect(form.caseSourceKind).toBe('Csv');
    expect(form.scheduled).toBe(false);
    expect(form.timeZone).toBe('Asia/Tokyo');
    expect([form.cycleDays, form.cycleHours, form.cycleMinutes]).toEqual(['14', '0', '0']);
    expect(toConfiguration(form)).toEqual({
      ...stored,
      design: { assignment: 'BothArms', seed: null, armByMunicipality: null },
      caseSource: { kind: 'Csv', seed: null },
      cycleLength: '14.00:00:00',
    });
  });

  it('sends nothing that does not apply: seeds, per-municipality arms, schedule and simulation only where they count', () => {
    const form = toForm(fullConfiguration());
    form.assignment = 'Alternate';
    form.designSeed = '42';
    form.caseSourceSeed = '7';
    form.scheduled = false;
    form.mode = 'Live';
    const config = toConfiguration(form);
    expect(config.design).toEqual({ assignment: 'Alternate', seed: null, armByMunicipality: null });
    expect(config.caseSource).toEqual({ kind: 'Csv', seed: null });
    expect(config.schedule).toBeNull();
    expect(config.simulation).toBeNull();

    form.assignment = 'Random';
    form.caseSourceKind = 'Generator';
    expect(toConfiguration(form).design).toEqual({ assignment: 'Random', seed: 42, armByMunicipality: null });
    expect(toConfiguration(form).caseSource).toEqual({ kind: 'Generator', seed: 7 });
  });

  it('keeps the per-municipality arms of chosen municipalities only, and leaves unchosen arms out', () => {
    const form = toForm(fullConfiguration());
    form.municipalities = ['131016', '141003'];
    form.armByMunicipality = { '131016': 'ToBe', '272035': 'AsIs', '141003': '' };
    expect(toConfiguration(form).design?.armByMunicipality).toEqual({ '131016': 'ToBe' });
  });

  it('trims text, leaves empty optional texts null, reads version numbers and collapses the cron spacing', () => {
    const form = newPilotForm();
    form.nameJa = '  試行  ';
    form.nameEn = '   ';
    form.description = '';
    form.processes[0] = {
      ...form.processes[0]!,
      processKey: 'okuyami',
      asIs: 'okuyami-asis',
      asIsVersion: '4',
      toBe: 'okuyami-tobe',
      casesFile: ' fixtures/cases/okuyami.csv ',
    };
    form.municipalities = ['272035'];
    form.scheduled = true;
    form.cron = '  */3   *  * * * ';
    form.timeZone = '';
    const config = toConfiguration(form);
    expect(config.name).toEqual({ ja: '試行', en: null });
    expect(config.description).toBeNull();
    expect(config.processes).toEqual([
      {
        processKey: 'okuyami',
        asIs: { definitionId: 'okuyami-asis', version: 4 },
        toBe: { definitionId: 'okuyami-tobe', version: null },
        casesFile: 'fixtures/cases/okuyami.csv',
      },
    ]);
    expect(config.schedule).toEqual({ cron: '*/3 * * * *', timeZone: 'Asia/Tokyo' });
  });

  it('starts a new pilot simulated, active, by hand, two cases per municipality, 14-day cycles, standard calendar', () => {
    const config = toConfiguration(newPilotForm());
    expect(config).toMatchObject({
      mode: 'Simulated',
      active: true,
      casesPerCycle: 2,
      schedule: null,
      cycleLength: '14.00:00:00',
      simulation: { seed: 1, clerkCapacity: { default: 2, byOrganisation: null }, calendar: null },
    });
  });

  it('drops holiday rows without a date and clerk rows without an organisation', () => {
    const form = toForm(fullConfiguration());
    form.simulation.holidays.push({ rowId: 'x', date: '', name: '空行' });
    form.simulation.clerks.push({ rowId: 'y', code: '', count: '4' });
    const sim = toConfiguration(form).simulation!;
    expect(sim.calendar?.holidays).toHaveLength(2);
    expect(sim.clerkCapacity?.byOrganisation).toEqual({ '131016': 5, 'jps-pension': 1 });
  });

  it('tells a changed form from one that only has new row ids', () => {
    const a = toForm(fullConfiguration());
    const b = toForm(fullConfiguration());
    expect(a.processes[0]!.rowId).not.toBe(b.processes[0]!.rowId);
    expect(sameConfiguration(a, b)).toBe(true);
    b.casesPerCycle = '5';
    expect(sameConfiguration(a, b)).toBe(false);
  });
});

describe('TimeSpan text', () => {
  it('reads days, hours, minutes and seconds', () => {
    expect(parseTimeSpan('14.00:00:00')).toEqual({ days: 14, hours: 0, minutes: 0, seconds: 0 });
    expect(parseTimeSpan('00:05:00')).toEqual({ days: 0, hours: 0, minutes: 5, seconds: 0 });
    expect(parseTimeSpan('1.02:03:04.5000000')).toEqual({ days: 1, hours: 2, minutes: 3, seconds: 4 });
    expect(parseTimeSpan('25:00:00')).toBeNull();
    expect(parseTimeSpan('-1.00:00:00')).toBeNull();
    expect(parseTimeSpan('')).toBeNull();
  });

  it('writes the server’s format and carries overflow', () => {
    expect(formatTimeSpan({ days: 14 })).toBe('14.00:00:00');
    expect(formatTimeSpan({ minutes: 5 })).toBe('00:05:00');
    expect(formatTimeSpan({ hours: 30, minutes: 90 })).toBe('1.07:30:00');
  });
});
