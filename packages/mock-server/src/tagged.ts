/**
 * Answers whose ETag is the state of everything the user can see (the id of
 * their newest event): 304 when the client's `If-None-Match` has it, otherwise
 * the JSON, kept per user and request until the tag changes. The same tag
 * means the same data, so a kept answer is the one the store would give again,
 * without validating the query, building and serialising it again.
 */
import type { Context } from 'hono';
import type { ServerEnv } from './env.js';
import { textHeaders, utf8 } from './json.js';
import { spokenHeaders, stringifyIn } from './texts.js';

/** Answers kept at most (the oldest goes first): a few per user and view. */
const CAPACITY = 1000;

/** A tag without its weak prefix (`W/`). */
const opaque = (value: string): string => value.replace(/^W\//, '');

export class TaggedAnswers {
  /** The bytes of each kept answer, and its headers (never changed: every answer for the tag shares them). */
  #kept = new Map<string, { tag: string; bytes: Uint8Array<ArrayBuffer>; headers: Record<string, string> }>();

  /**
   * The answer for `tag`; `body` validates the request and builds its data
   * when no answer is kept for it (a request refused is never kept). The
   * comparison is weak (RFC 9110 §13.1.2), so a tag the compressor made weak
   * when it compressed the answer (`W/"…"`) still matches.
   */
  answer(c: Context<ServerEnv>, tag: string, body: () => unknown): Response {
    // The same state reads differently in another language: a tag and a kept answer per language.
    const language = c.get('language');
    const key = `${c.get('userId')} ${language} ${c.req.url}`;
    const etag = `"${tag}-${language}"`;
    let kept = this.#kept.get(key);
    if (kept?.tag !== tag) {
      const bytes = utf8(stringifyIn(body(), language));
      const headers = {
        'Content-Type': 'application/json; charset=utf-8',
        ETag: etag,
        'Cache-Control': 'no-cache',
        ...spokenHeaders(language),
      };
      kept = { tag, bytes, headers: textHeaders(bytes.length, headers) };
      this.#kept.delete(key);
      this.#kept.set(key, kept);
      if (this.#kept.size > CAPACITY) this.#kept.delete(this.#kept.keys().next().value!);
    }
    const match = c.req.header('if-none-match');
    if (match?.split(/\s*,\s*/).some((value) => value === '*' || opaque(value) === opaque(etag))) {
      return new Response(null, {
        status: 304,
        headers: { ETag: etag, 'Cache-Control': 'no-cache', ...spokenHeaders(language) },
      });
    }
    return new Response(kept.bytes, { headers: kept.headers });
  }
}
