import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import ja from './ja.json';
import en from './en.json';

type Resource = Record<string, unknown>;

/**
 * Each feature keeps its texts beside its code as `src/<feature>/i18n.ja.json` and `i18n.en.json`, one top-level
 * key per feature; they are merged over the shared texts here.
 */
const featureTexts = import.meta.glob<Resource>('../*/i18n.*.json', { eager: true, import: 'default' });

export function textsFor(language: string, base: Resource): Resource {
  const merged: Resource = { ...base };
  for (const [path, texts] of Object.entries(featureTexts)) {
    if (path.endsWith(`/i18n.${language}.json`)) Object.assign(merged, texts);
  }
  return merged;
}

export const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'ja';
/** localStorage key that remembers the chosen display language. */
export const languageStorageKey = 'orchestrator.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(languageStorageKey);
    return isLanguage(value) ? value : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

function applyLanguage(lng: string) {
  const language = isLanguage(lng) ? lng : defaultLanguage;
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(languageStorageKey, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** Creates and initialises the i18next instance shared by the app (Japanese first). */
export function createI18n(): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { ja: { translation: textsFor('ja', ja) }, en: { translation: textsFor('en', en) } },
    lng: storedLanguage(),
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = instance.language;
  instance.on('languageChanged', applyLanguage);
  return instance;
}

export function currentLanguage(instance: I18n): Language {
  return isLanguage(instance.language) ? instance.language : defaultLanguage;
}
