import assert from 'node:assert/strict';
import { findDates, findPublicationDate } from '../../src/analysis/dates';
import type { DateMention } from '../../src/analysis/types';
import { type GoldDoc, gumGold, seedGold } from '../support/paths';

/** The date spans found in `text`, as their surface strings. */
const spans = (text: string, ref?: string): string[] => findDates(text, ref).map(d => d.text);
/** The single date found in `text` (fails if there is not exactly one). */
function only(text: string, ref?: string): DateMention {
  const ds = findDates(text, ref);
  assert.equal(ds.length, 1, `expected one date in ${JSON.stringify(text)}, got ${JSON.stringify(ds.map(d => d.text))}`);
  return ds[0];
}
const REF = '2016-01-18'; // a Monday

describe('dates: month-day forms', () => {
  it('finds abbreviated and full month names with a day, resolved in the reference year', () => {
    assert.deepEqual(spans('On Jan. 27, Kerry will visit China.'), ['Jan. 27']);
    assert.equal(only('the election on January 16.', REF).value, '2016-01-16');
    assert.equal(only('He left on January 16th, officials said.', REF).text, 'January 16th');
    assert.equal(only('a report dated Dec 25', REF).value, '2015-12-25'); // nearer the reference than 2016-12-25
  });

  it('keeps an explicit year and is then not relative', () => {
    const d = only('on Sept. 3, 2015, the court ruled', REF);
    assert.equal(d.text, 'Sept. 3, 2015');
    assert.equal(d.value, '2015-09-03');
    assert.equal(d.relative, false);
  });

  it('reads month and year, and a bare month only where it is used as a date', () => {
    assert.equal(only('Montalvo left in September 2010, after years', REF).value, '2010-09');
    assert.deepEqual(spans('The talks are supposed to conclude by May.'), ['May']);
    assert.deepEqual(spans('Retail sales for April are due Tuesday.'), ['April', 'Tuesday']);
    assert.deepEqual(spans('Theresa May said she may march on.'), []);
    assert.deepEqual(spans('It was announced in early November.'), ['early November']);
  });
});

describe('dates: ISO date-times, day-month-year, weekdays', () => {
  it('reads an ISO date with time and zone as one span', () => {
    const d = only('Posted on : 2016-01-18 17:05 KST and more');
    assert.equal(d.text, '2016-01-18 17:05 KST');
    assert.equal(d.value, '2016-01-18T17:05');
    assert.equal(d.relative, false);
  });

  it('reads day-month-year and numeric dates', () => {
    assert.equal(only('Signed on 27 January 2016 in Geneva.').value, '2016-01-27');
    assert.equal(only('by the 3rd of March', REF).text, 'the 3rd of March');
    assert.equal(only('filed 7/4/2015 with the clerk').value, '2015-07-04');
  });

  it('reads a weekday with its full date as one span', () => {
    const d = only('Friday, July 21, 2017\n\nA group of teenagers');
    assert.equal(d.text, 'Friday, July 21, 2017');
    assert.equal(d.value, '2017-07-21');
  });

  it('takes a following part of the day into a weekday or yesterday / tomorrow, as the issue and the seeds have it', () => {
    assert.deepEqual(spans('Kerry arrived in Beijing on Tuesday night on his mission.'), ['Tuesday night']);
    assert.deepEqual(spans('They met yesterday afternoon and will meet again tomorrow morning.'), ['yesterday afternoon', 'tomorrow morning']);
    assert.deepEqual(spans('Orkem said last Wednesday that it would bid.'), ['last Wednesday']);
    // A capitalised part of the day after a day makes a title, no date ("tonight" already is a part of the day);
    // after a day in capitals it is the same text shouted.
    assert.deepEqual(spans('The show aired on Saturday Night Live. Tonight evening falls.'), ['Tonight']);
    assert.deepEqual(spans('The Saturday Evening Post ran it. THE PARTY IS TOMORROW NIGHT.'), ['TOMORROW NIGHT']);
    assert.deepEqual(spans('The fair opened on Saturday Night as crowds came.'), ['Saturday']);
  });
});

describe('dates: decades and years', () => {
  it('reads decades with "the" and with "late"/"early", which belong to the date', () => {
    const d = only('throughout the 1990s, sales grew');
    assert.equal(d.text, 'the 1990s');
    assert.equal(d.value, '199X');
    assert.deepEqual(spans('in the late 1980s and early 1990s'), ['the late 1980s', 'early 1990s']);
  });

  it('takes a bare four-digit number as a year only where it reads as one', () => {
    assert.deepEqual(spans('She joined in 1995, at age seventeen.'), ['1995']);
    assert.deepEqual(spans('Fan Expo Canada 2016 in Toronto'), ['2016']);
    assert.deepEqual(spans("This year's theme and 2018's final"), ["This year", '2018']);
    for (const notYear of [
      '1,998 people came.', 'It cost $2016 in total.', 'Meet me in Room 1998.', 'About 2000 troops landed.',
      'under Resolution 2270 of the council', 'Call 555-2016 now.', 'He lives at 1998 Main Street.',
      'more than 2000 were hurt', 'a 2000 year old tradition', 'grew 2016% overnight',
    ]) {
      assert.deepEqual(spans(notYear), [], notYear);
    }
  });
});

