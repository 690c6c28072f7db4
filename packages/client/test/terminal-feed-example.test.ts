import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '@pd-notify/mock-server';
import { notify, referenceServer } from './helpers.js';

function withoutTestContext(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_TEST_CONTEXT: _context, ...rest } = env;
  return rest;
}

let server: RunningServer;
before(async () => {
  server = await referenceServer();
});
after(() => server.close());

describe('examples/terminal-feed.ts (the README example)', () => {
  it('shows the bell count and the feed live, and marks read on a key', async () => {
    const example = new URL('../examples/terminal-feed.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', example], {
      // Without NODE_TEST_CONTEXT: the example is a program, not a test file of this run.
      env: { ...withoutTestContext(process.env), PD_BASE_URL: server.url, PD_TOKEN: 'demo-alice' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let seen = 0; // where the last awaited line ended: each wait looks at what came after it
    child.stdout.setEncoding('utf8');
    // Read all along: output that comes while the test awaits something else is kept, not dropped.
    child.stdout.on('data', (chunk: string) => (out += chunk));
    const waitFor = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(out.slice(seen));
          if (!match) return;
          seen += match.index + match[0].length;
          child.stdout.off('data', check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => reject(new Error(`no ${pattern} in:\n${out.slice(seen).slice(-1500)}`)), 8000);
        child.stdout.on('data', check);
        check();
      });
    try {
      await waitFor(/🔔 8 unread · 3 invitations · live/);
      await waitFor(/● {2}\[workflow\] Ben Okafor commented on “Midnight Drive” — 12m ago/);
      await notify(server, 'Printed the stems');
      await waitFor(/🔔 9 unread/);
      await waitFor(/Printed the stems — just now/);
      child.stdin.write('a');
      await waitFor(/🔔 0 unread/);
      child.stdin.write('q');
      const [code] = await once(child, 'exit', { signal: AbortSignal.timeout(8000) });
      assert.equal(code, 0);
    } finally {
      child.kill();
    }
  });
});
