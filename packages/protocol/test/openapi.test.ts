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