describe('dates: trigger words', () => {
  it('reads names in any case after a capital, other date words in any case', () => {
    assert.deepEqual(spans('The vote is set for MAY 5 and the talks for march.'), ['MAY 5']);
    assert.deepEqual(spans('They met last WEEK and on FRIDAY.'), ['last WEEK', 'FRIDAY']);
    assert.deepEqual(spans('on monday, in may'), []);
  });

  it('reads "Year" inside a named day as part of it, never alone', () => {
    assert.deepEqual(spans("Sales rose by year's end."), ["year's end"]);
    assert.deepEqual(spans("Sales rose by New Year's Day, officials said."), ["New Year's Day"]);
  });
});

describe('dates: relative expressions', () => {
  it('reads deictic words and months, weeks and years around the reference', () => {
    const cases: [string, string, string][] = [
      ['a nuclear test this month, officials said', 'this month', '2016-01'],
      ['sanctions at the end of this month or later', 'the end of this month', '2016-01'],
      ['followed by Kerry at month’s end, part of a push', 'month’s end', '2016-01'],
      ['the visa was denied until last week, drawing notice', 'last week', '2016-W02'],
      ['Our first task this year is the economy', 'this year', '2016'],
      ['Next year the contest moves.', 'Next year', '2017'],
      ['Yesterday Mohamed received VIP attention', 'Yesterday', '2016-01-17'],
      ["we learned a lot from today's game", 'today', '2016-01-18'],
      ['who rejoined two weeks ago. But', 'two weeks ago', '2016-01-04'],
      ['"Seventeen years ago, this would not have been possible"', 'Seventeen years ago', '1999'],
      ['compared with a year-earlier loss', 'year-earlier', '2015'],
      ['profit in the third quarter rose', 'the third quarter', '2016-Q3'],
      ['protests planned for this summer', 'this summer', '2016-SU'],
    ];
    for (const [text, span, value] of cases) {
      const d = only(text, REF);
      assert.equal(d.text, span, text);
      assert.equal(d.value, value, text);
      assert.equal(d.relative, true, text);
    }
  });

  it('reads named days, computing the movable ones', () => {
    assert.deepEqual(findDates('Sales rose before Christmas and after Thanksgiving.', REF).map(d => [d.text, d.value]),
      [['Christmas', '2015-12-25'], ['Thanksgiving', '2015-11-26']]);
    assert.equal(only('Voters go to the polls on Election Day.', '2016-10-01').value, '2016-11-08');
    assert.equal(only('on Easter Sunday 2019 in Colombo').value, '2019-04-21');
    assert.deepEqual(spans('a Labor Party memorial at Independence Hall, drawn by Johnnie Christmas'), []);
  });

  it('keeps the elided "the beginning of the next" after a month expression', () => {
    assert.deepEqual(spans('at the end of this month or the beginning of the next, the US appears', REF),
      ['the end of this month', 'the beginning of the next']);
  });
});

describe('dates: ranges, prepositions, durations', () => {
  it('splits a range into two dates', () => {
    const ds = findDates('visiting China from Jan. 20 to Jan. 21 to discuss', REF);
    assert.deepEqual(ds.map(d => [d.text, d.value]), [['Jan. 20', '2016-01-20'], ['Jan. 21', '2016-01-21']]);
    assert.deepEqual(findDates('talks on Jan. 20-21 in Beijing', REF).map(d => [d.text, d.value]), [['Jan. 20', '2016-01-20'], ['21', '2016-01-21']]);
    assert.deepEqual(spans('taxes for the period from 2004 to 2009. The request'), ['2004', '2009']);
    assert.deepEqual(spans('ozone pollution over 2000 - 2050 on crops'), ['2000', '2050']);
  });

  it('never includes a leading preposition', () => {
    assert.deepEqual(spans('on Friday, in May, since 1995, until last week, by Thursday'), ['Friday', 'May', '1995', 'last week', 'Thursday']);
  });

  it('does not take durations or sets for dates', () => {
    for (const t of ['She stayed for three years.', 'They meet every week.', 'It took two months and a decade.', 'for twelve years there', 'in the past few days']) {
      assert.deepEqual(spans(t, REF), [], t);
    }
  });
});

