/**
 * The reference server under load, in a child process: how long one event takes
 * to reach 100 and 1,000 open SSE streams (from just before the control API is
 * asked to notify until each stream has the event), how many notification
 * list requests per second it answers, and the memory one open stream costs.
 */
import { spawn } from 'node:child_process';
import { Agent, request, type IncomingMessage } from 'node:http';
import { createInterface } from 'node:readline';
import { percentiles, type Percentiles } from './stats.js';

export interface ServerResults {
  fanOut: Record<string, Percentiles>;
  listRequestsPerSecond: number;
  /**
   * KB of JS heap and external memory per open stream, from the server's memory after a full GC with
   * none and with `streams` open. (Resident memory is left out: V8 keeps the pages it has, so its growth
   * says little.)
   */
  memoryPerStream?: { streams: number; heapKb: number };
}

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

interface ServerProcess {
  url: string;
  /** The server's process.memoryUsage() after a full GC. */
  memory: () => Promise<NodeJS.MemoryUsage>;
  stop: () => void;
}

async function startServerProcess(): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--conditions=source', '--import', 'tsx', 'bench/server-process.ts'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
    });
  const url = await nextLine();
  return {
    url,
    memory: async () => {
      const reply = nextLine();
      child.stdin.write('memory\n');
      return JSON.parse(await reply) as NodeJS.MemoryUsage;
    },
    stop: () => child.kill('SIGTERM'),
  };
}

function get(url: string, headers: Record<string, string>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    request(url, { agent, headers }, resolve).on('error', reject).end();
  });
}

function post(url: string, body: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      res
        .resume()
        .on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${url}: ${res.statusCode}`))));
    });
    req.on('error', reject).end(JSON.stringify(body));
  });
}

/** Opens `count` streams for Alice; resolves once each has its `ready` event. */
async function openStreams(url: string, count: number) {
  const streams = await Promise.all(
    Array.from({ length: count }, async () => {
      const response = await get(`${url}/v1/events`, {
        Authorization: 'Bearer demo-alice',
        Accept: 'text/event-stream',
      });
      if (response.statusCode !== 200) throw new Error(`stream refused: ${response.statusCode}`);
      response.setEncoding('utf8');
      let buffer = '';
      let onEvent: ((name: string) => void) | null = null;
      const ready = new Promise<void>((resolve) => (onEvent = (name) => name === 'ready' && resolve()));
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const name = /^event: (.+)$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          if (name) onEvent?.(name);
        }
      });
      await ready;
      return {
        next: (name: string) =>
          new Promise<number>((resolve) => (onEvent = (got) => got === name && resolve(performance.now()))),
        close: () => response.destroy(),
      };
    }),
  );
  return streams;
}

async function fanOut(url: string, count: number): Promise<Percentiles> {
  const streams = await openStreams(url, count);
  const latencies: number[] = [];
  for (let round = 0; round < 5; round++) {
    const arrivals = streams.map((stream) => stream.next('notification.created'));
    const sentAt = performance.now();
    await post(`${url}/control/act`, {
      action: 'notify',
      userId: 'alice',
      type: 'comment',
      title: 'Fan-out',
      message: '',
    });
    for (const arrivedAt of await Promise.all(arrivals)) latencies.push(arrivedAt - sentAt);
  }
  for (const stream of streams) stream.close();
  return percentiles(latencies);
}

/** Resolves once the server counts no open stream (re-asked every 50 ms). */
async function noStreamsOpen(url: string): Promise<void> {
  for (;;) {
    const response = await get(`${url}/control/state`, {});
    let text = '';
    for await (const chunk of response) text += String(chunk);
    if (Object.keys((JSON.parse(text) as { streams: Record<string, number> }).streams).length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What one open stream costs the server: the growth from none to `count` open (after a full GC), divided by `count`. */
async function memoryPerStream(server: ServerProcess, count = 2000): Promise<ServerResults['memoryPerStream']> {
  await noStreamsOpen(server.url); // the fan-out's streams are closed on the server's side too
  const before = await server.memory();
  const streams = await openStreams(server.url, count);
  const after = await server.memory();
  for (const stream of streams) stream.close();
  const perStream = (bytes: number) => Math.round((bytes / count / 1024) * 10) / 10;
  return {
    streams: count,
    heapKb: perStream(after.heapUsed + after.external - before.heapUsed - before.external),
  };
}

async function listRequestsPerSecond(url: string, seconds = 3, concurrency = 32): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const response = await get(`${url}/v1/notifications?limit=20`, { Authorization: 'Bearer demo-alice' });
      response.resume();
      await new Promise((resolve) => response.on('end', resolve));
      if (response.statusCode !== 200) throw new Error(`list answered ${response.statusCode}`);
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return Math.round(done / seconds);
}

export async function benchServer(): Promise<ServerResults> {
  const server = await startServerProcess();
  try {
    await listRequestsPerSecond(server.url, 1); // warm-up
    const listPerSecond = await listRequestsPerSecond(server.url);
    const fan: Record<string, Percentiles> = {};
    for (const count of [100, 1000]) fan[String(count)] = await fanOut(server.url, count);
    const memory = await memoryPerStream(server);
    return { fanOut: fan, listRequestsPerSecond: listPerSecond, memoryPerStream: memory };
  } finally {
    server.stop();
    agent.destroy();
  }
}
