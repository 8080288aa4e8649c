// Entry point the extension host calls (extensionTestsPath): runs every *.test.js beside this file with mocha and
// reports the counts to the harness through NEWS_TEST_RESULT_FILE (the host's console only carries text).
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60000, grep: process.env.NEWS_TEST_GREP || undefined });
  for (const f of fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  await mocha.loadFilesAsync();
  const stats = await new Promise<{ passes: number; failures: number; failed: string[] }>(resolve => {
    const failed: string[] = [];
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0, failed }));
    runner.on('fail', test => failed.push(test.fullTitle()));
  });
  const resultFile = process.env.NEWS_TEST_RESULT_FILE;
  if (resultFile) {
    fs.writeFileSync(resultFile, JSON.stringify({ passed: stats.passes, failed: stats.failures, failures: stats.failed }));
  }
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
}
