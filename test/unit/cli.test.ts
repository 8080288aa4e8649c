import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli';
import { MAX_REPORTED_PER_FILE } from '../../src/cli/extract';
import { isCalendarDate } from '../../src/cli/options';
import { OutputError } from '../../src/cli/output';
import { articlesDir, fixturesDir, repoRoot } from '../support/paths';

async function run(args: string[], failOutputAfter = Infinity) {
  let out = '', err = '', writes = 0;
  const code = await main(args, {
    out: s => { if (++writes > failOutputAfter) throw new OutputError('EPIPE', 'cannot write the output: the reader closed the pipe (EPIPE); stopped'); out += s; },
    err: s => { err += s; },
  });
  return { code, out, err };
}

/**
 * The built bin (dist/cli.js, made by the same build as these tests) through bash, for pipes and redirections: CLI in
 * the script is the bin, ERR the file its stderr goes to; the status is the pipeline's first command's.
 */
function bin(script: string): { status: string; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-bin-'));
  try {
    const cli = `"${process.execPath}" "${path.join(repoRoot, 'dist', 'cli.js')}"`;
    const status = execFileSync('bash', ['-c', `${script.replaceAll('CLI', cli).replaceAll('ERR', `"${dir}/stderr"`)}; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' }).trim();
    return { status, stderr: fs.readFileSync(path.join(dir, 'stderr'), 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const seed = path.join(articlesDir, 'kerry-beijing-scmp.txt');

describe('news-annotate CLI', () => {
  let tmp: string;
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-cli-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => { const p = path.join(tmp, name); fs.writeFileSync(p, content); return p; };

  it('prints one JSON document per article file', async () => {
    const r = await run(['extract', seed]);
    assert.equal(r.code, 0, r.err);
    const doc = JSON.parse(r.out.trim());
    assert.equal(doc.file, seed);
    assert.ok(Array.isArray(doc.entities) && doc.entities.length > 20);
  });

  it('reports a missing file by name, exits 1 and still processes the other inputs', async () => {
    const good = path.join(articlesDir, 'kerry-blinken-hankyoreh.txt');
    const r = await run(['extract', path.join(tmp, 'missing.txt'), good]);
    assert.equal(r.code, 1);
    assert.match(r.err, /missing\.txt: no such file/);
    assert.equal(r.out.trim().split('\n').length, 1);
    assert.equal(JSON.parse(r.out).file, good);
  });

  it('refuses binary and non-UTF-8 files with a clear message, a NUL far past the start included', async () => {
    const bin = file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const latin1 = file('latin1.txt', Buffer.from('caf\xe9 said Zhao', 'latin1'));
    const lateNul = file('late-nul.txt', Buffer.concat([Buffer.from('Kerry said so. '.repeat(4000)), Buffer.from([0]), Buffer.from(' more')]));
    const r = await run(['extract', bin, latin1, lateNul]);
    assert.equal(r.code, 1);
    assert.match(r.err, /image\.txt: looks like a binary file/);
    assert.match(r.err, /latin1\.txt: is not valid UTF-8 text \(byte 0xe9 at offset 3, line 1\)/);
    assert.match(r.err, /late-nul\.txt: looks like a binary file, not text \(a NUL byte at offset 60000\)/);
    assert.equal(r.out, '');
  });

  it('reads UTF-16 with a byte-order mark (either byte order) as the same text, and names UTF-16 without one', async () => {
    const text = fs.readFileSync(seed, 'utf8');
    const le = file('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = file('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    const bare = file('bare.txt', Buffer.from(text, 'utf16le'));
    const r = await run(['extract', seed, le, be, bare]);
    assert.equal(r.code, 1);
    const [utf8, fromLe, fromBe] = r.out.trim().split('\n').map(l => JSON.parse(l).entities);
    assert.deepEqual(fromLe, utf8);
    assert.deepEqual(fromBe, utf8);
    assert.match(r.err, /bare\.txt: looks like UTF-16 text without a byte-order mark; convert it to UTF-8 first, e\.g\. iconv -f UTF-16LE/);
  });

  it('reads only regular files: a FIFO, a link to /dev/zero and a directory are refused at once', async () => {
    const fifo = path.join(tmp, 'fifo.txt');
    execFileSync('mkfifo', [fifo]);
    const zero = path.join(tmp, 'zero.txt');
    fs.symlinkSync('/dev/zero', zero);
    const r = await run(['extract', fifo, zero, tmp, seed]);
    assert.equal(r.code, 1);
    assert.match(r.err, /fifo\.txt: is a FIFO \(named pipe\), not a regular file/);
    assert.match(r.err, /zero\.txt: is a character device, not a regular file/);
    assert.match(r.err, new RegExp(`${path.basename(tmp)}: is a directory, not a regular file`));
    assert.equal(r.out.trim().split('\n').length, 1, 'the good file is still processed');
  });

  it('stops reading standard input at the size limit, whatever it is fed (/dev/zero)', function () {
    this.timeout(60_000);
    const r = bin('CLI extract - < /dev/zero >/dev/null 2>ERR');
    assert.equal(r.status, '1');
    assert.match(r.stderr, /standard input: holds more than the 64\.0 MB limit/);
  });

  it('reads JSONL line by line: a bad line (broken JSON, invalid UTF-8, a NUL) is reported with its number, the rest processed', async () => {
    const lines = [
      Buffer.from(JSON.stringify({ id: 'a', text: 'Kerry said “hello.”' })), Buffer.from('{not json'), Buffer.from(JSON.stringify({ text: 'x' })),
      Buffer.from('{"id":"latin","text":"caf\xe9"}', 'latin1'), Buffer.from('{"id":"nul","text":"a\u0000b"}'.replace('\\u0000', '\0')),
      Buffer.from(JSON.stringify({ id: 7, text: 'On Tuesday.' }) + '\r'), Buffer.from(''),
    ];
    const inp = file('in.jsonl', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ...lines.flatMap(l => [l, Buffer.from('\n')])]));
    const r = await run(['extract', '--jsonl', inp]);
    assert.equal(r.code, 1);
    assert.match(r.err, /in\.jsonl:2: not valid JSON/);
    assert.match(r.err, /in\.jsonl:3: no "id" field/);
    assert.match(r.err, /in\.jsonl:4: is not valid UTF-8/);
    assert.match(r.err, /in\.jsonl:5: holds a NUL byte/);
    const out = r.out.trim().split('\n').map(l => JSON.parse(l));
    assert.deepEqual(out.map(l => l.id), ['a', 7]);
    for (const l of out) assert.ok(Array.isArray(l.entities));
  });

  it('reads a UTF-16 JSONL file, and reports at most a few bad lines of one file, then their count', async () => {
    const utf16 = file('utf16.jsonl', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${JSON.stringify({ id: 'u', text: 'Kerry said “no.”' })}\r\n`, 'utf16le')]));
    const junk = file('junk.jsonl', Array.from({ length: 50 }, (_, i) => `junk ${i}`).join('\n'));
    const r = await run(['extract', '--jsonl', utf16, junk]);
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.out).id, 'u');
    assert.equal(r.err.split('\n').filter(l => /junk\.jsonl:\d+:/.test(l)).length, MAX_REPORTED_PER_FILE);
    assert.match(r.err, new RegExp(`junk\\.jsonl: ${50 - MAX_REPORTED_PER_FILE} more bad inputs not shown \\(50 in all\\)`));
  });

  it('analyses in worker threads with --jobs, output in input order and the same as in one thread', async function () {
    this.timeout(60_000);
    const inputs = ['--jsonl', path.join(fixturesDir, 'gum_news.dev.jsonl'), path.join(articlesDir, 'seeds.gold.jsonl')];
    const one = await run(['extract', '--jobs', '1', ...inputs]);
    const three = await run(['extract', '--jobs=3', ...inputs]);
    assert.equal(one.code, 0, one.err);
    assert.equal(three.code, 0, three.err);
    assert.equal(three.out, one.out);
    assert.ok(one.out.split('\n').length > 12);
  });

  it('stops at the first failed write of its output: one line on stderr, exit 1, nothing more analysed', async () => {
    const r = await run(['extract', seed, seed, seed, path.join(tmp, 'missing-after.txt')], 1);
    assert.equal(r.code, 1);
    assert.equal(r.err, 'news-annotate: cannot write the output: the reader closed the pipe (EPIPE); stopped\n');
  });

  it('the built bin stops when its reader closes the pipe (| head) and on a full disk (> /dev/full)', function () {
    this.timeout(60_000);
    const many = Array.from({ length: 400 }, () => JSON.stringify(seed)).join(' ');
    // The missing file comes last: had the run gone on, it would be reported too.
    const piped = bin(`CLI extract --jobs 1 ${many} /no/such/file.txt 2>ERR | head -c 100 >/dev/null`);
    assert.equal(piped.status, '1');
    assert.equal(piped.stderr, 'news-annotate: cannot write the output: the reader closed the pipe (EPIPE); stopped\n');
    const full = bin(`CLI extract ${JSON.stringify(seed)} /no/such/file.txt >/dev/full 2>ERR`);
    assert.equal(full.status, '1');
    assert.equal(full.stderr, 'news-annotate: cannot write the output: no space left on the device (ENOSPC); stopped\n');
  });

  it('makes a usage error (exit 2) of an unknown command or option, a bad date, a bad job count', async () => {
    for (const [args, message] of [
      [['frobnicate'], /unknown command "frobnicate"/],
      [[], /no command given/],
      [['extract', '--bogus', 'x'], /unknown option "--bogus"/],
      [['extract', '--reference-date', '2016-13-45', seed], /--reference-date takes a calendar day as YYYY-MM-DD, not "2016-13-45"/],
      [['extract', '--reference-date=2015-02-29', seed], /not "2015-02-29"/],
      [['extract', '--reference-date'], /--reference-date needs a value/],
      [['extract', '--jobs', '0', seed], /--jobs takes a whole number from 1 to 64, not "0"/],
      [['extract', '--jobs', 'two', seed], /not "two"/],
      [['extract'], /no input files given/],
    ] as [string[], RegExp][]) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message);
      assert.match(r.err, /usage:/);
      assert.equal(r.out, '');
    }
    assert.ok(isCalendarDate('2016-02-29') && isCalendarDate('2000-02-29') && !isCalendarDate('1900-02-29') && !isCalendarDate('2016-04-31'));
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /usage:/);
  });

  it('is the bin the package declares, and exits 2 on a usage error there too', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'extract', '--reference-date', '2016-13-45', seed], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not "2016-13-45"/);
  });
});
