/**
 * `@pd-notify/elements`: the pd-notify web components. The elements arrive with
 * their own issues; this entry point already re-exports the client's types so
 * hosts can type their event handlers.
 * @packageDocumentation
 */
export type * from '@pd-notify/client';
