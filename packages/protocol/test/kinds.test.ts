import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CATEGORIES,
  CATEGORY_ICONS,
  ICONS,
  NOTIFICATION_KINDS,
  NOTIFICATION_TYPES,
  PREFERENCE_OPTIONS,
} from '../src/wire.js';

describe('the notification kinds table (type → feed category → preferences option → icon)', () => {
  it('has every type, each under one feed category, with an icon that exists', () => {
    assert.deepEqual(Object.keys(NOTIFICATION_KINDS).sort(), [...NOTIFICATION_TYPES].sort());
    for (const kind of Object.values(NOTIFICATION_KINDS)) {
      assert.ok(CATEGORIES.includes(kind.category), kind.type);
      assert.ok(kind.icon in ICONS, kind.type);
    }
  });

  it('names the preferences category and option of every type that has one; none for reminders and support feedback', () => {
    for (const [category, options] of Object.entries(PREFERENCE_OPTIONS)) {
      for (const option of options) assert.deepEqual(NOTIFICATION_KINDS[option].preference, { category, option });
    }
    assert.equal(NOTIFICATION_KINDS.reminder.preference, null);
    assert.equal(NOTIFICATION_KINDS['support-feedback'].preference, null);
  });

  it('gives comments a speech bubble and security alerts a shield, within their categories; the rest their category’s icon', () => {
    assert.deepEqual([NOTIFICATION_KINDS.comment.category, NOTIFICATION_KINDS.comment.icon], ['workflow', 'comment']);
    assert.deepEqual(
      [NOTIFICATION_KINDS['security-alert'].category, NOTIFICATION_KINDS['security-alert'].icon],
      ['system', 'shield'],
    );
    assert.notEqual(NOTIFICATION_KINDS['security-alert'].icon, NOTIFICATION_KINDS['service-announcement'].icon);
    assert.notEqual(NOTIFICATION_KINDS.comment.icon, NOTIFICATION_KINDS['stage-changed'].icon);
    for (const kind of Object.values(NOTIFICATION_KINDS)) {
      if (kind.type !== 'comment' && kind.type !== 'security-alert') {
        assert.equal(kind.icon, CATEGORY_ICONS[kind.category], kind.type);
      }
    }
  });
});
