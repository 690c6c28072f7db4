import { createContext } from '@lit/context';
import type { PdClient } from '@pd-notify/client';

/** The client shared by `<pd-provider>` with every pd element inside it. */
export const clientContext = createContext<PdClient | undefined>(Symbol.for('pd-notify/client'));
