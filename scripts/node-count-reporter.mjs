// A node:test reporter that counts leaf tests (not suites), names the failed ones, and
// writes both as JSON for scripts/test.mjs.
import { relative } from 'node:path';

export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  const failed = (data) => {
    counts.failed++;
    counts.failures.push(`${data.file ? `${relative(process.cwd(), data.file)}: ` : ''}${data.name}`);
  };
  for await (const { type, data } of source) {
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    if (data.details?.type === 'suite') {
      // A suite that failed outside its tests (a hook, a file that did not load) counts once.
      if (type === 'test:fail' && data.details?.error?.failureType !== 'subtestsFailed') failed(data);
      continue;
    }
    if (data.skip || data.todo) counts.skipped++;
    else if (type === 'test:pass') counts.passed++;
    else failed(data);
  }
  yield `${JSON.stringify(counts)}\n`;
}
