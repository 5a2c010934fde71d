import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import type { FormField } from './api';
import { formatClock, minutesText } from './format';
import { collectData, dataFieldOf, initialValues, mapProblems } from './validation';

const fields: FormField[] = [
  { name: 'code', label: 'コード', type: 'text', required: false, pattern: '[A-Z]{2}-\\d+' },
  { name: 'count', label: '件数', type: 'number', required: false, min: 0, max: 5 },
  { name: 'on', label: '日付', type: 'date', required: false, min: '2026-01-01', max: '2026-12-31' },
  { name: 'kind', label: '種別', type: 'choice', required: true, options: ['甲', '乙'] },
  { name: 'ok', label: '確認', type: 'checkbox', required: true },
];

describe('collectData', () => {
  const t = createI18n().t;

  it('types the values: numbers as numbers, checkboxes as booleans, empty optional fields left out', () => {
    const { data, errors } = collectData(fields, { code: 'AB-12', count: '0', on: '', kind: '乙', ok: true }, t);
    expect(errors).toEqual({});
    expect(data).toEqual({ code: 'AB-12', count: 0, kind: '乙', ok: true });
  });

  it('checks required, range, date bounds and pattern like the server', () => {
    const { errors } = collectData(fields, { code: 'ab-12', count: '6', on: '2025-12-31', kind: '', ok: false }, t);
    expect(errors).toEqual({
      code: 'コードの形式が正しくありません',
      count: '件数は 5 以下で入力してください',
      on: '日付は 2026-01-01 以降の日付を入力してください',
      kind: '種別を選択してください',
      ok: '確認にチェックを入れてください',
    });
  });

  it('starts from the data the task already has', () => {
    expect(initialValues(fields, { count: 3, ok: true, kind: null })).toEqual({ code: '', count: '3', on: '', kind: '', ok: true });
  });
});

describe('server problems', () => {
  it('reads the field name from dotted and bracketed paths', () => {
    expect(dataFieldOf('$.data.申請者番号')).toBe('申請者番号');
    expect(dataFieldOf("$.data['a b']")).toBe('a b');
    expect(dataFieldOf('$.outcome')).toBeNull();
  });

  it('puts each message on its field, the effort, or the summary only', () => {
    expect(
      mapProblems(
        [
          { path: '$.data.Count', message: 'too many' },
          { path: '$.data.count', message: 'and odd' },
          { path: '$.effortMinutes', message: 'negative' },
          { path: '$.data.unknown', message: 'no such field' },
        ],
        fields,
      ),
    ).toEqual({ fields: { count: 'too many and odd' }, effort: 'negative', other: ['no such field'] });
  });
});

describe('time formats', () => {
  it('shows mm:ss and minutes with one decimal', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(754)).toBe('12:34');
    expect(formatClock(4503)).toBe('75:03');
    expect(minutesText(750)).toBe('12.5');
    expect(minutesText(9)).toBe('0.2');
  });
});
