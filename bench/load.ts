/**
 * A load generator light enough to leave the cores to the server under test:
 * `connections` keep-alive HTTP/1.1 connections over raw sockets, each sending
 * one GET, reading its whole answer (by Content-Length) and sending the next,
 * until the time is up. Every answer must be a 200.
 */
import { connect, type Socket } from 'node:net';

/** Answers received in `ms` milliseconds. */
export async function load(
  url: string,
  path: string,
  headers: Record<string, string>,
  { connections, ms }: { connections: number; ms: number },
): Promise<number> {
  const { hostname, port } = new URL(url);
  const request = Buffer.from(
    `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n${Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('')}\r\n`,
    'latin1',
  );
  const until = performance.now() + ms;
  const counts = await Promise.all(
    Array.from({ length: connections }, () => client(connect(Number(port), hostname), request, until)),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

function client(socket: Socket, request: Buffer, until: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered: Buffer = Buffer.alloc(0);
    let answers = 0;
    socket.setNoDelay(true);
    socket.on('error', reject);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffered.subarray(0, end).toString('latin1');
        const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
        if (!head.startsWith('HTTP/1.1 200 ') || length === undefined) {
          socket.destroy();
          reject(new Error(`expected a 200 with a Content-Length: ${head.split('\r\n')[0]}`));
          return;
        }
        const size = end + 4 + Number(length);
        if (buffered.length < size) return;
        buffered = buffered.subarray(size);
        answers++;
        if (performance.now() >= until) {
          socket.destroy();
          resolve(answers);
          return;
        }
        socket.write(request);
      }
    });
  });
}
