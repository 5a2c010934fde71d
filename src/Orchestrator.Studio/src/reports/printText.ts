/**
 * The printed 成果報告書 in Japanese: the server writes each definition and method in Japanese with its English in
 * parentheses, names its data files and its random number generator. On paper in Japanese the English, the file names
 * and the definitions about the query itself go; the bootstrap is said in plain words instead.
 */

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/g;
const latin = /[A-Za-z]/g;

/** English in parentheses: more Latin letters than Japanese characters (it may quote a Japanese term, as 「推計値に基づく」). */
const isEnglish = (text: string) => (text.match(latin)?.length ?? 0) > (text.match(japanese)?.length ?? 0);
const parenthesis = /\s*\([^()]*\)/g;
const filePath = /\s*[\w.-]*(?:\/[\w.-]+)*\.(?:json|csv|xlsx|xes|yaml|yml)\b/g;

/** The text without its parentheses in English (innermost first) and without file names. */
export function japaneseOnly(text: string): string {
  let previous: string;
  do {
    previous = text;
    text = text.replace(parenthesis, (m) => (isEnglish(m) ? '' : m));
  } while (text !== previous);
  return text
    .replace(filePath, '')
    .replace(/\s+([、。:])/g, '$1')
    .trim();
}

/** Definitions that speak of the software rather than the measurement: the record kinds, versions, the generator. */
const aboutTheQuery = ['Δ の 95% 区間', '記録の種類', '版:', '職員は'];

/** The definitions as the printed report states them (Japanese only); the interval's one in plain words. */
export function printedDefinitions(definitions: readonly string[], interval: string): string[] {
  const kept = definitions.filter((d) => !aboutTheQuery.some((p) => d.startsWith(p))).map(japaneseOnly);
  return definitions.some((d) => d.startsWith('Δ の 95% 区間')) ? [...kept, interval] : kept;
}
