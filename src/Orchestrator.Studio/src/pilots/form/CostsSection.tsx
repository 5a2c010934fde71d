import { useTranslation } from 'react-i18next';
import type { CostRow } from '../form';
import { FormSection, SelectField, TextField, type SectionProps } from './controls';

const sources = ['measured', 'published', 'estimate'] as const;

/** The reform's investment and added running cost, each with its source and basis: the report's payback period. */
export function CostsSection({ form, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const row = (key: 'investment' | 'runningCost') => {
    const value = form[key];
    const set = (patch: Partial<CostRow>) => update((f) => ({ ...f, [key]: { ...f[key], ...patch } }));
    return (
      <fieldset key={key} className="mb-4 flex flex-col gap-3" data-testid={`costs-${key}`}>
        <legend className="mb-2 text-std-16B-170">{t(`pilots.form.costs.${key}`)}</legend>
        <TextField
          field={`${key}.yen`}
          label={t('pilots.form.costs.yen')}
          value={value.yen}
          onChange={(yen) => set({ yen })}
          errors={errors}
          width="max-w-48"
        />
        <SelectField
          field={`${key}.source`}
          label={t('pilots.form.costs.source')}
          value={value.source}
          options={sources.map((s) => ({ value: s, label: t(`pilots.form.costs.sources.${s}`) }))}
          onChange={(source) => set({ source })}
          errors={errors}
          width="max-w-48"
        />
        <TextField
          field={`${key}.basis`}
          label={t('pilots.form.costs.basis')}
          hint={t('pilots.form.costs.basisHint')}
          value={value.basis}
          onChange={(basis) => set({ basis })}
          errors={errors}
        />
      </fieldset>
    );
  };
  return (
    <FormSection title={t('pilots.form.costs.title')} testId="section-costs">
      <p className="mb-4 max-w-3xl text-dns-16N-130 text-solid-gray-700">{t('pilots.form.costs.lead')}</p>
      {row('investment')}
      {row('runningCost')}
    </FormSection>
  );
}
