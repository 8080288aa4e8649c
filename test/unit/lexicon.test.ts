import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lexicon, REPORTING_VERBS } from '../../src/analysis/lexicon';
import { repoRoot } from '../support/paths';

const folder = path.join(repoRoot, 'src', 'analysis', 'lexicon');

describe('lexicon: the word lists as data files', () => {
  const files = fs.readdirSync(folder).filter(f => f.endsWith('.json')).sort();

  it('every list file is loaded by lexicon/index.ts', () => {
    const camel = (file: string) => file.replace(/\.json$/, '').replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
    assert.deepEqual(Object.keys(lexicon).sort(), files.map(camel).sort());
  });

  for (const file of files) {
    it(`${file}: has a description, and each entry once`, () => {
      const list = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as { description?: unknown; entries?: unknown };
      assert.equal(typeof list.description, 'string');
      assert.ok(Array.isArray(list.entries) && list.entries.length > 0);
      const seen = new Set<string>(), repeated: string[] = [];
      for (const e of list.entries as unknown[]) {
        assert.equal(typeof e, 'string', `${file}: ${JSON.stringify(e)} is not a string`);
        const key = (e as string).trim().toLowerCase();
        if (seen.has(key)) repeated.push(e as string);
        seen.add(key);
      }
      assert.deepEqual(repeated, [], `${file} lists these more than once`);
    });
  }

  it('reporting verbs: the regular ones are inflected, irregular forms are listed', () => {
    for (const w of ['warn', 'warns', 'warned', 'warning', 'deny', 'denies', 'denied', 'say', 'said', 'told']) assert.ok(REPORTING_VERBS.has(w), w);
    assert.ok(!REPORTING_VERBS.has('warnned'));
  });
});
