import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { addAnnotation, emptyDocument, encodeSidecar, prepareForSave, sequentialIds, type SidecarDocument } from '../../src/annotations';
import { main } from '../../src/cli';
import { importBrat, parseBrat } from '../../src/export';
import { EXPORT_ARTICLES, exportWorkspace } from '../support/exportArticles';

async function run(args: string[]) {
  let out = '', err = '';
  const code = await main(args, { out: s => { out += s; }, err: s => { err += s; } });
  return { code, out, err };
}

const sidecarOf = (file: string) => file.replace(/\.txt$/, '.annotations.yaml');

describe('news-annotate export', () => {
  let dir: string;
  beforeEach(() => { dir = exportWorkspace('news-export-cli-'); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a sidecar that cannot be read: named with its line, that article skipped and its file untouched, the others exported, exit 1', async () => {
    const bad = path.join(dir, 'kerry-beijing-scmp.annotations.yaml');
    const broken = fs.readFileSync(bad, 'utf8').replace('kind: label', 'kind: [label');
    fs.writeFileSync(bad, broken);
    const r = await run(['export', '--format', 'jsonl', dir]);
    assert.equal(r.code, 1);
    assert.match(r.err, /kerry-beijing-scmp\.annotations\.yaml:\d+: .*kerry-beijing-scmp\.txt not exported/);
    assert.deepEqual(r.out.trimEnd().split('\n').map(l => JSON.parse(l).id), EXPORT_ARTICLES.filter(n => n !== 'kerry-beijing-scmp.txt').sort());
    assert.equal(fs.readFileSync(bad, 'utf8'), broken);
  });

  it('reports each orphan on stderr and exports it', async () => {
    const r = await run(['export', '--format', 'csv', dir]);
    assert.equal(r.code, 0, r.err);
    const orphans = r.err.split('\n').filter(l => l.includes('orphaned'));
    assert.equal(orphans.length, 4);
    assert.match(r.err, /kerry-blinken-hankyoreh\.txt: orphaned person annotation exported with its last known text "Hwang Kyo-ahn"/);
    assert.match(r.out, /Hwang Kyo-ahn/);
  });

  it('brat without --out: .ann beside each article, annotation.conf in the folder holding them; never over a changed .ann without --force', async () => {
    const sub = path.join(dir, 'sub');
    fs.mkdirSync(sub);
    for (const f of ['council-flood-crlf.txt', 'council-flood-crlf.annotations.yaml']) fs.renameSync(path.join(dir, f), path.join(sub, f));
    const args = ['export', '--format', 'brat', path.join(dir, 'kerry-beijing-scmp.txt'), path.join(sub, 'council-flood-crlf.txt')];
    assert.equal((await run(args)).code, 0);
    const ann = path.join(sub, 'council-flood-crlf.ann');
    assert.ok(fs.existsSync(ann) && fs.existsSync(path.join(dir, 'kerry-beijing-scmp.ann')) && fs.existsSync(path.join(dir, 'annotation.conf')));
    assert.ok(!fs.existsSync(path.join(sub, 'annotation.conf')));
    const again = await run(args);
    assert.equal(again.code, 0);
    assert.match(again.err, /0 files written, 3 already up to date/);
    fs.appendFileSync(ann, 'T99\tPerson 0 4\tCity\n');
    const edited = fs.readFileSync(ann);
    const refused = await run(args);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /council-flood-crlf\.ann: exists and differs from this export; not overwritten \(--force overwrites it\)/);
    assert.ok(fs.readFileSync(ann).equals(edited));
    assert.equal((await run([...args, '--force'])).code, 0);
    assert.ok(!fs.readFileSync(ann, 'utf8').includes('T99'));
  });

  it('brat with --out the article\'s own folder, by its name or through a link, leaves the article as it is (no copy over it)', async () => {
    const article = path.join(dir, 'council-flood-crlf.txt');
    const before = fs.readFileSync(article);
    const r = await run(['export', '--format', 'brat', '--out', dir, article]);
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.readFileSync(article).equals(before), 'still CRLF, byte for byte');
    const ann = path.join(dir, 'council-flood-crlf.ann');
    const expected = fs.readFileSync(ann, 'utf8');
    // The same folder through a link, as --out or as the folder exported, with --force: the .ann is for the article
    // itself (its CRLF counted as brat reads it), and the article is never replaced by a copy.
    const link = path.join(path.dirname(dir), `${path.basename(dir)}-link`);
    fs.symlinkSync(dir, link);
    try {
      for (const args of [['--out', link, dir], ['--out', dir, link], ['--out', link, path.join(link, 'council-flood-crlf.txt')]]) {
        fs.rmSync(ann);
        const linked = await run(['export', '--format', 'brat', '--force', ...args]);
        assert.equal(linked.code, 0, `${args.join(' ')}: ${linked.err}`);
        assert.ok(fs.readFileSync(article).equals(before), `${args.join(' ')}: the article is left byte for byte`);
        assert.equal(fs.readFileSync(ann, 'utf8'), expected, `${args.join(' ')}: the .ann counts the article's own text`);
      }
    } finally {
      fs.rmSync(link);
    }
  });

  it('--out: a folder tree under it for brat, one file for the other formats; stdout without it', async () => {
    const sub = path.join(dir, 'news', 'asia');
    fs.mkdirSync(sub, { recursive: true });
    for (const f of ['asia-brief-emoji-cjk.txt', 'asia-brief-emoji-cjk.annotations.yaml']) fs.renameSync(path.join(dir, f), path.join(sub, f));
    const out = `${dir}-out`; // beside the folder exported, not in it
    try {
      assert.equal((await run(['export', '--format', 'brat', '--out', out, dir])).code, 0);
      assert.ok(fs.existsSync(path.join(out, 'news', 'asia', 'asia-brief-emoji-cjk.ann')));
      assert.ok(fs.existsSync(path.join(out, 'news', 'asia', 'asia-brief-emoji-cjk.txt')));
      for (const [format, extra, file] of [['csv', [], 'annotations.csv'], ['csv', ['--quotes'], 'quotes.csv'], ['jsonl', [], 'annotations.jsonl'], ['w3c', [], 'annotations.jsonld'], ['w3c', ['--jsonl'], 'annotations.w3c.jsonl']] as const) {
        const printed = await run(['export', '--format', format, ...extra, dir]);
        assert.equal(printed.code, 0, printed.err);
        const written = await run(['export', '--format', format, ...extra, '--out', out, dir]);
        assert.equal(written.code, 0, written.err);
        assert.equal(written.out, '');
        assert.equal(fs.readFileSync(path.join(out, file), 'utf8'), printed.out, file);
      }
      assert.match(fs.readFileSync(path.join(out, 'annotations.jsonl'), 'utf8'), /"id":"news\/asia\/asia-brief-emoji-cjk\.txt"/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('an --out folder inside the folder exported is not searched: its text copies are not articles', async () => {
    const out = path.join(dir, 'brat');
    for (let i = 0; i < 2; i++) {
      const r = await run(['export', '--format', 'brat', '--out', out, dir]);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /4 articles exported/);
    }
    assert.deepEqual(fs.readdirSync(out).filter(f => f.endsWith('.ann')).length, 4);
  });

  it('walks folders for *.txt, skipping hidden folders and special files; bad input is reported, the rest exported', async () => {
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, '.git', 'hidden.txt'), 'Jane Roe said.');
    fs.writeFileSync(path.join(dir, 'notes.md'), 'not an article');
    fs.writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const r = await run(['export', '--format', 'jsonl', dir, path.join(dir, 'missing.txt')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /image\.txt: looks like a binary file/);
    assert.match(r.err, /missing\.txt: no such file or folder/);
    assert.deepEqual(r.out.trimEnd().split('\n').map(l => JSON.parse(l).id), [...EXPORT_ARTICLES].sort());
    const fifo = await run(['export', '--format', 'jsonl', path.join(dir, 'pipe.txt')]);
    assert.equal(fifo.code, 1);
    assert.match(fifo.err, /pipe\.txt: not a regular file or folder/);
  });

  it('a sidecar that is a FIFO or a link to /dev/zero is refused as not a regular file, without blocking; the others are exported', async () => {
    const [first, second] = EXPORT_ARTICLES;
    execFileSync('mkfifo', [sidecarOf(path.join(dir, first)) + '.tmpfifo']);
    fs.rmSync(sidecarOf(path.join(dir, first)), { force: true });
    fs.renameSync(sidecarOf(path.join(dir, first)) + '.tmpfifo', sidecarOf(path.join(dir, first)));
    fs.rmSync(sidecarOf(path.join(dir, second)), { force: true });
    fs.symlinkSync('/dev/zero', sidecarOf(path.join(dir, second)));
    const r = await run(['export', '--format', 'jsonl', dir]);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`${first.replace('.txt', '')}\\.annotations\\.yaml.*FIFO.*not a regular file`));
    assert.match(r.err, new RegExp(`${second.replace('.txt', '')}\\.annotations\\.yaml.*not a regular file`));
    assert.equal(r.out.trimEnd().split('\n').length, EXPORT_ARTICLES.length - 2);
  });

  it('two articles that would be exported under one name: the second is reported, not mixed in', async () => {
    const other = path.join(dir, 'other');
    fs.mkdirSync(other);
    fs.copyFileSync(path.join(dir, 'council-flood-crlf.txt'), path.join(other, 'council-flood-crlf.txt'));
    const r = await run(['export', '--format', 'csv', path.join(dir, 'council-flood-crlf.txt'), path.join(other, 'council-flood-crlf.txt')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /another article is exported as council-flood-crlf\.txt already/);
  });

  it('two articles whose exports would share their names ("a.txt", "a.TXT"): the second is reported, not written over the first', async () => {
    const lower = path.join(dir, 'council-flood-crlf.txt'), upper = path.join(dir, 'council-flood-crlf.TXT');
    fs.writeFileSync(upper, 'Reporter Quillon Marsh said on Friday.\n');
    const out = path.join(dir, 'out');
    const r = await run(['export', '--format', 'brat', '--force', '--out', out, lower, upper]);
    assert.equal(r.code, 1);
    assert.match(r.err, /council-flood-crlf\.TXT: its export would take the names of .*council-flood-crlf\.txt's/);
    const copy = fs.readFileSync(path.join(out, 'council-flood-crlf.txt'), 'utf8');
    assert.ok(copy.includes('Elena Vasquez') && !copy.includes('Quillon'), 'the text copy is the first article\'s');
    assert.ok(fs.readFileSync(path.join(out, 'council-flood-crlf.ann'), 'utf8').includes('Elena Vasquez'));
  });

  it('an article whose sidecar holds the annotations of another article of the same sidecar name ("a.TXT") is not exported with them', async () => {
    const article = path.join(dir, 'council-flood-crlf.txt'), sidecar = sidecarOf(article);
    fs.writeFileSync(path.join(dir, 'council-flood-crlf.TXT'), 'Reporter Quillon Marsh said on Friday.\n');
    fs.writeFileSync(sidecar, fs.readFileSync(sidecar, 'utf8').replace('article: "council-flood-crlf.txt"', 'article: "council-flood-crlf.TXT"'));
    const r = await run(['export', '--format', 'jsonl', article]);
    assert.equal(r.code, 1);
    assert.match(r.err, /council-flood-crlf\.annotations\.yaml: .*'council-flood-crlf\.TXT'.*'council-flood-crlf\.txt'.* — .*council-flood-crlf\.txt not exported/);
    assert.equal(r.out, '');
  });

  it('one article named twice (through a link to its folder) is exported once', async () => {
    fs.symlinkSync('.', path.join(dir, 'self'));
    const r = await run(['export', '--format', 'jsonl', path.join(dir, 'council-flood-crlf.txt'), path.join(dir, 'self', 'council-flood-crlf.txt')]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out.trimEnd().split('\n').length, 1);
  });

  it('an --out that is a file, and an input that is a dangling link, are named once for what they are', async () => {
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const r = await run(['export', '--format', 'csv', '--out', file, dir]);
    assert.equal(r.code, 1);
    assert.equal(r.err, `news-annotate: --out ${file}: is not a folder; nothing was exported\n`);
    const loop = path.join(dir, 'loop.txt');
    fs.symlinkSync('loop.txt', loop);
    assert.match((await run(['export', '--format', 'csv', loop])).err, /loop\.txt: a symbolic link that leads nowhere \(or to a loop\)/);
  });

  it('usage errors exit 2 with the usage', async () => {
    for (const args of [['export', dir], ['export', '--format', 'pdf', dir], ['export', '--format', 'brat', '--quotes', dir], ['export', '--format', 'csv'], ['import', 'x.ann'], ['export', '--format', 'csv', '--reference-date', 'May 1', dir]]) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /news-annotate (export|import) --format/);
    }
    assert.match((await run([])).err, /news-annotate import --format brat/);
  });
});

