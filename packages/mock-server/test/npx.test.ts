/**
 * The README's `npx pd-mock-server --port 4010 --seed demo --control` in a clone:
 * npx finds the workspace's bin in node_modules/.bin (it must not ask a registry:
 * this test points npm at a registry that does not exist) and the server answers.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

it('npx pd-mock-server runs the workspace’s reference server, without a registry', async () => {
  const child = spawn('npx', ['pd-mock-server', '--port', '0', '--seed', 'demo', '--control'], {
    cwd: root,
    env: { ...process.env, npm_config_registry: 'http://127.0.0.1:9/' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true, // its own process group, as in a terminal
  });
  const exited = once(child, 'exit');
  let url: string | undefined;
  for await (const line of createInterface({ input: child.stdout })) {
    url = /^pd-notify reference server: (http:\/\/\S+)/.exec(line)?.[1];
    if (url) break;
  }
  assert.ok(url, 'the server printed its URL');
  const me = await fetch(`${url}/v1/me`, { headers: { Authorization: 'Bearer demo-alice' } });
  assert.equal((await me.json()).name, 'Alice Moreno');
  assert.equal((await fetch(`${url}/control/state`)).status, 200, 'the control API is on');
  process.kill(-child.pid!, 'SIGINT'); // Ctrl+C reaches the whole group
  await exited;
  await assert.rejects(fetch(`${url}/v1/me`), 'the server stopped with npx');
});
