import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli';
import { bratAnnotations, BratTypes, bratCounting, escapeNote, fragmentsOf, labelsOfConfig, unescapeNote, bratConfig } from '../../src/export/brat';
import { exportOutputs, type ExportArticle } from '../../src/export';
import { OffsetMap } from '../../src/export/offsets';
import { EXPORT_ARTICLES, exportWorkspace, loadExportArticles } from '../support/exportArticles';

async function run(args: string[]) {
  let out = '', err = '';
  const code = await main(args, { out: s => { out += s; }, err: s => { err += s; } });
  return { code, out, err };
}

/** The text as brat reads a .txt: UTF-8 with universal newlines, a byte-order mark kept as a character. */
const asBratReads = (bytes: Buffer) => Array.from(bytes.toString('utf8').replace(/\r\n?/g, '\n'));

interface TLine { id: string; type: string; spans: [number, number][]; text: string }
function tLines(ann: string): TLine[] {
  return ann.split('\n').filter(l => l.startsWith('T')).map(l => {
    const [id, data, text] = l.split('\t');
    const [type, ...rest] = data.split(' ');
    return { id, type, spans: rest.join(' ').split(';').map(s => s.split(' ').map(Number) as [number, number]), text };
  });
}

/** Every T line's text, re-read from the characters of the .txt by its offsets (fragments joined by a space, as brat does). */
function assertTextsReRead(ann: string, chars: string[], where: string) {
  const lines = tLines(ann);
  assert.ok(lines.length > 10, `${where} has T lines`);
  for (const t of lines) {
    const reRead = t.spans.map(([s, e]) => chars.slice(s, e).join('')).join(' ');
    assert.equal(reRead, t.text, `${where} ${t.id} (${t.spans.map(s => s.join(' ')).join(';')})`);
    for (const [s, e] of t.spans) assert.ok(!chars.slice(s, e).includes('\n'), `${where} ${t.id}: no fragment crosses a line break`);
  }
}

