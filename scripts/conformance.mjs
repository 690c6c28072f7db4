// `npm run conformance -- --url <base> --tokens <a,b>`: the protocol suite against any server.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { url: { type: 'string' }, tokens: { type: 'string' } } });
if (!values.url || !values.tokens || values.tokens.split(',').length !== 2) {
  console.error('Usage: npm run conformance -- --url <base-url> --tokens <token-of-user-a>,<token-of-user-b>');
  console.error('User A needs at least 3 notifications and 2 pending invitations; the suite changes their state.');
  process.exit(2);
}
const dir = 'packages/conformance/test';
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `${dir}/${name}`);
const run = spawnSync(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', '--test', '--test-concurrency=1', ...files],
  {
    stdio: 'inherit',
    env: { ...process.env, PD_CONFORMANCE_URL: values.url, PD_CONFORMANCE_TOKENS: values.tokens },
  },
);
process.exit(run.status ?? 1);
