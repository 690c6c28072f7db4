/** `npm run docs`: writes docs/elements/ from custom-elements.json. */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { elementDocs, type Manifest } from './element-docs.js';

const root = new URL('../../../', import.meta.url);
const dir = new URL('docs/elements/', root);
const manifest = JSON.parse(readFileSync(new URL('packages/elements/custom-elements.json', root), 'utf8')) as Manifest;
const pages = elementDocs(manifest);
mkdirSync(dir, { recursive: true });
// Stale pages go; images/ (npm run screenshot) stays.
for (const file of readdirSync(dir)) if (file.endsWith('.md') && !pages.has(file)) rmSync(new URL(file, dir));
for (const [file, text] of pages) writeFileSync(new URL(file, dir), text);
console.log(`docs/elements/: ${pages.size} pages`);
