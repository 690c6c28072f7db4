/**
 * The bench's server processes answer probes on stdin, one line each, with one
 * JSON line on stdout: `memory` runs a full GC (needs --expose-gc) and prints
 * process.memoryUsage(); `cpu` prints process.cpuUsage() (µs of user and
 * system time since the process started).
 */
import { createInterface } from 'node:readline';

export function answerProbes(): void {
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'memory') {
      (globalThis as { gc?: () => void }).gc?.();
      console.log(JSON.stringify(process.memoryUsage()));
    } else if (line === 'cpu') {
      console.log(JSON.stringify(process.cpuUsage()));
    }
  });
}
