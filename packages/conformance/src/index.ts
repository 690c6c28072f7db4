/** Helpers of the conformance suite, shared with the reference server's own tests. */
export { http, type Caller, type CallOptions, type Reply } from './http.js';
export { rawRequest, type RawReply, type RawRequest } from './raw.js';
export { readEvents, type EventReader } from './events.js';
export { assertDocumented, assertEventSchema, assertSchema, openApi } from './schema.js';
export { startTarget, type Target } from './target.js';
