import { ContextRoot, createContext } from '@lit/context';
import type { PdClient } from '@pd-notify/client';

/** The client shared by `<pd-provider>` with every pd element inside it. */
export const clientContext = createContext<PdClient | undefined>(Symbol.for('pd-notify/client'));

/** The `locale` of the `<pd-provider>` around an element (undefined when it has none). */
export const localeContext = createContext<string | undefined>(Symbol.for('pd-notify/locale'));

const ROOT = Symbol.for('pd-notify/context-root');

/**
 * Keeps the requests of elements that found no `<pd-provider>` and replays them
 * when one appears: a provider defined or added after the elements inside it
 * (tags registered in any order, markup parsed before the script) still reaches them.
 */
export function ensureContextRoot(): void {
  if (typeof document === 'undefined') return;
  const holder = globalThis as { [ROOT]?: ContextRoot };
  if (holder[ROOT]) return;
  holder[ROOT] = new ContextRoot();
  holder[ROOT].attach(document as unknown as HTMLElement);
}
