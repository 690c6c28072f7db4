// Installs the Debian packages of the test engines (Chromium, Firefox, WebKit) that are
// missing, with apt-get: as root, or through sudo with --sudo (CI). No npm dependencies:
// .ci/run calls it before `npm ci`; `npm test` calls it through scripts/ensure-install.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DEBIAN_PACKAGES, ENGINES, ENGINE_NAMES, hasEngine, installHint } from './browsers.mjs';

/** Installs what is missing when it may; otherwise prints how to. Returns the engines still missing. */
export function installMissingBrowsers({ sudo = false } = {}) {
  const missing = ENGINES.filter((engine) => !hasEngine(engine));
  if (missing.length === 0) return [];
  const root = process.getuid?.() === 0;
  if (!existsSync('/usr/bin/apt-get') || (!root && !sudo)) {
    for (const engine of missing) console.warn(`pd-notify: ${installHint(engine)}`);
    return missing;
  }
  const packages = missing.flatMap((engine) => DEBIAN_PACKAGES[engine]);
  console.log(`pd-notify: installing ${missing.map((e) => ENGINE_NAMES[e]).join(', ')} (${packages.join(' ')}), once…`);
  const run = (args) =>
    execFileSync(root ? args[0] : 'sudo', root ? args.slice(1) : args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...packages]);
  return ENGINES.filter((engine) => !hasEngine(engine));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const missing = installMissingBrowsers({ sudo: process.argv.includes('--sudo') });
  if (missing.length > 0) process.exit(1);
}
