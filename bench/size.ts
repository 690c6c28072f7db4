/**
 * Bundle sizes: each entry bundled the way a host's production build would
 * (rollup, node-resolve with the browser conditions, every dependency bundled,
 * esbuild minification without license comments, NODE_ENV=production; our Lit
 * templates' whitespace minified), then gzip -9 and brotli -11 of what a
 * page loads at start. Code behind a dynamic import() (a locale loaded on
 * demand) is reported apart as `lazy`.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup, type Plugin } from 'rollup';
import { browserBuildPlugins } from '../scripts/browser-build.mjs';

export interface Size {
  /** Minified bytes loaded at start (the entry and what it imports statically). */
  min: number;
  gzip: number;
  brotli: number;
  /** Minified bytes behind dynamic imports, loaded on demand. */
  lazy: number;
}

export interface BundleOptions {
  /** Where bare imports resolve from (a scratch folder for the peers). Default: this project. */
  rootDir?: string;
  /** Extra plugins placed before resolution (e.g. JSX for a React peer's entry). */
  plugins?: Plugin[];
}

const VIRTUAL = '\0size-entry';

/** Bundles `code` (an ES module's source) as the entry, and measures it. */
export async function measure(code: string, options: BundleOptions = {}): Promise<Size> {
  const entry: Plugin = {
    name: 'size-entry',
    resolveId: (id) => (id === VIRTUAL ? id : null),
    load: (id) => (id === VIRTUAL ? code : null),
  };
  const bundle = await rollup({
    input: VIRTUAL,
    logLevel: 'silent',
    plugins: [
      entry,
      ...(options.plugins ?? []),
      // License comments are left out of the measure, as size tools do (ours and the peers' alike).
      ...browserBuildPlugins({ legalComments: 'none', ...(options.rootDir ? { rootDir: options.rootDir } : {}) }),
    ],
  });
  const { output } = await bundle.generate({ format: 'es', minifyInternalExports: true });
  await bundle.close();
  const chunks = new Map(output.filter((file) => file.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set<string>();
  const unresolved = new Set<string>();
  const visit = (name: string) => {
    if (initial.has(name)) return;
    const chunk = chunks.get(name);
    if (!chunk) return void unresolved.add(name);
    initial.add(name);
    for (const imported of chunk.imports) visit(imported);
  };
  visit([...chunks.values()].find((chunk) => chunk.isEntry)!.fileName);
  if (unresolved.size) throw new Error(`could not bundle, unresolved: ${[...unresolved].join(', ')}`);
  const atStart = [...initial].map((name) => chunks.get(name)!.code).join('\n');
  const lazy = [...chunks.values()].filter((chunk) => !initial.has(chunk.fileName));
  return {
    min: Buffer.byteLength(atStart),
    gzip: gzipSync(atStart, { level: 9 }).length,
    brotli: brotliCompressSync(atStart, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    lazy: lazy.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.code), 0),
  };
}

/** The languages the elements load on demand (English is in every entry). */
export const LANGUAGE_PACKS = ['fr', 'de', 'es', 'ar'] as const;

/** A language's pack: its five text tables (the shared texts, the inbox verbs', browser notifications', help's and the preferences'), as loaded once a page shows every element in it. */
export function languagePack(language: string): string {
  const dir = new URL('../packages/elements/src/locales/', import.meta.url).pathname;
  const files = ['', '-inbox', '-browser', '-help', '-preferences'].map((part) => `${dir}${language}${part}.ts`);
  return `${files.map((file, index) => `import t${index} from '${file}';`).join('\n')}\nexport default [${files.map((_, index) => `t${index}`).join(', ')}];`;
}

/** Our entries, as a host imports them. */
export const OUR_ENTRIES = {
  /** The client core, as a host building its own UI imports it. */
  client: `export { createClient, PdError } from '@pd-notify/client';`,
  /** Everything the client package exports (its SSE parser, relative times…), for reference. */
  'client, every export': `export * from '@pd-notify/client';`,
  'pd-bell-badge': `import '@pd-notify/elements/pd-bell-badge';`,
  'pd-activity-feed': `import '@pd-notify/elements/pd-activity-feed';`,
  'all elements': `import '@pd-notify/elements';`,
} as const;

/**
 * Gzip budgets in bytes, checked by bench/test/size-budget.test.ts in npm test.
 * Issue 13 set 16 / 34 / 41 KB with ky inside (ky 1.14.3 is 4.86 KB gzip of the
 * client). Its lifecycle work (loading by demand per area, the hand-off of state
 * between tabs, retries of every startup fault, onNotification) measured 17.16 /
 * 34.93 / 41.06 KB. What only some pages need now loads on first use: the tab
 * link (pages that share a stream), the poller (only when the stream cannot
 * get through), the notification mutations (the first action, or when the
 * browser is idle after a feed is shown): 16.97 / 34.73 / 40.88 KB. The rest is
 * what every page needs at start, so the client and the feed get 1 KB more.
 * Issue 18's persisted cache loads on demand (its IndexedDB code, 3 KB minified);
 * what decides when to use it (whose cache, showing it, confirming it once the
 * stream has replayed) is at start: +0.53 KB gzip, measured. Its offline queue
 * and the changes themselves load on demand too; what counts and shows the
 * changes waiting ($connection.pending, each store's pending ids) is at start:
 * +0.33 KB. Measured 17.84 / 35.63 / 41.76 KB, hence 18 / 36 / 42 KB.
 * Then the feed's panel moved behind a dynamic import (it loads the first time
 * the panel opens): the feed measured 31.2 KB at start, so its budget is back
 * to issue 13's 34 KB. The fixes for a page reloaded mid-change (each area
 * re-applies what the stream brought during a full reload; each IndexedDB
 * write commits at once) took the client from 18.00 to 18.17 KB (+176 bytes,
 * measured), hence 19 KB for the client. With issue 16 (the user's email,
 * the browser channel, the help element) merged in a trial: 18.17 / 32.77 /
 * 41.86 KB. Issue 21's one failure state per client (every request admitted
 * by it, every retry parked in it: health.ts, 1.5 KB minified), the user
 * identified once per browser (identity.ts: the Web Lock, the remembered user,
 * me() shared, 1.0 KB) and $connection merged in a module of its own took the
 * client from 18.17 to 19.60 KB and every element to 42.63 KB; the feed
 * measures 33.50. All of it runs at a page's start (a browser page that
 * persists needs identity and the health before its first request), so nothing
 * more can wait: 20 / 34 / 43 KB.
 * Issue 23's design pass measured 19.6 / 34.93 / 46.13 KB: at a feed's start,
 * the theme tokens for the dark focus ring, the 3:1 edges, the one inset and
 * button scale and the state colours (+1.9 KB minified), the protocol's table
 * of notification kinds with its icons (+1.8 KB, the client's
 * setNotificationType needs it), the bell's ink check (+0.95 KB); every element
 * adds the shared feedback patterns (loading, error, warning, success),
 * clamping with "Show more" and the preferences' feed icons. Hence 20 / 36 /
 * 47 KB.
 * Issue 24's verbs in the client (seen, archive, snooze, bulk, search, their
 * stream events and the unseen count) mostly load on demand with the
 * mutations; what every page needs at start (the new change kinds, the view
 * filters, `$unseenCount`, applying `notifications.bulk`) took the client from
 * 19.67 to 20.00 KB, one byte under its budget: 21 KB for the client.
 * Issue 24's verbs in the elements (the views, Search and Select in the
 * feed's header, Snooze on each row, seen marking, and `badge="unseen"` on
 * both bells) load with the panel or on first use, but `badge="unseen"`
 * (+0.18 KB) and the list's total took every element together to 46.98 KB,
 * 20 bytes under its budget: 48 KB for all elements (the feed at start 35.66
 * of 36, the client 20.06 of 21).
 * Issue 24's Archived and Snoozed views as stores of their own (`$archived`,
 * `$snoozed`: two more areas, each loaded when observed, every area seeing
 * every event, a list showing at once the items a change brings in from
 * another view) took the client from 20.06 to 20.49 KB and the feed at start
 * from 35.66 to 36.12 KB (+0.45 KB, measured). It is all start code: a store
 * exists before it is observed, and the list's view is computed on every
 * change. Hence 37 KB for the feed.
 * Issue 25's languages (the client's locale, each element telling it its
 * language) took every element to 47.99 KB; its grouped activity adds the
 * feed's `group-window` property and the protocol's `trackName` check at
 * start (the grouping itself loads with the panel): 48.04 KB, measured (the
 * client 20.73, the feed at start 36.60); a user's or language's switch
 * forgetting the changes' answers took them to 20.85 / 36.74 / 48.16 KB.
 * Hence 49 KB for all elements.
 * Issue 26's server rendering keeps the loading of a snapshot (`loadSnapshot`)
 * out of the browser's code, but a browser's client starting from one (its
 * areas, user and language restored before the first render, the inbox
 * published at once) and `<pd-provider snapshot>` reading it, with the bell's
 * link until the element runs (`href`), are start code: 21.01 / 37.08 / 48.71
 * KB, measured; checking that the first token is the snapshot's user's (a hash)
 * took them to 21.20 / 37.31 / 48.62. Hence 21.5 KB for the client and 37.5 KB
 * for the feed.
 */
export const BUDGETS: Partial<Record<keyof typeof OUR_ENTRIES, number>> = {
  client: 21.5 * 1024,
  'pd-activity-feed': 37.5 * 1024,
  'all elements': 49 * 1024,
};
