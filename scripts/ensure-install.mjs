// Makes `npm start` and `npm test` work on a fresh clone: runs `npm ci` when the
// dependencies are missing or older than package-lock.json; with --browser, also
// installs Debian's chromium when no browser is found and we may (root, apt-get).
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { INSTALL_HINT, findChrome } from './find-chrome.mjs';

const marker = 'node_modules/.package-lock.json';
if (!existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs) {
  console.log('pd-notify: installing dependencies (npm ci), once…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}

if (process.argv.includes('--browser') && !findChrome()) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.log("pd-notify: installing Debian's chromium for the browser tests, once…");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
  } else {
    console.warn(`pd-notify: ${INSTALL_HINT}`);
  }
}
