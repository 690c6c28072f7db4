/** The store's users: their records, bearer tokens (some expiring on the clock) and the actor shown for them. */
import type { Actor, User } from '@pd-notify/protocol';
import type { Clock } from '../clock.js';
import { notFound } from '../problem.js';

export interface UserRecord extends User {
  tokens: string[];
}

interface TokenRecord {
  userId: string;
  expiresAt: number | null;
}

export class UsersArea {
  #clock: Clock;
  #users = new Map<string, UserRecord>();
  #tokens = new Map<string, TokenRecord>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  add(user: User, tokens: string[]): void {
    this.#users.set(user.id, { ...user, tokens });
    for (const token of tokens) this.#tokens.set(token, { userId: user.id, expiresAt: null });
  }

  /** Issues a token for a user that expires after `ttlMs` of clock time (never without). */
  issueToken(userId: string, ttlMs?: number): string {
    this.get(userId);
    const token = `tok_${userId}_${randomId()}`;
    this.#tokens.set(token, { userId, expiresAt: ttlMs === undefined ? null : this.#clock.now() + ttlMs });
    return token;
  }

  /** The user a bearer token belongs to, or null when it is unknown or expired. */
  authenticate(token: string): string | null {
    const record = this.#tokens.get(token);
    if (!record) return null;
    if (record.expiresAt !== null && record.expiresAt <= this.#clock.now()) return null;
    return record.userId;
  }

  me(userId: string): User {
    const { tokens: _tokens, ...user } = this.get(userId);
    return { ...user, email: user.email ?? null };
  }

  /** The user's record; an unknown user is a 404. */
  get(userId: string): UserRecord {
    const user = this.#users.get(userId);
    if (!user) throw notFound('user');
    return user;
  }

  actor(userId: string): Actor {
    const { id, name, avatarUrl } = this.get(userId);
    return { id, name, avatarUrl };
  }
}

function randomId(): string {
  return Math.random().toString(36).slice(2, 12);
}
