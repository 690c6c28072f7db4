// Runs `npm ci` when dependencies are missing or older than package-lock.json,
// so `npm start` and `npm test` work on a fresh clone. No dependencies of its own.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
if (stale) {
  console.log('pd-notify: installing dependencies (npm ci), once…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
