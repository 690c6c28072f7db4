// A node:test reporter that counts leaf tests (not suites) and writes the totals as JSON.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const { type, data } of source) {
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    if (data.details?.type === 'suite') {
      // A suite that failed outside its tests (a hook, a file that did not load) counts once.
      if (type === 'test:fail' && data.details?.error?.failureType !== 'subtestsFailed') counts.failed++;
      continue;
    }
    if (data.skip || data.todo) counts.skipped++;
    else if (type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  yield `${JSON.stringify(counts)}\n`;
}
