import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { defaultTimeZone } from '../form';
import { formatInZone } from '../format';
import { cronPresets, cronWords, nextRuns } from '../schedule';
import { fieldId } from '../validation';
import { CheckboxField, FieldError, FormSection, Hint, TextField, describedBy, type SectionProps } from './controls';

export const timeZonesListId = 'pilot-time-zones';

/**
 * Time zones offered in the pickers; any other IANA name can be typed (the server checks it). The first is the
 * default of every pilot in Japan.
 */
export const commonTimeZones = [
  'Asia/Tokyo',
  'UTC',
  'Asia/Seoul',
  'Asia/Shanghai',
  'Asia/Singapore',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
] as const;

/** The time-zone suggestions of the schedule's and the calendar's time-zone fields. */
export const TimeZoneList = memo(function TimeZoneList() {
  return (
    <datalist id={timeZonesListId}>
      {commonTimeZones.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
});

/** What the cron means in words, and when it runs next in its time zone. */
function CronPreview({ cron, timeZone, now }: { cron: string; timeZone: string; now: Date }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const trimmed = cron.trim();
  const runs = trimmed ? nextRuns(trimmed, timeZone, now, 3) : null;
  const words = trimmed ? cronWords(trimmed, t) : null;
  let text: string;
  if (!trimmed) text = '';
  else if (runs === null) text = t('pilots.form.previewInvalid');
  else text = words ?? t('pilots.form.previewRaw', { cron: trimmed });
  return (
    <div className="rounded-8 bg-solid-gray-50 px-4 py-3" data-testid="cron-preview">
      <p className="text-std-16B-170 text-solid-gray-900">{t('pilots.form.preview')}</p>
      <p aria-live="polite" data-testid="cron-preview-text">
        {text}
      </p>
      {runs && runs.length > 0 && (
        <p className="text-dns-16N-130 text-solid-gray-700" data-testid="cron-preview-next">
          {t('pilots.form.previewNext', { times: runs.map((run) => formatInZone(run, timeZone, language)).join(t('pilots.schedule.daySeparator')) })}
        </p>
      )}
    </div>
  );
}

export function ScheduleSection({ form, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const now = useMemo(() => new Date(), []);
  const lengthId = fieldId('cycleLength');
  const part = (key: 'cycleDays' | 'cycleHours' | 'cycleMinutes', unit: string, max: number) => (
    <div className="flex items-center gap-2">
      <input
        id={fieldId(key)}
        name={key}
        type="number"
        inputMode="numeric"
        min={0}
        max={max}
        step={1}
        className="text-input max-w-28"
        value={form[key]}
        aria-invalid={errors.cycleLength ? true : undefined}
        aria-describedby={describedBy('cycleLength', errors, true)}
        onChange={(e) => {
          const value = e.target.value;
          update((f) => ({ ...f, [key]: value }));
        }}
        data-testid={`field-${key}`}
      />
      <label htmlFor={fieldId(key)} className="whitespace-nowrap">
        {unit}
      </label>
    </div>
  );
  return (
    <FormSection title={t('pilots.form.schedule')} testId="section-schedule">
      <CheckboxField
        field="scheduled"
        label={t('pilots.form.scheduled')}
        checked={form.scheduled}
        onChange={(scheduled) => update((f) => ({ ...f, scheduled }))}
        errors={errors}
      />
      {form.scheduled && (
        <>
          <div role="group" aria-label={t('pilots.form.presets')} className="flex flex-col gap-2">
            <span className="text-std-16B-170 text-solid-gray-900" aria-hidden="true">
              {t('pilots.form.presets')}
            </span>
            <div className="flex flex-wrap gap-3">
              {cronPresets.map((preset) => (
                <button
                  key={preset.key}
                  type="button"
                  className="btn-secondary"
                  aria-pressed={form.cron.trim() === preset.cron}
                  onClick={() => update((f) => ({ ...f, cron: preset.cron }))}
                  data-testid={`cron-preset-${preset.key}`}
                >
                  {t(`pilots.form.preset.${preset.key}`)}
                </button>
              ))}
            </div>
          </div>
          <TextField
            field="cron"
            label={t('pilots.form.cron')}
            hint={t('pilots.form.cronHint')}
            value={form.cron}
            onChange={(cron) => update((f) => ({ ...f, cron }))}
            errors={errors}
            required
            width="max-w-md font-mono"
          />
          <CronPreview cron={form.cron} timeZone={form.timeZone || defaultTimeZone} now={now} />
          <TextField
            field="timeZone"
            label={t('pilots.form.timeZone')}
            value={form.timeZone}
            onChange={(timeZone) => update((f) => ({ ...f, timeZone }))}
            errors={errors}
            list={timeZonesListId}
            required
            width="max-w-md"
          />
        </>
      )}
      <fieldset id={lengthId} tabIndex={-1} className="flex flex-col gap-2">
        <legend className="mb-1 text-std-16B-170 text-solid-gray-900">{t('pilots.form.cycleLength')}</legend>
        <Hint field="cycleLength">{t('pilots.form.cycleLengthHint')}</Hint>
        <div className="flex flex-wrap gap-4">
          {part('cycleDays', t('pilots.form.days'), 366)}
          {part('cycleHours', t('pilots.form.hours'), 23)}
          {part('cycleMinutes', t('pilots.form.minutes'), 59)}
        </div>
        <FieldError field="cycleLength" errors={errors} />
      </fieldset>
    </FormSection>
  );
}
