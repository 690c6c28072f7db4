/**
 * The server under test. `npm run conformance -- --url <base> --tokens <a,b>` sets
 * PD_CONFORMANCE_URL and PD_CONFORMANCE_TOKENS; without them the suite starts the
 * reference server in-process with its demo seed.
 */
export interface Target {
  url: string;
  /** Tokens of two different users: A has notifications, B is the outsider. */
  tokenA: string;
  tokenB: string;
  /** Creates a notification for user A through the reference server's control API (only when the suite started the server itself). */
  notifyA?: (notification: { type: string; title: string; message: string; actions?: string[] }) => Promise<void>;
  /** Moves the server's clock forward through the reference server's control API (only when the suite started the server itself). */
  advanceClock?: (ms: number) => Promise<void>;
  close(): Promise<void>;
}

export async function startTarget(): Promise<Target> {
  const url = process.env.PD_CONFORMANCE_URL;
  if (url) {
    const tokens = (process.env.PD_CONFORMANCE_TOKENS ?? '').split(',').filter(Boolean);
    if (tokens.length < 2) throw new Error('PD_CONFORMANCE_TOKENS must name two tokens of two different users: a,b');
    return { url, tokenA: tokens[0]!, tokenB: tokens[1]!, close: async () => {} };
  }
  const { startServer } = await import('@pd-notify/mock-server');
  const server = await startServer({ seed: 'demo', heartbeatMs: 200, control: true });
  const control = async (path: string, body: unknown): Promise<void> => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  };
  const notifyA: Target['notifyA'] = (notification) =>
    control('/control/act', { action: 'notify', userId: 'alice', ...notification });
  const advanceClock: Target['advanceClock'] = (ms) => control('/control/clock/advance', { ms });
  return {
    url: server.url,
    tokenA: 'demo-alice',
    tokenB: 'demo-ben',
    notifyA,
    advanceClock,
    close: () => server.close(),
  };
}
