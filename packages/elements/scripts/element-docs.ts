/**
 * One Markdown page per element (docs/elements/<tag>.md), made from
 * custom-elements.json: description, attributes and properties, methods,
 * events, slots, parts and custom properties. `npm run docs` writes them; a test
 * fails when they are stale.
 */
interface Item {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
  fieldName?: string;
  attribute?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  inheritedFrom?: { name: string };
  parameters?: { name: string; type?: { text: string } }[];
  return?: { type?: { text: string } };
}
interface Declaration {
  name: string;
  tagName?: string;
  description?: string;
  attributes?: Item[];
  members?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
  /** Our `@keyboard` tags (custom-elements-manifest.config.mjs). */
  keyboard?: { keys: string; description: string }[];
  /** Our `@screenshot` tags: paths relative to docs/elements/. */
  screenshots?: { path: string; alt: string }[];
}
export interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const cell = (text: string | undefined): string =>
  (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text: string | undefined): string => (text ? `\`${text.replace(/\|/g, '\\|')}\`` : '');

function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '';
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

function section(title: string, body: string): string {
  return body ? `## ${title}\n\n${body}\n` : '';
}

/** The page of one element. */
export function elementPage(declaration: Declaration): string {
  const tag = declaration.tagName!;
  const members = (declaration.members ?? []).filter(
    (m) => !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'),
  );
  const attributeOf = new Map((declaration.attributes ?? []).map((a) => [a.fieldName ?? a.name, a.name]));
  const fields = members.filter((m) => m.kind === 'field');
  const methods = members.filter((m) => m.kind === 'method' && !m.name.endsWith('Callback'));
  return [
    `# \`<${tag}>\`\n`,
    `${declaration.description ?? ''}\n`,
    `\`\`\`js\nimport '@pd-notify/elements/${tag}';\n\`\`\`\n`,
    section(
      'Keyboard',
      table(
        ['Keys', 'What they do'],
        (declaration.keyboard ?? []).map((k) => [cell(k.keys), cell(k.description)]),
      ),
    ),
    section('Screenshots', (declaration.screenshots ?? []).map((s) => `![${s.alt}](${s.path})`).join('\n\n')),
    section(
      'Attributes and properties',
      table(
        ['Property', 'Attribute', 'Type', 'Default', 'Description'],
        fields.map((f) => [
          code(f.name),
          code(attributeOf.get(f.name)),
          code(f.type?.text),
          code(f.default),
          cell(`${f.readonly ? '(read-only) ' : ''}${f.description ?? ''}`),
        ]),
      ),
    ),
    section(
      'Methods',
      table(
        ['Method', 'Description'],
        methods.map((m) => [
          code(
            `${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})${m.return?.type ? `: ${m.return.type.text}` : ''}`,
          ),
          cell(m.description),
        ]),
      ),
    ),
    section(
      'Events',
      table(
        ['Event', 'Description'],
        (declaration.events ?? []).map((e) => [code(e.name), cell(e.description)]),
      ),
    ),
    section(
      'Slots',
      table(
        ['Slot', 'Description'],
        (declaration.slots ?? []).map((s) => [code(s.name || '(default)'), cell(s.description)]),
      ),
    ),
    section(
      'Parts',
      table(
        ['Part', 'Description'],
        (declaration.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
      ),
    ),
    section(
      'Custom properties',
      table(
        ['Property', 'Description'],
        (declaration.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)]),
      ),
    ),
  ]
    .filter(Boolean)
    .join('\n');
}

/** Every page, by file name, plus the index. */
export function elementDocs(manifest: Manifest): Map<string, string> {
  const declarations = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((d) => d.tagName)
    .sort((a, b) => a.tagName!.localeCompare(b.tagName!));
  const pages = new Map<string, string>();
  for (const declaration of declarations) pages.set(`${declaration.tagName}.md`, elementPage(declaration));
  const index = [
    '# The elements\n',
    'Generated from `packages/elements/custom-elements.json` (`npm run docs`). Theming, events and localisation in general: see the [README](../../README.md).\n',
    ...declarations.map((d) => `- [\`<${d.tagName}>\`](${d.tagName}.md): ${cell(d.description).split('. ')[0]}.`),
    '',
  ].join('\n');
  pages.set('README.md', index);
  return pages;
}
