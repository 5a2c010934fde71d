/** How the task screen writes a case's values: yes/no for flags, dates in the Japanese era and the Western calendar. */
import type { Language } from '../i18n';

export interface CaseField {
  name: string;
  labelJa: string | null;
  labelEn: string | null;
  typeName: string | null;
  value: unknown;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The field's label in the language: the definition's display name, else the other language's, else its name. */
export function caseLabel(field: CaseField, language: Language): string {
  return (language === 'en' ? field.labelEn || field.labelJa : field.labelJa || field.labelEn) || field.name;
}

function flag(value: unknown, typeName: string | null): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && (typeName === null || typeName === 'Boolean' || typeName === 'String')) {
    const text = value.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return null;
}

const eraFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const westernFormat = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** 「昭和42年11月20日（1967年11月20日）」 in Japanese; 1967-11-20 in English. */
export function formatDate(year: number, month: number, day: number, language: Language): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (language === 'en') return date.toISOString().slice(0, 10);
  // The first year of an era is 元年.
  const era = eraFormat.format(date).replace(/(\D)1年/, '$1元年');
  return `${era}（${westernFormat.format(date)}）`;
}

/** A case value in words. Nested values (objects, lists) are shown as JSON. */
export function formatCaseValue(field: Pick<CaseField, 'value' | 'typeName'>, language: Language): string {
  const { value, typeName } = field;
  if (value === null || value === undefined || value === '') return '—';
  const yes = flag(value, typeName);
  if (yes !== null) return language === 'en' ? (yes ? 'Yes' : 'No') : yes ? 'はい' : 'いいえ';
  if (typeof value === 'string') {
    const date = isoDate.exec(value.trim());
    if (date) return formatDate(Number(date[1]), Number(date[2]), Number(date[3]), language);
    if (typeName === 'DateTime' && isoDateTime.test(value)) {
      const at = new Date(value);
      if (!Number.isNaN(at.getTime())) {
        const local = new Date(at.getTime() + 9 * 3600_000); // the clerks work in Japan
        const time = local.toISOString().slice(11, 16);
        return `${formatDate(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), language)} ${time}`;
      }
    }
    return value;
  }
  if (typeof value === 'number') return value.toLocaleString(language === 'en' ? 'en-GB' : 'ja-JP');
  return JSON.stringify(value);
}
