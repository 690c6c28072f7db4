/** Writes docs/openapi.json from the schemas. `npm run build:schema`. */
import { writeFileSync } from 'node:fs';
import { buildOpenApi } from './openapi.js';

export const OPENAPI_PATH = new URL('../../../docs/openapi.json', import.meta.url);

export function renderOpenApi(): string {
  return `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(OPENAPI_PATH, renderOpenApi());
  console.log('wrote docs/openapi.json');
}
