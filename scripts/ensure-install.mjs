// Makes `npm start` and `npm test` work on a fresh clone: runs `npm ci` when the
// dependencies are missing or older than package-lock.json (the root's, and the Angular
// example's, which is its own npm project); with --browser, also
// installs the test engines (Chromium, Firefox, WebKit) that are missing, when we may
// (root, apt-get), and otherwise says how.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { installMissingBrowsers } from './install-browsers.mjs';

/** Whether `dir`'s dependencies are missing or older than its package-lock.json. */
const stale = (dir) => {
  const marker = `${dir}/node_modules/.package-lock.json`;
  return !existsSync(marker) || statSync(`${dir}/package-lock.json`).mtimeMs > statSync(marker).mtimeMs;
};
if (stale('.')) {
  console.log('pd-notify: installing dependencies (npm ci), once…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
// The Angular example is an npm project of its own (Angular 21's build wants TypeScript 5.9, not the workspace's 6).
if (stale('examples/angular')) {
  console.log('pd-notify: installing the Angular example’s dependencies (npm ci --prefix examples/angular), once…');
  execSync('npm ci --prefix examples/angular --no-audit --no-fund', { stdio: 'inherit' });
}

if (process.argv.includes('--browser')) installMissingBrowsers();
