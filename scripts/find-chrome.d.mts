/** Types of find-chrome.mjs, for the TypeScript tests that launch Chromium themselves. */
export function findChrome(): string | null;
export const INSTALL_HINT: string;
export const CHROME_ARGS: string[];
