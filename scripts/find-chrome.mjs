// Finds the Chromium/Chrome binary for browser tests: CHROME_PATH, then the usual places.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The browser's path, or null when none is installed. */
export function findChrome() {
  return CANDIDATES.find((path) => path && existsSync(path)) ?? null;
}

export const INSTALL_HINT =
  'No Chromium found for the browser tests. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
  'or point CHROME_PATH at a Chrome/Chromium binary, then run `npm test` again.';

/** Flags Chromium needs headless, as root, on a closed network. */
export const CHROME_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
