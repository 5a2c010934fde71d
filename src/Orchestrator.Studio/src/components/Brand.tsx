import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Brand() {
  const { t } = useTranslation();
  return (
    <Link to="/" className="group flex items-center gap-3 no-underline">
      <svg aria-hidden="true" focusable="false" viewBox="0 0 32 32" className="size-10 shrink-0">
        <rect width="32" height="32" rx="6" fill="var(--color-blue-900)" />
        <circle cx="16" cy="16" r="8" fill="none" stroke="#fff" strokeWidth="3" />
        <circle cx="16" cy="16" r="2.5" fill="#fff" />
      </svg>
      <span className="flex flex-col">
        <span className="text-std-20B-150 text-solid-gray-900 group-hover:underline" data-testid="product-name">
          {t('app.name')}
        </span>
        <span className="text-dns-16N-130 text-solid-gray-700" data-testid="product-subtitle">
          {t('app.subtitle')}
        </span>
      </span>
    </Link>
  );
}
