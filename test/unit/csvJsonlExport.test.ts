import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { toScoredEntities, analyze } from '../../src/analysis';
import { exportOutputs, type ExportArticle } from '../../src/export';
import { ENTITY_COLUMNS, entityRows, QUOTE_COLUMNS, quoteRows } from '../../src/export/csv';
import { exportWorkspace, loadExportArticles } from '../support/exportArticles';

describe('CSV and JSONL export', () => {
  let dir: string;
  let articles: ExportArticle[];
  before(() => { dir = exportWorkspace(); articles = loadExportArticles(dir); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const byName = (name: string) => articles.find(a => a.name === name)!;

  it('CSV parses back with a CSV reader to the same rows, header first, CRLF between records', () => {
    const csv = exportOutputs(articles, { format: 'csv' })[0].content;
    assert.ok(csv.startsWith(`${ENTITY_COLUMNS.join(',')}\r\n`));
    assert.ok(csv.includes('"Which powers?\nSource?\tAsk the desk."'), 'a note with a line break is one quoted field');
    const parsed = parse(csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    assert.deepEqual(parsed, articles.flatMap(entityRows));
    assert.ok(parsed.length > 100);
  });

  it('CSV offsets re-read the text, in UTF-16 code units and in code points', () => {
    const rows = parse(exportOutputs(articles, { format: 'csv' })[0].content, { columns: true }) as Record<string, string>[];
    let emojiRows = 0;
    for (const r of rows) {
      if (r.orphaned) { assert.equal(r.start_utf16, ''); continue; }
      const text = byName(r.article).text;
      assert.equal(text.slice(Number(r.start_utf16), Number(r.end_utf16)), r.text);
      assert.equal(Array.from(text).slice(Number(r.start_codepoint), Number(r.end_codepoint)).join(''), r.text);
      if (r.start_codepoint !== r.start_utf16) emojiRows++;
    }
    assert.ok(emojiRows > 5, 'the article with emoji has code point offsets that differ');
    const kinds = new Set(rows.map(r => `${r.type}/${r.provenance}`));
    for (const k of ['person/detected', 'person/confirmed', 'person/user', 'date/user', 'quote/user', 'label/user']) assert.ok(kinds.has(k), k);
    const quote = rows.find(r => r.type === 'quote' && r.speaker_provenance === 'user' && r.speaker_as_written)!;
    assert.ok(quote && quote.speaker !== quote.speaker_as_written, 'a speaker set by hand beside the source the article names');
    assert.ok(rows.some(r => r.type === 'date' && r.value === '2016-01-27'));
  });

  it('the quote sheet: article, publication date, speaker, quote, offsets; quoted terms left out', () => {
    const csv = exportOutputs(articles, { format: 'csv', quotes: true })[0].content;
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]), [...QUOTE_COLUMNS]);
    assert.deepEqual(rows, articles.flatMap(quoteRows));
    const quotes = articles.flatMap(a => [...a.view.items, ...a.view.orphans].filter(i => i.type === 'quote' && i.kind !== 'term'));
    assert.equal(rows.length, quotes.length);
    const hankyoreh = rows.filter(r => r.article === 'kerry-blinken-hankyoreh.txt');
    assert.ok(hankyoreh.every(r => r.publication_date === '2016-01-18'));
    assert.ok(rows.some(r => r.speaker === 'Tong Zhao' && r.speaker_as_written === 'Zhao'));
  });

  it('JSONL: one line per article, extract\'s records after the decisions plus the reader\'s layer', () => {
    const lines = exportOutputs(articles, { format: 'jsonl' })[0].content.trimEnd().split('\n').map(l => JSON.parse(l));
    assert.deepEqual(lines.map(l => l.id), articles.map(a => a.name));
    for (const [i, line] of lines.entries()) {
      const text = articles[i].text;
      for (const e of line.entities) {
        assert.equal(text.slice(e.start, e.end), e.text);
        assert.equal(Array.from(text).slice(e.codePointStart, e.codePointEnd).join(''), e.text);
        assert.ok(['detected', 'confirmed', 'user'].includes(e.provenance));
      }
      assert.equal(line.orphans.length, 1);
      assert.equal(line.orphans[0].start, undefined, 'an orphan has no offsets');
    }
    const crlf = lines[articles.findIndex(a => a.name === 'council-flood-crlf.txt')];
    assert.equal(crlf.publicationDate, '2023-03-14');
    assert.ok(lines.flatMap(l => l.entities).some(e => e.type === 'label' && e.label === 'claim to check' && e.note));
  });

  it('JSONL: without a sidecar the records are extract\'s, field for field (but its person reason), with provenance detected', () => {
    const bareDir = exportWorkspace();
    const text = fs.readFileSync(`${bareDir}/kerry-beijing-scmp.txt`, 'utf8');
    fs.rmSync(`${bareDir}/kerry-beijing-scmp.annotations.yaml`);
    const [bare] = loadExportArticles(bareDir, ['kerry-beijing-scmp.txt']);
    fs.rmSync(bareDir, { recursive: true, force: true });
    const line = JSON.parse(exportOutputs([bare], { format: 'jsonl' })[0].content);
    const strip = (e: Record<string, unknown>) => Object.fromEntries(Object.entries(e).filter(([k]) => !['codePointStart', 'codePointEnd', 'provenance', 'relative', 'speakerProvenance'].includes(k)));
    // `reason` (why the analyzer took a name for a person) is extract's own: the merged view does not carry it.
    assert.deepEqual(line.entities.map(strip), toScoredEntities(analyze(text)).map(({ reason: _, ...e }) => e));
    assert.ok(line.entities.every((e: { provenance: string }) => e.provenance === 'detected'));
  });
});
