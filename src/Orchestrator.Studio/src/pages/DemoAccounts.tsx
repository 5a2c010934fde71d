import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { json } from '../api';
import { CompactTable, compactCell } from '../components/CompactTable';

interface DemoAccount {
  userName: string;
  role: string;
  organisationCode: string | null;
  organisationName: string | null;
}

interface DemoAccountsView {
  password: string;
  accounts: DemoAccount[];
}

/**
 * In demo mode (the server answers /api/demo/accounts), the demo accounts and their shared password under the
 * sign-in form; choosing one fills the form. Outside demo mode the server answers 404 and nothing is shown.
 */
export function DemoAccounts({ onPick }: { onPick: (userName: string, password: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [view, setView] = useState<DemoAccountsView | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    json<DemoAccountsView>('/api/demo/accounts', { signal: abort.signal }).then(setView, () => undefined);
    return () => abort.abort();
  }, []);
  if (!view || view.accounts.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-8 rounded-8 border border-solid-gray-420 bg-white p-4" data-testid="demo-accounts">
      <h2 id={`${id}-heading`} className="mb-1 text-std-20B-150 text-solid-gray-900">
        {t('login.demo.heading')}
      </h2>
      <p id={`${id}-lead`} className="mb-3 text-dns-16N-130">
        {t('login.demo.lead')}{' '}
        <code className="font-mono" data-testid="demo-password">
          {view.password}
        </code>
      </p>
      <div className="max-h-64 overflow-y-auto" tabIndex={0} role="region" aria-labelledby={`${id}-heading`}>
        <CompactTable
          columns={['userName', 'role', 'organisation'].map((key) => ({ key, label: t(`login.demo.${key}`) }))}
          caption={t('login.demo.heading')}
          ruled
        >
          {view.accounts.map((a) => (
            <tr key={a.userName} className="border-b border-solid-gray-420">
              <th scope="row" className={`${compactCell} font-normal`}>
                <button type="button" className="link font-mono" onClick={() => onPick(a.userName, view.password)} aria-describedby={`${id}-lead`}>
                  {a.userName}
                </button>
              </th>
              <td className={`whitespace-nowrap ${compactCell}`}>{t(`login.demo.roles.${a.role}`, { defaultValue: a.role })}</td>
              <td className={compactCell}>{a.organisationName ?? '—'}</td>
            </tr>
          ))}
        </CompactTable>
      </div>
    </section>
  );
}
