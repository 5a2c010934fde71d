import { useId, useRef, useState, type ComponentProps, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, NetworkError, login, type ProblemDetails } from '../api';
import { Brand } from '../components/Brand';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PageHeading } from '../components/PageHeading';
import { DemoAccounts } from './DemoAccounts';
import { SkipLink, mainContentId } from '../components/SkipLink';
import { isServerPath, readReturnUrl } from '../returnUrl';
import { useSession } from '../session';

type Failure =
  | { kind: 'message'; key: 'login.invalidCredentials' | 'login.networkError' }
  | { kind: 'unexpected'; status: number }
  | { kind: 'problem'; problem: ProblemDetails };

function describe(error: unknown): Failure {
  if (error instanceof NetworkError) return { kind: 'message', key: 'login.networkError' };
  if (error instanceof ApiError) {
    if (error.status === 401) return { kind: 'message', key: 'login.invalidCredentials' };
    if (error.problem && (error.problem.title || error.problem.detail || error.problem.errors?.length)) return { kind: 'problem', problem: error.problem };
    return { kind: 'unexpected', status: error.status };
  }
  return { kind: 'unexpected', status: 0 };
}

function FailureText({ failure }: { failure: Failure }) {
  const { t } = useTranslation();
  switch (failure.kind) {
    case 'message':
      return <p>{t(failure.key)}</p>;
    case 'unexpected':
      return <p>{t('login.unexpected', { status: failure.status })}</p>;
    case 'problem':
      return (
        <>
          {failure.problem.title && <p className="font-bold">{failure.problem.title}</p>}
          {failure.problem.detail && <p>{failure.problem.detail}</p>}
          {failure.problem.errors && failure.problem.errors.length > 0 && (
            <ul className="mt-2 list-disc pl-6">
              {failure.problem.errors.map((e, i) => (
                <li key={`${e.path}-${i}`}>{e.message}</li>
              ))}
            </ul>
          )}
        </>
      );
  }
}

type InputProps = Omit<ComponentProps<'input'>, 'id' | 'required'>;

/** A labelled text box that must be filled in, with its message when it was not. */
function RequiredField({ id, label, error, ...input }: InputProps & { id: string; label: string; error: string | null }) {
  const { t } = useTranslation();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center">
        <label htmlFor={id} className="text-std-17B-170 text-solid-gray-900">
          {label}
        </label>
        {/* Not part of the label: the field's accessible name stays exactly the label (aria-required says it). */}
        <span className="required-tag" aria-hidden="true">
          {t('login.required')}
        </span>
      </div>
      <input {...input} id={id} required aria-required="true" aria-invalid={error ? true : undefined} aria-describedby={errorId} className="text-input" />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const { state, signedIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const returnUrl = readReturnUrl(location.search);

  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ userName?: boolean; password?: boolean }>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const userNameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const ids = useId();

  // Already signed in (e.g. opened /login in a second tab): go straight on.
  if (state.status === 'signedIn' && !submitting) {
    if (isServerPath(returnUrl)) {
      window.location.assign(returnUrl);
      return null;
    }
    return <Navigate to={returnUrl} replace />;
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const missing = { userName: userName.trim() === '', password: password === '' };
    setFieldErrors(missing);
    setFailure(null);
    if (missing.userName || missing.password) {
      (missing.userName ? userNameRef : passwordRef).current?.focus();
      return;
    }

    setSubmitting(true);
    try {
      const response = await login(userName.trim(), password);
      if (isServerPath(returnUrl)) {
        // Hangfire and the API reference are server pages: leave the SPA.
        window.location.assign(returnUrl);
        return;
      }
      signedIn(response.user);
      navigate(returnUrl, { replace: true });
    } catch (error) {
      setFailure(describe(error));
      setPassword('');
      setSubmitting(false);
      passwordRef.current?.focus();
    }
  };

  return (
    <div className="min-h-screen flex flex-col bg-solid-gray-50">
      <SkipLink />
      <header className="border-b border-solid-gray-420 bg-white">
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center justify-between gap-4 px-4 py-3 md:px-8">
          <Brand />
          <LanguageSwitch />
        </div>
      </header>
      <main id={mainContentId} tabIndex={-1} className="flex flex-1 items-start justify-center px-4 py-10 focus:outline-none">
        <div className="w-full max-w-md rounded-12 border border-solid-gray-420 bg-white p-6 shadow-1 md:p-8">
          <PageHeading title={t('login.title')}>{t('login.title')}</PageHeading>
          <p className="mb-6">{t('login.lead')}</p>

          {failure && (
            <div role="alert" className="mb-6 border-l-4 border-error-1 bg-red-50 px-4 py-3 text-solid-gray-900" data-testid="login-error">
              <p className="text-std-17B-170 text-error-2">{t('login.errorHeading')}</p>
              <FailureText failure={failure} />
            </div>
          )}

          <form noValidate onSubmit={(e) => void onSubmit(e)} className="flex flex-col gap-6" aria-busy={submitting}>
            <RequiredField
              ref={userNameRef}
              id={`${ids}-username`}
              label={t('login.userName')}
              error={fieldErrors.userName ? t('login.userNameRequired') : null}
              name="userName"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={userName}
              onChange={(e) => setUserName(e.target.value)}
            />
            <RequiredField
              ref={passwordRef}
              id={`${ids}-password`}
              label={t('login.password')}
              error={fieldErrors.password ? t('login.passwordRequired') : null}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />

            <button type="submit" className="btn-primary w-full" disabled={submitting} data-testid="login-submit">
              {t('login.submit')}
            </button>
            {submitting && (
              <p role="status" className="text-center">
                {t('login.submitting')}
              </p>
            )}
          </form>
          <DemoAccounts
            onPick={(name, secret) => {
              setUserName(name);
              setPassword(secret);
              passwordRef.current?.form?.querySelector<HTMLButtonElement>('[type="submit"]')?.focus();
            }}
          />
        </div>
      </main>
    </div>
  );
}
