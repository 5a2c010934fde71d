import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import type { ActivityNode } from './model';
import type { Problem } from './problems';

/** Every problem before publishing; choosing one selects its activity on the canvas. */
export function ProblemList({
  problems,
  nodes,
  checking,
  onSelect,
}: {
  problems: readonly Problem[];
  nodes: readonly ActivityNode[];
  checking: boolean;
  onSelect: (nodeId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const nameOf = (id: string) => {
    const activity = nodes.find((n) => n.id === id)?.data.activity;
    return typeof activity?.name === 'string' && activity.name ? activity.name : id;
  };
  return (
    <section aria-labelledby="problem-heading" className="flex min-h-0 flex-col" data-testid="problem-list">
      <h2 id="problem-heading" className="mb-1 flex items-center gap-2 text-dns-16B-130 text-solid-gray-900">
        {t('designer.problems.heading')}
        <span className={`rounded-4 px-2 text-dns-14B-120 ${errors > 0 ? 'bg-error-1 text-white' : 'bg-solid-gray-100'}`} data-testid="problem-count">
          {t('designer.problems.count', { errors, warnings })}
        </span>
        {checking && (
          <span role="status" className="text-dns-14N-130 text-solid-gray-700">
            {t('designer.problems.checking')}
          </span>
        )}
      </h2>
      {problems.length === 0 ? (
        <p className="text-dns-14N-130 text-solid-gray-700" data-testid="problems-none">
          {t('designer.problems.none')}
        </p>
      ) : (
        <ul className="min-h-0 overflow-y-auto text-dns-14N-130">
          {problems.map((p, i) => (
            <li key={i} className="border-b border-solid-gray-200 py-1" data-testid="problem">
              <span
                className={`mr-2 inline-block rounded-4 px-1 text-dns-14B-120 ${p.severity === 'error' ? 'bg-error-1 text-white' : 'bg-yellow-300 text-black'}`}
              >
                {t(`designer.problems.${p.severity}`)}
              </span>
              {p.nodeId ? (
                <button type="button" className="link mr-1" onClick={() => onSelect(p.nodeId!)}>
                  {nameOf(p.nodeId)}
                </button>
              ) : (
                <span className="mr-1 font-bold">{t('designer.problems.workflow')}</span>
              )}
              {p.message[language]}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
