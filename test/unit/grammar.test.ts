// The TextMate grammar (syntaxes/news.tmLanguage.json), run through vscode-textmate + Oniguruma as VS Code runs it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { OnigScanner } from 'vscode-oniguruma';
import type { IGrammar } from 'vscode-textmate';
import path from 'node:path';
import { readArticle, repoRoot } from '../support/paths';
import {
  allScopedTexts, createNewsRegistry, foregroundPerChar, grammarPath, loadNewsGrammar, offsetOf, scopedText, scopesAtOffset, scopesOf, tokenizeDocument,
  type TokenizedDocument,
} from '../support/textmate';

const PERSON = 'entity.name.person.news';
const TITLE = 'keyword.other.title.news';
const DATE = 'constant.other.date.news';
const DOUBLE = 'string.quoted.double.news';
const SINGLE = 'string.quoted.single.news';
const BEGIN = 'punctuation.definition.string.begin.news';
const END = 'punctuation.definition.string.end.news';

let grammar: IGrammar;
const tokenize = (text: string): TokenizedDocument => tokenizeDocument(grammar, text);
/** Scopes of the first character of `needle` (e.g. a quotation mark). */
const scopesAtStart = (doc: TokenizedDocument, needle: string): string[] =>
  scopesAtOffset(doc, offsetOf(doc.text, needle));
const isQuoted = (doc: TokenizedDocument, needle: string, occurrence = 0): boolean =>
  scopesOf(doc, needle, occurrence).some((s) => s === DOUBLE || s === SINGLE);

