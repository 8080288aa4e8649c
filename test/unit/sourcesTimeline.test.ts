// The data of the Sources and Timeline panel on the seed articles: sources with quote counts and quoted words,
// their order and kinds, the summary line, the reader's decisions, dates as intervals in rows per article, and the
// Markdown tables. Expected facts come from the seeds' gold labels or from the views themselves.
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyze } from '../../src/analysis';
import { decideEntity, emptyDocument, sequentialIds, setSpeaker, targetOfEntity } from '../../src/annotations';
import { readerView, type ReaderView, type ViewItem } from '../../src/entities/readerView';
import { countWords, sourceKindOf, summarizeSources, type ArticleViewInput } from '../../src/entities/quoteSources';
import { sentenceAround } from '../../src/entities/timeline';
import { sourcesTimeline } from '../../src/entities/sourcesTimeline';
import { sourcesTimelineMarkdown } from '../../src/entities/sourcesTimelineMarkdown';
import { whereNow } from '../../src/views/sourcesPanel/whereNow';
import { readArticle, seedGold, type GoldEntity } from '../support/paths';

const SCMP = 'kerry-beijing-scmp.txt';
const HANKYOREH = 'kerry-blinken-hankyoreh.txt';
const services = { newId: sequentialIds('t'), now: () => new Date('2026-12-01T10:00:00Z') };

function article(name: string, text = readArticle(name), view?: ReaderView): ArticleViewInput {
  return { id: `file:///ws/${name}`, name, text, view: view ?? readerView(analyze(text), undefined) };
}

function goldQuotes(name: string): GoldEntity[] {
  return seedGold().find(d => d.id === path.basename(name, '.txt'))!.entities.filter(e => e.type === 'quote');
}

