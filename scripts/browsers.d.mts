/** Types of browsers.mjs, for the TypeScript scripts and tests that launch a browser themselves. */
export type Engine = 'chromium' | 'firefox' | 'webkit';
export const ENGINES: Engine[];
export const ENGINE_NAMES: Record<Engine, string>;
export const DEBIAN_PACKAGES: Record<Engine, string[]>;
export function findChrome(): string | null;
export function findFirefox(): string | null;
export function findWebKit(): { driver: string; miniBrowser: string; xvfb: string } | null;
export function hasEngine(engine: Engine): boolean;
export function installHint(engine: Engine): string;
export const CHROME_ARGS: string[];
