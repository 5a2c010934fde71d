import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { TextField } from './fields';
import { FormFieldsEditor } from './FormFieldsEditor';
import { ConnectionsEditor } from './ConnectionsEditor';
import { ActivityIcon } from './icons';
import { InputEditor, OutputBinding } from './InputEditor';
import { MeasurementEditor } from './MeasurementEditor';
import { readInput, removeInput, type Activity, type ActivityDescriptor, type ActivityNode, type ConnectionEdge } from './model';
import type { Problem } from './problems';
import type { Variable } from './settings';

type Tab = 'basic' | 'measurement' | 'form';

export interface PropertyPanelProps {
  node: ActivityNode;
  descriptor: ActivityDescriptor | undefined;
  variables: readonly Variable[];
  problems: readonly Problem[];
  readOnly: boolean;
  onChange: (activity: Activity) => void;
  /** The diagram, for the connect-to choices. */
  nodes: readonly ActivityNode[];
  edges: readonly ConnectionEdge[];
  onConnect: (port: string, target: string) => void;
  onDisconnect: (edgeId: string) => void;
}

/** The selected activity's properties: 基本 (name, description, inputs, outputs), 計測 (measurement), 入力項目 (HumanTask form). */
export function PropertyPanel({ node, descriptor, variables, problems, readOnly, onChange, nodes, edges, onConnect, onDisconnect }: PropertyPanelProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [tab, setTab] = useState<Tab>('basic');
  const ids = useId();
  const tabRefs = useRef(new Map<Tab, HTMLButtonElement>());
  const activity = node.data.activity;
  const isHumanTask = activity.type === 'Orchestrator.HumanTask';
  const tabs: Tab[] = isHumanTask ? ['basic', 'form', 'measurement'] : ['basic', 'measurement'];
  const shown = tabs.includes(tab) ? tab : 'basic';
  const tabId = (key: Tab) => `${ids}-tab-${key}`;
  const panelId = (key: Tab) => `${ids}-panel-${key}`;
  // Arrow keys, Home and End move between the tabs (and show the tab), as in any tab list.
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const index = tabs.indexOf(shown);
    const next =
      e.key === 'ArrowRight'
        ? tabs[(index + 1) % tabs.length]
        : e.key === 'ArrowLeft'
          ? tabs[(index - 1 + tabs.length) % tabs.length]
          : e.key === 'Home'
            ? tabs[0]
            : e.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabRefs.current.get(next)?.focus();
  };
  const messages = (field: string | null) => problems.filter((p) => p.field === field).map((p) => p.message[language]);
  const general = problems.filter(
    (p) => !p.field || (!descriptor?.inputs.some((i) => i.name === p.field) && p.field !== 'measurement' && p.field !== 'formFields' && p.field !== 'name'),
  );
  const text = (key: string) => (typeof activity[key] === 'string' ? (activity[key] as string) : '');
  // The server keeps an activity's description as it keeps any bare value: as a literal input.
  const storedDescription = readInput(activity, 'description')?.value;
  const description = typeof storedDescription === 'string' ? storedDescription : '';

  return (
    <section aria-labelledby="property-heading" data-testid="property-panel">
      <div className="mb-2 flex items-center gap-2 text-solid-gray-700">
        <ActivityIcon type={activity.type} category={descriptor?.category} />
        <span className="text-dns-14N-130">{descriptor ? descriptor.displayName[language] : activity.type}</span>
        <code className="ml-auto text-mono-14N-150">{activity.id}</code>
      </div>
      <h2 id="property-heading" className="mb-2 text-std-20B-150 text-solid-gray-900">
        {text('name') || activity.id}
      </h2>
      {!descriptor && (
        <p className="mb-2 border-l-4 border-warning-yellow-1 bg-yellow-50 p-2 text-dns-14N-130">{t('designer.props.unknownType', { type: activity.type })}</p>
      )}
      {general.length > 0 && (
        <ul className="mb-3 border-l-4 border-error-1 bg-red-50 p-2 text-dns-14N-130" data-testid="node-problems">
          {general.map((p, i) => (
            <li key={i}>{p.message[language]}</li>
          ))}
        </ul>
      )}
      <div role="tablist" aria-label={t('designer.props.tabs')} className="mb-3 flex border-b border-solid-gray-420">
        {tabs.map((key) => (
          <button
            key={key}
            ref={(el) => {
              if (el) tabRefs.current.set(key, el);
              else tabRefs.current.delete(key);
            }}
            id={tabId(key)}
            type="button"
            role="tab"
            aria-selected={shown === key}
            aria-controls={panelId(key)}
            tabIndex={shown === key ? 0 : -1}
            onKeyDown={onTabKey}
            className={`-mb-px border-b-4 px-3 py-2 text-dns-16B-130 ${shown === key ? 'border-blue-900 text-blue-1000' : 'border-transparent text-solid-gray-700'}`}
            onClick={() => setTab(key)}
            data-testid={`tab-${key}`}
          >
            {t(`designer.props.tab.${key}`)}
            {problems.some((p) =>
              key === 'measurement'
                ? p.field === 'measurement'
                : key === 'form'
                  ? p.field === 'formFields'
                  : p.field !== 'measurement' && p.field !== 'formFields',
            ) && (
              <span className="ml-1 text-error-1" aria-label={t('designer.props.tabHasProblems')}>
                ●
              </span>
            )}
          </button>
        ))}
      </div>
      <fieldset disabled={readOnly} className="min-w-0">
        {shown === 'basic' && (
          <div role="tabpanel" id={panelId('basic')} aria-labelledby={tabId('basic')}>
            <TextField
              label={t('designer.props.name')}
              value={text('name')}
              onChange={(v) => onChange({ ...activity, name: v })}
              hint={t('designer.props.nameHint')}
              error={messages('name')}
              testId="prop-name"
            />
            <TextField
              label={t('designer.props.description')}
              value={description}
              multiline
              onChange={(v) => onChange(v ? { ...activity, description: v } : removeInput(activity, 'description'))}
              testId="prop-description"
            />
            {descriptor?.inputs
              .filter((input) => !(isHumanTask && input.name === 'formFields'))
              .map((input) => (
                <InputEditor key={input.name} activity={activity} input={input} variables={variables} errors={messages(input.name)} onChange={onChange} />
              ))}
            {descriptor && descriptor.outputs.length > 0 && (
              <div className="mt-3 border-t border-solid-gray-200 pt-2">
                <h3 className="mb-2 text-dns-16B-130">{t('designer.props.outputs')}</h3>
                {descriptor.outputs.map((output) => (
                  <OutputBinding key={output.name} activity={activity} output={output} variables={variables} onChange={onChange} />
                ))}
              </div>
            )}
            <p className="mt-3 text-dns-14N-130 text-solid-gray-700" data-testid="prop-ports">
              {t('designer.props.ports', { ports: node.data.ports.length ? node.data.ports.join('、') : t('designer.props.noPorts') })}
            </p>
            <ConnectionsEditor node={node} nodes={nodes} edges={edges} readOnly={readOnly} onConnect={onConnect} onDisconnect={onDisconnect} />
          </div>
        )}
        {shown === 'measurement' && (
          <div role="tabpanel" id={panelId('measurement')} aria-labelledby={tabId('measurement')}>
            <MeasurementEditor activity={activity} ports={node.data.ports} errors={messages('measurement')} onChange={onChange} />
          </div>
        )}
        {shown === 'form' && (
          <div role="tabpanel" id={panelId('form')} aria-labelledby={tabId('form')}>
            <FormFieldsEditor activity={activity} errors={messages('formFields')} onChange={onChange} />
          </div>
        )}
      </fieldset>
    </section>
  );
}
