/**
 * Content coding of answers (node:zlib): br or gzip, as the request's
 * `Accept-Encoding` prefers, for text bodies big enough to gain from it. The
 * event stream is never compressed (see docs/protocol.md, "Compression").
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Coding = 'br' | 'gzip';

/**
 * Below this an answer fits in one TCP segment either way, so compressing saves
 * no round trip and only costs both ends the work (and its delay).
 */
const MIN_BYTES = 1024;
const TEXT = /^(application\/(json|problem\+json|javascript)|text\/(html|css|javascript|plain)|image\/svg\+xml)\b/i;

/** Whether an answer of this type and size is compressed when the client accepts it (and so varies on it). */
export function compressible(contentType: string, size: number): boolean {
  return size >= MIN_BYTES && TEXT.test(contentType);
}

/** The coding to use: the acceptable one (q > 0) with the highest q, br on a tie; undefined for identity. */
export function negotiate(acceptEncoding: string): Coding | undefined {
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [coding = '', ...params] = part.split(';').map((piece) => piece.trim());
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (coding) weights.set(coding, Number.isFinite(weight) ? weight : 0);
  }
  const weight = (coding: Coding): number => weights.get(coding) ?? weights.get('*') ?? 0;
  const [best] = (['br', 'gzip'] as const).filter((coding) => weight(coding) > 0).sort((a, b) => weight(b) - weight(a));
  return best;
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Compresses a body: brotli at quality 5 (fast enough per request, close to gzip -9 in size), gzip at level 6. */
export function compress(body: Uint8Array, coding: Coding): Promise<Buffer> {
  return coding === 'br'
    ? brotli(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      })
    : gzipped(body, { level: 6 });
}