describe('news-annotate import --format brat', () => {
  let dir: string;
  beforeEach(() => { dir = exportWorkspace('news-import-cli-'); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('importing an export back into the sidecar it came from changes nothing', async () => {
    const articles = EXPORT_ARTICLES.map(n => path.join(dir, n));
    const sidecars = articles.map(a => fs.readFileSync(sidecarOf(a)));
    assert.equal((await run(['export', '--format', 'brat', ...articles])).code, 0);
    const r = await run(['import', '--format', 'brat', ...articles.map(a => a.replace(/\.txt$/, '.ann'))]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err.split('\n').filter(l => l.endsWith('(already there)')).length, 4, r.err);
    articles.forEach((a, i) => assert.ok(fs.readFileSync(sidecarOf(a)).equals(sidecars[i]), `${path.basename(a)}: same sidecar`));
  });

  it('what was changed in brat comes back: an entity whose detected T are deleted is rejected, a new T with a note is the reader\'s', async () => {
    const article = path.join(dir, 'council-flood-crlf.txt');
    assert.equal((await run(['export', '--format', 'brat', article])).code, 0);
    const annFile = article.replace(/\.txt$/, '.ann');
    const lines = fs.readFileSync(annFile, 'utf8').trimEnd().split('\n');
    const nextMonth = lines.find(l => /^T\d+\tDate \d+ \d+\tnext month$/.test(l))!;
    const id = nextMonth.split('\t')[0];
    assert.ok(lines.some(l => l.endsWith(`Provenance ${id} detected`)), 'the analyzer\'s, undecided');
    assert.equal(lines.filter(l => /\tDate .*\tnext month$/.test(l)).length, 1, 'its only mention');
    const kept = lines.filter(l => l !== nextMonth && !l.endsWith(` ${id} detected`));
    // "City council" as a label of the reader's, with a note (CRLF counted as one: offsets 0–12 are the first words).
    kept.push('T90\tinstitution 0 12\tCity council', '#90\tAnnotatorNotes T90\tWhich council?');
    fs.writeFileSync(annFile, kept.join('\n') + '\n');
    const r = await run(['import', '--format', 'brat', annFile]);
    assert.equal(r.code, 0, r.err);
    const yaml = fs.readFileSync(sidecarOf(article), 'utf8');
    assert.match(yaml, /verdict: rejected\r\n {4}decided: .*\r\n {4}anchors:\r\n {6}- start: \d+\r\n {8}end: \d+\r\n {8}text: "next month"/);
    assert.match(yaml, /entity: "Elena Vasquez"\r\n    verdict: confirmed/, 'the others are as they were');
    assert.match(yaml, /label: "institution"\r\n    note: "Which council\?"/);
    assert.ok(yaml.includes('\r\n'), 'a CRLF sidecar stays CRLF');
    const again = await run(['export', '--format', 'csv', article]);
    assert.ok(!again.out.split('\r\n').some(row => row.startsWith('council-flood-crlf.txt,date,,next month,')), 'the rejected entity is no longer exported');
    assert.ok(again.out.split('\r\n').some(row => row.startsWith('council-flood-crlf.txt,person,,Elena Vasquez,')));
    assert.match(again.out, /council-flood-crlf\.txt,label,institution,City council,0,12,0,12,/);
  });

  it('a .ann of another tool: every T is the reader\'s, R Said a speaker, nothing is rejected; unknown lines ignored', async () => {
    const folder = path.join(dir, 'foreign');
    fs.mkdirSync(folder);
    const text = 'Jane Roe met Tom Lee on Tuesday. "We will win," Roe said.\n';
    fs.writeFileSync(path.join(folder, 'story.txt'), text);
    const q = text.indexOf('"We');
    fs.writeFileSync(path.join(folder, 'story.ann'), [
      'T1\tPerson 0 8\tJane Roe', 'T2\tOrganization 13 20\tTom Lee', `T3\tQuote ${q} ${q + 14}\t"We will win,"`,
      'R1\tSaid Arg1:T3 Arg2:T1', '#1\tAnnotatorNotes T2\tnot an organisation', 'E1\tMeeting:T2 Agent:T1', '',
    ].join('\n'));
    const r = await run(['import', '--format', 'brat', path.join(folder, 'story.ann')]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /1 event, normalization or equivalence line not imported/);
    assert.match(r.err, /3 annotations, 0 confirmed\n/);
    const yaml = fs.readFileSync(path.join(folder, 'story.annotations.yaml'), 'utf8');
    assert.match(yaml, /kind: label\n    label: "Organization"\n    note: "not an organisation"/);
    assert.match(yaml, /kind: quote\n    speaker: "Jane Roe"/);
    assert.doesNotMatch(yaml, /verdict/);
  });

  it('bad lines are reported with their line number and left out; the rest is imported; exit 1', async () => {
    const folder = path.join(dir, 'bad');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'story.txt'), 'Jane Roe met Tom Lee.\n');
    fs.writeFileSync(path.join(folder, 'story.ann'), ['T1\tPerson 0 8\tJane Roe', 'T2\tPerson 13 20\tTom Lea', 'T3\tPerson 13 99\tTom Lee', 'T1\tDate 0 1\tJ', 'oops', 'T4\tPerson x 3\tJan', ''].join('\n'));
    const r = await run(['import', '--format', 'brat', path.join(folder, 'story.ann')]);
    assert.equal(r.code, 1);
    for (const [line, what] of [[2, 'is not the article\'s "Tom Lee"'], [3, 'outside the text'], [4, 'duplicate id T1'], [5, 'not a brat annotation line'], [6, 'expected "TYPE START END']] as const) {
      assert.match(r.err, new RegExp(`story\\.ann:${line}: .*${what.replace(/[.*+?^${}()|[\]\\"]/g, '\\$&')}`), `line ${line}`);
    }
    assert.match(fs.readFileSync(path.join(folder, 'story.annotations.yaml'), 'utf8'), /text: "Jane Roe"/);
  });

  it('an import that brings nothing for an article without a sidecar says so, and makes none', async () => {
    const article = path.join(dir, 'fresh.txt');
    fs.writeFileSync(article, 'Mayor Elena Vasquez said.\n');
    const annFile = path.join(dir, 'fresh.ann');
    fs.writeFileSync(annFile, 'T1\tPerson 99 100\tx\n');
    const r = await run(['import', '--format', 'brat', annFile]);
    assert.equal(r.code, 1);
    assert.match(r.err, /fresh\.ann → .*fresh\.annotations\.yaml: 0 annotations, 0 confirmed \(nothing to write\)/);
    assert.ok(!fs.existsSync(sidecarOf(article)));
  });

  it('discontinuous T: its fragments are one span when only white space (a line break) lies between them, else the line is reported', async () => {
    const folder = path.join(dir, 'fragments');
    fs.mkdirSync(folder);
    // "Mayor Vasquez" leaves out "Elena "; "Tuesday. The council" crosses a line break, "Second. Third" a blank line.
    fs.writeFileSync(path.join(folder, 'story.txt'), 'Mayor Elena Vasquez said on Tuesday.\nThe council met.\n\nThird line.\n');
    fs.writeFileSync(path.join(folder, 'story.ann'), [
      'T1\tPerson 0 5;12 19\tMayor Vasquez', 'T2\tclaim 28 36;37 48\tTuesday. The council', 'T3\tgap 49 53;55 60\tmet. Third', '',
    ].join('\n'));
    const r = await run(['import', '--format', 'brat', path.join(folder, 'story.ann')]);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /story\.ann:1: T1: a discontinuous span: .*" Elena "/);
    assert.doesNotMatch(r.err, /story\.ann:[23]:/);
    const yaml = fs.readFileSync(path.join(folder, 'story.annotations.yaml'), 'utf8');
    assert.doesNotMatch(yaml, /kind: person/);
    assert.match(yaml, /label: "claim"\n(?: .*\n)*? +start: 28\n +end: 48\n +text: "Tuesday\.\\nThe council"/);
    assert.match(yaml, /label: "gap"\n(?: .*\n)*? +start: 49\n +end: 60\n +text: "met\.\\n\\nThird"/);
  });

  it('every AnnotatorNotes of an annotation is kept, in file order; lines naming an id the file does not have are reported', async () => {
    const folder = path.join(dir, 'notes');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'story.txt'), 'Mayor Elena Vasquez said on Tuesday.\n');
    fs.writeFileSync(path.join(folder, 'story.ann'), [
      'T1\tPerson 6 19\tElena Vasquez', '#1\tAnnotatorNotes T1\tfirst note', '#2\tAnnotatorNotes T1\tsecond note',
      'R1\tSaid Arg1:T9 Arg2:T1', '#3\tAnnotatorNotes T7\tnote on a missing T', 'A1\tSpeakerByReader T9', '',
    ].join('\n'));
    const r = await run(['import', '--format', 'brat', path.join(folder, 'story.ann')]);
    assert.equal(r.code, 1, r.err);
    for (const [line, id] of [[4, 'T9'], [5, 'T7'], [6, 'T9']] as const) assert.match(r.err, new RegExp(`story\\.ann:${line}: .*${id}`), `line ${line}`);
    assert.doesNotMatch(r.err, /story\.ann:[123]:/);
    assert.match(fs.readFileSync(path.join(folder, 'story.annotations.yaml'), 'utf8'), /note: "first note\\nsecond note"/);
  });

  it('an annotation whose ends are line breaks or white space is the one its export (which leaves them out) comes back to', async () => {
    const folder = path.join(dir, 'lines');
    fs.mkdirSync(folder);
    const text = 'Mayor Elena Vasquez said on Tuesday.\nThe council will vote next month.\n\nThird line. \n';
    const article = path.join(folder, 's.txt');
    fs.writeFileSync(article, text);
    const services = { newId: sequentialIds('a'), now: () => new Date('2026-01-01T00:00:00Z') };
    let doc: SidecarDocument = emptyDocument('s.txt');
    // A triple-clicked line (its line break included), and a paragraph selected from the line break before it.
    for (const [start, end, label] of [[37, 71, 'claim to check'], [71, 85, 'paragraph']] as const) {
      doc = addAnnotation(doc, text, { start, end, kind: 'label', label, note: `${label}?` }, services).document;
    }
    const sidecar = encodeSidecar(prepareForSave(doc, text));
    fs.writeFileSync(sidecarOf(article), sidecar);
    assert.equal((await run(['export', '--format', 'brat', article])).code, 0);
    const r = await run(['import', '--format', 'brat', article.replace(/\.txt$/, '.ann')]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /\(already there\)/);
    assert.ok(fs.readFileSync(sidecarOf(article)).equals(sidecar));
  });

  it('reads each line of the .ann a bounded number of times, however many lines it has (no lookup through all of them per annotation)', () => {
    const sentence = 'Mayor Elena Vasquez said "we will act" on Tuesday. ';
    const text = sentence.repeat(300) + '\n';
    const lines: string[] = [];
    for (let i = 0, t = 0; i < 300; i++) {
      const at = i * sentence.length;
      for (const [type, s, e] of [['Person', 6, 19], ['Quote', 25, 38], ['Date', 42, 49], ['claim', 0, 5]] as const) {
        const id = `T${++t}`;
        lines.push(`${id}\t${type} ${at + s} ${at + e}\t${text.slice(at + s, at + e)}`, `A${t}\tProvenance ${id} ${type === 'claim' ? 'user' : 'detected'}`, `#${t}\tAnnotatorNotes ${id}\tnote ${t}`);
      }
      lines.push(`R${i + 1}\tSaid Arg1:T${4 * i + 2} Arg2:T${4 * i + 1}`);
    }
    const parsed = parseBrat(lines.join('\n') + '\n');
    assert.deepEqual(parsed.problems, []);
    let reads = 0;
    const counted = <T extends object>(items: readonly T[]) => new Proxy(items, {
      get(target, key, receiver) { if (typeof key === 'string' && /^\d+$/.test(key)) reads++; return Reflect.get(target, key, receiver); },
    });
    const file = { ...parsed, textBounds: counted(parsed.textBounds), relations: counted(parsed.relations), attributes: counted(parsed.attributes), comments: counted(parsed.comments) };
    const result = importBrat(file, text, { articleName: 's.txt', bom: false, labels: new Map(), services: { newId: sequentialIds('a'), now: () => new Date(0) } });
    assert.deepEqual(result.problems, []);
    assert.equal(result.document.annotations.filter(a => a.kind === 'label').length, 300);
    assert.ok(reads <= 10 * lines.length, `${reads} reads of ${lines.length} lines`);
  });

  it('never writes over a sidecar that cannot be read', async () => {
    const article = path.join(dir, 'kerry-beijing-scmp.txt');
    assert.equal((await run(['export', '--format', 'brat', article])).code, 0);
    const sidecar = sidecarOf(article);
    fs.writeFileSync(sidecar, 'version: 1\narticle: [oops\n');
    const r = await run(['import', '--format', 'brat', article.replace(/\.txt$/, '.ann')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /kerry-beijing-scmp\.annotations\.yaml:\d+: .*not imported; the file is left as it is/);
    assert.equal(fs.readFileSync(sidecar, 'utf8'), 'version: 1\narticle: [oops\n');
  });

  it('never imports into the sidecar of another article of the same sidecar name ("a.TXT" beside "a.txt")', async () => {
    const article = path.join(dir, 'council-flood-crlf.txt'), sidecar = sidecarOf(article);
    assert.equal((await run(['export', '--format', 'brat', article])).code, 0);
    fs.writeFileSync(path.join(dir, 'council-flood-crlf.TXT'), 'Reporter Quillon Marsh said on Friday.\n');
    const theirs = fs.readFileSync(sidecar, 'utf8').replace('article: "council-flood-crlf.txt"', 'article: "council-flood-crlf.TXT"');
    fs.writeFileSync(sidecar, theirs);
    const r = await run(['import', '--format', 'brat', article.replace(/\.txt$/, '.ann')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /council-flood-crlf\.annotations\.yaml: .*'council-flood-crlf\.TXT'.*'council-flood-crlf\.txt'.* not imported; the file is left as it is/);
    assert.equal(fs.readFileSync(sidecar, 'utf8'), theirs);
  });

  it('--keep-omitted records no rejections', async () => {
    const first = path.join(dir, 'first');
    assert.equal((await run(['export', '--format', 'brat', '--out', first, path.join(dir, 'kerry-blinken-hankyoreh.txt')])).code, 0);
    const ann = path.join(first, 'kerry-blinken-hankyoreh.ann');
    const keep = await run(['import', '--format', 'brat', '--keep-omitted', ann]);
    assert.equal(keep.code, 0, keep.err);
    assert.doesNotMatch(fs.readFileSync(sidecarOf(ann.replace(/\.ann$/, '.txt')), 'utf8'), /verdict: rejected/);
  });
});