describe('news TextMate grammar', function () {
  this.timeout(60_000); // the 100 KB lines below; correctness is asserted, never time

  before(async () => { grammar = await loadNewsGrammar(); });

  describe('grammar file', () => {
    it('declares the scope name and display name the package.json contribution refers to', () => {
      const raw = JSON.parse(fs.readFileSync(grammarPath, 'utf8')) as { scopeName: string; name: string };
      assert.equal(raw.scopeName, 'text.plain.news');
      assert.equal(raw.name, 'News (plain text)');
    });

    it('has only regexes that Oniguruma compiles (vscode-textmate would only fail on first use)', () => {
      const raw: unknown = JSON.parse(fs.readFileSync(grammarPath, 'utf8'));
      const regexes: string[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) { node.forEach(walk); return; }
        if (node === null || typeof node !== 'object') return;
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') regexes.push(value);
          else walk(value);
        }
      };
      walk(raw);
      assert.ok(regexes.length > 20, `only ${regexes.length} regexes found`);
      for (const re of regexes) assert.doesNotThrow(() => new OnigScanner([re]).dispose(), `does not compile: ${re}`);
    });
  });

  describe('theme colours', () => {
    // The parent scopes Dark+/Light+ colour; neither has a rule for constant.other or a bare entity.name.
    const commonRules = [
      { settings: { foreground: '#D4D4D4' } },
      { scope: 'entity.name.type', settings: { foreground: '#4EC9B0' } },
      { scope: 'constant.numeric', settings: { foreground: '#B5CEA8' } },
      { scope: 'keyword', settings: { foreground: '#569CD6' } },
      { scope: 'string', settings: { foreground: '#CE9178' } },
    ];
    const line = 'Secretary of State John Kerry said “yes” on Jan. 27 at noon.';
    const colourOf = (colours: string[], needle: string): Set<string> =>
      new Set(colours.slice(offsetOf(line, needle), offsetOf(line, needle) + needle.length));

    it('gives names, dates, titles and quotations a colour in a theme with only the common rules', async () => {
      const { registry, grammar: themed } = await createNewsRegistry({ name: 'common', settings: commonRules });
      const colours = foregroundPerChar(registry, themed, line);
      assert.deepEqual(colourOf(colours, 'John Kerry'), new Set(['#4EC9B0']));
      assert.deepEqual(colourOf(colours, 'Jan. 27'), new Set(['#B5CEA8']));
      assert.deepEqual(colourOf(colours, 'Secretary of State'), new Set(['#569CD6']));
      assert.deepEqual(colourOf(colours, '“yes”'), new Set(['#CE9178']));
      assert.deepEqual(colourOf(colours, ' said '), new Set(['#D4D4D4']));
    });

    it('lets a theme that targets the .news scopes override the common colour', async () => {
      const settings = [...commonRules,
        { scope: 'entity.name.person.news', settings: { foreground: '#FF0000' } },
        { scope: 'constant.other.date.news', settings: { foreground: '#00FF00' } }];
      const { registry, grammar: themed } = await createNewsRegistry({ name: 'news-aware', settings });
      const colours = foregroundPerChar(registry, themed, line);
      assert.deepEqual(colourOf(colours, 'John Kerry'), new Set(['#FF0000']));
      assert.deepEqual(colourOf(colours, 'Jan. 27'), new Set(['#00FF00']));
    });
  });

  describe('seed article: kerry-beijing-scmp', () => {
    let doc: TokenizedDocument;
    before(() => { doc = tokenize(readArticle('kerry-beijing-scmp.txt')); });

    it('scopes the name after "Secretary of State" as a person and the title as a title', () => {
      assert.equal(scopedText(doc, 'John Kerry speaks', PERSON), 'John Kerry');
      assert.equal(scopedText(doc, 'Secretary of State John Kerry speaks', TITLE), 'Secretary of State');
    });

    it('finds the people named after President, Foreign Minister and spokeswoman', () => {
      assert.deepEqual(allScopedTexts(doc, PERSON),
        ['John Kerry', 'John Kerry', 'John Kerry', 'Xi Jinping', 'Wang Yi', 'Xi Jinping', 'Hua Chunying']);
      assert.equal(scopedText(doc, 'spokeswoman Hua', TITLE), 'spokeswoman');
    });

    it('leaves bare surnames and possessives to the analyzer (no title, no person scope)', () => {
      assert.ok(!scopesOf(doc, 'Kerry’s trip').includes(PERSON));
      assert.ok(!scopesOf(doc, 'Kim Jong-un’s').includes(PERSON));
    });

    it('scopes “irresponsible” as a double-quoted string with begin and end marks', () => {
      assert.equal(scopedText(doc, '“irresponsible”', DOUBLE), '“irresponsible”');
      assert.ok(scopesAtStart(doc, '“irresponsible').includes(BEGIN));
      assert.ok(scopesAtStart(doc, 'irresponsible”').every((s) => s !== BEGIN && s !== END));
      assert.ok(scopesAtStart(doc, '” for the United States').includes(END));
    });

    it('finds every quotation and nothing else (apostrophes in ’s and nations\' stay plain)', () => {
      const quotes = allScopedTexts(doc, DOUBLE);
      assert.equal(quotes.length, 4);
      for (const q of quotes) assert.match(q, /^“[^“”]+”$/);
      assert.deepEqual(allScopedTexts(doc, SINGLE), []);
      assert.ok(!isQuoted(doc, 'two nations\' commitment'));
    });

    it('scopes Tuesday, Tuesday night, this month and January 16 as dates', () => {
      assert.equal(scopedText(doc, 'Tuesday before', DATE), 'Tuesday');
      assert.equal(scopedText(doc, 'Tuesday night', DATE), 'Tuesday night');
      assert.equal(scopedText(doc, 'this month', DATE), 'this month');
      assert.equal(scopedText(doc, 'January 16', DATE), 'January 16');
    });
  });

  describe('seed article: kerry-blinken-hankyoreh', () => {
    let doc: TokenizedDocument;
    before(() => { doc = tokenize(readArticle('kerry-blinken-hankyoreh.txt')); });

    it('scopes ISO dates with time and zone as one date', () => {
      assert.equal(scopedText(doc, '2016-01-18 17:05 KST', DATE), '2016-01-18 17:05 KST');
      assert.equal(scopedText(doc, '2016-01-18 17:05 KST', DATE, 1), '2016-01-18 17:05 KST');
    });

    it('scopes "Jan. 27" and "Jan. 20 to Jan. 21" as two dates', () => {
      assert.equal(scopedText(doc, 'Jan. 27', DATE), 'Jan. 27');
      assert.equal(scopedText(doc, 'Jan. 20', DATE), 'Jan. 20');
      assert.equal(scopedText(doc, 'Jan. 21', DATE), 'Jan. 21');
      assert.ok(!scopesOf(doc, ' to Jan. 21').includes(DATE));
    });

    it('finds names after compound titles and not after titles with no name', () => {
      assert.equal(scopedText(doc, 'Tony Blinken', PERSON), 'Tony Blinken');
      assert.equal(scopedText(doc, 'Deputy Secretary of State Tony', TITLE), 'Deputy Secretary of State');
      assert.equal(scopedText(doc, 'Zhang Yesui', PERSON), 'Zhang Yesui');
      assert.equal(scopedText(doc, 'Vice Minister of Foreign Affairs Zhang', TITLE), 'Vice Minister of Foreign Affairs');
      assert.equal(scopedText(doc, 'John Kerry at month', PERSON), 'John Kerry');
      assert.equal(scopedText(doc, 'Xi as well', PERSON), 'Xi');
      assert.ok(!scopesOf(doc, 'Secretary to be followed').includes(PERSON));
      assert.ok(!scopesOf(doc, 'Secretary of State - the two').includes(PERSON));
    });

    it('colours dates and names inside quotations too', () => {
      assert.ok(scopesOf(doc, 'this year is developing').includes(DOUBLE));
      assert.equal(scopedText(doc, 'this year is developing', DATE), 'this year');
      assert.equal(scopedText(doc, 'month’s end', DATE), 'month’s end');
    });

    it('keeps the apostrophe in Workers’ Party out of any string', () => {
      assert.ok(!isQuoted(doc, 'Workers’ Party'));
      assert.equal(allScopedTexts(doc, DOUBLE).length, 4);
    });
  });

  describe('quotations', () => {
    it('scopes curly, straight and British single quotes with their marks', () => {
      const doc = tokenize('He said “yes” and "no" and ‘maybe’ today.');
      assert.equal(scopedText(doc, '“yes”', DOUBLE), '“yes”');
      assert.equal(scopedText(doc, '"no"', DOUBLE), '"no"');
      assert.equal(scopedText(doc, '‘maybe’', SINGLE), '‘maybe’');
      for (const mark of ['“yes', '"no', '‘maybe']) assert.ok(scopesAtStart(doc, mark).includes(BEGIN), mark);
      for (const mark of ['” and', '" and', '’ today']) assert.ok(scopesAtStart(doc, mark).includes(END), mark);
      assert.ok(!isQuoted(doc, ' and "no"'));
    });

    it('never treats an apostrophe as a quotation mark', () => {
      const line = 'O\'Donnell said James’ and the Producers\' friends don’t like the ’90s, rock ’n’ roll, ‘em or rock \'n\' roll.';
      const doc = tokenize(line);
      assert.deepEqual(allScopedTexts(doc, DOUBLE), []);
      assert.deepEqual(allScopedTexts(doc, SINGLE), []);
    });

    it('closes a single quotation at a mark that is not an apostrophe', () => {
      const doc = tokenize('The Producers\' union called it \'a disgrace\' and ‘Kerry’s worst idea’ on Monday.');
      assert.equal(scopedText(doc, '\'a disgrace\'', SINGLE), '\'a disgrace\'');
      assert.equal(scopedText(doc, '‘Kerry’s', SINGLE), '‘Kerry’s worst idea’');
      assert.ok(!isQuoted(doc, 'Producers\''));
      assert.ok(!isQuoted(doc, ' on Monday'));
    });

    it('nests single quotes in double quotes and ends both at the outer close', () => {
      const nested = tokenize('“He said ‘no way’ to me,” she said.');
      assert.equal(scopedText(nested, 'no way', SINGLE), '‘no way’');
      assert.ok(scopesOf(nested, 'no way').includes(DOUBLE));
      assert.ok(!isQuoted(nested, ' she said'));
      const unclosedInner = tokenize('“He called it ‘rubbish” and left.');
      assert.ok(!isQuoted(unclosedInner, ' and left'));
    });

    it('bounds a stray opening mark at the end of its paragraph', () => {
      const doc = tokenize('He said “this is never closed, and goes on.\n\nThe next paragraph has no quotation.');
      assert.equal(scopedText(doc, '“this', DOUBLE), '“this is never closed, and goes on.');
      assert.ok(!isQuoted(doc, 'The next paragraph'));
    });

    it('bounds a stray straight mark and a stray British single mark the same way', () => {
      const doc = tokenize('He said "this is never closed.\n\nNor is ‘this one.\n\nPlain text here, Kerry’s.');
      assert.ok(isQuoted(doc, 'this is never'));
      assert.ok(!isQuoted(doc, 'Nor is'));
      assert.ok(isQuoted(doc, 'this one'));
      assert.ok(!isQuoted(doc, 'Plain text here'));
    });

    it('ends an open quotation before a paragraph that opens a new one (multi-paragraph quotes)', () => {
      const doc = tokenize('“The first paragraph of a long quotation ends here.\n“And the second one closes,” he said.');
      assert.ok(isQuoted(doc, 'The first paragraph'));
      // A new quotation (not a stray mark inside the first) opens the second paragraph and closes on it.
      assert.ok(scopesAtStart(doc, '“And').includes(BEGIN));
      assert.ok(scopesAtStart(doc, '” he said').includes(END));
      assert.ok(!isQuoted(doc, ' he said'));
    });

    it('in one-paragraph-per-line text, does not carry a stray mark onto the next long line', () => {
      const paragraph = 'Officials in the capital said on the record that the talks would continue for several more weeks at least.';
      const doc = tokenize(`The minister called it “a mistake without end ${paragraph}\n${paragraph}`);
      assert.ok(isQuoted(doc, 'a mistake'));
      assert.ok(!isQuoted(doc, 'Officials', 1));
    });

    it('continues a quotation over a hard-wrapped line and stops at its closing mark', () => {
      const doc = tokenize('The envoy said “the quotation wraps\nonto the next line” and left.\n');
      assert.equal(scopedText(doc, '“the quotation', DOUBLE), '“the quotation wraps\nonto the next line”');
      assert.ok(!isQuoted(doc, ' and left'));
    });

    it('does not open a straight quote after a digit (inches) and accepts mixed curly/straight marks', () => {
      const inches = tokenize('He is 5\'11" tall and said "fine" twice.');
      assert.ok(!isQuoted(inches, ' tall'));
      assert.equal(scopedText(inches, '"fine"', DOUBLE), '"fine"');
      const mixed = tokenize('There was “no evidence" of it, and "more hours” later, nothing.');
      assert.equal(scopedText(mixed, '“no', DOUBLE), '“no evidence"');
      assert.equal(scopedText(mixed, '"more', DOUBLE), '"more hours”');
      assert.ok(!isQuoted(mixed, ' of it'));
      assert.ok(!isQuoted(mixed, ' later'));
    });

    it('treats a ” that opens a paragraph before a word as an opening mark', () => {
      const doc = tokenize('”Fear. I am afraid,” she wrote.\n\nNothing else.');
      assert.equal(scopedText(doc, 'Fear', DOUBLE), '”Fear. I am afraid,”');
      assert.ok(!isQuoted(doc, ' she wrote'));
    });
  });

  describe('dates', () => {
    const cases: Array<[line: string, date: string]> = [
      ['It happened on January 16, 2016, in Taipei.', 'January 16, 2016'],
      ['It happened on 27 January 2016 in Taipei.', '27 January 2016'],
      ['It happened on the 16th of January.', '16th of January'],
      ['Talks resume Sept. 3 in Geneva.', 'Sept. 3'],
      ['It was Tuesday, January 16, 2016.', 'Tuesday, January 16, 2016'],
      ['It opened in early November.', 'early November'],
      ['Posted 2016-01-18T17:05Z by staff.', '2016-01-18T17:05Z'],
      ['Filed 01/18/2016 in court.', '01/18/2016'],
      ['The vote is at 5 p.m. today.', '5 p.m. today'],
      ['The vote is at 7pm Friday in Lisbon.', '7pm Friday'],
      ['Updated 14:05 GMT, 3 March 2025 by staff.', '14:05 GMT, 3 March 2025'],
      ['The meeting is on March 3, 2025 at 9:30 am in Lisbon.', 'March 3, 2025 at 9:30 am'],
      ['Oct. 9, 2024 5:48 PM ET', 'Oct. 9, 2024 5:48 PM ET'],
      ['The court sits on Friday at 10 a.m. again.', 'Friday at 10 a.m.'],
      ['He met them on Wednesday morning.', 'Wednesday morning'],
      ['It was founded in 1998 by students.', '1998'],
      ['It grew in the 1990s and the ’90s.', '1990s'],
      ['It grew in the ’90s.', '’90s'],
      ['No one has won since 2001.', '2001'],
      ['Growth slowed in mid-2016.', 'mid-2016'],
      ['Sales fell in late 2023, traders said.', 'late 2023'],
      ['It began in the late 1970s and ended.', 'late 1970s'],
      ['Rates rise by the end of March, it said.', 'the end of March'],
      ['Growth returns in the second half of this year.', 'the second half of this year'],
      ['The deal closes later this month.', 'later this month'],
      ['Officials spoke late yesterday in Rome.', 'late yesterday'],
      ['The storm hit last night and moved on.', 'last night'],
      ['The club will rebuild next spring.', 'next spring'],
      ['Over the summer they moved to Lisbon.', 'the summer'],
      ['Profit rose in the third quarter of 2024.', 'the third quarter of 2024'],
      ['Revenue in Q4 2024 beat forecasts.', 'Q4 2024'],
      ['Sales rose in Q3 and fell.', 'Q3'],
      ['Guidance for H1 2025 was cut.', 'H1 2025'],
      ['The budget for fiscal 2025 passed.', 'fiscal 2025'],
      ['The FY2024-25 results were late.', 'FY2024-25'],
      ['Next fiscal year will be hard.', 'Next fiscal year'],
      ['They lost twice this season at home.', 'this season'],
      ['Shops close on Good Friday and Christmas Eve.', 'Good Friday'],
      ['Shops close on Good Friday and Christmas Eve.', 'Christmas Eve'],
      ['Markets shut for Lunar New Year in Asia.', 'Lunar New Year'],
      ['The 2016 election was close.', '2016'],
      ['The 2015-16 season ended.', '2015-16'],
      ['She left Paris last week.', 'last week'],
      ['She arrived two years ago.', 'two years ago'],
      ['The court ruled yesterday.', 'yesterday'],
      ['The bill passed in May.', 'May'],
      ['It opens May 5.', 'May 5'],
      ['He was at the World Cup 2018 in Russia.', '2018'],
      ['Prices rise at the end of this month.', 'the end of this month'],
    ];
    for (const [line, date] of cases) {
      it(`scopes "${date}" in: ${line}`, () => {
        assert.equal(scopedText(tokenize(line), date, DATE), date);
      });
    }

    it('colours both years of a range separately', () => {
      const doc = tokenize('He served from 1998 to 2001, and between 2004 and 2009; the study covers 2000 - 2050.');
      assert.deepEqual(allScopedTexts(doc, DATE), ['1998', '2001', '2004', '2009', '2000', '2050']);
    });

    it('does not colour a bare clock time, a set or a name that holds a date word', () => {
      const doc = tokenize('Doors open at 10:30 a.m. sharp; as of 15:11 GMT, at noon. The market opens every Thursday and on Sundays. ' +
        'The Audi Q4 sold. The fall of Rome. Q4: what happened?');
      assert.deepEqual(allScopedTexts(doc, DATE), []);
    });

    it('colours every named day of the holidays word list, as the analyzer reads them', () => {
      const names = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'src', 'analysis', 'lexicon', 'holidays.json'), 'utf8')) as { entries: string[] }).entries
        .map(e => e.slice(0, e.lastIndexOf(':')).trim());
      assert.ok(names.length > 20);
      for (const name of names) assert.equal(scopedText(tokenize(`They met on ${name} in Lisbon.`), name, DATE), name, name);
    });

    it('does not colour numbers that only look like years', () => {
      const doc = tokenize('In 1,998 cases he paid $2016 for 2016 tickets, in 2000 people and £1999 more, page 1998.');
      assert.deepEqual(allScopedTexts(doc, DATE), []);
    });

    it('does not colour "May" as a verb or a surname, nor "Jan" as a first name', () => {
      const doc = tokenize('May said she may go. Prime Minister Theresa May met Jan Smith.');
      assert.deepEqual(allScopedTexts(doc, DATE), []);
      assert.equal(scopedText(doc, 'Theresa May', PERSON), 'Theresa May');
    });
  });

  describe('people after a title', () => {
    const titles = [
      'President', 'Vice President', 'Prime Minister', 'Secretary', 'Secretary of State', 'Minister', 'Foreign Minister',
      'Deputy', 'Chancellor', 'Senator', 'Sen.', 'Rep.', 'Governor', 'Gov.', 'Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'King',
      'Queen', 'Pope', 'General', 'Gen.', 'spokesman', 'spokeswoman', 'Mr', 'Dr', 'former president', 'Attorney General',
      'Secretary-General', 'Lt. Gen.', 'Chief Justice', 'Speaker', 'Mayor', 'Ambassador', 'Rev.', 'actor', 'his wife',
    ];
    for (const title of titles) {
      it(`scopes the name after "${title}"`, () => {
        const doc = tokenize(`Yesterday ${title} Ann Lee said it.`);
        assert.equal(scopedText(doc, 'Ann Lee', PERSON), 'Ann Lee');
        const expectedTitle = title.startsWith('his ') ? title.slice(4) : title;
        assert.equal(scopedText(doc, title.split(' ').pop()!, TITLE), expectedTitle);
      });
    }

    const names = [
      'George W. Bush', 'J.K. Rowling', 'Kim Jong-un', 'Ursula von der Leyen', 'Recep Tayyip Erdoğan', 'Sean O\'Donnell',
      'Bashar al-Assad', 'Martin Luther King Jr.', 'Louis XIV', 'Valéry Giscard d’Estaing', 'Kevin De Bruyne',
    ];
    for (const name of names) {
      it(`scopes the whole name "${name}"`, () => {
        const doc = tokenize(`On Monday President ${name} spoke.`);
        assert.equal(scopedText(doc, name, PERSON), name);
      });
    }

    it('leaves the possessive ’s / \'s out of the name', () => {
      const doc = tokenize('President Erdoğan’s office and Sen. Kerry\'s staff.');
      assert.equal(scopedText(doc, 'Erdoğan', PERSON), 'Erdoğan');
      assert.equal(scopedText(doc, 'Kerry', PERSON), 'Kerry');
    });

    it('takes at most four name words', () => {
      const doc = tokenize('Mr. One Two Three Four Five spoke.');
      assert.equal(scopedText(doc, 'One', PERSON), 'One Two Three Four');
    });

    it('does not take days, months, function words or organisations for names', () => {
      const doc = tokenize(
        'General Motors said the president Tuesday met King Street bankers. Vice President The Hague, ' +
        'Secretary of State and Deputy Secretary to be named. Ambassador In and Mr. A said Governor May 5.');
      assert.deepEqual(allScopedTexts(doc, PERSON), []);
    });

    it('does not start a name with a title word and chains a role into an abbreviated title', () => {
      const doc = tokenize('The running mate, nominee Sen. Tim Kaine, and Deputy Secretary General met.');
      assert.deepEqual(allScopedTexts(doc, PERSON), ['Tim Kaine']);
    });
  });

  describe('robustness on pathological input', () => {
    it('tokenizes a 100 KB line of article text and still finds what is at its end', () => {
      const prose = readArticle('kerry-beijing-scmp.txt').replace(/\n+/g, ' ');
      const tail = ' Finally Secretary of State John Kerry left on January 16, 2016.';
      const line = prose.repeat(Math.ceil(100_000 / prose.length)).slice(0, 100_000) + tail;
      const doc = tokenize(line);
      assert.equal(doc.stoppedEarly, false);
      assert.equal(scopedText(doc, 'John Kerry left', PERSON), 'John Kerry');
      assert.equal(scopedText(doc, 'January 16, 2016', DATE), 'January 16, 2016');
    });

    const markLines: Array<[name: string, unit: string]> = [
      ['straight double', '"'], ['curly open', '“'], ['curly pairs', '“”'], ['British open', '‘'], ['straight single', '\''],
      ['all marks', '“‘"\'’”'], ['spaced straight', ' "a'], ['spaced single', ' \'a'], ['spaced British', ' ‘a'],
      ['nested opens', 'he said “no ‘way '],
    ];
    for (const [name, unit] of markLines) {
      it(`finishes a 100 KB line of ${name} marks and keeps the next paragraph plain`, () => {
        const line = unit.repeat(Math.ceil(100_000 / unit.length));
        const doc = tokenize(`${line}\n\nOn Tuesday Secretary John Kerry left.`);
        assert.equal(doc.stoppedEarly, false);
        assert.ok(!isQuoted(doc, 'On Tuesday'));
        assert.equal(scopedText(doc, 'Tuesday', DATE), 'Tuesday');
        assert.equal(scopedText(doc, 'John Kerry', PERSON), 'John Kerry');
      });
    }

    it('finishes 100 KB lines built to make regexes backtrack (titles, initials, digits, long words)', () => {
      for (const unit of ['Mr. ', 'Mr. A', 'President Aa Bb ', 'A.', 'Kim-', '2016-01-', 'in 1998 ', '12:', 'x', 'Jan. ']) {
        const line = unit.repeat(Math.ceil(100_000 / unit.length));
        const doc = tokenize(`${line}\n\nOn Tuesday it ended.`);
        assert.equal(doc.stoppedEarly, false, unit);
        assert.equal(scopedText(doc, 'Tuesday', DATE), 'Tuesday', unit);
      }
    });
  });
});
