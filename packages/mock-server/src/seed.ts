/**
 * Seeds: `demo`, a small studio with history in every category; `empty`, the
 * same users and tokens with nothing else (a clean slate for tests).
 */
import type { Store } from './store/store.js';

export const SEEDS = ['demo', 'empty'] as const;
export type SeedName = (typeof SEEDS)[number];

/** The demo users and their bearer tokens (printed by `npm start`). */
export const DEMO_USERS = [
  { id: 'alice', name: 'Alice Moreno', role: 'producer', token: 'demo-alice', email: 'alice@moreno.studio' },
  { id: 'ben', name: 'Ben Okafor', role: 'mix engineer', token: 'demo-ben', email: 'ben@okafor.audio' },
  { id: 'chloe', name: 'Chloé Laurent', role: 'vocalist', token: 'demo-chloe', email: 'chloe@laurent.music' },
  { id: 'dev', name: 'Dev Patel', role: 'mastering engineer', token: 'demo-dev', email: 'dev@patel.audio' },
] as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Fills an empty store. `baseUrl` is where the server serves artwork. */
export function applySeed(store: Store, seed: SeedName, baseUrl: string): void {
  for (const user of DEMO_USERS) {
    store.addUser({ id: user.id, name: user.name, avatarUrl: null, email: user.email }, [user.token]);
  }
  if (seed === 'empty') return;

  const now = store.clock.now();
  const art = (id: string): string => `${baseUrl}/artwork/${id}.svg`;
  const track = (
    id: string,
    name: string,
    ownerId: string,
    stage: Parameters<Store['addTrack']>[0]['stage'],
    dueInDays: number | null,
    members: [string, 'view' | 'edit' | 'full'][],
    withArtwork = true,
  ): void => {
    store.addTrack({
      id,
      name,
      ownerId,
      stage,
      artworkUrl: withArtwork ? art(id) : null,
      dueDate: dueInDays === null ? null : now + dueInDays * DAY,
      members: new Map(members),
      fileCount: 8 + (name.length % 17),
    });
  };

  track('midnight-drive', 'Midnight Drive', 'alice', 'mixing', 2, [['ben', 'edit']]);
  track('golden-hour', 'Golden Hour (feat. Chloé)', 'alice', 'editing', 6, [['chloe', 'edit']]);
  track('neon-rain', 'Neon Rain', 'ben', 'mastering', -1.5, [
    ['alice', 'full'],
    ['dev', 'edit'],
  ]);
  track('paper-planes', 'Paper Planes', 'chloe', 'idea', null, []);
  track('low-tide', 'Low Tide', 'dev', 'ready', 10, []);
  track('static-bloom', 'Static Bloom', 'ben', 'published', null, [['chloe', 'view']]);
  track('sketch-14', 'Untitled Sketch 14', 'chloe', 'idea', 21, [], false);

  // History, oldest first (the feed orders by creation).
  const past = (ago: number, read: boolean) => ({ createdAt: now - ago, readAt: read ? now - ago + 5 * MINUTE : null });
  store.deliver('alice', {
    type: 'account-verification',
    text: { key: 'email-verified', email: 'alice@moreno.studio' },
    ...past(6 * DAY, true),
  });
  store.deliver('alice', {
    type: 'track-added',
    text: { key: 'track-added', actor: 'Ben Okafor', track: 'Static Bloom', project: 'Summer EP' },
    actorId: 'ben',
    trackId: null,
    ...past(5 * DAY, true),
  });
  store.deliver('alice', {
    type: 'service-announcement',
    text: { key: 'maintenance' },
    ...past(4 * DAY, true),
  });
  store.deliver('alice', {
    type: 'membership',
    text: { key: 'membership', actor: 'Chloé Laurent', track: 'Golden Hour (feat. Chloé)', permission: 'edit' },
    actorId: 'chloe',
    trackId: 'golden-hour',
    widget: 'collaborators',
    ...past(2 * DAY, true),
  });
  store.deliver('alice', {
    type: 'stage-changed',
    text: { key: 'stage-changed', actor: 'Ben Okafor', track: 'Neon Rain', from: 'mixing', to: 'mastering' },
    actorId: 'ben',
    trackId: 'neon-rain',
    widget: 'stage',
    ...past(3 * HOUR, true),
  });
  store.deliver('alice', {
    type: 'security-alert',
    text: { key: 'new-sign-in' },
    priority: 'high',
    ...past(2 * HOUR, false),
  });
  store.deliver('alice', {
    type: 'support-feedback',
    text: { key: 'support-reply', ticket: 4821, track: 'Neon Rain' },
    actions: ['feedback-resolved', 'feedback-still-open', 'feedback-not-needed'],
    trackId: 'neon-rain',
    widget: 'files',
    ...past(40 * MINUTE, false),
  });
  store.deliver('alice', {
    type: 'reminder',
    text: { key: 'stems-reminder', track: 'Golden Hour', person: 'Chloé' },
    trackId: 'golden-hour',
    widget: 'files',
    ...past(1 * HOUR, true),
  });
  store.deliver('alice', {
    type: 'comment',
    text: {
      key: 'comment',
      actor: 'Ben Okafor',
      track: 'Midnight Drive',
      text: 'The kick clips at 1:42. Can you pull the sub down about 2 dB before I print the stems?',
    },
    actorId: 'ben',
    trackId: 'midnight-drive',
    widget: 'comments',
    ...past(12 * MINUTE, false),
  });

  store.deliver('ben', {
    type: 'comment',
    text: {
      key: 'comment',
      actor: 'Alice Moreno',
      track: 'Neon Rain',
      text: 'Love the new master. Can we get a version with the vocal up 1 dB?',
    },
    actorId: 'alice',
    trackId: 'neon-rain',
    widget: 'comments',
    ...past(25 * MINUTE, false),
  });
  store.deliver('chloe', {
    type: 'stage-changed',
    text: {
      key: 'stage-changed',
      actor: 'Alice Moreno',
      track: 'Golden Hour (feat. Chloé)',
      from: 'idea',
      to: 'editing',
    },
    actorId: 'alice',
    trackId: 'golden-hour',
    widget: 'stage',
    ...past(1 * DAY, true),
  });
  store.deliver('dev', {
    type: 'service-announcement',
    text: { key: 'loudness-report' },
    ...past(3 * DAY, false),
  });

  // Pending invitations (they also produce the invitees' collaboration rows).
  store.invite('chloe', 'sketch-14', 'alice', 'view', now - 3 * DAY);
  store.invite('dev', 'low-tide', 'alice', 'edit', now - 2 * HOUR);
  store.invite('chloe', 'paper-planes', 'alice', 'full', now - 5 * MINUTE);
  store.invite('ben', 'static-bloom', 'dev', 'edit', now - 1 * DAY);

  // Due dates produce the reminders, overdue notices and deadline rows.
  store.checkReminders();
  // The history was mailed before the server's time began: the outbox starts empty.
  store.clearOutbox();
}
