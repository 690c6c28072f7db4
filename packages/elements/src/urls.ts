/** The absolute form of `url` when it is http(s) (relative URLs resolve against the page); otherwise null. */
export function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
