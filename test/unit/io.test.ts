// Safe file reading and writing (src/io) on real files: a FIFO made with mkfifo, a link to /dev/zero, a directory, a
// socket, a file whose stat size is 0 but whose content is not, links inside and outside the allowed directory, our
// own temporary files left by a crash.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  readRegularFile, RefusedWriteError, removeLeftoverTemps, shortTempPathFor, STALE_TEMP_MS, tempPathFor, UnreadableFileError,
  writeFileAtomically,
} from '../../src/io';

const LIMIT = 1024 * 1024;

async function refusal(p: Promise<unknown>): Promise<UnreadableFileError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof UnreadableFileError, `an UnreadableFileError, got ${String(e)}`);
    return e;
  }
  assert.fail('the read was not refused');
}

describe('src/io: reading only regular files, never past the limit', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-io-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a regular file whole, and says when there is none', async () => {
    const file = path.join(dir, 'a.yaml');
    fs.writeFileSync(file, 'version: 1\n');
    assert.equal(Buffer.from((await readRegularFile(file, LIMIT))!).toString(), 'version: 1\n');
    assert.equal(await readRegularFile(path.join(dir, 'missing.yaml'), LIMIT), undefined);
  });

  it('refuses a FIFO without waiting for a writer', async () => {
    const fifo = path.join(dir, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    const e = await refusal(readRegularFile(fifo, LIMIT)); // would hang forever on a blocking open
    assert.equal(e.code, 'not-regular');
    assert.match(e.message, /FIFO/);
  });

  it('refuses a link to /dev/zero (stat size 0, endless content) without reading it', async () => {
    const link = path.join(dir, 'zero.yaml');
    fs.symlinkSync('/dev/zero', link);
    const e = await refusal(readRegularFile(link, LIMIT));
    assert.equal(e.code, 'not-regular');
    assert.match(e.message, /character device/);
  });

  it('refuses a directory and a socket with what they are', async () => {
    const sub = path.join(dir, 'sub.yaml');
    fs.mkdirSync(sub);
    assert.match((await refusal(readRegularFile(sub, LIMIT))).message, /is a directory, not a regular file/);
    const sock = path.join(dir, 'sock.yaml');
    const server = net.createServer().listen(sock);
    await new Promise(resolve => server.once('listening', resolve));
    try {
      assert.equal((await refusal(readRegularFile(sock, LIMIT))).code, 'not-regular');
    } finally {
      server.close();
    }
  });

  it('refuses a file over the limit by its size, and stops at the limit when stat says less (a /proc file has size 0)', async () => {
    const big = path.join(dir, 'big.yaml');
    fs.writeFileSync(big, Buffer.alloc(2000, 0x61));
    assert.match((await refusal(readRegularFile(big, 1000))).message, /above the 0\.0 MB limit/);
    assert.equal(fs.statSync('/proc/self/maps').size, 0, 'stat reports nothing');
    const e = await refusal(readRegularFile('/proc/self/maps', 100));
    assert.equal(e.code, 'too-large');
    assert.match(e.message, /holds more than/);
    assert.ok((await readRegularFile('/proc/self/maps', LIMIT))!.length > 100, 'within the limit it is read');
  });

  it('reads through a link to a file inside the allowed directory, refuses one to a file outside it', async () => {
    const inside = path.join(dir, 'ws'), outside = path.join(dir, 'elsewhere');
    fs.mkdirSync(inside); fs.mkdirSync(outside);
    fs.writeFileSync(path.join(inside, 'real.yaml'), 'inside');
    fs.writeFileSync(path.join(outside, 'real.yaml'), 'outside');
    fs.symlinkSync('real.yaml', path.join(inside, 'in.yaml'));
    fs.symlinkSync(path.join(outside, 'real.yaml'), path.join(inside, 'out.yaml'));
    assert.equal(Buffer.from((await readRegularFile(path.join(inside, 'in.yaml'), LIMIT, { within: inside }))!).toString(), 'inside');
    const e = await refusal(readRegularFile(path.join(inside, 'out.yaml'), LIMIT, { within: inside }));
    assert.equal(e.code, 'outside');
    assert.match(e.message, /outside/);
  });
});

