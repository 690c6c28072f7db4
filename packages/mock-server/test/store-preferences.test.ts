/** Each user's preferences: the defaults, versioned saves, the browser channel kept for older clients. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PREFERENCE_CATEGORIES, type PreferencesUpdate } from '@pd-notify/protocol';
import { Clock } from '../src/clock.js';
import { EventLog } from '../src/store/event-log.js';
import { PreferencesArea } from '../src/store/preferences.js';
import { START } from './helpers.js';

const area = () => {
  const clock = new Clock({ start: START, frozen: true });
  const log = new EventLog();
  let saves = 0;
  const preferences = new PreferencesArea({ clock, log, onSaved: () => saves++ });
  preferences.create('alice');
  return { clock, log, preferences, saves: () => saves };
};

const update = (
  version: number,
  reminderLeadDays: 1 | 3 | 7,
  categories = area().preferences.get('alice').categories,
) => ({ version, categories, reminderLeadDays }) as PreferencesUpdate;

describe('PreferencesArea', () => {
  it('starts every category on, in-app, email only for system, no browser, reminders 3 days ahead', () => {
    const preferences = area().preferences.get('alice');
    assert.equal(preferences.version, 1);
    assert.equal(preferences.reminderLeadDays, 3);
    assert.equal(preferences.updatedAt, new Date(START).toISOString());
    for (const name of PREFERENCE_CATEGORIES) {
      const category = preferences.categories[name];
      assert.equal(category.enabled, true, name);
      assert.ok(Object.values(category.options).every(Boolean), name);
      assert.deepEqual(category.channels, { inApp: true, email: name === 'system', browser: false }, name);
    }
  });

  it('saves a new version from the current one, publishes it and says so; a stale version is a 409', () => {
    const { clock, log, preferences, saves } = area();
    const heard: unknown[] = [];
    log.subscribe('alice', (event) => heard.push([event.event, JSON.parse(event.json)]));
    clock.advance(60_000);
    const saved = preferences.save('alice', update(1, 7));
    assert.equal(saved.version, 2);
    assert.equal(saved.reminderLeadDays, 7);
    assert.equal(saved.updatedAt, new Date(START + 60_000).toISOString());
    assert.deepEqual(preferences.get('alice'), saved);
    assert.deepEqual(heard, [['preferences.updated', saved]]);
    assert.equal(saves(), 1);
    assert.throws(() => preferences.save('alice', update(1, 1)), { status: 409, kind: 'conflict' });
    assert.equal(preferences.get('alice').version, 2);
    assert.equal(saves(), 1);
  });

  it('keeps the browser channel when an update leaves it out, and hands out copies', () => {
    const { preferences } = area();
    const on = structuredClone(preferences.get('alice').categories);
    on.trackActivity.channels.browser = true;
    preferences.save('alice', update(1, 3, on));
    const without = structuredClone(on) as Record<string, { channels: { browser?: boolean } }>;
    delete without.trackActivity!.channels.browser;
    const saved = preferences.save('alice', update(2, 3, without as unknown as PreferencesUpdate['categories']));
    assert.equal(saved.categories.trackActivity.channels.browser, true);
    saved.categories.trackActivity.enabled = false;
    assert.equal(preferences.get('alice').categories.trackActivity.enabled, true, 'a copy');
  });
});
