import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { Arm } from '../../tasks/api';
import type { OrganisationEntry } from '../api';
import { assignments, caseSourceKinds } from '../form';
import { organisationName } from '../format';
import { maxCasesPerCycle } from '../validation';
import { FormSection, RadioGroup, SelectField, TextField, type SectionProps } from './controls';

const arms: readonly Arm[] = ['AsIs', 'ToBe'];

/** How cases are split between the arms; the seed and the per-municipality arms show only where they apply. */
export function DesignSection({ form, update, errors, organisations }: SectionProps & { organisations: readonly OrganisationEntry[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <FormSection title={t('pilots.form.design')} testId="section-design">
      <RadioGroup
        field="assignment"
        legend={t('pilots.form.design')}
        legendHidden
        value={form.assignment}
        options={assignments}
        label={(a) => t(`pilots.assignment.${a}`)}
        hint={(a) => t(`pilots.assignmentHint.${a}`)}
        onChange={(assignment) => update((f) => ({ ...f, assignment }))}
        errors={errors}
      />
      {form.assignment === 'Random' && (
        <TextField
          field="designSeed"
          label={t('pilots.form.designSeed')}
          hint={t('pilots.form.designSeedHint')}
          type="number"
          value={form.designSeed}
          onChange={(designSeed) => update((f) => ({ ...f, designSeed }))}
          errors={errors}
          width="max-w-64"
        />
      )}
      {form.assignment === 'ByMunicipality' &&
        form.municipalities.map((code) => (
          <SelectField
            key={code}
            field={`arm.${code}`}
            label={t('pilots.form.armFor', { name: organisationName(code, organisations, language) })}
            value={form.armByMunicipality[code] ?? ''}
            onChange={(value) =>
              update((f) => ({ ...f, armByMunicipality: { ...f.armByMunicipality, [code]: value === 'AsIs' || value === 'ToBe' ? value : '' } }))
            }
            errors={errors}
            options={arms.map((arm) => ({ value: arm, label: t(`pilots.arm.${arm}`) }))}
            placeholder={t('pilots.form.choose')}
            required
            width="max-w-64"
          />
        ))}
    </FormSection>
  );
}

export function CasesSection({ form, update, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <FormSection title={t('pilots.form.cases')} testId="section-cases">
      <TextField
        field="casesPerCycle"
        label={t('pilots.form.casesPerCycle')}
        type="number"
        min={1}
        max={maxCasesPerCycle}
        value={form.casesPerCycle}
        onChange={(casesPerCycle) => update((f) => ({ ...f, casesPerCycle }))}
        errors={errors}
        required
        width="max-w-48"
      />
      <RadioGroup
        field="caseSourceKind"
        legend={t('pilots.form.caseSource')}
        value={form.caseSourceKind}
        options={caseSourceKinds}
        label={(kind) => t(`pilots.caseSource.${kind}`)}
        onChange={(caseSourceKind) => update((f) => ({ ...f, caseSourceKind }))}
        errors={errors}
      />
      {form.caseSourceKind === 'Generator' && (
        <TextField
          field="caseSourceSeed"
          label={t('pilots.form.caseSourceSeed')}
          type="number"
          value={form.caseSourceSeed}
          onChange={(caseSourceSeed) => update((f) => ({ ...f, caseSourceSeed }))}
          errors={errors}
          width="max-w-64"
        />
      )}
    </FormSection>
  );
}
