import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { runCli, startCli } from './helpers.js';

describe('pd-mock-server CLI', () => {
  it('starts with a seed, prints its URL and the demo tokens, serves them, and stops on SIGTERM', async (t) => {
    const server = await startCli(['--port', '0', '--seed', 'demo'], (out) => out.includes('demo-dev'));
    // A failed assertion must not leave the server running (the test file would never end).
    t.after(() => void (server.child.exitCode === null && server.child.kill('SIGKILL')));
    assert.match(server.stdout(), /Alice Moreno\s+producer\s+demo-alice/);
    const me = await fetch(`${server.url}/v1/me`, { headers: { Authorization: 'Bearer demo-alice' } });
    assert.deepEqual(await me.json(), {
      id: 'alice',
      name: 'Alice Moreno',
      avatarUrl: null,
      email: 'alice@moreno.studio',
    });
    assert.equal((await fetch(`${server.url}/control/state`)).status, 404, 'no control API without --control');
    assert.equal(await server.stop(), 0);
  });

  it('refuses bad arguments with a clear message and exit code 2', async () => {
    for (const args of [['--seed', 'nope'], ['--port', 'abc'], ['--frobnicate']]) {
      const child = runCli(...args);
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      const [code] = await once(child, 'exit');
      assert.equal(code, 2, args.join(' '));
      assert.match(err, /^pd-mock-server: .+\nUsage: pd-mock-server/);
    }
  });
});
