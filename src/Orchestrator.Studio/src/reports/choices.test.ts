import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { cycleView, definitions, organisations, pilotView } from '../test/pilots';
import { cycleChoices, municipalityChoices, pilotChoices, processChoices, withCurrent, type Translate } from './choices';

const i18n = createI18n();
const ja = i18n.getFixedT('ja') as Translate;
const en = i18n.getFixedT('en') as Translate;

describe('report filter choices', () => {
  const pilots = [
    pilotView(),
    pilotView({ id: 'okuyami-live', name: { ja: 'おくやみ本番', en: null }, mode: 'Live' }),
    pilotView({ id: 'unnamed', name: { ja: null, en: null }, mode: 'Live' }),
  ];

  it('names each pilot with its mode, in the chosen language, and falls back to the id', () => {
    expect(pilotChoices(pilots, 'ja', ja)).toEqual([
      { value: 'okuyami-sim', label: 'おくやみ実証 (シミュレーション)' },
      { value: 'okuyami-live', label: 'おくやみ本番 (ライブ)' },
      { value: 'unnamed', label: 'unnamed (ライブ)' },
    ]);
    expect(pilotChoices(pilots, 'en', en).map((c) => c.label)).toEqual(['Bereavement pilot (simulated)', 'おくやみ本番 (live)', 'unnamed (live)']);
  });

  it('numbers the cycles with their status and whether they were simulated, keeping the server order', () => {
    const cycles = [cycleView({ id: 'c3', number: 3, status: 'Running', simulated: false }), cycleView({ id: 'c2', number: 2, status: 'Failed' }), cycleView()];
    expect(cycleChoices(cycles, ja)).toEqual([
      { value: 'c3', label: '第 3 回 (実行中・ライブ)' },
      { value: 'c2', label: '第 2 回 (失敗・シミュレーション)' },
      { value: 'c1', label: '第 1 回 (終了・シミュレーション)' },
    ]);
    expect(cycleChoices(cycles, en).map((c) => c.label)).toEqual(['Cycle 3 (running, live)', 'Cycle 2 (failed, simulated)', 'Cycle 1 (closed, simulated)']);
  });

  it('offers each process key once, named after its as-is definition without (現行)', () => {
    expect(processChoices(definitions)).toEqual([
      { value: 'okuyami', label: 'おくやみ手続 (okuyami)' },
      { value: 'tenshutsu-tennyu', label: '転出・転入 (tenshutsu-tennyu)' },
    ]);
  });

  it('names a process without an as-is definition after another one, and skips definitions without a key', () => {
    const list = [
      { definitionId: 'x-tobe', version: 1, name: '児童手当 (改革後)', processKey: 'jido-teate', arm: 'ToBe', isPublished: true },
      { definitionId: 'y', version: 1, name: 'y', processKey: 'y', arm: null, isPublished: true },
      { definitionId: 'loose', version: 1, name: '試作', processKey: null, arm: null, isPublished: false },
      { definitionId: 'blank', version: 1, name: '空白', processKey: '  ', arm: null, isPublished: false },
    ];
    expect(processChoices(list)).toEqual([
      { value: 'y', label: 'y' },
      { value: 'jido-teate', label: '児童手当 (jido-teate)' },
    ]);
  });

  it('names a process in English by the English title its definitions carry', () => {
    const list = [
      {
        definitionId: 'p-asis',
        version: 1,
        name: '旅券の申請 (現行)',
        processKey: 'ryoken',
        arm: 'AsIs',
        isPublished: true,
        titleJa: '旅券の発給申請',
        titleEn: 'Passport application',
      },
      {
        definitionId: 'p-tobe',
        version: 1,
        name: '旅券の申請 (改革後)',
        processKey: 'ryoken',
        arm: 'ToBe',
        isPublished: true,
        titleJa: '旅券の発給申請',
        titleEn: null,
      },
      { definitionId: 'k', version: 1, name: '児童手当 (現行)', processKey: 'jido-teate', arm: 'AsIs', isPublished: true, titleJa: '児童手当', titleEn: null },
    ];
    expect(processChoices(list, 'ja')).toEqual([
      { value: 'jido-teate', label: '児童手当 (jido-teate)' },
      { value: 'ryoken', label: '旅券の申請 (ryoken)' },
    ]);
    expect(processChoices(list, 'en')).toEqual([
      { value: 'ryoken', label: 'Passport application (ryoken)' },
      { value: 'jido-teate', label: '児童手当 (jido-teate)' },
    ]);
  });

  it('offers municipalities only, by code, named in the chosen language', () => {
    expect(municipalityChoices(organisations, 'ja')).toEqual([
      { value: '131016', label: '千代田区 (131016)' },
      { value: '141003', label: '横浜市 (141003)' },
      { value: '272035', label: '豊中市 (272035)' },
    ]);
    expect(municipalityChoices([...organisations].reverse(), 'en').map((c) => c.label)).toEqual([
      'Chiyoda City (131016)',
      'Yokohama City (141003)',
      'Toyonaka City (272035)',
    ]);
  });

  it('keeps a value the list does not know, as its raw id, first', () => {
    const list = [{ value: 'a', label: 'A' }];
    expect(withCurrent(list, 'gone')).toEqual([
      { value: 'gone', label: 'gone' },
      { value: 'a', label: 'A' },
    ]);
    expect(withCurrent(list, 'a')).toEqual(list);
    expect(withCurrent(list, undefined)).toEqual(list);
  });
});
