import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { ArmBadge } from '../tasks/parts';
import type { JsonObject } from './model';
import { processSettings } from './settings';
import { PublishState } from './WorkflowListPage';

/** The page heading: the workflow's name, version, arm and publish state; for an old version, a read-only notice. */
export function DesignerHeading({ definition, readOnly }: { definition: JsonObject; readOnly: boolean }) {
  const { t } = useTranslation();
  const name = typeof definition.name === 'string' && definition.name ? definition.name : t('designer.newName');
  const id = typeof definition.definitionId === 'string' ? definition.definitionId : '';
  return (
    <>
      <p className="mb-1 text-dns-16N-130">
        <Link className="link" to="/workflows">
          {t('designer.backToList')}
        </Link>
      </p>
      <PageHeading title={name}>
        <span data-testid="designer-title">{name}</span>
      </PageHeading>
      <div className="-mt-4 mb-3 flex flex-wrap items-center gap-2 text-dns-16N-130">
        {typeof definition.version === 'number' && id && <span data-testid="designer-version">{t('designer.versionText', { version: definition.version })}</span>}
        {id && <PublishState published={definition.isPublished === true} />}
        <ArmBadge arm={processSettings(definition).arm} />
        {processSettings(definition).processKey && <code className="text-mono-14N-150">{processSettings(definition).processKey}</code>}
      </div>
      {readOnly && (
        <div className="mb-3 border-l-4 border-blue-900 bg-blue-50 px-4 py-3" data-testid="read-only-banner">
          {t('designer.readOnly', { version: definition.version })}{' '}
          <Link className="link" to={`/workflows/${encodeURIComponent(id)}`}>
            {t('designer.openLatest')}
          </Link>
        </div>
      )}
    </>
  );
}
