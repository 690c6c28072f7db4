import type { PdClient } from '@pd-notify/client';

/**
 * On the server (`@pd-notify/elements/ssr`): the client holding the snapshot being
 * rendered and the snapshot's language, set for the one synchronous render of a
 * page. Elements there have no provider and no document around them (no context
 * events, no `lang` to inherit) and make no client of their own. One per process
 * (a global): a framework's server build may load the elements twice (Next.js
 * gives each route its own copy), and the copy that defined the tags must see it.
 */
export const serverRendering: { client: PdClient | null; locale: string | null } = ((
  globalThis as { [key: symbol]: typeof serverRendering }
)[Symbol.for('pd-notify.server-rendering')] ??= { client: null, locale: null });
