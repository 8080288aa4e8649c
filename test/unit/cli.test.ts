import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli';
import { execFileSync } from 'node:child_process';
import { articlesDir, repoRoot } from '../support/paths';

function run(args: string[]) {
  let out = '', err = '';
  const code = main(args, { out: s => { out += s; }, err: s => { err += s; } });
  return { code, out, err };
}

describe('news-annotate CLI', () => {
  let tmp: string;
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-cli-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('stops quietly when its reader closes the pipe early (| head), with no stack trace', () => {
    // The built bin (dist/cli.js, made by the same build as these tests), its output piped into a reader of one line.
    const file = path.join(articlesDir, 'kerry-beijing-scmp.txt');
    const args = Array.from({ length: 400 }, () => file).map(f => JSON.stringify(f)).join(' ');
    const script = `"${process.execPath}" "${path.join(repoRoot, 'dist', 'cli.js')}" extract ${args} 2>"${path.join(tmp, 'stderr.txt')}" | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const status = execFileSync('bash', ['-c', script], { encoding: 'utf8' }).trim();
    assert.equal(fs.readFileSync(path.join(tmp, 'stderr.txt'), 'utf8'), '');
    assert.equal(status, '0');
  });

  it('prints one JSON document per article file', () => {
    const file = path.join(articlesDir, 'kerry-beijing-scmp.txt');
    const r = run(['extract', file]);
    assert.equal(r.code, 0, r.err);
    const doc = JSON.parse(r.out.trim());
    assert.equal(doc.file, file);
    assert.ok(Array.isArray(doc.entities));
  });

  it('reports a missing file by name, exits non-zero and still processes the other inputs', () => {
    const good = path.join(articlesDir, 'kerry-blinken-hankyoreh.txt');
    const r = run(['extract', path.join(tmp, 'missing.txt'), good]);
    assert.equal(r.code, 1);
    assert.match(r.err, /missing\.txt: no such file/);
    assert.equal(r.out.trim().split('\n').length, 1);
    assert.equal(JSON.parse(r.out).file, good);
  });

  it('refuses binary and non-UTF-8 files with a clear message', () => {
    const bin = path.join(tmp, 'image.txt');
    fs.writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const latin1 = path.join(tmp, 'latin1.txt');
    fs.writeFileSync(latin1, Buffer.from('caf\xe9 said Zhao', 'latin1'));
    const r = run(['extract', bin, latin1]);
    assert.equal(r.code, 1);
    assert.match(r.err, /image\.txt: looks like a binary file/);
    assert.match(r.err, /latin1\.txt: is not valid UTF-8/);
    assert.equal(r.out, '');
  });

  it('reads JSONL, names the bad line, and writes score.mjs lines for the good ones', () => {
    const inp = path.join(tmp, 'in.jsonl');
    fs.writeFileSync(inp, [JSON.stringify({ id: 'a', text: 'Kerry said “hello.”' }), '{not json', JSON.stringify({ text: 'x' }),
      JSON.stringify({ id: 7, text: 'On Tuesday.' })].join('\n') + '\n');
    const r = run(['extract', '--jsonl', inp]);
    assert.equal(r.code, 1);
    assert.match(r.err, /in\.jsonl:2: not valid JSON/);
    assert.match(r.err, /in\.jsonl:3: no "id" field/);
    const lines = r.out.trim().split('\n').map(l => JSON.parse(l));
    assert.deepEqual(lines.map(l => l.id), ['a', 7]);
    for (const l of lines) assert.ok(Array.isArray(l.entities));
  });

  it('rejects unknown commands and options with usage', () => {
    assert.equal(run(['frobnicate']).code, 2);
    const r = run(['extract', '--bogus', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown option "--bogus"/);
  });
});
