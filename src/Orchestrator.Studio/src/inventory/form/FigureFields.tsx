import { useTranslation } from 'react-i18next';
import { provenances, type Provenance } from '../api';
import { Select, TextInput } from './controls';
import type { Errors, FigureForm } from './model';

/** One figure: its value, its provenance (実測・公表・推計) and its basis, side by side. */
export function FigureFields({
  field,
  label,
  figure,
  errors,
  onChange,
}: {
  field: string;
  label: string;
  figure: FigureForm;
  errors: Errors;
  onChange: (figure: FigureForm) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="grid gap-3 border-b border-solid-gray-420 py-3 md:grid-cols-[12rem_10rem_1fr]" data-testid={`figure-${field}`}>
      <legend className="sr-only">{label}</legend>
      <TextInput
        field={`${field}.value`}
        label={t('inventory.form.figureValue', { figure: label })}
        errors={errors}
        value={figure.value}
        onChange={(value) => onChange({ ...figure, value })}
        width="max-w-48"
      />
      <Select<Provenance>
        field={`${field}.source`}
        label={t('inventory.form.figureSource', { figure: label })}
        errors={errors}
        value={figure.source}
        options={provenances}
        optionLabel={(p) => t(`inventory.provenance.${p}`)}
        onChange={(source) => onChange({ ...figure, source })}
        width="max-w-40"
      />
      <TextInput
        field={`${field}.basis`}
        label={t('inventory.form.figureBasis', { figure: label })}
        errors={errors}
        value={figure.basis}
        onChange={(basis) => onChange({ ...figure, basis })}
        width="w-full"
        maxLength={500}
      />
    </fieldset>
  );
}
