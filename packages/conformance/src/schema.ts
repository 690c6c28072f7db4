/** Validates real responses against docs/openapi.json (the generated schema), with Ajv. */
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export const openApi = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, object> };
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