describe('brat standoff export', () => {
  let dir: string;
  let articles: ExportArticle[];
  before(() => { dir = exportWorkspace(); articles = loadExportArticles(dir); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes T lines whose text brat re-reads exactly from the copy in --out (code points, LF line ends)', async () => {
    const out = path.join(dir, 'out-copy');
    const r = await run(['export', '--format', 'brat', '--out', out, dir]);
    assert.equal(r.code, 0, r.err);
    for (const name of EXPORT_ARTICLES) {
      const stem = name.replace(/\.txt$/, '');
      const copy = fs.readFileSync(path.join(out, `${stem}.txt`));
      assert.ok(!copy.includes('\r'), `${name}: the copy has LF line ends`);
      assert.deepEqual(Array.from(copy.toString('utf8')), asBratReads(copy), 'the copy reads the same with or without universal newlines');
      assertTextsReRead(fs.readFileSync(path.join(out, `${stem}.ann`), 'utf8'), Array.from(copy.toString('utf8')), name);
    }
  });

  it('writes the .ann beside an original CRLF article with a byte-order mark, counting as brat reads it', async () => {
    const name = 'council-flood-crlf.txt';
    const withBom = path.join(dir, 'bom');
    fs.mkdirSync(withBom);
    fs.writeFileSync(path.join(withBom, name), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fs.readFileSync(path.join(dir, name))]));
    fs.copyFileSync(path.join(dir, 'council-flood-crlf.annotations.yaml'), path.join(withBom, 'council-flood-crlf.annotations.yaml'));
    const r = await run(['export', '--format', 'brat', path.join(withBom, name)]);
    assert.equal(r.code, 0, r.err);
    const original = fs.readFileSync(path.join(withBom, name));
    assert.ok(original.includes('\r\n'), 'the article itself is left as it was');
    const chars = asBratReads(original);
    assert.equal(chars[0], '\ufeff');
    assertTextsReRead(fs.readFileSync(path.join(withBom, 'council-flood-crlf.ann'), 'utf8'), chars, 'beside the CRLF original');
    assert.ok(fs.existsSync(path.join(withBom, 'annotation.conf')), 'annotation.conf beside it');
  });

  it('counts characters outside the BMP as one: the emoji article offsets differ from its UTF-16 offsets', async () => {
    const emoji = articles.find(a => a.name === 'asia-brief-emoji-cjk.txt')!;
    const ann = bratAnnotations(emoji, BratTypes.of([emoji]), bratCounting(false, true));
    const date = tLines(ann).find(t => t.text === 'January 5, 2024')!;
    const utf16 = emoji.text.indexOf('January 5, 2024');
    assert.deepEqual(date.spans, [[utf16 - 2, utf16 - 2 + 15]], 'two emoji before it, one character each');
  });

  it('marks provenance, quote kinds, speakers, notes and orphans with A, R and # lines', async () => {
    const scmp = articles.find(a => a.name === 'kerry-beijing-scmp.txt')!;
    const ann = bratAnnotations(scmp, BratTypes.of(articles), bratCounting(false, true));
    const lines = ann.trimEnd().split('\n');
    const t = new Map(tLines(ann).map(x => [x.id, x]));
    const provenance = lines.filter(l => /^A\d+\tProvenance /.test(l)).map(l => l.split(' ')[2]);
    assert.deepEqual([...new Set(provenance)].sort(), ['confirmed', 'detected', 'user']);
    assert.equal(provenance.length, t.size, 'one Provenance per T');
    // Every R line links a Quote to a Person; the speaker set by hand on a detected quote is a Person there.
    const said = lines.filter(l => l.startsWith('R')).map(l => /^R\d+\tSaid Arg1:(T\d+) Arg2:(T\d+)$/.exec(l)!);
    assert.ok(said.length >= 3);
    for (const m of said) { assert.equal(t.get(m[1])!.type, 'Quote'); assert.equal(t.get(m[2])!.type, 'Person'); }
    const wangQuote = said.find(m => /^Wang( Yi)?$/.test(t.get(m[2])!.text));
    assert.ok(wangQuote, 'the speaker set by hand (Wang Yi) is linked to a mention of Wang Yi');
    assert.ok(lines.some(l => new RegExp(`^A\\d+\tSpeakerByReader ${wangQuote[1]}$`).test(l)));
    // A speaker that is no person of the article is written out.
    assert.ok(lines.some(l => /^#\d+\tSpeaker T\d+\tthe Foreign Ministry$/.test(l)), ann);
    // Notes are one line, escaped; the orphan is an empty T with its last text.
    assert.ok(lines.some(l => l.endsWith('\tWhich powers?\\nSource?\\tAsk the desk.')));
    assert.ok(lines.some(l => l.endsWith('\tC:\\\\archive\\\\wsj — find the original')));
    const orphan = tLines(ann).find(x => x.text === '' && x.spans[0][0] === x.spans[0][1])!;
    assert.ok(orphan, 'the orphan has an empty T line');
    assert.ok(lines.some(l => new RegExp(`^#\\d+\tLastText ${orphan.id}\ta sentence the editors later deleted$`).test(l)));
    assert.ok(lines.some(l => /^A\d+\tOrphaned /.test(l) && l.endsWith(` ${orphan.id}`)));
  });

  it('leaves out rejected entities', async () => {
    for (const a of articles) {
      assert.ok(a.view.rejected.length > 0, `${a.name} has a rejected entity`);
      const map = new OffsetMap(a.text, bratCounting(false, true));
      const written = new Set(tLines(bratAnnotations(a, BratTypes.of(articles), bratCounting(false, true))).map(t => `${t.type}:${t.spans[0][0]}:${t.spans.at(-1)![1]}`));
      for (const r of a.view.rejected) {
        const key = `${r.type[0].toUpperCase()}${r.type.slice(1)}:${map.toCharacters(r.start)}:${map.toCharacters(r.end)}`;
        const alsoShown = a.view.items.some(i => i.type === r.type && i.start === r.start && i.end === r.end);
        assert.equal(written.has(key), alsoShown, `${a.name}: rejected ${r.type} "${r.text}" is not written`);
      }
    }
  });

  it('names labels brat-safe and unique, and annotation.conf maps them back', async () => {
    const types = new BratTypes(['claim to check', 'claim_to_check', 'Person', '店名', '2nd look', 'à vérifier']);
    const conf = bratConfig(types);
    const back = labelsOfConfig(conf);
    assert.deepEqual([...back.values()].sort(), ['2nd look', 'Person', 'claim to check', 'claim_to_check', 'à vérifier', '店名'].sort());
    for (const type of back.keys()) assert.match(type, /^[A-Za-z][A-Za-z0-9_-]*$/);
    assert.equal(new Set(back.keys()).size, 6);
    assert.ok(!back.has('Person'), 'a label named Person does not take the built-in type');
    const entities = conf.split('[entities]\n')[1].split('\n\n')[0].split('\n');
    assert.deepEqual(entities, ['Person', 'Date', 'Quote', ...back.keys()]);
  });

  it('escapes notes reversibly and splits spans at every kind of line break', async () => {
    for (const s of ['a\nb', 'tab\there', 'C:\\new\\table', '\\n literally', 'cr\r\nlf']) assert.equal(unescapeNote(escapeNote(s)), s);
    assert.ok(!/[\n\r\t]/.test(escapeNote('a\nb\r\tc')));
    const text = 'one\r\ntwo\n\nthree\rfour';
    assert.deepEqual(fragmentsOf(text, 0, text.length).map(([s, e]) => text.slice(s, e)), ['one', 'two', 'three', 'four']);
    assert.deepEqual(fragmentsOf(text, 3, 5), [], 'a span of line breaks only has no fragment');
  });

  it('round trip: export → import into an empty folder → export again gives the same .ann, byte for byte', async () => {
    const first = path.join(dir, 'rt-first'), empty = path.join(dir, 'rt-empty'), second = path.join(dir, 'rt-second');
    assert.equal((await run(['export', '--format', 'brat', '--out', first, ...EXPORT_ARTICLES.map(n => path.join(dir, n))])).code, 0);
    fs.mkdirSync(empty);
    for (const f of fs.readdirSync(first)) fs.copyFileSync(path.join(first, f), path.join(empty, f));
    const imported = await run(['import', '--format', 'brat', ...fs.readdirSync(empty).filter(f => f.endsWith('.ann')).map(f => path.join(empty, f))]);
    assert.equal(imported.code, 0, imported.err);
    for (const name of EXPORT_ARTICLES) assert.ok(fs.existsSync(path.join(empty, name.replace(/\.txt$/, '.annotations.yaml'))), `${name}: a sidecar was written`);
    const again = await run(['export', '--format', 'brat', '--out', second, empty]);
    assert.equal(again.code, 0, again.err);
    for (const name of EXPORT_ARTICLES) {
      const ann = name.replace(/\.txt$/, '.ann');
      assert.ok(fs.readFileSync(path.join(first, ann)).length > 500);
      assert.ok(fs.readFileSync(path.join(first, ann)).equals(fs.readFileSync(path.join(second, ann))), `${ann} is the same after the round trip`);
    }
    assert.ok(fs.readFileSync(path.join(first, 'annotation.conf')).equals(fs.readFileSync(path.join(second, 'annotation.conf'))));
  });

  it('writes one annotation.conf for the export and a .ann and .txt per article', async () => {
    const outputs = exportOutputs(articles, { format: 'brat', copyText: () => true });
    assert.deepEqual(outputs.filter(o => o.of === 'export').map(o => o.fileName), ['annotation.conf']);
    assert.deepEqual(outputs.filter(o => o.of === 'article').map(o => o.fileName).sort(),
      EXPORT_ARTICLES.flatMap(n => [n.replace(/\.txt$/, '.ann'), n]).sort());
  });
});
