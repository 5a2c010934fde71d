import { describe, expect, it } from 'vitest';
import { fullConfiguration } from '../test/pilots';
import { newPilotForm, toForm, type PilotForm } from './form';
import { checkForm, fieldId, fieldOfPath, mapServerProblems, messagesByField, pathSegments } from './validation';

function validForm(): PilotForm {
  return toForm(fullConfiguration());
}

const fields = (form: PilotForm, creating = false) => checkForm(form, creating).map((p) => `${p.field}:${p.code}`);

describe('client-side checks', () => {
  it('find nothing wrong with a complete form', () => {
    expect(checkForm(validForm(), true)).toEqual([]);
  });

  it('ask for the Japanese name, a process and a municipality on an empty new form, in the order of the form', () => {
    const form = newPilotForm();
    expect(fields(form, true)).toEqual([
      'nameJa:nameJa',
      'processes.0.processKey:processKey',
      'processes.0.asIs:asIs',
      'processes.0.toBe:toBe',
      'processes.0.casesFile:casesFile',
      'municipalities:municipalities',
    ]);
    form.processes = [];
    expect(fields(form, true)).toContain('processes:processes');
  });

  it('need a case file only for a CSV case source', () => {
    const form = validForm();
    form.processes[1]!.casesFile = ' ';
    expect(fields(form)).toEqual(['processes.1.casesFile:casesFile']);
    form.caseSourceKind = 'Generator';
    expect(fields(form)).toEqual([]);
  });

  it('refuse a process key twice and versions that are no positive whole number', () => {
    const form = validForm();
    form.processes[1]!.processKey = 'okuyami';
    form.processes[0]!.asIsVersion = '0';
    form.processes[1]!.toBeVersion = '1.5';
    expect(checkForm(form, false)).toEqual([
      { field: 'processes.0.asIsVersion', code: 'integerMin', values: { min: 1, max: '' } },
      { field: 'processes.1.processKey', code: 'duplicateProcess', values: { key: 'okuyami' } },
      { field: 'processes.1.toBeVersion', code: 'integerMin', values: { min: 1, max: '' } },
    ]);
  });

  it('want an arm for every chosen municipality when assigning by municipality', () => {
    const form = validForm();
    form.municipalities = ['131016', '272035', '141003'];
    expect(checkForm(form, false)).toEqual([{ field: 'arm.141003', code: 'arm', values: { code: '141003' } }]);
    form.assignment = 'BothArms';
    expect(checkForm(form, false)).toEqual([]);
  });

  it('keep cases per cycle between 1 and 10,000', () => {
    const form = validForm();
    for (const [value, ok] of [
      ['0', false],
      ['1', true],
      ['10000', true],
      ['10001', false],
      ['2.5', false],
      ['', false],
    ] as const) {
      form.casesPerCycle = value;
      expect(fields(form).includes('casesPerCycle:integerRange'), value).toBe(!ok);
    }
  });

  it('check the cron only when scheduled: present, with five or six fields', () => {
    const form = validForm();
    form.cron = '';
    expect(fields(form)).toEqual(['cron:cronRequired']);
    form.cron = '0 9 * *';
    expect(checkForm(form, false)).toEqual([{ field: 'cron', code: 'cronFields', values: { count: 4 } }]);
    form.cron = '0 0 9 * * 1-5';
    expect(fields(form)).toEqual([]);
    form.cron = '';
    form.scheduled = false;
    expect(fields(form)).toEqual([]);
  });

  it('keep the cycle length within 1 minute and 366 days', () => {
    const form = validForm();
    Object.assign(form, { cycleDays: '0', cycleHours: '0', cycleMinutes: '0' });
    expect(fields(form)).toEqual(['cycleLength:cycleLengthRange']);
    Object.assign(form, { cycleDays: '366', cycleHours: '', cycleMinutes: '' });
    expect(fields(form)).toEqual([]);
    Object.assign(form, { cycleDays: '366', cycleHours: '0', cycleMinutes: '1' });
    expect(fields(form)).toEqual(['cycleLength:cycleLengthRange']);
    Object.assign(form, { cycleDays: '-1', cycleHours: '0', cycleMinutes: '0' });
    expect(fields(form)).toEqual(['cycleLength:cycleLengthNumber']);
  });

  it('check the simulation only for a simulated pilot', () => {
    const form = validForm();
    form.simulation.seed = 'x';
    form.simulation.clerkDefault = '0';
    form.simulation.clerks.push({ rowId: 'r', code: '131016', count: '0' });
    form.simulation.opensAt = '18:00';
    form.simulation.holidays[0]!.date = '2026-02-30';
    expect(fields(form)).toEqual([
      'simulation.seed:integerRange',
      'simulation.clerkDefault:integerMin',
      'simulation.clerks.2.code:duplicateOrganisation',
      'simulation.clerks.2.count:integerMin',
      'simulation.closesAt:closesAfterOpens',
      'simulation.holidays.0.date:holidayDate',
    ]);
    form.mode = 'Live';
    expect(fields(form)).toEqual([]);
  });

  it('check the id only when creating', () => {
    const form = validForm();
    form.id = 'Okuyami Pilot';
    expect(fields(form, true)).toEqual(['id:id']);
    expect(fields(form, false)).toEqual([]);
    form.id = 'okuyami-2026';
    expect(fields(form, true)).toEqual([]);
  });
});

