/** The server under test for one test file: started before its tests, closed after them. */
import { after, before } from 'node:test';
import { http, startTarget, type Caller, type CallOptions, type Target } from '../src/index.js';

export interface FileTarget {
  /** The started target (throws before the file's `before` hook ran). */
  target: () => Target;
  /** Calls as user A, who has notifications. */
  asA: Caller;
  /** Calls as user B, the outsider. */
  asB: Caller;
}

export function targetForFile(): FileTarget {
  let started: Target | undefined;
  before(async () => {
    started = await startTarget();
  });
  after(() => started?.close());
  const target = (): Target => {
    if (!started) throw new Error('the target starts in the test file’s before hook');
    return started;
  };
  const as =
    (user: 'tokenA' | 'tokenB'): Caller =>
    <T>(method: string, path: string, options?: CallOptions) =>
      http(target().url, target()[user])<T>(method, path, options);
  return { target, asA: as('tokenA'), asB: as('tokenB') };
}
