import type { PdClient } from '@pd-notify/client';

/**
 * On the server (`@pd-notify/elements/ssr`): the client holding the snapshot being
 * rendered and the snapshot's language, set for the one synchronous render of a
 * page. Elements there have no provider and no document around them (no context
 * events, no `lang` to inherit) and make no client of their own.
 */
export const serverRendering: { client: PdClient | null; locale: string | null } = { client: null, locale: null };
