import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A button that opens a short list of less-used actions below it (a disclosure: the actions are ordinary buttons and
 * links, reached with Tab). Choosing one, Escape, or clicking or tabbing elsewhere closes the list; Escape returns
 * focus to the button.
 */
export function MoreMenu({ label, className, testId, children }: { label: string; className: string; testId: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
      onBlur={(event) => {
        if (open && !root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button ref={button} type="button" className={className} aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} data-testid={testId}>
        {label}
        <svg
          aria-hidden="true"
          focusable="false"
          viewBox="0 0 20 20"
          className={`size-4 shrink-0 transition-transform ${open ? 'rotate-180' : ''}`}
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M5 8l5 5 5-5" />
        </svg>
      </button>
      <div
        id={id}
        hidden={!open}
        className="absolute left-0 top-full z-30 mt-1 flex min-w-60 flex-col gap-1 rounded-8 border border-solid-gray-420 bg-white p-2 shadow-lg"
        onClick={(event) => {
          if ((event.target as HTMLElement).closest('a,button')) setOpen(false);
        }}
      >
        {children}
      </div>
    </div>
  );
}
