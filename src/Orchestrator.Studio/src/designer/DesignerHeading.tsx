import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { ArmBadge } from '../tasks/parts';
import type { JsonObject } from './model';
import { processSettings } from './settings';
import { PublishState } from './WorkflowListPage';

/**
 * The designer's one header line: back to the list, the workflow's name, version, publish state, arm and process key,
 * then whatever state the editor adds (unsaved changes, notices); for an old version, a read-only notice below.
 */
export function DesignerHeading({ definition, readOnly, children }: { definition: JsonObject; readOnly: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  const name = typeof definition.name === 'string' && definition.name ? definition.name : t('designer.newName');
  const id = typeof definition.definitionId === 'string' ? definition.definitionId : '';
  const settings = processSettings(definition);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Link className="link text-dns-16N-130" to="/workflows">
          {t('designer.backToList')}
        </Link>
        <PageHeading title={name} compact>
          <span data-testid="designer-title">{name}</span>
        </PageHeading>
        <div className="flex flex-wrap items-center gap-2 text-dns-16N-130">
          {typeof definition.version === 'number' && id && (
            <span data-testid="designer-version">{t('designer.versionText', { version: definition.version })}</span>
          )}
          {id && <PublishState published={definition.isPublished === true} />}
          <ArmBadge arm={settings.arm} />
          {settings.processKey && <code className="text-mono-14N-150">{settings.processKey}</code>}
        </div>
        {children}
      </div>
      {readOnly && (
        <div className="border-l-4 border-blue-900 bg-blue-50 px-3 py-1.5" data-testid="read-only-banner">
          {t('designer.readOnly', { version: definition.version })}{' '}
          <Link className="link" to={`/workflows/${encodeURIComponent(id)}`}>
            {t('designer.openLatest')}
          </Link>
        </div>
      )}
    </div>
  );
}
