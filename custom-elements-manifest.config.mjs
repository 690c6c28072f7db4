// `npm run manifest`: custom-elements.json for @pd-notify/elements, read from the
// elements' JSDoc (@tag, @fires, @csspart, @cssproperty, @slot) and their Lit properties,
// plus VS Code's HTML and CSS custom data generated from it.
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

/**
 * Keeps only the events documented with @fires (the analyzer also guesses names
 * from `dispatchEvent(new X(arg))`), and sorts the modules by path: the analyzer
 * lists them in the order its file walk finishes, which varies from run to run.
 */
const tidy = {
  name: 'pd-tidy-manifest',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events)
          declaration.events = declaration.events.filter((event) => event.name?.startsWith('pd-'));
      }
    }
  },
};

/** Where the files go (the freshness test writes to a scratch folder). */
const outdir = process.env.PD_MANIFEST_OUTDIR ?? 'packages/elements';

export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['packages/elements/src/define.ts', 'packages/elements/src/index.ts'],
  outdir,
  litelement: true,
  packagejson: false,
  plugins: [
    tidy,
    customElementVsCodePlugin({
      outdir,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
    }),
  ],
};
