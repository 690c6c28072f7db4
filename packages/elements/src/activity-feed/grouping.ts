/**
 * Grouped activity (issue #25): the feed shows consecutive notifications with
 * one `groupKey` (comments on one track, stage changes of one track,
 * invitations from one person) within a time window as one row, whose members
 * show as rows of their own under it while it is expanded.
 */
import type { Notification } from '@pd-notify/client';

type Actor = NonNullable<Notification['actor']>;

/** Consecutive notifications with one `groupKey`, shown as one row. */
export interface NotificationGroup {
  /** Stable while members arrive above it: the key and its oldest member's id. */
  readonly id: string;
  readonly groupKey: string;
  /** Newest first, as the list has them (two at least). */
  readonly members: readonly Notification[];
  /** The people behind it, each once, newest first. */
  readonly actors: readonly Actor[];
  /** Unread while any member is. */
  readonly unread: boolean;
}

/** One row of the feed: a notification of its own, a group, or a member shown under its expanded group. */
export interface FeedRow {
  /** The row's key: the notification's id, or the group's. */
  readonly id: string;
  /** What the row opens and shows the time of: the notification, or the group's newest member. */
  readonly item: Notification;
  /** The group the row stands for, or null. */
  readonly group: NotificationGroup | null;
  /** A member of the group above it (expanded). */
  readonly member: boolean;
  /** What the row's verbs apply to: the group's members, or its notification. */
  readonly items: readonly Notification[];
}

/**
 * A group's most members: a longer run makes several groups, so that one
 * group never swallows page after page (the list would load them all to fill its view).
 */
export const MAX_GROUP_SIZE = 50;

/**
 * The feed's rows for `items` (newest first): runs of two or more consecutive
 * notifications with one `groupKey`, each within `windowMs` of the run's newest,
 * become a group (of {@link MAX_GROUP_SIZE} at most); `expanded` groups (by id)
 * are followed by their members. A window of 0 (or less) groups nothing.
 */
export function feedRows(items: readonly Notification[], windowMs: number, expanded: ReadonlySet<string>): FeedRow[] {
  const rows: FeedRow[] = [];
  const single = (item: Notification, member = false): FeedRow => ({
    id: item.id,
    item,
    group: null,
    member,
    items: [item],
  });
  for (let start = 0; start < items.length;) {
    const first = items[start]!;
    const key = first.groupKey;
    let end = start + 1;
    if (key && windowMs > 0) {
      const newest = Date.parse(first.createdAt);
      while (
        end < items.length &&
        end - start < MAX_GROUP_SIZE &&
        items[end]!.groupKey === key &&
        newest - Date.parse(items[end]!.createdAt) <= windowMs
      )
        end++;
    }
    if (end - start < 2) {
      rows.push(single(first));
      start = end;
      continue;
    }
    const members = items.slice(start, end);
    const group: NotificationGroup = {
      id: `group:${key}:${members[members.length - 1]!.id}`,
      groupKey: key!,
      members,
      actors: actorsOf(members),
      unread: members.some((member) => member.readAt === null),
    };
    rows.push({ id: group.id, item: first, group, member: false, items: members });
    if (expanded.has(group.id)) for (const member of members) rows.push(single(member, true));
    start = end;
  }
  return rows;
}

/** Each person once, newest first. */
function actorsOf(members: readonly Notification[]): Actor[] {
  const seen = new Map<string, Actor>();
  for (const member of members) if (member.actor && !seen.has(member.actor.id)) seen.set(member.actor.id, member.actor);
  return [...seen.values()];
}

/**
 * The words a group's title is written with, in one language (`inbox-texts.ts` and
 * `locales/*-inbox.ts`): `people` is how many persons `actors` names (its verb agrees),
 * `count` how many notifications the group holds.
 */
export interface GroupTexts {
  /** "Ben Okafor and 2 others" (`others` people besides `name`; two or more). */
  others(name: string, others: number): string;
  /** "Ben Okafor and Dev Patel commented on “Midnight Drive”"; one person: "Ben Okafor left 3 comments on …". */
  comment(actors: string, people: number, track: string, count: number): string;
  /** "Ben Okafor changed the stage of “Neon Rain” 3 times". */
  stage(actors: string, people: number, track: string, count: number): string;
  /** "Chloé Laurent invited you to 2 tracks". */
  invitation(actor: string, count: number): string;
  /** Any other group, or one without a track's or a person's name: "<newest title> and 2 more". */
  more(title: string, others: number): string;
  /** The disclosure's text: "Show all 3" / "Hide all 3". */
  show(count: number): string;
  hide(count: number): string;
}

const lists = new Map<string, Intl.ListFormat>();

/** The people of a group as its title names them: "Ben Okafor", "Ben Okafor and Dev Patel", "Ben Okafor and 2 others". */
function actorsPhrase(actors: readonly Actor[], language: string, texts: GroupTexts): string {
  if (actors.length > 2) return texts.others(actors[0]!.name, actors.length - 1);
  let list = lists.get(language);
  if (!list) lists.set(language, (list = new Intl.ListFormat(language, { type: 'conjunction' })));
  return list.format(actors.map((actor) => actor.name));
}

/** A group's title in the reader's language, from its type's phrasing. */
export function groupTitle(group: NotificationGroup, language: string, texts: GroupTexts): string {
  const newest = group.members[0]!;
  const count = group.members.length;
  const people = group.actors.length;
  const track = newest.trackName;
  if (people > 0 && track && (newest.type === 'comment' || newest.type === 'stage-changed')) {
    const actors = actorsPhrase(group.actors, language, texts);
    return texts[newest.type === 'comment' ? 'comment' : 'stage'](actors, people, track, count);
  }
  if (people === 1 && newest.type === 'invitation') return texts.invitation(group.actors[0]!.name, count);
  return texts.more(newest.title, count - 1);
}

/** A person's initials, for an avatar without a picture: "Ben Okafor" → "BO". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = (word: string | undefined) => (word ? [...word][0]!.toUpperCase() : '');
  return first(words[0]) + (words.length > 1 ? first(words[words.length - 1]) : '');
}
