// The date forms of issue 10: clock times attached to dates, modifiers, seasons, fiscal periods, sports seasons,
// holidays, sets, and the calendar value of each. Every sentence here is written for the test.
import assert from 'node:assert/strict';
import { findDates } from '../../src/analysis/dates';

const REF = '2025-03-12'; // a Wednesday
/** [text, value] of each date found. */
const found = (text: string, ref = REF): [string, string | undefined][] => findDates(text, ref).map(d => [d.text, d.value]);
const spans = (text: string, ref = REF): string[] => findDates(text, ref).map(d => d.text);

describe('dates: clock times', () => {
  it('does not take a bare clock time for a date', () => {
    for (const t of ['Doors open at 9:30 am.', 'The train leaves at 14:05, officials said.', 'It closes at noon.', 'As of 15:11 GMT the site was down.', 'Results come at 10.30 BST.']) {
      assert.deepEqual(spans(t), [], t);
    }
  });

  it('takes a time after a date into it', () => {
    assert.deepEqual(found('The hearing is on March 3, 2025 at 9:30 am in Porto.'), [['March 3, 2025 at 9:30 am', '2025-03-03T09:30']]);
    assert.deepEqual(found('Polls close on 4 May 2025, 20:00, the commission said.'), [['4 May 2025, 20:00', '2025-05-04T20:00']]);
    assert.deepEqual(found('The ferry left Friday at 7pm and docked tomorrow at 6:15 a.m.'), [['Friday at 7pm', '2025-03-07T19:00'], ['tomorrow at 6:15 a.m.', '2025-03-13T06:15']]);
  });

  it('takes a time before a day into it', () => {
    assert.deepEqual(found('The strike starts at 7pm Friday, the union will say.'), [['7pm Friday', '2025-03-14T19:00']]);
    assert.deepEqual(found('The store was robbed at 10 p.m. Wednesday and at noon Thursday, police said.'),
      [['10 p.m. Wednesday', '2025-03-12T22:00'], ['noon Thursday', '2025-03-06T12:00']]);
    assert.deepEqual(found('The offer expires at 5 p.m. EST, Nov. 9, 2024.'), [['5 p.m. EST, Nov. 9, 2024', '2024-11-09T17:00']]);
    assert.deepEqual(found('Bids are due by midnight tonight.'), [['midnight tonight', '2025-03-12T00:00']]);
  });
});

describe('dates: month abbreviations', () => {
  it('reads any abbreviation next to a day number, with or without its period', () => {
    assert.deepEqual(found('The fund closed Sep 30, 2024 and reopened 5 Mar 2025.'), [['Sep 30, 2024', '2024-09-30'], ['5 Mar 2025', '2025-03-05']]);
    assert.deepEqual(spans('Rain may mar the parade. Mar and Jun are names too.'), []);
  });
});

describe('dates: modifiers belong to the date', () => {
  it('early, late and mid before a year, a month, a decade or a day', () => {
    assert.deepEqual(found('Output fell in late 2023 and recovered by mid-2024.'), [['late 2023', '2023'], ['mid-2024', '2024']]);
    assert.deepEqual(found('Planting starts in early April, after a wet mid-March.'), [['early April', '2025-04'], ['mid-March', '2025-03']]);
    assert.deepEqual(found('The town boomed in the late 1970s and shrank in the early 2000s.'), [['the late 1970s', '197X'], ['the early 2000s', '200X']]);
    assert.deepEqual(found('The board met late yesterday and will meet again early Tuesday.'), [['late yesterday', '2025-03-11'], ['early Tuesday', '2025-03-18']]);
    assert.deepEqual(spans('The late mayor opened it. His late 2023 album sold.'), ['late 2023']);
  });

  it('the end, beginning or middle of a period', () => {
    assert.deepEqual(found('Prices rise by the end of March and fall at the beginning of 2026.'), [['the end of March', '2025-03'], ['the beginning of 2026', '2026']]);
    assert.deepEqual(found('Work stops at the end of the year and resumes in the middle of next month.'), [['the end of the year', '2025'], ['the middle of next month', '2025-04']]);
  });

  it('halves of a year and "earlier/later this" periods', () => {
    assert.deepEqual(found('Sales should grow in the second half of this year and in the first half of 2026.'), [['the second half of this year', '2025-H2'], ['the first half of 2026', '2026-H1']]);
    assert.deepEqual(found('The plant opened earlier this month and will expand later this year.'), [['earlier this month', '2025-03'], ['later this year', '2025']]);
    assert.deepEqual(spans('The visitors scored twice in the second half.'), []); // a match's half is no date
  });

  it('a month or weekday with the year or week it is counted in', () => {
    assert.deepEqual(found('The mine closed in June last year and reopened in January this year.'), [['June last year', '2024-06'], ['January this year', '2025-01']]);
    assert.deepEqual(found('The talks began on Friday last week.'), [['Friday last week', '2025-03-07']]);
  });
});

