// The rollup plugins of a production browser build, shared by the standalone
// bundle (rollup.config.js) and the size benchmark (bench/size.ts), so what is
// measured is what ships: node-resolve with the browser and production
// conditions, our Lit templates' whitespace minified, esbuild minification with
// NODE_ENV=production.
import minifyHTMLLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import nodeResolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

/**
 * @param {{ rootDir?: string, legalComments?: 'none' | 'eof' }} [options]
 *   rootDir: where bare imports resolve from (a scratch folder of other packages);
 *   legalComments: 'eof' (default) keeps license notices at the end, 'none' drops them.
 * @returns {import('rollup').Plugin[]}
 */
export function browserBuildPlugins({ rootDir, legalComments = 'eof' } = {}) {
  return [
    minifyHTMLLiterals({ include: ['packages/elements/**/*.ts'] }),
    nodeResolve({
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.jsx'],
      exportConditions: ['source', 'browser', 'production', 'import', 'default'],
      browser: true,
      ...(rootDir ? { rootDir, modulePaths: [`${rootDir}/node_modules`] } : {}),
    }),
    esbuild({
      target: 'es2022',
      platform: 'browser',
      tsconfig: 'tsconfig.base.json',
      minify: true,
      jsx: 'automatic',
      loaders: { '.js': 'jsx' },
      define: { 'process.env.NODE_ENV': '"production"' },
      legalComments,
    }),
  ];
}
