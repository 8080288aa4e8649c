// The W3C export checked against the W3C Web Annotation test suite's own JSON Schemas (test/fixtures/w3c): every
// "MUST" assertion of the annotation, collection and page tests, on every annotation of the four test articles.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { exportOutputs, type ExportArticle } from '../../src/export';
import { fixturesDir } from '../support/paths';
import { exportWorkspace, loadExportArticles } from '../support/exportArticles';

const suite = path.join(fixturesDir, 'w3c');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(suite, file), 'utf8')) as Record<string, unknown>;

interface Assertion { file: string; title: string; validate: ValidateFunction }

/** The assertions a .test file lists, compiled; each is a "must" that expects "valid". */
function mustAssertions(ajv: Ajv, testFile: string): Assertion[] {
  return (readJson(testFile).assertions as string[]).map(file => {
    const schema = readJson(file);
    assert.equal(schema.assertionType, 'must', file);
    assert.equal(schema.expectedResult, 'valid', file);
    return { file, title: String(schema.title), validate: ajv.getSchema(String(schema.id))! };
  });
}

function failures(assertions: readonly Assertion[], doc: unknown): string[] {
  return assertions.filter(a => !a.validate(doc)).map(a => `${a.file}: ${a.title}\n    ${JSON.stringify(a.validate.errors?.slice(0, 2))}`);
}

describe('W3C Web Annotation export', () => {
  let dir: string;
  let articles: ExportArticle[];
  let annotationMusts: Assertion[], collectionMusts: Assertion[], pageMusts: Assertion[];

  before(() => {
    dir = exportWorkspace();
    articles = loadExportArticles(dir);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const schemas = (sub: string): string[] => fs.readdirSync(path.join(suite, sub), { withFileTypes: true })
      .flatMap(e => (e.isDirectory() ? schemas(path.join(sub, e.name)) : e.name.endsWith('.json') ? [path.join(sub, e.name)] : []));
    for (const file of schemas('.')) ajv.addSchema(readJson(file));
    annotationMusts = mustAssertions(ajv, 'annotations/annotationMusts.test');
    collectionMusts = mustAssertions(ajv, 'collections/collectionMusts.test');
    pageMusts = mustAssertions(ajv, 'collections/pages/pageMusts.test');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const collection = () => JSON.parse(exportOutputs(articles, { format: 'w3c' })[0].content);
  const lines = () => exportOutputs(articles, { format: 'w3c', lines: true })[0].content.trimEnd().split('\n').map(l => JSON.parse(l));

  it('passes every MUST of the collection and page tests, and of the annotation tests for each annotation in it', () => {
    const c = collection();
    assert.ok(annotationMusts.length > 40 && collectionMusts.length >= 10 && pageMusts.length >= 15);
    assert.deepEqual(failures(collectionMusts, c), []);
    assert.deepEqual(failures(pageMusts, c), []);
    const items = c.first.items as Record<string, unknown>[];
    assert.equal(c.total, items.length);
    assert.equal(items.length, articles.reduce((n, a) => n + a.view.items.length + a.view.orphans.length, 0));
    // An annotation in a collection takes the collection's @context (JSON-LD), so it is checked with it.
    for (const item of items) assert.deepEqual(failures(annotationMusts, { '@context': c['@context'], ...item }), [], String(item.id));
  });

  it('passes every MUST of the annotation tests for each line of --jsonl, which carries its own @context', () => {
    const all = lines();
    assert.ok(all.length > 50);
    for (const a of all) assert.deepEqual(failures(annotationMusts, a), [], String(a.id));
    assert.equal(new Set(all.map(a => a.id)).size, all.length, 'ids are unique');
  });

  it('the schemas do catch a broken annotation (the checks can fail)', () => {
    const a = lines()[0];
    const broken = { ...a, '@context': 'http://example.org/context', target: { ...a.target, selector: [{ type: 'TextPositionSelector', start: -1, end: 2 }] } };
    const failed = failures(annotationMusts, broken).map(f => f.split(':')[0]);
    assert.ok(failed.includes('annotations/3.1-annotationContextValidated.json'), failed.join(', '));
    assert.ok(failed.includes('annotations/specificResource/4.2-TextDataPositionSelectorValid.json'), failed.join(', '));
  });

  it('selectors re-read the text: positions in code points, the quote with its prefix and suffix', () => {
    const byUri = new Map(articles.map(a => [a.uri, a]));
    let checked = 0;
    for (const a of lines()) {
      const article = byUri.get(a.target.source)!;
      const quote = a.target.selector.find((s: { type: string }) => s.type === 'TextQuoteSelector');
      const position = a.target.selector.find((s: { type: string }) => s.type === 'TextPositionSelector');
      if (a.orphaned) { assert.equal(position, undefined, 'an orphan has no position'); continue; }
      const chars = Array.from(article.text);
      assert.equal(chars.slice(position.start, position.end).join(''), quote.exact);
      assert.ok(chars.slice(0, position.start).join('').endsWith(quote.prefix ?? ''));
      assert.ok(chars.slice(position.end).join('').startsWith(quote.suffix ?? ''));
      checked++;
    }
    assert.ok(checked > 50);
  });

  it('bodies: the type or label as a tag, the person, the date value, the quote kind and speaker, the note', () => {
    const all = lines();
    const values = (purpose: string) => new Set(all.flatMap(a => a.body.filter((b: { purpose: string }) => b.purpose === purpose).map((b: { value: string }) => b.value)));
    assert.ok(['person', 'date', 'quote', 'claim to check', '店名', '📌 emoji 😀'].every(v => values('tagging').has(v)));
    assert.ok(values('identifying').has('John Kerry') && values('identifying').has('the Foreign Ministry'));
    assert.ok(values('describing').has('2016-01-27'));
    assert.ok(values('classifying').has('quotation'));
    assert.ok(values('commenting').has('Which powers?\nSource?\tAsk the desk.'));
    assert.deepEqual(new Set(all.map(a => a.provenance)), new Set(['detected', 'confirmed', 'user']));
    assert.equal(all.filter(a => a.orphaned).length, 4, 'one orphan per article, exported with its last text');
    assert.ok(all.every(a => a.target.type === 'SpecificResource' && a.target.source.startsWith('file:///')));
  });
});
