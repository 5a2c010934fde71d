import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { caseLabel, formatCaseValue, type CaseField } from './caseValues';

/**
 * 案件情報: the case's values under the workflow variables' display names, in the definition's order, with flags as
 * はい/いいえ and dates in the Japanese era and the Western calendar. Without fields (an older server), the raw data.
 */
export function CaseData({ fields, data, className }: { fields: readonly CaseField[] | undefined; data: Record<string, unknown> | null; className: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const shown: CaseField[] =
    fields && fields.length > 0
      ? fields.filter((f) => f.value === null || typeof f.value !== 'object')
      : Object.entries(data ?? {}).map(([name, value]) => ({ name, labelJa: null, labelEn: null, typeName: null, value }));
  if (shown.length === 0) return <p>{t('tasks.task.noCaseData')}</p>;
  return (
    <dl className={className} data-testid="case-fields">
      {shown.map((field) => (
        <div key={field.name} className="contents">
          <dt className="font-bold" data-testid={`case-label-${field.name}`}>
            {caseLabel(field, language)}
          </dt>
          <dd data-testid={`case-value-${field.name}`}>{formatCaseValue(field, language)}</dd>
        </div>
      ))}
    </dl>
  );
}
