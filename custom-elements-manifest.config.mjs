// `npm run manifest`: custom-elements.json for @pd-notify/elements, read from the
// elements' JSDoc (@tag, @fires, @csspart, @cssproperty, @slot, and our @keyboard and @screenshot) and their Lit properties,
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

/**
 * Two tags of our own on an element's class, kept in the manifest for docs/elements/:
 * `@keyboard Keys - what they do` (its keyboard table, `keyboard: [{ keys, description }]`)
 * and `@screenshot images/file.png - what it shows` (`screenshots: [{ path, alt }]`).
 */
const TAGS = { keyboard: ['keyboard', 'keys', 'description'], screenshot: ['screenshots', 'path', 'alt'] };
const ownTags = {
  name: 'pd-own-tags',
  analyzePhase({ ts, node, moduleDoc }) {
    if (!ts.isClassDeclaration(node) || !node.name) return;
    const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
    if (!declaration) return;
    for (const tag of ts.getJSDocTags(node)) {
      const own = TAGS[tag.tagName.getText()];
      if (!own) continue;
      const [field, first, second] = own;
      const text = (typeof tag.comment === 'string' ? tag.comment : (ts.getTextOfJSDocComment(tag.comment) ?? ''))
        .replace(/\s+/g, ' ')
        .trim();
      const [head, ...rest] = text.split(' - ');
      (declaration[field] ??= []).push({ [first]: head.trim(), [second]: rest.join(' - ').trim() });
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
    ownTags,
    customElementVsCodePlugin({
      outdir,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
    }),
  ],
};
