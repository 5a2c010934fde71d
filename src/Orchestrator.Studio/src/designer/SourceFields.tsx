import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from './fields';

/** The sources a modeller can give a figure (a simulation draw is never typed in). */
export const figureSources = ['measured', 'published', 'estimate'] as const;

/** A figure's source and basis. */
export function SourceFields({
  figure,
  entry,
  onChange,
}: {
  figure: string;
  entry: { source?: string; basis?: string } | undefined;
  onChange: (figure: string, patch: { source?: string; basis?: string }) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-2">
      <SelectField
        label={t('designer.measurement.source')}
        value={entry?.source ?? ''}
        options={[
          { value: '', label: t('designer.measurement.noSource') },
          ...figureSources.map((s) => ({ value: s, label: t(`designer.measurement.sources.${s}`) })),
        ]}
        onChange={(v) => onChange(figure, { source: v })}
        testId={`source-${figure}`}
      />
      <TextField
        label={t('designer.measurement.basis')}
        value={entry?.basis ?? ''}
        onChange={(v) => onChange(figure, { basis: v })}
        placeholder={t('designer.measurement.basisPlaceholder')}
        testId={`basis-${figure}`}
      />
    </div>
  );
}