describe('server problem paths', () => {
  it('split a JSON path into members and indexes', () => {
    expect(pathSegments('$.processes[0].toBe.definitionId')).toEqual(['processes', 0, 'toBe', 'definitionId']);
    expect(pathSegments("$.design.armByMunicipality['131016']")).toEqual(['design', 'armByMunicipality', '131016']);
    expect(pathSegments('$')).toEqual([]);
    expect(pathSegments('name')).toBeNull();
  });

  it.each([
    ['$.name.ja', 'nameJa'],
    ['$.name', 'nameJa'],
    ['$.name.en', 'nameEn'],
    ['$.id', 'id'],
    ['$.mode', 'mode'],
    ['$.processes', 'processes'],
    ['$.processes[0].processKey', 'processes.0.processKey'],
    ['$.processes[1].asIs.definitionId', 'processes.1.asIs'],
    ['$.processes[0].toBe.definitionId', 'processes.0.toBe'],
    ['$.processes[1].toBe.version', 'processes.1.toBeVersion'],
    ['$.processes[0].casesFile', 'processes.0.casesFile'],
    ['$.processes[5].casesFile', 'processes'],
    ['$.municipalities', 'municipalities'],
    ['$.municipalities[1]', 'municipalities'],
    ['$.design.armByMunicipality.272035', 'arm.272035'],
    ['$.design.armByMunicipality.999999', 'assignment'],
    ['$.design.seed', 'designSeed'],
    ['$.design.assignment', 'assignment'],
    ['$.casesPerCycle', 'casesPerCycle'],
    ['$.caseSource.seed', 'caseSourceSeed'],
    ['$.caseSource.kind', 'caseSourceKind'],
    ['$.schedule.cron', 'cron'],
    ['$.schedule.timeZone', 'timeZone'],
    ['$.cycleLength', 'cycleLength'],
    ['$.simulation.seed', 'simulation.seed'],
    ['$.simulation.clerkCapacity.default', 'simulation.clerkDefault'],
    ['$.simulation.clerkCapacity.byOrganisation.jps-pension', 'simulation.clerks.1.count'],
    ['$.simulation.calendar', 'simulation.calendar'],
    ['$.simulation.calendar.holidays[1].date', 'simulation.holidays.1.date'],
    ['$.simulation.calendar.opensAt', 'simulation.opensAt'],
    ['$', null],
    ['$.unknownMember', null],
    ['not a path', null],
  ])('%s → %s', (path, field) => {
    expect(fieldOfPath(path, validForm())).toBe(field);
  });

  it('put each message beside its field, several on one field joined, and the rest in the summary only', () => {
    const form = validForm();
    const shown = mapServerProblems(
      [
        { path: '$.processes[0].toBe.definitionId', message: "ワークフロー定義 'x' に公開版がありません (no published version)" },
        { path: '$.municipalities[1]', message: "市町村コード '999999' は登録されていません (unknown municipality code)" },
        { path: '$.municipalities', message: '市町村が重複しています (duplicate municipality)' },
        { path: '$', message: 'パイロットの設定が必要です (a pilot configuration is required)' },
      ],
      form,
    );
    expect(shown.map((s) => s.field)).toEqual(['processes.0.toBe', 'municipalities', 'municipalities', null]);
    expect(messagesByField(shown)).toEqual({
      'processes.0.toBe': "ワークフロー定義 'x' に公開版がありません (no published version)",
      municipalities: "市町村コード '999999' は登録されていません (unknown municipality code) 市町村が重複しています (duplicate municipality)",
    });
  });

  it('give every field a usable element id', () => {
    expect(fieldId('processes.0.toBe')).toBe('pilot-processes-0-toBe');
    expect(fieldId('arm.131016')).toBe('pilot-arm-131016');
  });
});
