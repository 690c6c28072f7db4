/**
 * Bundles a TypeScript entry (and the workspace packages it imports, from
 * source) into one minified browser module, as the demo, the benchmarks and the
 * chaos suite serve it.
 */
import { build } from 'esbuild';

export async function browserBundle(entry: URL): Promise<string> {
  const result = await build({
    entryPoints: [entry.pathname],
    bundle: true,
    format: 'esm',
    write: false,
    minify: true,
    conditions: ['source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