describe('src/io: atomic, durable writes', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-io-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const tempsIn = (d: string) => fs.readdirSync(d).filter(n => n.endsWith('.tmp'));

  it('replaces the file whole, keeps its permissions, and leaves no temporary file', async () => {
    const file = path.join(dir, 'story.annotations.yaml');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, 0o640);
    assert.equal(await writeFileAtomically(file, Buffer.from('new content'), { within: dir }), fs.realpathSync(file));
    assert.equal(fs.readFileSync(file, 'utf8'), 'new content');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(tempsIn(dir), []);
    await writeFileAtomically(path.join(dir, 'fresh.annotations.yaml'), Buffer.from('x'));
    assert.equal(fs.readFileSync(path.join(dir, 'fresh.annotations.yaml'), 'utf8'), 'x');
  });

  it('writes a new file in a folder reached through a link (a workspace opened by a linked path, macOS /tmp)', async () => {
    const real = path.join(dir, 'real'), linked = path.join(dir, 'linked');
    fs.mkdirSync(real);
    fs.symlinkSync(real, linked);
    const file = path.join(linked, 'story.annotations.yaml');
    assert.equal(await writeFileAtomically(file, Buffer.from('first'), { within: linked }), path.join(fs.realpathSync(real), 'story.annotations.yaml'));
    assert.equal(fs.readFileSync(path.join(real, 'story.annotations.yaml'), 'utf8'), 'first');
    await writeFileAtomically(file, Buffer.from('second'), { within: linked });
    assert.equal(fs.readFileSync(file, 'utf8'), 'second');
  });

  it('writes through a link to its target inside the directory (the link stays a link), refuses one pointing outside', async () => {
    const ws = path.join(dir, 'ws'), outside = path.join(dir, 'elsewhere');
    fs.mkdirSync(path.join(ws, 'shared'), { recursive: true }); fs.mkdirSync(outside);
    const link = path.join(ws, 'story.annotations.yaml');
    fs.writeFileSync(path.join(ws, 'shared', 'target.yaml'), 'old');
    fs.symlinkSync('shared/target.yaml', link);
    await writeFileAtomically(link, Buffer.from('through'), { within: ws });
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(ws, 'shared', 'target.yaml'), 'utf8'), 'through');
    assert.deepEqual(tempsIn(path.join(ws, 'shared')), []);

    const away = path.join(ws, 'away.annotations.yaml');
    fs.writeFileSync(path.join(outside, 'target.yaml'), 'not yours');
    fs.symlinkSync(path.join(outside, 'target.yaml'), away);
    await assert.rejects(writeFileAtomically(away, Buffer.from('x'), { within: ws }), RefusedWriteError);
    assert.equal(fs.readFileSync(path.join(outside, 'target.yaml'), 'utf8'), 'not yours');
    assert.deepEqual(tempsIn(outside), []);
  });

  it('never writes over a FIFO, a device link or a directory', async () => {
    const fifo = path.join(dir, 'fifo.annotations.yaml');
    execFileSync('mkfifo', [fifo]);
    await assert.rejects(writeFileAtomically(fifo, Buffer.from('x'), { within: dir }), /FIFO/);
    assert.ok(fs.statSync(fifo).isFIFO());
    const zero = path.join(dir, 'zero.annotations.yaml');
    fs.symlinkSync('/dev/zero', zero);
    await assert.rejects(writeFileAtomically(zero, Buffer.from('x')), RefusedWriteError);
    const sub = path.join(dir, 'sub.annotations.yaml');
    fs.mkdirSync(sub);
    await assert.rejects(writeFileAtomically(sub, Buffer.from('x'), { within: dir }), /directory/);
    assert.deepEqual(tempsIn(dir), []);
  });

  it('leaves no temporary file when the write fails', async () => {
    await assert.rejects(writeFileAtomically(path.join(dir, 'no-such-dir', 'x.yaml'), Buffer.from('x')));
    assert.deepEqual(tempsIn(dir), []);
  });

  // Most file systems allow names of 255 bytes: an article named by a long headline in Cyrillic gets there.
  const cyrillicName = (bytes: number, suffix: string) => 'Я'.repeat((bytes - suffix.length) >> 1) + 'x'.repeat((bytes - suffix.length) & 1) + suffix;

  it('writes a file whose name is near the limit (the temporary file takes a short name), and none too long for it', async () => {
    const name = cyrillicName(250, '.annotations.yaml');
    assert.equal(Buffer.byteLength(name), 250);
    assert.ok(Buffer.byteLength(path.basename(tempPathFor(name))) > 255, 'the usual temporary name would be too long');
    const file = path.join(dir, name);
    await writeFileAtomically(file, Buffer.from('near the limit'), { within: dir });
    assert.equal(fs.readFileSync(file, 'utf8'), 'near the limit');
    assert.deepEqual(tempsIn(dir), []);

    const tooLong = path.join(dir, cyrillicName(262, '.annotations.yaml'));
    const refused = await writeFileAtomically(tooLong, Buffer.from('x'), { within: dir }).then(() => undefined, (e: unknown) => e);
    assert.ok(refused instanceof RefusedWriteError, `a RefusedWriteError, got ${String(refused)}`);
    assert.equal(refused.reason, 'name-too-long');
    assert.match(refused.message, /name too long for the file system \(262 bytes/);
    assert.deepEqual(fs.readdirSync(dir), [name], 'nothing else was left in the folder');
    // No file can have that name: reading it finds none (the editor then starts with no annotations, as for a new article).
    assert.equal(await readRegularFile(tooLong, LIMIT, { within: dir }), undefined);
    assert.equal(await readRegularFile(tooLong, LIMIT), undefined);
  });

  it('removes our temporary files left by a crash, not young ones (a write in progress) nor other files', async () => {
    const file = path.join(dir, 'story.annotations.yaml');
    fs.writeFileSync(file, 'kept');
    const old = tempPathFor(file), young = `${file}.youngwrite1.tmp`, other = `${file}.notes.tmp.bak`;
    const foreign = path.join(dir, 'other.annotations.yaml.abcdef12.tmp');
    // The short form, for a name near the file system's limit: ours only for the name it was made for.
    const oldShort = shortTempPathFor(file), foreignShort = shortTempPathFor(path.join(dir, 'other.annotations.yaml'));
    for (const p of [old, young, other, foreign, oldShort, foreignShort]) fs.writeFileSync(p, 'x');
    const past = (Date.now() - STALE_TEMP_MS - 5000) / 1000;
    for (const p of [old, other, foreign, oldShort, foreignShort]) fs.utimesSync(p, past, past);
    assert.deepEqual((await removeLeftoverTemps(file)).sort(), [old, oldShort].sort());
    for (const p of [young, other, foreign, foreignShort, file]) assert.ok(fs.existsSync(p), p);
  });

  it('removes leftovers beside a link\'s target inside the directory, and none beside a target outside it', async () => {
    const ws = path.join(dir, 'ws'), outside = path.join(dir, 'elsewhere');
    fs.mkdirSync(ws); fs.mkdirSync(outside);
    const past = (Date.now() - STALE_TEMP_MS - 5000) / 1000;
    const leftover = (target: string) => { const t = tempPathFor(target); fs.writeFileSync(t, 'x'); fs.utimesSync(t, past, past); return t; };
    fs.writeFileSync(path.join(ws, 'target.yaml'), '');
    fs.symlinkSync('target.yaml', path.join(ws, 'in.annotations.yaml'));
    const inTemp = leftover(path.join(ws, 'target.yaml'));
    assert.deepEqual(await removeLeftoverTemps(path.join(ws, 'in.annotations.yaml'), { within: ws }), [inTemp]);
    fs.writeFileSync(path.join(outside, 'target.yaml'), '');
    fs.symlinkSync(path.join(outside, 'target.yaml'), path.join(ws, 'out.annotations.yaml'));
    const outTemp = leftover(path.join(outside, 'target.yaml'));
    assert.deepEqual(await removeLeftoverTemps(path.join(ws, 'out.annotations.yaml'), { within: ws }), []);
    assert.ok(fs.existsSync(outTemp), 'a file outside the workspace is not ours to remove');
  });
});
