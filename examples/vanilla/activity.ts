/**
 * The demo's activity generator: every few seconds a collaborator comments,
 * moves a track to another stage or invites someone, through the reference
 * server's store, so the demo page is alive from the first minute.
 */
import { DEMO_USERS, type RunningServer } from '@pd-notify/mock-server';
import { STAGES } from '@pd-notify/protocol';

const COMMENTS = [
  'Bounced a new mix, the low end is tighter now.',
  'Can we try the chorus a semitone up?',
  'Vocals comped, check the second verse.',
  'The kick and bass are fighting around 60 Hz.',
  'Love the new bridge!',
  'Stems are up in the shared folder.',
];

/** What one tick did, for the log and the test. */
export type Act = { kind: 'comment' | 'stage' | 'invite'; actor: string; trackId: string };

/** Makes one collaborator act once; `random` picks who and what (inject it for tests). */
export function act(server: RunningServer, random: () => number = Math.random): Act | null {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const store = server.store;
  const actor = pick(DEMO_USERS).id;
  const tracks = store.listTracks(actor);
  if (tracks.length === 0) return null;
  const track = pick(tracks);
  const roll = random();
  try {
    if (roll < 0.6) {
      store.comment(actor, track.id, pick(COMMENTS));
      return { kind: 'comment', actor, trackId: track.id };
    }
    if (roll < 0.85 && track.stage !== 'published') {
      store.changeStage(actor, track.id, STAGES[STAGES.indexOf(track.stage) + 1]!);
      return { kind: 'stage', actor, trackId: track.id };
    }
    if (track.permission === 'full') {
      const invitee = pick(DEMO_USERS.filter((user) => user.id !== actor)).id;
      store.invite(actor, track.id, invitee, pick(['view', 'edit', 'full'] as const));
      return { kind: 'invite', actor, trackId: track.id };
    }
  } catch {
    // A conflict (already a member, already invited, ...): nothing happens this time.
  }
  return null;
}

/** Acts every `everyMs` until stopped. */
export function startActivity(server: RunningServer, everyMs = 4000): () => void {
  const timer = setInterval(() => act(server), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
