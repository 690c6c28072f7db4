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
    title: 'Your email address is verified',
    message: 'alice@moreno.studio is now confirmed for sign-in and notifications.',
    ...past(6 * DAY, true),
  });
  store.deliver('alice', {
    type: 'track-added',
    title: '“Static Bloom” was added to Summer EP',
    message: 'Ben Okafor added a track to the project you share.',
    actorId: 'ben',
    trackId: null,
    ...past(5 * DAY, true),
  });
  store.deliver('alice', {
    type: 'service-announcement',
    title: 'Scheduled maintenance on Sunday',
    message: 'Producer Dashboard will be read-only from 02:00 to 03:00 UTC while we upgrade storage.',
    ...past(4 * DAY, true),
  });
  store.deliver('alice', {
    type: 'membership',
    title: 'Chloé Laurent accepted your invite',
    message: 'Chloé Laurent now collaborates on “Golden Hour (feat. Chloé)” with edit access.',
    actorId: 'chloe',
    trackId: 'golden-hour',
    widget: 'collaborators',
    ...past(2 * DAY, true),
  });
  store.deliver('alice', {
    type: 'stage-changed',
    title: '“Neon Rain” moved to Mastering',
    message: 'Ben Okafor moved the track from Mixing to Mastering.',
    actorId: 'ben',
    trackId: 'neon-rain',
    widget: 'stage',
    ...past(3 * HOUR, true),
  });
  store.deliver('alice', {
    type: 'security-alert',
    title: 'New sign-in from Firefox on macOS',
    message: 'Signed in from Lisbon, Portugal. If this wasn’t you, change your password now.',
    priority: 'high',
    ...past(2 * HOUR, false),
  });
  store.deliver('alice', {
    type: 'support-feedback',
    title: 'Support replied to ticket #4821',
    message: 'We re-synced the missing stems of “Neon Rain”. Is everything working for you now?',
    actions: ['feedback-resolved', 'feedback-still-open', 'feedback-not-needed'],
    trackId: 'neon-rain',
    widget: 'files',
    ...past(40 * MINUTE, false),
  });
  store.deliver('alice', {
    type: 'reminder',
    title: 'Reminder: send the “Golden Hour” stems to Chloé',
    message: 'You asked to be reminded this morning.',
    trackId: 'golden-hour',
    widget: 'files',
    ...past(1 * HOUR, true),
  });
  store.deliver('alice', {
    type: 'comment',
    title: 'Ben Okafor commented on “Midnight Drive”',
    message: 'The kick clips at 1:42. Can you pull the sub down about 2 dB before I print the stems?',
    actorId: 'ben',
    trackId: 'midnight-drive',
    widget: 'comments',
    ...past(12 * MINUTE, false),
  });

  store.deliver('ben', {
    type: 'comment',
    title: 'Alice Moreno commented on “Neon Rain”',
    message: 'Love the new master. Can we get a version with the vocal up 1 dB?',
    actorId: 'alice',
    trackId: 'neon-rain',
    widget: 'comments',
    ...past(25 * MINUTE, false),
  });
  store.deliver('chloe', {
    type: 'stage-changed',
    title: '“Golden Hour (feat. Chloé)” moved to Editing',
    message: 'Alice Moreno moved the track from Idea to Editing.',
    actorId: 'alice',
    trackId: 'golden-hour',
    widget: 'stage',
    ...past(1 * DAY, true),
  });
  store.deliver('dev', {
    type: 'service-announcement',
    title: 'Loudness reports now include true peak',
    message: 'Every master you upload now gets an LUFS and true-peak report.',
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
