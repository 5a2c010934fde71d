import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';

/** Shows the other language by its own name (「English」 / 「日本語」) and switches to it. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = currentLanguage(i18n) === 'ja' ? 'en' : 'ja';
  return (
    <button type="button" className="btn-secondary" lang={target} data-testid="language-switch" onClick={() => void i18n.changeLanguage(target)}>
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.8">
        <circle cx="12" cy="12" r="9" />
        <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
      </svg>
      <span>{t('language.switchTo')}</span>
    </button>
  );
}
