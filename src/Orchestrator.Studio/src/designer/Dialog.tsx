import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const focusable = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal panel: focus moves in when it opens and stays inside (Tab and Shift+Tab go round its controls), Escape or
 * 閉じる closes it, and focus goes back to what opened it — or, when that is gone (a menu item), to `returnTo`.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide,
  testId,
  returnTo,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
  returnTo?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.focus();
    return () => {
      // A hidden opener (the item of a menu that closed) cannot take focus.
      const back = opener?.isConnected && !opener.closest('[hidden]') ? opener : returnTo ? document.querySelector<HTMLElement>(returnTo) : null;
      back?.focus();
    };
  }, [returnTo]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(focusable)].filter((el) => !el.closest('[hidden]'));
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === ref.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-black/40 p-4 md:p-10"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        tabIndex={-1}
        className={`w-full ${wide ? 'max-w-4xl' : 'max-w-xl'} rounded-8 bg-white p-6 shadow-lg focus:outline-none`}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <div className="mb-4 flex items-start justify-between gap-4">
          <h2 id={`${id}-title`} className="text-std-24B-150 text-solid-gray-900">
            {title}
          </h2>
          <button type="button" className="btn-secondary" onClick={onClose}>
            {t('designer.close')}
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
