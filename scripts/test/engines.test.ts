/**
 * The lowest Node the project supports is the root `engines.node`, the one the README states.
 * `npm ci` on that Node warns EBADENGINE for every package it installs whose `engines.node`
 * excludes it: the lockfile must hold none.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import semver from 'semver';

interface Manifest {
  engines?: { node?: string };
  optional?: boolean;
  version?: string;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const declared = (readJson('package.json') as Manifest).engines?.node ?? '';
const minimum = semver.minVersion(declared);

describe('the minimum Node version', () => {
  it('is the root engines.node, stated by the README as "Node.js X.Y or newer"', () => {
    const stated = /Node\.js (\d+\.\d+) or newer/.exec(readFileSync('README.md', 'utf8'))?.[1];
    assert.ok(stated, 'the README does not say "Node.js X.Y or newer"');
    assert.equal(declared, `>=${stated}`);
  });

  it('is accepted by every package npm ci installs', () => {
    assert.ok(minimum, `package.json engines.node (${declared}) has no minimum version`);
    const packages = (readJson('package-lock.json') as { packages: Record<string, Manifest> }).packages;
    const excluding = Object.entries(packages).flatMap(([path, { engines, optional, version }]) =>
      // npm skips, silently, an optional package whose engines exclude the running Node;
      // the others it checks as here (npm-install-checks) and warns about.
      !optional && engines?.node && !semver.satisfies(minimum, engines.node, { includePrerelease: true })
        ? [`${path}@${version}: node ${engines.node}`]
        : [],
    );
    assert.deepEqual(excluding, [], `these exclude Node ${minimum}:\n  ${excluding.join('\n  ')}`);
  });
});