describe('Sources: who speaks, by quotes and by quoted words', () => {
  it('counts every quotation of the SCMP seed under its speaker, with its words, as the gold labels attribute them', () => {
    const s = summarizeSources([article(SCMP)]);
    const gold = goldQuotes(SCMP);
    assert.equal(s.quotes, gold.length);
    for (const speaker of new Set(gold.map(q => q.speaker!))) {
      const source = s.sources.find(x => x.name === speaker);
      assert.ok(source, `${speaker} is a source`);
      assert.equal(source.kind, 'person');
      const theirs = gold.filter(q => q.speaker === speaker);
      assert.equal(source.quotes.length, theirs.length, speaker);
      assert.equal(source.words, theirs.reduce((n, q) => n + countWords(q.text), 0), speaker);
    }
    assert.equal(s.words, gold.reduce((n, q) => n + countWords(q.text), 0));
    assert.equal(s.attributedSources, new Set(gold.map(q => q.speaker)).size);
  });

  it('sorts by quotes, then words, and names the top source by words in the summary line', () => {
    const s = summarizeSources([article(SCMP), article(HANKYOREH)]);
    for (let i = 1; i < s.sources.length; i++) {
      const [a, b] = [s.sources[i - 1], s.sources[i]];
      assert.ok(a.quotes.length > b.quotes.length || (a.quotes.length === b.quotes.length && a.words >= b.words), `${a.name} before ${b.name}`);
    }
    const maxWords = Math.max(...s.sources.filter(x => x.kind !== 'unattributed').map(x => x.words));
    assert.equal(s.top!.words, maxWords);
    assert.equal(s.top!.name, 'Benjamin Herscovitch'); // two long quotes in the SCMP seed
    assert.ok(Math.abs(s.sources.reduce((n, x) => n + x.share, 0) - 1) < 1e-9, 'shares add up to all quoted words');
    assert.equal(s.line, `${s.quotes} quotes, ${s.attributedSources} sources, ${Math.round((100 * maxWords) / s.words)} % of quoted words from the top source (Benjamin Herscovitch), 0 % unattributed.`);
  });

  it('keeps a person quoted in two articles as one source, with both articles', () => {
    const other = 'Posted on : 2016-01-19\n\n“China must act,” Herscovitch said.\n\nBenjamin Herscovitch is an analyst.';
    const s = summarizeSources([article(SCMP), article('other.txt', other)]);
    const h = s.sources.find(x => x.name === 'Benjamin Herscovitch')!;
    assert.equal(h.quotes.length, 3);
    assert.deepEqual(h.articles, ['file:///ws/kerry-beijing-scmp.txt', 'file:///ws/other.txt']);
  });

  it('tells people from organisations and unnamed sources by the view and the wording', () => {
    const kind = (speakerAsWritten: string) => sourceKindOf({ speaker: speakerAsWritten, speakerAsWritten, speakerIsPerson: false });
    for (const w of ['an official', 'a senior State Department official', 'officials', 'a spokesperson',
      'the spokesperson of North Korea’s Ministry of Foreign Affairs', 'sources close to the talks', 'he', 'they', 'analysts']) {
      assert.equal(kind(w), 'unnamed', w);
    }
    for (const w of ['the ministry', 'Reuters', 'the Wall Street Journal', 'it', 'the statement', 'North Korea']) assert.equal(kind(w), 'organisation', w);
    assert.equal(sourceKindOf({ speaker: 'Tong Zhao', speakerAsWritten: 'Zhao', speakerIsPerson: true }), 'person');
    assert.equal(sourceKindOf({ speaker: undefined }), 'unattributed');
  });

  it('groups unnamed sources by wording within an article, never across articles', () => {
    // Views made by hand: what is tested is the grouping, not the analyzer's attribution.
    const quote = (start: number, speaker: string): ViewItem => ({ type: 'quote', start, end: start + 5, text: '“Yes.”', provenance: 'detected',
      kind: 'quotation', speaker, speakerAsWritten: speaker, speakerIsPerson: false, speakerProvenance: 'detected' });
    const view: ReaderView = { items: [quote(0, 'an official'), quote(10, 'the official'), quote(20, 'the ministry'), quote(30, 'The Ministry')], rejected: [], orphans: [], people: [] };
    const s = summarizeSources([article('a.txt', '', view), article('b.txt', '', view)]);
    const unnamed = s.sources.filter(x => x.kind === 'unnamed');
    assert.equal(unnamed.length, 2, 'one unnamed official per article');
    assert.ok(unnamed.every(x => x.quotes.length === 2 && x.articles.length === 1 && x.article === x.articles[0]));
    const ministry = s.sources.filter(x => x.kind === 'organisation');
    assert.equal(ministry.length, 1, 'an organisation is one source across articles, whatever its capitals');
    assert.equal(ministry[0].quotes.length, 4);
  });

  it('counts the reader’s corrections: a rejected quote is gone, a speaker set by hand takes the quote', () => {
    const text = readArticle(SCMP);
    const a = analyze(text);
    const hua = a.quotes.find(q => q.text === '“irresponsible”')!;
    const zhao = a.quotes.find(q => q.text.startsWith('“China has kept'))!;
    let doc = decideEntity(emptyDocument(SCMP), text, targetOfEntity(hua, a), 'rejected', services);
    doc = setSpeaker(doc, text, zhao, 'Jingdong Yuan', services);
    const s = summarizeSources([article(SCMP, text, readerView(a, doc))]);
    assert.equal(s.quotes, goldQuotes(SCMP).length - 1);
    assert.ok(!s.sources.some(x => x.name === 'Hua Chunying'));
    assert.ok(!s.sources.some(x => x.name === 'Tong Zhao'));
    const yuan = s.sources.find(x => x.name === 'Jingdong Yuan')!;
    assert.equal(yuan.kind, 'person');
    assert.ok(yuan.byHand && yuan.quotes[0].speakerByHand);
  });

  it('gives unattributed quotes a bar and a share of their own, and leaves terms out of the counts', () => {
    const text = 'Posted on : 2016-01-19\n\n“We will not give in to pressure from anyone at all.”\n\nThe ministry said: “Never.”';
    const base = readerView(analyze(text), undefined);
    // The analyzer's term classifier may not be on this branch yet: mark the second quote a term in the view.
    const view: ReaderView = { ...base, items: base.items.map(i => (i.type === 'quote' && i.text === '“Never.”' ? { ...i, kind: 'term' as const } : i)) };
    const s = summarizeSources([article('x.txt', text, view)]);
    assert.equal(s.terms, 1);
    assert.equal(s.quotes, 1);
    assert.deepEqual(s.sources.map(x => [x.kind, x.quotes.length, x.words]), [['unattributed', 1, 11]]);
    assert.equal(s.unattributed.words, 11);
    assert.equal(s.top, undefined);
    assert.equal(s.line, '1 quote, 0 sources, 100 % unattributed; 1 term in quote marks not counted.');
  });

  it('counts words without quote marks, keeping “U.S.”, “co-founder” and “Korea’s” whole', () => {
    assert.equal(countWords('“The U.S. co-founder said North Korea’s test, in 2016, was — well — bad.”'), 12);
    assert.equal(countWords('“”'), 0);
  });
});

