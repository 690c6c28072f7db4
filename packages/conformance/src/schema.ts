/** Validates real responses against docs/openapi.json (the generated schema), with Ajv. */
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

interface DocResponse {
  $ref?: string;
  description: string;
  headers?: Record<string, { required?: boolean }>;
  content?: Record<string, { schema: { $ref?: string } }>;
}
interface Operation {
  responses: Record<string, DocResponse>;
}

export const openApi = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, object>; responses: Record<string, DocResponse> };
  paths: Record<string, Record<string, unknown>>;
  /** Stream event name → the component schema of its data. */
  'x-pd-events': Record<string, string>;
};

const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
ajv.addSchema({ $id: 'openapi', components: openApi.components });

/** Asserts that a stream event's data matches the schema the protocol gives its name. */
export function assertEventSchema(event: { event: string; data: string }): void {
  const name = openApi['x-pd-events'][event.event];
  assert.ok(name, `The stream sent an event the protocol does not define: ${event.event}`);
  assertSchema(name, JSON.parse(event.data));
}

/** Asserts that `data` matches the named component schema; the message lists every mismatch. */
export function assertSchema(name: string, data: unknown): void {
  assert.ok(openApi.components.schemas[name], `docs/openapi.json has no schema named ${name}`);
  const validate = ajv.getSchema(`openapi#/components/schemas/${name}`)!;
  if (!validate(data)) {
    assert.fail(
      `Response does not match ${name}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(data).slice(0, 500)}`,
    );
  }
}

/** The documented paths, literal ones first (`/read-all` before `/{notificationId}`), as patterns. */
const PATHS = Object.keys(openApi.paths)
  .sort((a, b) => a.split('{').length - b.split('{').length)
  .map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
  }));

/** The operations of the first documented path that matches `pathname` and has `method`, else of the first match. */
function operationsOf(method: string, pathname: string): { template: string; operation?: Operation } | undefined {
  const matches = PATHS.filter(({ pattern }) => pattern.test(pathname));
  const found = matches.find(({ template }) => openApi.paths[template]![method]) ?? matches[0];
  return found && { template: found.template, operation: openApi.paths[found.template]![method] as Operation };
}

const resolve = (response: DocResponse): DocResponse =>
  response.$ref ? openApi.components.responses[response.$ref.split('/').pop()!]! : response;

/**
 * Asserts that an answer is one docs/openapi.json documents: its status among the
 * operation's responses (a method the path does not list: `MethodNotAllowed`),
 * every required header present, and the body of a documented media type
 * matching its schema (none where the document gives no content).
 */
export function assertDocumented(
  method: string,
  url: string,
  reply: { status: number; headers: Headers; contentType: string; body: unknown },
): void {
  const { pathname } = new URL(url, 'http://server');
  const found = operationsOf(method.toLowerCase(), pathname);
  const where = `${method} ${pathname} → ${reply.status}`;
  if (!found) return assert.equal(reply.status, 404, `${where}: the document has no such path`);
  const documented = found.operation
    ? found.operation.responses[String(reply.status)]
    : reply.status === 405
      ? openApi.components.responses.MethodNotAllowed
      : undefined;
  assert.ok(documented, `${where}: not documented for ${method} ${found.template}`);
  const response = resolve(documented);
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    if (header.required) assert.ok(reply.headers.get(name) !== null, `${where}: the ${name} header is missing`);
  }
  if (method === 'HEAD') return;
  const mediaType = reply.contentType.split(';')[0]!.trim();
  if (!response.content) return assert.equal(reply.body, '', `${where}: the document gives this answer no body`);
  const content = response.content[mediaType];
  assert.ok(
    content,
    `${where}: ${mediaType || 'no content type'} is not documented (${Object.keys(response.content)})`,
  );
  const schema = content.schema.$ref?.split('/').pop();
  if (schema) assertSchema(schema, reply.body);
}
