/**
 * `@pd-notify/mock-server/domain`: the reference server's domain without its
 * HTTP layer (no Node APIs): the store, the clock, the seeds and the artwork.
 * Storybook runs it in the browser as the stories' deterministic backend.
 */
export { Store, type StoreOptions } from './store/store.js';
export { Clock, type ClockOptions } from './clock.js';
export { applySeed, DEMO_USERS, SEEDS, type SeedName } from './seed.js';
export { ProblemError } from './problem.js';
export { artworkSvg } from './artwork.js';