describe('Timeline: dates as intervals, one row per article', () => {
  it('rows follow the articles; every Hankyoreh date with a value is placed, in time order, and its publication date marked', () => {
    const [scmp, hank] = [article(SCMP), article(HANKYOREH)];
    const { timeline } = sourcesTimeline([scmp, hank]);
    assert.deepEqual(timeline.rows.map(r => r.name), [SCMP, HANKYOREH]);
    const row = timeline.rows[1];
    const withValue = hank.view.items.filter(i => i.type === 'date' && i.value);
    assert.equal(row.dates.length, withValue.length);
    assert.equal(row.publication?.value, hank.view.publicationDate);
    assert.equal(row.publication?.resolved, 'Mon 18 Jan 2016');
    for (let i = 1; i < row.dates.length; i++) assert.ok(row.dates[i - 1].from <= row.dates[i].from);
    const jan27 = row.dates.filter(d => d.text === 'Jan. 27');
    assert.equal(jan27.length, 2);
    assert.ok(jan27.every(d => d.from === Date.UTC(2016, 0, 27) && d.to === Date.UTC(2016, 0, 28) && d.precision === 'day' && d.resolved === 'Wed 27 Jan 2016'));
    const month = row.dates.find(d => d.text === 'the end of this month')!;
    assert.deepEqual([month.precision, month.from, month.to, month.relative], ['month', Date.UTC(2016, 0, 1), Date.UTC(2016, 1, 1), true]);
    assert.equal(timeline.extent?.from, Date.UTC(2016, 0, 1), 'the year 2016 ("this year") is the widest');
    assert.equal(timeline.extent?.to, Date.UTC(2017, 0, 1));
    assert.deepEqual(timeline.focus, { from: Date.UTC(2016, 0, 1), to: Date.UTC(2016, 2, 1) }, 'shown first: January (the months) to February');
  });

  it('lists the SCMP seed’s relative dates under the axis: it gives no publication date to resolve them against', () => {
    const scmp = article(SCMP);
    const { timeline } = sourcesTimeline([scmp]);
    const row = timeline.rows[0];
    assert.equal(row.publication, undefined);
    assert.equal(row.dates.length, 0);
    assert.equal(row.unplaced.length, scmp.view.items.filter(i => i.type === 'date').length);
    assert.ok(row.unplaced.every(d => d.reason === 'relative to a publication date the article does not give'));
    assert.equal(row.unplaced[0].sentence, 'US Secretary of State John Kerry speaks in Cambodia on Tuesday before departing for Beijing, China.');
    assert.equal(timeline.extent, undefined);
    assert.equal(timeline.focus, undefined);
  });

  it('puts the same day written by two outlets at the same place in two rows, and resolves a weekday', () => {
    const text = 'Posted on : 2016-01-18 09:00\n\nKerry will arrive in Beijing on Tuesday. He will meet Wang Yi on Jan. 27.';
    const { timeline } = sourcesTimeline([article(HANKYOREH), article('wire.txt', text)]);
    const [hank, wire] = timeline.rows;
    const tuesday = wire.dates.find(d => d.text === 'Tuesday')!;
    assert.equal(tuesday.resolved, 'Tue 19 Jan 2016');
    assert.ok(tuesday.relative);
    const theirs = wire.dates.find(d => d.text === 'Jan. 27')!;
    assert.ok(hank.dates.some(d => d.from === theirs.from && d.to === theirs.to));
  });

  it('keeps a sentence whole across “Jan.” and cuts a very long one around the date', () => {
    const text = 'Intro line\nOn Jan. 15, the US State Department officially announced plans. Next sentence.';
    const at = text.indexOf('Jan. 15');
    assert.equal(sentenceAround(text, at, at + 7), 'On Jan. 15, the US State Department officially announced plans.');
    const long = `${'word '.repeat(200)}on Tuesday ${'word '.repeat(200)}.`;
    const t = long.indexOf('Tuesday');
    const s = sentenceAround(long, t, t + 7);
    assert.ok(s.startsWith('…') && s.endsWith('…') && s.includes('Tuesday') && s.length <= 330);
  });
});

describe('Copy as Markdown', () => {
  it('writes the sources table and the timeline tables, one row each, with pipes escaped', () => {
    const text = readArticle(SCMP);
    const a = analyze(text);
    const doc = setSpeaker(emptyDocument(SCMP), text, a.quotes[0], 'Hua | Chunying', services);
    const model = sourcesTimeline([article(SCMP, text, readerView(a, doc)), article(HANKYOREH)]);
    const md = sourcesTimelineMarkdown(model);
    const lines = md.split('\n');
    const tableAfter = (heading: string) => {
      const start = lines.findIndex(l => l.startsWith('| ') && l.includes(heading));
      let end = start;
      while (end < lines.length && lines[end].startsWith('|')) end++;
      return lines.slice(start, end);
    };
    const sources = tableAfter('| Source');
    assert.equal(sources.length, 2 + model.sources.sources.length);
    assert.ok(sources.some(l => l.includes('Hua \\| Chunying (set by you)')));
    // The escaped pipe is no column of its own: every row has as many cells as the header.
    const cells = (l: string) => l.split(/(?<!\\)\|/).length;
    assert.ok(sources.every(l => cells(l) === cells(sources[0])));
    const dates = tableAfter('| Article | Date as written | Value');
    const placed = model.timeline.rows.reduce((n, r) => n + r.dates.length + (r.publication ? 1 : 0), 0);
    assert.equal(dates.length, 2 + placed);
    const unplaced = tableAfter('| Article | Date as written | Why');
    assert.equal(unplaced.length, 2 + model.timeline.unplaced);
    assert.ok(md.includes(model.sources.line));
  });
});

describe('Reveal: where the panel’s text is now', () => {
  it('keeps an unchanged place, else takes the nearest copy, else nothing', () => {
    const now = 'He said “yes”. Later: “yes”. And “no”.';
    assert.deepEqual(whereNow(now, 8, 13, '“yes”'), { start: 8, end: 13 });
    assert.deepEqual(whereNow(now, 20, 25, '“yes”'), { start: 22, end: 27 }, 'the text moved by an edit the panel has not seen yet');
    assert.deepEqual(whereNow(now, 3, 8, '“yes”'), { start: 8, end: 13 });
    assert.equal(whereNow(now, 8, 13, '“maybe”'), undefined);
  });
});
