import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { area, canOpen } from '../nav';
import { listDefinitionChoices } from '../pilots/api';
import { useResource } from '../components/useResource';
import { useUser } from '../session';
import type { Procedure } from './api';

/** The procedure's side of the links: its process key, the workflows with that key, and the process's report. */
export function ProcedureLinks({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  const user = useUser();
  const key = procedure.processKey;
  const definitions = useResource((signal) => listDefinitionChoices(signal), 'definitions');
  const workflows = (definitions.data ?? []).filter((d) => key !== null && d.processKey === key);
  const openWorkflows = canOpen(area('workflows'), user.roles);

  if (!key) return <p data-testid="procedure-links">{t('inventory.procedure.noProcessKey')}</p>;
  return (
    <div data-testid="procedure-links" className="flex flex-col gap-3">
      <p>
        {t('inventory.procedure.processKey')}:{' '}
        <span className="font-mono" data-testid="procedure-process-key">
          {key}
        </span>
      </p>
      <div>
        <h3 className="text-std-16B-170">{t('inventory.procedure.workflowsOfProcess')}</h3>
        {definitions.data !== null && workflows.length === 0 ? (
          <p className="text-solid-gray-700">{t('inventory.procedure.noWorkflows')}</p>
        ) : (
          <ul className="list-disc pl-6" data-testid="procedure-workflows">
            {workflows.map((d) => (
              <li key={d.definitionId}>
                {openWorkflows ? (
                  <Link to={`/workflows/${encodeURIComponent(d.definitionId)}`} className="link">
                    {d.name}
                  </Link>
                ) : (
                  d.name
                )}
                {d.definitionId === procedure.asIsDefinitionId && <span className="ml-2 text-solid-gray-700">（{t('inventory.procedure.asIsDraft')}）</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      {canOpen(area('reports'), user.roles) && (
        <p>
          <Link to={`/reports?processKey=${encodeURIComponent(key)}`} className="link" data-testid="procedure-report-link">
            {t('inventory.procedure.openReport')}
          </Link>
        </p>
      )}
    </div>
  );
}
