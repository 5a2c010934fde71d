import { describe, expect, it } from 'vitest';
import { caseLabel, formatCaseValue, formatDate } from './caseValues';

describe('case values', () => {
  it('says はい / いいえ for flags, whether they came as booleans or as text', () => {
    expect(formatCaseValue({ value: 'true', typeName: 'String' }, 'ja')).toBe('はい');
    expect(formatCaseValue({ value: false, typeName: 'Boolean' }, 'ja')).toBe('いいえ');
    expect(formatCaseValue({ value: 'FALSE', typeName: null }, 'en')).toBe('No');
  });

  it('writes a date in the Japanese era and the Western calendar, and as ISO in English', () => {
    expect(formatCaseValue({ value: '1967-11-20', typeName: 'String' }, 'ja')).toBe('昭和42年11月20日（1967年11月20日）');
    expect(formatCaseValue({ value: '2026-09-02', typeName: 'String' }, 'ja')).toBe('令和8年9月2日（2026年9月2日）');
    expect(formatCaseValue({ value: '2026-09-02', typeName: 'String' }, 'en')).toBe('2026-09-02');
    expect(formatDate(2019, 5, 1, 'ja')).toBe('令和元年5月1日（2019年5月1日）');
    expect(formatDate(1989, 1, 7, 'ja')).toBe('昭和64年1月7日（1989年1月7日）');
  });

  it('leaves codes and names as they are, and marks an empty value', () => {
    expect(formatCaseValue({ value: '131016', typeName: 'String' }, 'ja')).toBe('131016');
    expect(formatCaseValue({ value: '架空 山野 太郎', typeName: 'String' }, 'ja')).toBe('架空 山野 太郎');
    expect(formatCaseValue({ value: null, typeName: 'String' }, 'ja')).toBe('—');
  });

  it('labels a field with its display name in the language, falling back to the other language and the name', () => {
    const field = { name: 'applicantName', labelJa: '届出人氏名', labelEn: "Applicant's name", typeName: 'String', value: 'x' };
    expect(caseLabel(field, 'ja')).toBe('届出人氏名');
    expect(caseLabel(field, 'en')).toBe("Applicant's name");
    expect(caseLabel({ ...field, labelEn: null }, 'en')).toBe('届出人氏名');
    expect(caseLabel({ ...field, labelJa: null, labelEn: null }, 'ja')).toBe('applicantName');
  });
});
