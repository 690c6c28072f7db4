import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as v from 'valibot';
import {
  EVENT_NAMES,
  NotificationSchema,
  PREFERENCE_OPTIONS,
  categoryOfType,
  preferenceCategoryOfType,
} from '../src/index.js';
import { OPENAPI_PATH, renderOpenApi } from '../scripts/write-openapi.js';

describe('docs/openapi.json', () => {
  it('is exactly what the schemas generate (run `npm run build:schema` after changing them)', () => {
    assert.equal(readFileSync(OPENAPI_PATH, 'utf8'), renderOpenApi());
  });

  it('documents on every operation each refusal any request can get, with Retry-After where it is sent', () => {
    type Response = { $ref?: string; headers?: Record<string, { required?: boolean }> };
    type Operation = { parameters?: { in: string }[]; requestBody?: unknown; responses: Record<string, Response> };
    const doc = JSON.parse(renderOpenApi()) as {
      paths: Record<string, Record<string, Operation | { in: string }[]>>;
      components: { responses: Record<string, Response> };
    };
    const named = (response: Response | undefined) => response?.$ref?.split('/').pop();
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      const { parameters = [], ...methods } = item as Record<string, Operation> & { parameters?: { in: string }[] };
      if ('get' in methods) assert.ok('head' in methods, `${path}: HEAD is answered wherever GET is`);
      for (const [method, operation] of Object.entries(methods)) {
        operations++;
        const where = `${method.toUpperCase()} ${path}`;
        const expected: Record<string, string> = {
          '401': 'Unauthorized',
          '403': 'OriginNotAllowed',
          '429': 'RateLimited',
          '500': 'ServerError',
          '503': 'Unavailable',
        };
        if (operation.requestBody)
          Object.assign(expected, { '400': 'BadRequest', '413': 'PayloadTooLarge', '415': 'UnsupportedMediaType' });
        if ([...parameters, ...(operation.parameters ?? [])].some((param) => param.in === 'path')) {
          Object.assign(expected, { '400': 'BadRequest', '404': 'NotFound' });
        }
        for (const [status, name] of Object.entries(expected)) {
          assert.equal(named(operation.responses[status]), name, `${where} documents ${status}`);
        }
      }
    }
    assert.ok(operations >= 20);
    const { responses } = doc.components;
    assert.equal(responses.RateLimited!.headers!['Retry-After']!.required, true, '429 always carries Retry-After');
    assert.ok(responses.Unavailable!.headers!['Retry-After'], '503 may carry Retry-After');
    assert.equal(responses.MethodNotAllowed!.headers!.Allow!.required, true, '405 always carries Allow');
  });

  it('describes every stream event', () => {
    const doc = JSON.parse(renderOpenApi()) as { 'x-pd-events': Record<string, string> };
    assert.deepEqual(Object.keys(doc['x-pd-events']).sort(), [...EVENT_NAMES].sort());
  });
});

describe('schemas', () => {
  it('refuse URLs outside http(s) and unknown categories', () => {
    const base = {
      id: 'n1',
      version: 1,
      type: 'comment',
      category: 'workflow',
      title: 't',
      message: 'm',
      createdAt: '2026-11-23T09:00:00.000Z',
      readAt: null,
      priority: 'normal',
      actions: [],
    };
    assert.ok(v.is(NotificationSchema, base));
    assert.ok(!v.is(NotificationSchema, { ...base, actor: { id: 'a', name: 'A', avatarUrl: 'javascript:alert(1)' } }));
    assert.ok(!v.is(NotificationSchema, { ...base, category: 'party' }));
    assert.ok(!v.is(NotificationSchema, { ...base, createdAt: 'yesterday' }));
  });

  it('map every preference option to its category and a feed category', () => {
    for (const [category, options] of Object.entries(PREFERENCE_OPTIONS)) {
      for (const option of options) {
        assert.equal(preferenceCategoryOfType(option), category);
        assert.ok(categoryOfType(option));
      }
    }
    assert.equal(preferenceCategoryOfType('support-feedback'), null);
    assert.equal(categoryOfType('support-feedback'), 'support');
  });
});
