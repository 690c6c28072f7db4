/**
 * The reference server under load, in a child process: how long one event takes
 * to reach 100 and 1,000 open SSE streams (from just before the control API is
 * asked to notify until each stream has the event); how many notification list
 * requests per second it answers and the CPU time each costs it, beside a
 * trivial node:http server answering the same body in the same run (their
 * ratio says what the server's own work costs, on a quiet machine or a busy
 * one); and the memory one open stream costs.
 */
import { spawn } from 'node:child_process';
import { Agent, request, type IncomingMessage } from 'node:http';
import { createInterface } from 'node:readline';
import { load } from './load.js';
import { oneMinuteLoad, percentiles, type Percentiles } from './stats.js';

/** One server's answers to the list request. */
export interface Throughput {
  requestsPerSecond: number;
  /** The server process's CPU time (user and system) per answer, in µs. */
  cpuUsPerRequest: number;
}

export interface ServerResults {
  fanOut: Record<string, Percentiles>;
  /** `GET /v1/notifications?limit=20` as Alice, from `connections` keep-alive connections; each figure the median of `rounds`. */
  list: {
    connections: number;
    rounds: number;
    secondsPerRound: number;
    bodyBytes: number;
    reference: Throughput;
    /** A plain node:http server answering the same status, headers and body. */
    trivial: Throughput;
  };
  /**
   * KB of JS heap and external memory per open stream, from the server's memory after a full GC with
   * none and with `streams` open. (Resident memory is left out: V8 keeps the pages it has, so its growth
   * says little.)
   */
  memoryPerStream: { streams: number; heapKb: number };
  /** The 1-minute load average when this section started and ended. */
  load: { start: number; end: number };
}

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
const LIST = '/v1/notifications?limit=20';

interface ServerProcess {
  url: string;
  /** The server's process.memoryUsage() after a full GC. */
  memory: () => Promise<NodeJS.MemoryUsage>;
  /** The server's process.cpuUsage(). */
  cpu: () => Promise<NodeJS.CpuUsage>;
  stop: () => void;
}

/** Starts `script` (a server printing its URL, then answering process-probe.ts's probes) in a child process. */
async function startServerProcess(script: string, ...args: string[]): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--expose-gc', '--conditions=source', '--import', 'tsx', script, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise<never>((_resolve, reject) =>
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`))),
  );
  exited.catch(() => {}); // awaited only while a line is expected
  const nextLine = () => Promise.race([new Promise<string>((resolve) => lines.once('line', resolve)), exited]);
  const ask = async <T>(probe: string): Promise<T> => {
    const reply = nextLine();
    child.stdin.write(`${probe}\n`);
    return JSON.parse(await reply) as T;
  };
  const url = await nextLine();
  return {
    url,
    memory: () => ask('memory'),
    cpu: () => ask('cpu'),
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

/** Answers per second and CPU µs per answer of `server` under `connections` connections for `ms`. */
async function throughput(server: ServerProcess, connections: number, ms: number): Promise<Throughput> {
  const before = await server.cpu();
  const answers = await load(server.url, LIST, { Authorization: 'Bearer demo-alice' }, { connections, ms });
  const after = await server.cpu();
  const cpu = after.user + after.system - before.user - before.system;
  return {
    requestsPerSecond: Math.round(answers / (ms / 1000)),
    cpuUsPerRequest: Math.round((cpu / answers) * 10) / 10,
  };
}

/** The median of each figure over the rounds. */
function median(rounds: Throughput[]): Throughput {
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    requestsPerSecond: middle(rounds.map((round) => round.requestsPerSecond)),
    cpuUsPerRequest: middle(rounds.map((round) => round.cpuUsPerRequest)),
  };
}

/** The reference server and the trivial one, in alternate rounds (so that a change in the machine's load hits both). */
async function listThroughput(server: ServerProcess, rounds = 3, seconds = 2, connections = 32) {
  const trivial = await startServerProcess('bench/trivial-server.ts', `${server.url}${LIST}`);
  try {
    const body = await get(`${server.url}${LIST}`, { Authorization: 'Bearer demo-alice' });
    let bodyBytes = 0;
    for await (const chunk of body) bodyBytes += (chunk as Buffer).length;
    const ms = seconds * 1000;
    await throughput(server, connections, 1000); // warm-up
    await throughput(trivial, connections, 1000);
    const measured: { reference: Throughput[]; trivial: Throughput[] } = { reference: [], trivial: [] };
    for (let round = 0; round < rounds; round++) {
      measured.trivial.push(await throughput(trivial, connections, ms));
      measured.reference.push(await throughput(server, connections, ms));
    }
    return {
      connections,
      rounds,
      secondsPerRound: seconds,
      bodyBytes,
      reference: median(measured.reference),
      trivial: median(measured.trivial),
    };
  } finally {
    trivial.stop();
  }
}

export async function benchServer(): Promise<ServerResults> {
  const startLoad = oneMinuteLoad();
  const server = await startServerProcess('bench/server-process.ts');
  try {
    const list = await listThroughput(server);
    const fan: Record<string, Percentiles> = {};
    for (const count of [100, 1000]) fan[String(count)] = await fanOut(server.url, count);
    const memory = await memoryPerStream(server);
    return { fanOut: fan, list, memoryPerStream: memory, load: { start: startLoad, end: oneMinuteLoad() } };
  } finally {
    server.stop();
    agent.destroy();
  }
}
