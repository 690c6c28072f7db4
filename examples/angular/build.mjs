// Builds the Angular example with @angular/build's application builder (esbuild), run through Angular's
// Architect API as `ng build` would run it: no CLI, so no analytics and nothing that prompts.
// `node build.mjs [outDir]` (default: dist). Runs with this project's own Node modules (TypeScript 5.9).
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// CommonJS packages whose subpaths (`…/node`) Node's ESM loader does not resolve.
const require = createRequire(import.meta.url);
const { Architect } = require('@angular-devkit/architect');
const { WorkspaceNodeModulesArchitectHost } = require('@angular-devkit/architect/node');
const { logging, schema, workspaces } = require('@angular-devkit/core');
const { NodeJsSyncHost } = require('@angular-devkit/core/node');

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = resolve(process.argv[2] ?? resolve(root, 'dist'));

const logger = new logging.IndentLogger('angular');
logger.subscribe(({ level, message }) => {
  if (level === 'warn' || level === 'error' || level === 'fatal') console.error(message);
});

const registry = new schema.CoreSchemaRegistry();
registry.addPostTransform(schema.transforms.addUndefinedDefaults);
const { workspace } = await workspaces.readWorkspace(root, workspaces.createWorkspaceHost(new NodeJsSyncHost()));
const architect = new Architect(new WorkspaceNodeModulesArchitectHost(workspace, root), registry);
const run = await architect.scheduleTarget(
  { project: 'pd-notify-angular', target: 'build' },
  { outputPath: { base: outDir, browser: '' } },
  { logger },
);
const result = await run.result;
await run.stop();
process.exitCode = result.success ? 0 : 1;
