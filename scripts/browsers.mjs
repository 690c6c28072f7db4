// The three engines the browser tests run in, as installed on this machine:
// Chromium (CHROME_PATH or the usual places), Firefox (FIREFOX_PATH or firefox-esr /
// firefox on the PATH, driven by puppeteer-core over WebDriver BiDi) and WebKit
// (WebKitGTK's MiniBrowser through WebKitWebDriver, on an Xvfb display).
// No npm dependencies: .ci/run uses it before `npm ci`.
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** How wtr's output and the totals name each engine. */
export const ENGINE_NAMES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

/** The Debian packages that give each engine. */
export const DEBIAN_PACKAGES = {
  chromium: ['chromium'],
  firefox: ['firefox-esr'],
  webkit: ['webkit2gtk-driver', 'xvfb'],
};

const onPath = (command) =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, command))
    .find((path) => existsSync(path)) ?? null;

const CHROME_CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Chromium's path, or null when none is installed. */
export function findChrome() {
  return CHROME_CANDIDATES.find((path) => path && existsSync(path)) ?? null;
}

/** Firefox's path, or null. */
export function findFirefox() {
  const set = process.env.FIREFOX_PATH;
  if (set) return existsSync(set) ? set : null;
  return onPath('firefox-esr') ?? onPath('firefox');
}

/** WebKitGTK's MiniBrowser (libwebkit2gtk-4.1-0 puts it under /usr/lib/<arch>/webkit2gtk-4.1/). */
function findMiniBrowser() {
  const lib = '/usr/lib';
  if (!existsSync(lib)) return null;
  for (const arch of readdirSync(lib)) {
    const path = join(lib, arch, 'webkit2gtk-4.1', 'MiniBrowser');
    if (existsSync(path)) return path;
  }
  return null;
}

/** What WebKit needs (the driver, the browser, a display server), or null when something is missing. */
export function findWebKit() {
  const driver = onPath('WebKitWebDriver');
  const miniBrowser = findMiniBrowser();
  const xvfb = onPath('Xvfb');
  return driver && miniBrowser && xvfb ? { driver, miniBrowser, xvfb } : null;
}

/** Whether `engine` can run here. */
export function hasEngine(engine) {
  return Boolean({ chromium: findChrome, firefox: findFirefox, webkit: findWebKit }[engine]());
}

/** Says how to install `engine`. */
export function installHint(engine) {
  const packages = DEBIAN_PACKAGES[engine].join(' ');
  const variable = {
    chromium: ' (or point CHROME_PATH at a Chrome/Chromium binary)',
    firefox: ' (or set FIREFOX_PATH)',
    webkit: '',
  }[engine];
  return (
    `No ${ENGINE_NAMES[engine]} found for the browser tests. Install it (Debian/Ubuntu: ` +
    `\`sudo apt-get install -y ${packages}\`)${variable}, then run \`npm test\` again.`
  );
}

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
