import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { strictCsp } from '../../strict-csp.js';
import { startDemo } from '../serve.js';

describe('npm start (examples/vanilla)', () => {
  it('serves the host page, the elements bundle and the live API on one origin', async () => {
    const server = await startDemo(0);
    try {
      const page = await fetch(`${server.url}/`);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('content-security-policy'), strictCsp(), 'the page has the strict policy');
      const html = await page.text();
      assert.doesNotMatch(html, /<style|<script(?![^>]*\ssrc=)|\sstyle=|\son[a-z]+=/, 'nothing inline');
      for (const file of ['/host.js', '/demo.css']) {
        const answer = await fetch(`${server.url}${file}`);
        assert.equal(answer.status, 200, file);
        assert.equal(answer.headers.get('content-security-policy'), strictCsp(), file);
      }
      for (const tag of [
        'pd-provider',
        'pd-activity-feed',
        'pd-bell-badge',
        'pd-invitations',
        'pd-toaster',
        'pd-preferences-form',
      ]) {
        assert.match(html, new RegExp(`<${tag}[ >]`), tag);
      }
      const script = /<script type="module" src="(\/pd-notify\.[0-9a-f]+\.js)"><\/script>/.exec(html)?.[1];
      assert.ok(script, 'the page loads the bundle by its content-hashed name');
      const bundle = await fetch(`${server.url}${script}`);
      assert.equal(bundle.status, 200);
      assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
      const code = await bundle.text();
      for (const tag of ['pd-activity-feed', 'pd-invitations', 'pd-preferences-form', 'pd-sync-status']) {
        assert.match(code, new RegExp(tag), tag);
      }
      const hash = createHash('sha256').update(code).digest('hex');
      assert.ok(hash.startsWith(script.split('.')[1]!), 'the name is a hash of the content');
      const counts = await fetch(`${server.url}/v1/counts`, { headers: { Authorization: 'Bearer demo-alice' } });
      assert.deepEqual(await counts.json(), { unreadNotifications: 8, unseenNotifications: 8, pendingInvitations: 3 });
    } finally {
      await server.close();
    }
  });

  it('caches the hashed bundle for a year and compresses page and bundle when the browser accepts it', async () => {
    const server = await startDemo(0);
    const fetchRaw = (path: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        get(`${server.url}${path}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    try {
      const page = await fetchRaw('/');
      assert.equal(
        page.headers['cache-control'],
        'no-cache',
        'the page is revalidated, so a new bundle is seen at once',
      );
      assert.equal(page.headers['content-encoding'], 'gzip');
      const html = gunzipSync(page.body).toString('utf8');
      const script = /src="(\/pd-notify\.[0-9a-f]+\.js)"/.exec(html)![1]!;
      const bundle = await fetchRaw(script);
      assert.equal(bundle.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(bundle.headers['content-encoding'], 'gzip');
      const code = gunzipSync(bundle.body);
      assert.ok(bundle.body.length < code.length / 3, `${bundle.body.length} bytes for ${code.length}`);
      assert.equal((await fetch(`${server.url}/pd-notify.js`)).status, 404, 'no unhashed name to go stale');
    } finally {
      await server.close();
    }
  });

  it("the README's curl lines work on another port, with PD set as the README says", async () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const block = /```sh\n(PD=http:\/\/127\.0\.0\.1:4010\n[\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(block, 'the README has its curl block, starting with PD=http://127.0.0.1:4010');
    const server = await startDemo(0);
    try {
      const commands = block
        .replace(/\\\n\s*/g, ' ')
        .split('\n')
        .filter((line) => line.startsWith('curl'));
      assert.equal(commands.length, 3);
      const outputs: string[] = [];
      for (const command of commands) {
        // The stream never ends by itself: each command gets two seconds.
        const run = spawn('bash', ['-c', `PD=${server.url}; ${command} --max-time 2 --silent`]);
        let output = '';
        run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        await new Promise((resolve) => run.on('close', resolve));
        outputs.push(output);
      }
      assert.equal((JSON.parse(outputs[0]!) as { items: unknown[] }).items.length, 3);
      assert.match(outputs[1]!, /^event: ready$/m);
      assert.match(outputs[2]!, /"ok"|"notification"|\{/);
    } finally {
      await server.close();
    }
  });
});