describe('dates: publication date and resolution', () => {
  it('finds the publication date the article states', () => {
    assert.equal(findPublicationDate('Title\n\nPosted on : 2016-01-18 17:05 KST Modified on : 2016-01-19 09:00 KST\nText'), '2016-01-18');
    assert.equal(findPublicationDate('Title\nUpdated: March 6, 2007\nPublished: March 5, 2007\nText'), '2007-03-05');
    assert.equal(findPublicationDate('Lantern Festival in Taipei\n\nMonday, March 5, 2007\n\nTaipei, Taiwan — The festival'), '2007-03-05');
    assert.equal(findPublicationDate('BEIJING, Jan. 18, 2016 (Xinhua) -- China said'), '2016-01-18');
    assert.equal(findPublicationDate('An article with no date line. It mentions March 5, 2007 in passing.'), undefined);
  });

  it('finds a label or dateline wherever it is in the head, however far from the other years', () => {
    assert.equal(findPublicationDate(`Title\nPosted on :${' '.repeat(100)}2016-01-18 17:05 KST\nText`), '2016-01-18');
    assert.equal(findPublicationDate(`In 1998 the plant opened.\n${'Filler text without numbers. '.repeat(10)}\nPublished: March 5, 2007\nText`), '2007-03-05');
    assert.equal(findPublicationDate('Report 2001 of the council.\nMore text here.\n\nSEOUL, Jan. 18, 2016 (Yonhap) -- The ministry said'), '2016-01-18');
    assert.equal(findPublicationDate(`Posted: 2016-01-18${' x'.repeat(2000)}`), '2016-01-18');
    assert.equal(findPublicationDate(`${'No digits in this head. '.repeat(200)}Posted: 2016-01-18`), undefined); // past the head
  });

  it('resolves relative dates against the stated date, not the given reference', () => {
    const text = 'Posted on : 2016-01-18 17:05 KST\n\nKerry met Wang on Tuesday and will return on Friday.';
    const ds = findDates(text, '2020-06-01');
    assert.deepEqual(ds.map(d => [d.text, d.value]), [['2016-01-18 17:05 KST', '2016-01-18T17:05'], ['Tuesday', '2016-01-12'], ['Friday', '2016-01-22']]);
  });

  it('completes a dateline without a year from the given reference', () => {
    const ds = findDates('BEIJING, Jan. 18 (Xinhua) -- The ministry said on Tuesday it objects.', '2016-03-01');
    assert.deepEqual(ds.map(d => [d.text, d.value]), [['Jan. 18', '2016-01-18'], ['Tuesday', '2016-01-12']]);
  });

  it('uses the given reference when the article states no date, and leaves relative dates unresolved without one', () => {
    assert.equal(only('The minister resigned yesterday.', '2016-01-18').value, '2016-01-17');
    const d = only('The minister resigned yesterday.');
    assert.equal(d.value, undefined);
    assert.equal(d.relative, true);
  });

  it('resolves a bare weekday by tense: past narrative back, future forward', () => {
    // 2016-01-20 is a Wednesday
    assert.equal(only('The ministers met on Monday in Seoul.', '2016-01-20').value, '2016-01-18');
    assert.equal(only('The ministers will meet on Monday in Seoul.', '2016-01-20').value, '2016-01-25');
    assert.equal(only('The ministers said they plan to meet Friday.', '2016-01-20').value, '2016-01-22');
    assert.equal(only('Shares rose Friday, traders said.', '2016-01-20').value, '2016-01-15');
    assert.equal(only('The vote is next Wednesday.', '2016-01-20').value, '2016-01-27');
    assert.equal(only('The vote was last Wednesday.', '2016-01-20').value, '2016-01-13');
  });
});

/** Micro exact-span F1 of predicted vs gold date spans over documents. */
function exactDateF1(docs: GoldDoc[]): number {
  let tp = 0, gold = 0, pred = 0;
  for (const doc of docs) {
    const g = new Set(doc.entities.filter(e => e.type === 'date').map(e => `${e.start}:${e.end}`));
    const p = findDates(doc.text);
    for (const d of p) {
      assert.equal(doc.text.slice(d.start, d.end), d.text, 'offsets follow the contract');
      if (g.has(`${d.start}:${d.end}`)) tp++;
    }
    gold += g.size;
    pred += p.length;
  }
  const precision = pred ? tp / pred : 0, recall = gold ? tp / gold : 0;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

/** A clock time alone ("6:00am", "midnight", "15:11 GMT"): GUM marks it, our convention (issue 10) does not. */
const BARE_CLOCK_TIME = /^(?:[0-9]{1,2}(?:[:.][0-9]{2})?\s?(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?|noon|midnight|midday)$/i;

describe('dates: gold corpora', () => {
  it('reaches exact-span date F1 >= 0.85 on the seed articles', () => {
    const f1 = exactDateF1(seedGold());
    assert.ok(f1 >= 0.85, `seed date F1 ${f1.toFixed(3)}`);
  });

  it('reaches exact-span date F1 >= 0.85 on GUM news dev, whose bare clock times are left out', () => {
    const docs = gumGold().map(d => ({ ...d, entities: d.entities.filter(e => !(e.type === 'date' && BARE_CLOCK_TIME.test(e.text))) }));
    assert.ok(docs.some((d, i) => d.entities.length < gumGold()[i].entities.length), 'GUM has bare clock times to leave out');
    const f1 = exactDateF1(docs);
    assert.ok(f1 >= 0.85, `GUM date F1 ${f1.toFixed(3)}`);
  });
});
