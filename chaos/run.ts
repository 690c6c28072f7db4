/**
 * `npm run chaos`: every fault scenario in Chromium against the reference
 * server (offline for a full minute), then the soak (50,000 events over a
 * simulated day, the stream cut every 500). Prints the scenario table and the
 * soak's heap, and exits 1 on any mismatch, or when the heap grows by more than
 * a fifth between the soak's middle and its end.
 */
import { ChaosRig, formatReports } from './harness.js';
import { runScenarios } from './scenarios.js';
import { soak } from './soak.js';

const events = Number(process.argv.find((arg) => arg.startsWith('--events='))?.slice(9) ?? 50_000);
const rig = await ChaosRig.start();
let failed: boolean;
try {
  const reports = await runScenarios(rig, { offlineMs: 60_000, timeScale: 1 });
  console.log(formatReports(reports));
  const scenariosFailed = reports.some((report) => report.mismatch !== null);

  console.log(`\nsoak: ${events.toLocaleString('en')} events over a simulated day, the stream cut every 500…`);
  const result = await soak(rig, { events, batch: 500 });
  const { start, middle, end } = result.heapMb;
  console.log(
    `events ${result.events}, reconnects ${result.reconnects}; JS heap after GC: ${start} MB at start, ${middle} MB in the middle, ${end} MB at the end`,
  );
  if (result.mismatch) console.log(`MISMATCH: ${result.mismatch}`);
  const growth = end - middle;
  if (growth > Math.max(1, middle / 5)) console.log(`HEAP GREW by ${growth.toFixed(1)} MB in the second half`);
  failed = scenariosFailed || result.mismatch !== null || growth > Math.max(1, middle / 5);
  console.log(failed ? '\nchaos: FAILED' : '\nchaos: every scenario ended in the server’s state; the soak held');
} finally {
  await rig.stop();
}
process.exit(failed ? 1 : 0);
