import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';

const CLI = new URL('../src/cli.ts', import.meta.url).pathname;
const run = (...args: string[]) =>
  spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('pd-mock-server CLI', () => {
  it('starts with a seed, prints its URL and the demo tokens, serves them, and stops on SIGTERM', async (t) => {
    const child = run('--port', '0', '--seed', 'demo');
    // A failed assertion must not leave the server running (the test file would never end).
    t.after(() => void (child.exitCode === null && child.kill('SIGKILL')));
    let out = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        const match = /reference server: (http:\/\/\S+)/.exec(out);
        if (match && out.includes('demo-dev')) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)));
    });
    assert.match(out, /Alice Moreno\s+producer\s+demo-alice/);
    const me = await fetch(`${url}/v1/me`, { headers: { Authorization: 'Bearer demo-alice' } });
    assert.deepEqual(await me.json(), {
      id: 'alice',
      name: 'Alice Moreno',
      avatarUrl: null,
      email: 'alice@moreno.studio',
    });
    assert.equal((await fetch(`${url}/control/state`)).status, 404, 'no control API without --control');
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  });

  it('refuses bad arguments with a clear message and exit code 2', async () => {
    for (const args of [['--seed', 'nope'], ['--port', 'abc'], ['--frobnicate']]) {
      const child = run(...args);
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      const [code] = await once(child, 'exit');
      assert.equal(code, 2, args.join(' '));
      assert.match(err, /^pd-mock-server: .+\nUsage: pd-mock-server/);
    }
  });
});
