/**
 * Applies CSS through a constructed stylesheet and answers how to remove it. The server's Content-Security-Policy
 * (style-src 'self') blocks <style> elements written at run time; a constructed stylesheet is not one.
 */
export function adoptStyles(css: string): () => void {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return () => {};
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