describe('dates: seasons, fiscal periods, sports seasons', () => {
  it('seasons with a determiner, a year, a modifier or after a preposition of time', () => {
    assert.deepEqual(found('The park reopens next spring; it was closed over the summer and in late autumn.'),
      [['next spring', '2026-SP'], ['the summer', '2025-SU'], ['late autumn', '2025-FA']]);
    assert.deepEqual(found('The dam was built in the summer of 2012 and repaired in winter 2020.'), [['the summer of 2012', '2012-SU'], ['winter 2020', '2020-WI']]);
    assert.deepEqual(spans('The fall of the old regime was swift. The summer heat hurt crops. The Spring Festival drew crowds.'), []);
  });

  it('quarters: words and codes, with or without their year', () => {
    assert.deepEqual(found('Profit rose in the third quarter and in Q4, but fell in Q1 2024 and in the fourth quarter of 2023.'),
      [['the third quarter', '2025-Q3'], ['Q4', '2025-Q4'], ['Q1 2024', '2024-Q1'], ['the fourth quarter of 2023', '2023-Q4']]);
    assert.deepEqual(found('Next year\'s first quarter looks weak.'), [['Next year\'s first quarter', '2026-Q1']]);
    assert.deepEqual(spans('Sales of the Audi Q4 rose. Q4: what went wrong?'), []); // a model name, a numbered question
  });

  it('fiscal years and their quarters', () => {
    assert.deepEqual(found('Revenue for fiscal 2025 and FY2024-25 guidance, in the first quarter of fiscal 2026.'),
      [['fiscal 2025', 'FY2025'], ['FY2024-25', 'FY2025'], ['the first quarter of fiscal 2026', 'FY2026-Q1']]);
    assert.deepEqual(found('The agency expects a deficit in the current fiscal year and a surplus next fiscal year.'),
      [['the current fiscal year', 'FY2025'], ['next fiscal year', 'FY2026']]);
    assert.deepEqual(spans('The fiscal year ended badly.'), []); // which one, the story says elsewhere
  });

  it('reporting periods of company results, with their article', () => {
    assert.deepEqual(found('Profit beat the year-ago third quarter and the comparable year-earlier period; in the 2023 quarter it broke even.'),
      [['the year-ago third quarter', '2024-Q3'], ['the comparable year-earlier period', '2024'], ['the 2023 quarter', '2023']]);
    assert.deepEqual(found('Sales slowed in the last half of 2024.'), [['the last half of 2024', '2024-H2']]);
  });

  it('sports seasons and spans of years', () => {
    const ds = findDates('The striker scored nine goals this season, after a quiet last season and the 2022-23 season.', REF);
    assert.deepEqual(ds.map(d => [d.text, d.value, d.relative]), [['this season', undefined, true], ['last season', undefined, true], ['the 2022-23 season', '2022/2023', false]]);
    assert.deepEqual(found('The 2023-24 budget was cut.'), [['2023-24', '2023/2024']]);
    assert.deepEqual(spans('The holiday season began. The rainy season ended.'), []);
  });
});

describe('dates: named days', () => {
  it('reads fixed, weekday-rule, Easter-rule and lunar holidays', () => {
    assert.deepEqual(found('Shops close on Christmas Eve, Boxing Day and Juneteenth.'), [['Christmas Eve', '2024-12-24'], ['Boxing Day', '2024-12-26'], ['Juneteenth', '2025-06-19']]);
    assert.deepEqual(found('Markets shut on Good Friday 2025 and on Memorial Day 2025.'), [['Good Friday 2025', '2025-04-18'], ['Memorial Day 2025', '2025-05-26']]);
    assert.deepEqual(found('Sales peaked on Black Friday 2024.'), [['Black Friday 2024', '2024-11-29']]);
    assert.deepEqual(found('Travel rose before Lunar New Year and Diwali 2024.'), [['Lunar New Year', undefined], ['Diwali 2024', '2024']]);
    assert.deepEqual(found('Prayers marked Eid al-Fitr; fireworks the Fourth of July 2024.'), [['Eid al-Fitr', undefined], ['Fourth of July 2024', '2024-07-04']]);
  });

  it('reads last, next and this before a holiday', () => {
    assert.deepEqual(found('She moved last Thanksgiving and returns next Easter.'), [['last Thanksgiving', '2024-11-28'], ['next Easter', '2025-04-20']]);
  });

  it('does not read a holiday inside a name', () => {
    assert.deepEqual(spans('The writer Johnnie Christmas and the Easter Island statues.'), []);
  });
});

describe('dates: sets and durations are not dates', () => {
  it('every / each before a day, month, season or holiday; plural days', () => {
    for (const t of ['The market opens every Thursday.', 'Each January the club meets.', 'They travel every other Friday night.', 'Every summer the town fills.', 'The bar is full on Tuesday nights.', 'Shops shut every Christmas Eve.']) {
      assert.deepEqual(spans(t), [], t);
    }
  });

  it('durations', () => {
    for (const t of ['The strike lasted three weeks.', 'For two quarters profits fell.', 'It took a season to rebuild.']) assert.deepEqual(spans(t), [], t);
  });
});

describe('dates: values need the reference for what is relative', () => {
  it('leaves relative values unresolved without a reference, and keeps explicit ones', () => {
    assert.deepEqual(findDates('Output fell in Q4 2024 and will rise next spring.').map(d => [d.text, d.value, d.relative]),
      [['Q4 2024', '2024-Q4', false], ['next spring', undefined, true]]);
  });
});
