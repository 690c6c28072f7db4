/**
 * A search (`PdClient.search`): its own store, with the server's results
 * (`GET /v1/notifications?q=`), or, while the server cannot be reached, the
 * loaded notifications that match, marked `source: 'local'`. Matching is the
 * server's (`searchTerms` and `matchesTerms` of `@pd-notify/protocol`) over the
 * title, the message and the actor's name (the client does not hold track
 * names: a local search does not find by them). Loaded with the mutations, so
 * the client's start does not carry it.
 */
import { matchesTerms, searchTerms, type Notification } from '@pd-notify/protocol/wire';
import { atom, type ReadableAtom } from 'nanostores';
import { PdError } from '../errors.js';
import type { LoadStatus } from './area.js';
import type { AreaContext } from './area.js';
import { inView, type NotificationFilter } from './notifications.js';

/** A search's state. */
export interface SearchState {
  /** What was searched. */
  q: string;
  /** The filter it combines with (the inbox unless `archived` or `snoozed`). */
  filter: NotificationFilter;
  /** Newest first. */
  items: readonly Notification[];
  /** `loading` until the first answer; `ready` with results; `error` when neither the server nor the loaded items could answer. */
  status: Exclude<LoadStatus, 'idle' | 'cached'>;
  /** `server`: the server's results; `local`: matched among the loaded notifications, the server being unreachable. */
  source: 'server' | 'local';
  /** The server has more results than `items` (load them with `loadMore()`); false for a local search. */
  hasMore: boolean;
  /** How many items match on the server, when it says; undefined for a local search. */
  total: number | undefined;
  error: PdError | null;
}

/** A search's store, and its next pages. */
export type SearchStore = ReadableAtom<SearchState> & {
  /** Loads the server's next page of results (nothing when there is none; a call while one loads waits for it). */
  loadMore(): Promise<void>;
};

export interface SearchOptions {
  context: AreaContext;
  /** The notifications loaded in every view, newest first (what a search answers from offline). */
  loaded(): readonly Notification[];
  /** Whether the browser says it is offline (then only the loaded items are searched). */
  offline(): boolean;
}

/** Checks `q` as the protocol does: 2 to 100 characters, at least two of them not white space. */
export function checkQuery(q: string): PdError | null {
  return q.length >= 2 && q.length <= 100 && /\S[\s\S]*\S/.test(q)
    ? null
    : new PdError('bad-request', 'A search is 2 to 100 characters, at least two of them not white space');
}

/** Starts a search; its store follows it. */
export function search(options: SearchOptions, q: string, filter: NotificationFilter = {}): SearchStore {
  const base = { q, filter, hasMore: false, total: undefined, error: null };
  const $search = atom<SearchState>({ ...base, items: [], status: 'loading', source: 'server' });
  let cursor: string | null = null;
  let more: Promise<void> | null = null;
  const { context } = options;
  const local = (error: PdError | null): void => {
    const terms = searchTerms(q);
    const items = options
      .loaded()
      .filter(
        (item) =>
          inView(item, filter) &&
          (!filter.category || item.category === filter.category) &&
          (!filter.trackId || item.trackId === filter.trackId) &&
          (filter.unread == null || (item.readAt === null) === filter.unread) &&
          matchesTerms(terms, [item.title, item.message, item.actor?.name]),
      );
    $search.set({ ...base, items, status: 'ready', source: 'local', error });
  };
  if (options.offline()) {
    local(null);
  } else {
    context.rest.listNotifications({ ...filter, q }).then(
      (page) => {
        cursor = page.nextCursor;
        $search.set({
          ...base,
          items: page.items,
          status: 'ready',
          source: 'server',
          hasMore: page.nextCursor !== null,
          total: page.total,
        });
      },
      (error: unknown) => {
        const pdError = context.report(error);
        // No answer (or a failing server): the loaded items answer instead; a refusal is the search's error.
        if (pdError.kind === 'network' || pdError.kind === 'server' || pdError.kind === 'rate-limited') local(pdError);
        else $search.set({ ...base, items: [], status: 'error', source: 'server', error: pdError });
      },
    );
  }
  const loadMore = (): Promise<void> =>
    (more ??=
      cursor === null
        ? Promise.resolve()
        : context.rest.listNotifications({ ...filter, q, cursor }).then(
            (page) => {
              cursor = page.nextCursor;
              const held = $search.get();
              const known = new Set(held.items.map((item) => item.id));
              const items = [...held.items, ...page.items.filter((item) => !known.has(item.id))];
              $search.set({ ...held, items, hasMore: page.nextCursor !== null });
            },
            (error: unknown) => {
              throw context.report(error);
            },
          )).finally(() => (more = null));
  return Object.assign($search, { loadMore });
}
