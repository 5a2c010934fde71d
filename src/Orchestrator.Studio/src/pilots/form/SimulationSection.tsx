import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { OrganisationEntry } from '../api';
import { emptyClerkRow, emptyHolidayRow, type ClerkRow, type HolidayRow, type SimulationForm } from '../form';
import { fieldId } from '../validation';
import { timeZonesListId } from './ScheduleSection';
import { CheckboxField, FieldError, FormSection, Hint, SelectField, TextField, type SectionProps } from './controls';
import { RowList } from './RowList';

type SimulationProps = SectionProps & { organisations: readonly OrganisationEntry[] };

function useSimulationUpdate(update: SectionProps['update']) {
  return (change: (sim: SimulationForm) => SimulationForm) => update((f) => ({ ...f, simulation: change(f.simulation) }));
}

function ClerkRows({ form, update, errors, organisations }: SimulationProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const setSim = useSimulationUpdate(update);
  const options = organisations.map((o) => ({
    value: o.code,
    label: t('pilots.form.municipalityOption', { name: language === 'en' ? o.nameEn || o.nameJa : o.nameJa || o.nameEn, code: o.code }),
  }));
  return (
    <RowList<ClerkRow>
      name="clerk"
      legend={t('pilots.form.clerks')}
      rows={form.simulation.clerks}
      change={(edit) => setSim((s) => ({ ...s, clerks: edit(s.clerks) }))}
      newRow={emptyClerkRow}
      rowLabel={(number) => t('pilots.form.clerkRow', { number })}
      removeLabel={(number) => t('pilots.form.removeClerk', { number })}
      addLabel={t('pilots.form.addClerk')}
      fields={(row, index, set) => (
        <>
          <SelectField
            field={`simulation.clerks.${index}.code`}
            label={t('pilots.form.clerkOrganisation')}
            value={row.code}
            onChange={(code) => set({ ...row, code })}
            errors={errors}
            options={options}
            placeholder={t('pilots.form.choose')}
            width="max-w-md"
          />
          <TextField
            field={`simulation.clerks.${index}.count`}
            label={t('pilots.form.clerkCount')}
            type="number"
            min={1}
            value={row.count}
            onChange={(count) => set({ ...row, count })}
            errors={errors}
            width="max-w-32"
          />
        </>
      )}
    />
  );
}

function HolidayRows({ form, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const setSim = useSimulationUpdate(update);
  const rows = form.simulation.holidays;
  return (
    <RowList<HolidayRow>
      name="holiday"
      legend={t('pilots.form.holidays')}
      rows={rows}
      change={(edit) => setSim((s) => ({ ...s, holidays: edit(s.holidays) }))}
      newRow={emptyHolidayRow}
      rowLabel={(number) => t('pilots.form.holidayRow', { number })}
      removeLabel={(number) => t('pilots.form.removeHoliday', { number })}
      addLabel={t('pilots.form.addHoliday')}
      fields={(row, index, set) => (
        <>
          <TextField
            field={`simulation.holidays.${index}.date`}
            label={t('pilots.form.holidayDate')}
            type="date"
            value={row.date}
            onChange={(date) => set({ ...row, date })}
            errors={errors}
            width="max-w-56"
          />
          <TextField
            field={`simulation.holidays.${index}.name`}
            label={t('pilots.form.holidayName')}
            value={row.name}
            onChange={(name) => set({ ...row, name })}
            errors={errors}
            width="max-w-64"
          />
        </>
      )}
    >
      <Hint field="simulation.holidays">{t('pilots.form.holidaysHint')}</Hint>
      {rows.length === 0 && <p className="text-solid-gray-700">{t('pilots.form.noHolidays')}</p>}
    </RowList>
  );
}

/** Seed, simulated clerks and the office calendar: only a simulated pilot has them. */
export function SimulationSection(props: SimulationProps) {
  const { form, update, errors } = props;
  const { t } = useTranslation();
  const setSim = useSimulationUpdate(update);
  const sim = form.simulation;
  return (
    <FormSection title={t('pilots.form.simulation')} testId="section-simulation">
      <TextField
        field="simulation.seed"
        label={t('pilots.form.simulationSeed')}
        hint={t('pilots.form.simulationSeedHint')}
        type="number"
        value={sim.seed}
        onChange={(seed) => setSim((s) => ({ ...s, seed }))}
        errors={errors}
        required
        width="max-w-64"
      />
      <TextField
        field="simulation.clerkDefault"
        label={t('pilots.form.clerkDefault')}
        type="number"
        min={1}
        value={sim.clerkDefault}
        onChange={(clerkDefault) => setSim((s) => ({ ...s, clerkDefault }))}
        errors={errors}
        required
        width="max-w-32"
      />
      <ClerkRows {...props} />
      <div id={fieldId('simulation.calendar')} tabIndex={-1} className="flex flex-col gap-4">
        <CheckboxField
          field="simulation.ownCalendar"
          label={t('pilots.form.ownCalendar')}
          checked={sim.ownCalendar}
          onChange={(ownCalendar) => setSim((s) => ({ ...s, ownCalendar }))}
          errors={errors}
        />
        <FieldError field="simulation.calendar" errors={errors} />
        {sim.ownCalendar && (
          <>
            <TextField
              field="simulation.calendarTimeZone"
              label={t('pilots.form.calendarTimeZone')}
              value={sim.calendarTimeZone}
              onChange={(calendarTimeZone) => setSim((s) => ({ ...s, calendarTimeZone }))}
              errors={errors}
              list={timeZonesListId}
              width="max-w-md"
            />
            <div className="flex flex-wrap gap-6">
              <TextField
                field="simulation.opensAt"
                label={t('pilots.form.opensAt')}
                type="time"
                value={sim.opensAt}
                onChange={(opensAt) => setSim((s) => ({ ...s, opensAt }))}
                errors={errors}
                width="max-w-40"
              />
              <TextField
                field="simulation.closesAt"
                label={t('pilots.form.closesAt')}
                type="time"
                value={sim.closesAt}
                onChange={(closesAt) => setSim((s) => ({ ...s, closesAt }))}
                errors={errors}
                width="max-w-40"
              />
            </div>
            <CheckboxField
              field="simulation.yearEndClosure"
              label={t('pilots.form.yearEndClosure')}
              checked={sim.yearEndClosure}
              onChange={(yearEndClosure) => setSim((s) => ({ ...s, yearEndClosure }))}
              errors={errors}
            />
            <HolidayRows form={form} update={update} errors={errors} />
          </>
        )}
      </div>
    </FormSection>
  );
}
