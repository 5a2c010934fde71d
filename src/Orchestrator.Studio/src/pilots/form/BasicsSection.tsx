import { useTranslation } from 'react-i18next';
import { modes } from '../form';
import { CheckboxField, FormSection, RadioGroup, TextField, type SectionProps } from './controls';

export function BasicsSection({ form, update, errors, creating }: SectionProps & { creating: boolean }) {
  const { t } = useTranslation();
  return (
    <FormSection title={t('pilots.form.basics')} testId="section-basics">
      <TextField
        field="nameJa"
        label={t('pilots.form.nameJa')}
        value={form.nameJa}
        onChange={(nameJa) => update((f) => ({ ...f, nameJa }))}
        errors={errors}
        required
      />
      <TextField field="nameEn" label={t('pilots.form.nameEn')} value={form.nameEn} onChange={(nameEn) => update((f) => ({ ...f, nameEn }))} errors={errors} />
      {creating && (
        <TextField
          field="id"
          label={t('pilots.form.id')}
          hint={t('pilots.form.idHint')}
          value={form.id}
          onChange={(id) => update((f) => ({ ...f, id }))}
          errors={errors}
          width="max-w-md"
        />
      )}
      <TextField
        field="description"
        label={t('pilots.form.description')}
        value={form.description}
        onChange={(description) => update((f) => ({ ...f, description }))}
        errors={errors}
        multiline
      />
      <RadioGroup
        field="mode"
        legend={t('pilots.form.mode')}
        value={form.mode}
        options={modes}
        label={(mode) => t(`pilots.mode.${mode}`)}
        hint={(mode) => t(`pilots.form.modeHint.${mode}`)}
        onChange={(mode) => update((f) => ({ ...f, mode }))}
        errors={errors}
      />
      <CheckboxField
        field="active"
        label={t('pilots.form.active')}
        checked={form.active}
        onChange={(active) => update((f) => ({ ...f, active }))}
        errors={errors}
      />
    </FormSection>
  );
}
