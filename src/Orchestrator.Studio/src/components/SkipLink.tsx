import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const mainContentId = 'main-content';

/** First focusable element of every page: jumps over the header and menu to the main content. */
export function SkipLink() {
  const { t } = useTranslation();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(mainContentId);
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView?.();
  };
  return (
    <a href={`#${mainContentId}`} className="skip-link" onClick={skip}>
      {t('skipLink')}
    </a>
  );
}
