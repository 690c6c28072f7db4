// Makes `npm start` and `npm test` work on a fresh clone: runs `npm ci` when the
// dependencies are missing or older than package-lock.json; with --browser, also
// installs the test engines (Chromium, Firefox, WebKit) that are missing, when we may
// (root, apt-get), and otherwise says how.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { installMissingBrowsers } from './install-browsers.mjs';

const marker = 'node_modules/.package-lock.json';
if (!existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs) {
  console.log('pd-notify: installing dependencies (npm ci), once…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}

if (process.argv.includes('--browser')) installMissingBrowsers();
