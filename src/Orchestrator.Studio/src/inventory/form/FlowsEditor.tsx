import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { dataItemTypes, flowFigures, partyLevels, transferMeans, type DataItemType, type PartyLevel, type TransferMeans } from '../api';
import { Select, TextInput } from './controls';
import { FigureFields } from './FigureFields';
import { emptyFlow, type Errors, type FlowForm, type ItemForm } from './model';

/** The procedure's data flows, each with its parties, means, figures and data items; rows are added and removed. */
export function FlowsEditor({ flows, errors, onChange }: { flows: FlowForm[]; errors: Errors; onChange: (flows: FlowForm[]) => void }) {
  const { t } = useTranslation();
  const set = (i: number, flow: FlowForm) => onChange(flows.map((f, j) => (j === i ? flow : f)));
  const nextNumber = flows.reduce((max, f) => Math.max(max, Number(f.number) || 0), 0) + 1;
  return (
    <div className="flex flex-col gap-6" data-testid="flows-editor">
      {flows.map((flow, i) => (
        <FlowFields key={i} index={i} flow={flow} errors={errors} onChange={(f) => set(i, f)} onRemove={() => onChange(flows.filter((_, j) => j !== i))} />
      ))}
      <p>
        <button type="button" className="btn-secondary" onClick={() => onChange([...flows, emptyFlow(nextNumber)])} data-testid="add-flow">
          {t('inventory.form.addFlow')}
        </button>
      </p>
    </div>
  );
}

/** The two ends of a flow: the sending party's level and organisation, then the receiving one's. */
const parties = ['from', 'to'] as const;

function FlowFields({
  index,
  flow,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  flow: FlowForm;
  errors: Errors;
  onChange: (flow: FlowForm) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const key = `dataFlows[${index}]`;
  const level = (l: PartyLevel) => t(`inventory.level.${l}`);
  return (
    <fieldset className="rounded-8 border border-solid-gray-420 bg-white p-4" data-testid={`flow-form-${index}`}>
      <legend className="px-2 text-std-20B-150">{t('inventory.form.flowLegend', { number: flow.number })}</legend>
      <div className="grid gap-4 md:grid-cols-4">
        <TextInput
          field={`${key}.number`}
          label={t('inventory.form.flowNumber')}
          errors={errors}
          required
          value={flow.number}
          onChange={(number) => onChange({ ...flow, number })}
          width="max-w-24"
        />
        <Select<TransferMeans>
          field={`${key}.means`}
          label={t('inventory.form.means')}
          errors={errors}
          required
          value={flow.means}
          options={transferMeans}
          optionLabel={(m) => t(`inventory.means.${m}`)}
          onChange={(means) => onChange({ ...flow, means })}
        />
        <TextInput
          field={`${key}.frequency`}
          label={t('inventory.procedure.frequency')}
          errors={errors}
          value={flow.frequency}
          onChange={(frequency) => onChange({ ...flow, frequency })}
          maxLength={40}
        />
        <div />
        {parties.map((side) => {
          const levelField = `${side}Level` as const;
          const organisationField = `${side}Organisation` as const;
          return (
            <Fragment key={side}>
              <Select<PartyLevel>
                field={`${key}.${levelField}`}
                label={t(`inventory.form.${levelField}`)}
                errors={errors}
                required
                value={flow[levelField]}
                options={partyLevels}
                optionLabel={level}
                onChange={(value) => onChange({ ...flow, [levelField]: value })}
              />
              <TextInput
                field={`${key}.${organisationField}`}
                label={t(`inventory.form.${organisationField}`)}
                errors={errors}
                value={flow[organisationField]}
                onChange={(value) => onChange({ ...flow, [organisationField]: value })}
                maxLength={100}
              />
            </Fragment>
          );
        })}
      </div>
      <div className="mt-2">
        {flowFigures.map((f) => (
          <FigureFields
            key={f}
            field={`${key}.${f}`}
            label={t(`inventory.figures.${f}`)}
            figure={flow.figures[f]}
            errors={errors}
            onChange={(figure) => onChange({ ...flow, figures: { ...flow.figures, [f]: figure } })}
          />
        ))}
      </div>
      <ItemsEditor flowKey={key} items={flow.items} errors={errors} onChange={(items) => onChange({ ...flow, items })} />
      <p className="mt-4">
        <button type="button" className="btn-secondary" onClick={onRemove}>
          {t('inventory.form.removeFlow', { number: flow.number })}
        </button>
      </p>
    </fieldset>
  );
}

function ItemsEditor({ flowKey, items, errors, onChange }: { flowKey: string; items: ItemForm[]; errors: Errors; onChange: (items: ItemForm[]) => void }) {
  const { t } = useTranslation();
  const set = (i: number, item: ItemForm) => onChange(items.map((x, j) => (j === i ? item : x)));
  return (
    <div className="mt-4">
      <h3 className="mb-2 text-std-16B-170">{t('inventory.procedure.itemsTitle')}</h3>
      {items.map((item, i) => {
        const key = `${flowKey}.items[${i}]`;
        return (
          <div key={i} className="mb-3 grid items-end gap-3 md:grid-cols-[1fr_10rem_1fr_auto_auto]" data-testid={`item-form-${i}`}>
            <TextInput
              field={`${key}.name`}
              label={t('inventory.form.itemName')}
              errors={errors}
              required
              value={item.name}
              onChange={(name) => set(i, { ...item, name })}
              maxLength={100}
            />
            <Select<DataItemType>
              field={`${key}.type`}
              label={t('inventory.form.itemType')}
              errors={errors}
              required
              value={item.type}
              options={dataItemTypes}
              optionLabel={(ty) => t(`inventory.itemType.${ty}`)}
              onChange={(type) => set(i, { ...item, type })}
            />
            <TextInput
              field={`${key}.codeSet`}
              label={t('inventory.form.itemCodeSet')}
              errors={errors}
              value={item.codeSet}
              onChange={(codeSet) => set(i, { ...item, codeSet })}
              maxLength={100}
            />
            <label className="inline-flex items-center gap-2 pb-3">
              <input type="checkbox" className="size-5" checked={item.personal} onChange={(e) => set(i, { ...item, personal: e.target.checked })} />
              {t('inventory.form.itemPersonal')}
            </label>
            <button type="button" className="btn-secondary mb-1" onClick={() => onChange(items.filter((_, j) => j !== i))}>
              {t('inventory.form.removeItem', { name: item.name || '—' })}
            </button>
          </div>
        );
      })}
      <button type="button" className="btn-secondary" onClick={() => onChange([...items, { name: '', type: '', codeSet: '', personal: false }])}>
        {t('inventory.form.addItem')}
      </button>
    </div>
  );
}
