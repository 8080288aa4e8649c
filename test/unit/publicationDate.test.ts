// The publication date in common datelines and bylines (issue 10), and the relative dates resolved against it.
// Every article here is written for the test.
import assert from 'node:assert/strict';
import { findDates, findPublicationDate } from '../../src/analysis/dates';

const valueOf = (text: string, span: string, ref?: string): string | undefined => {
  const d = findDates(text, ref).find(m => m.text === span);
  assert.ok(d, `no date "${span}" in ${JSON.stringify(text.slice(0, 80))}: ${JSON.stringify(findDates(text, ref).map(m => m.text))}`);
  return d.value;
};

describe('publication date: datelines and bylines', () => {
  it('reads a date line with its time and zone ("Oct. 9, 2024 5:48 PM ET")', () => {
    const text = 'Council approves harbour plan\nOct. 9, 2024 5:48 PM ET\n\nThe council voted on Tuesday to approve the plan.';
    assert.equal(findPublicationDate(text), '2024-10-09');
    assert.equal(valueOf(text, 'Oct. 9, 2024 5:48 PM ET'), '2024-10-09T17:48');
  });

  it('reads a day-first dateline with a dash ("LISBON, 12 March 2025 –")', () => {
    assert.equal(findPublicationDate('LISBON, 12 March 2025 – The ferry operator said on Monday it would add crossings.'), '2025-03-12');
    assert.equal(findPublicationDate('NAIROBI, 4 June 2024 — Rain delayed the count.'), '2024-06-04');
  });

  it('reads an update stamp whose time comes before the day ("Updated 14:05 GMT, 3 March 2025")', () => {
    const text = 'Storm closes ports\nUpdated 14:05 GMT, 3 March 2025\n\nPorts along the coast shut on Sunday night.';
    assert.equal(findPublicationDate(text), '2025-03-03');
    assert.equal(valueOf(text, 'Sunday night'), '2025-03-02TNI');
  });

  it('prefers "Published" to "Updated", with any day format after the label', () => {
    assert.equal(findPublicationDate('Bridge reopens\nUpdated: Wed 9 Oct 2024 10.22 BST\nPublished: Tue 8 Oct 2024 18.01 BST\n\nText.'), '2024-10-08');
    assert.equal(findPublicationDate('Published 9:41 AM EDT, Wed October 9, 2024\n\nThe mayor spoke.'), '2024-10-09');
  });

  it('reads ISO stamps, alone on a line or after a label', () => {
    assert.equal(findPublicationDate('2025-03-03T14:05:00Z\n\nThe board met yesterday.'), '2025-03-03');
    assert.equal(findPublicationDate('Posted: 2025-03-03T14:05:00+00:00\n\nThe board met yesterday.'), '2025-03-03');
  });

  it('reads a date beside a byline or after a separator', () => {
    assert.equal(findPublicationDate('Harbour fees rise\nBy Jane Roe | Oct. 9, 2024\n\nFees rose on Monday.'), '2024-10-09');
    assert.equal(findPublicationDate('Harbour fees rise\nBy Jane Roe, Coast Herald October 9, 2024\n\nFees rose on Monday.'), '2024-10-09');
    assert.equal(findPublicationDate('Harbour fees rise\nOct. 9, 2024 | 5:48 PM\n\nFees rose on Monday.'), '2024-10-09');
  });

  it('does not take a date in a sentence of the head for the publication date', () => {
    assert.equal(findPublicationDate('The harbour was published on maps on March 3, 2025 for the first time.'), undefined);
    assert.equal(findPublicationDate('The report, dated in error, names March 3, 2025 as the start.'), undefined);
    assert.equal(findPublicationDate('Harbour fees rise\nThe vote is set for Oct. 9, 2024, officials said.\n\nMore text.'), undefined);
  });

  it('resolves weekdays, "last week" and yearless days against the stated date, not the given reference', () => {
    const text = 'WELLINGTON, 12 March 2025 – The minister resigned on Monday and said last week that talks would resume Friday. ' +
      'The law takes effect on June 1.';
    const ref = '2019-01-01';
    assert.equal(valueOf(text, 'Monday', ref), '2025-03-10');
    assert.equal(valueOf(text, 'last week', ref), '2025-W10');
    assert.equal(valueOf(text, 'Friday', ref), '2025-03-14');
    assert.equal(valueOf(text, 'June 1', ref), '2025-06-01');
  });
});
