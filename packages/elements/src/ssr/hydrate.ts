/**
 * `@pd-notify/elements/hydrate`: the elements for a server-rendered page. Lit's
 * hydration support comes first (it must load before Lit), then every element:
 * those the server rendered take over their HTML instead of rendering again.
 * @packageDocumentation
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
export * from '../index.js';
