import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { ActivityIcon } from './icons';
import type { ActivityDescriptor } from './model';
import { paletteGroups } from './palette';

export const paletteMime = 'application/x-orchestrator-activity';

/** Activity types to drag onto the canvas (or to add with Enter at the middle of the view), grouped and searchable. */
export function Palette({ descriptors, onAdd }: { descriptors: readonly ActivityDescriptor[]; onAdd: (type: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const id = useId();
  const [search, setSearch] = useState('');
  const groups = paletteGroups(descriptors, search);
  const onDragStart = (event: DragEvent<HTMLButtonElement>, type: string) => {
    event.dataTransfer.setData(paletteMime, type);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav aria-labelledby={`${id}-heading`} className="flex h-full min-h-0 flex-col" data-testid="palette">
      <h2 id={`${id}-heading`} className="mb-1 text-dns-16B-130 text-solid-gray-900">
        {t('designer.palette.heading')}
      </h2>
      <label htmlFor={`${id}-search`} className="sr-only">
        {t('designer.palette.search')}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        className="mb-2 w-full rounded-8 border border-solid-gray-600 px-2 py-1 text-dns-16N-130"
        placeholder={t('designer.palette.searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="palette-search"
      />
      <p className="mb-2 text-dns-14N-130 text-solid-gray-700">{t('designer.palette.hint')}</p>
      <div className="min-h-0 flex-1 overflow-y-auto pr-1">
        {groups.length === 0 && <p className="text-dns-14N-130">{t('designer.palette.noMatch')}</p>}
        {groups.map((group) => (
          <section key={group.category} className="mb-3">
            <h3 className="mb-1 text-dns-14B-130 text-solid-gray-700">{t(`designer.categories.${group.category}`, { defaultValue: group.category })}</h3>
            <ul className="flex flex-col gap-1">
              {group.items.map((d) => (
                <li key={d.type}>
                  <button
                    type="button"
                    draggable
                    onDragStart={(e) => onDragStart(e, d.type)}
                    onClick={() => onAdd(d.type)}
                    className="flex w-full cursor-grab items-center gap-2 rounded-8 border border-solid-gray-420 bg-white px-2 py-1.5 text-left text-dns-16N-130 hover:border-blue-900 hover:bg-blue-50"
                    title={`${d.description[language]}\n${t('designer.palette.itemHint')}`}
                    data-testid={`palette-${d.type}`}
                  >
                    <ActivityIcon type={d.type} category={d.category} className="size-5 shrink-0 text-blue-900" />
                    <span>{d.displayName[language]}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </nav>
  );
}
