/**
 * A search's matching (`GET /v1/notifications?q=`), shared by the reference
 * server and the client's offline fallback: both sides compared in Unicode
 * compatibility decomposition (NFKD), combining marks removed, lower case; the
 * query split into words at white space, every word a substring of the text.
 */

/** Text compared without case or accents: compatibility-decomposed, marks dropped, lower case. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A search's words, folded (every one must match). */
export function searchTerms(q: string): string[] {
  return foldText(q).split(/\s+/).filter(Boolean);
}

/** Whether every term appears in one of `texts` (a notification's title, message, actor's and track's names). */
export function matchesTerms(terms: readonly string[], texts: readonly (string | null | undefined)[]): boolean {
  const text = foldText(texts.filter((part) => part).join('\n'));
  return terms.every((term) => text.includes(term));
}
