/**
 * `@pd-notify/client`: the typed client core of pd-notify.
 * @packageDocumentation
 */
export type * from '@pd-notify/protocol';
export {
  SseParser,
  SseOverflowError,
  type SseMessage,
  type SseParserHandlers,
  type SseParserOptions,
} from './sse/parser.js';
