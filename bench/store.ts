/** Runs the client's event workload (store-workload.ts) as shipped: bundled and minified by esbuild. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { StoreResults } from './store-workload.js';

export type { StoreResults } from './store-workload.js';

export async function benchStore(): Promise<StoreResults> {
  const dir = mkdtempSync(join(tmpdir(), 'pd-bench-'));
  try {
    const outfile = join(dir, 'store.mjs');
    await build({
      entryPoints: [new URL('store-workload.ts', import.meta.url).pathname],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'node',
      conditions: ['source'],
      outfile,
      logLevel: 'silent',
    });
    const workload = (await import(pathToFileURL(outfile).href)) as { benchStore: () => Promise<StoreResults> };
    return await workload.benchStore();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
