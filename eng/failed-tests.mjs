// Prints each failed test of every suite, with the first line of its message, from the results files
// eng/test.sh collects: the .NET suites' TRX files and Vitest's JSON reports. Usage: node failed-tests.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const dir = process.argv[2];
const unescape = (text) =>
  text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const firstLine = (text) => unescape(text ?? '').trim().split('\n')[0].slice(0, 300);

for (const file of readdirSync(dir).sort()) {
  const path = join(dir, file);
  if (file.endsWith('.trx')) {
    const suite = basename(file, '.trx');
    const results = readFileSync(path, 'utf8').matchAll(/<UnitTestResult\b([^>]*?)(\/>|>([\s\S]*?)<\/UnitTestResult>)/g);
    for (const [, attributes, , body] of results) {
      const outcome = /\boutcome="([^"]*)"/.exec(attributes)?.[1];
      if (outcome === 'Passed' || outcome === 'NotExecuted') continue;
      const name = unescape(/\btestName="([^"]*)"/.exec(attributes)?.[1] ?? '?');
      const message = /<Message>([\s\S]*?)<\/Message>/.exec(body ?? '')?.[1];
      console.log(`${suite}: ${name} (${outcome}): ${firstLine(message)}`);
    }
  } else if (file.endsWith('.json')) {
    const suite = basename(file, '.json');
    const report = JSON.parse(readFileSync(path, 'utf8'));
    for (const testFile of report.testResults ?? []) {
      for (const test of testFile.assertionResults ?? []) {
        if (test.status === 'failed') console.log(`${suite}: ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
      }
      if (testFile.status === 'failed' && (testFile.assertionResults ?? []).length === 0) {
        console.log(`${suite}: ${testFile.name}: ${firstLine(testFile.message)}`);
      }
    }
  }
}
