/** The absolute form of `url` when it is http(s) (relative URLs resolve against the page); otherwise null. */
export function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Fills `{trackId}` and `{widget}` of a feed's `href-template`; null when the result is not an http(s) URL. */
export function fillTemplate(template: string, trackId: string, widget: string): string | null {
  return safeHttpUrl(
    template.replaceAll('{trackId}', encodeURIComponent(trackId)).replaceAll('{widget}', encodeURIComponent(widget)),
  );
}
