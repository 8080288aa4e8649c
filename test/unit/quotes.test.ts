import assert from 'node:assert/strict';
import { findPeople } from '../../src/analysis/people';
import { findQuotes } from '../../src/analysis/quotes';
import { attributeSpeakers } from '../../src/analysis/speakers';
import type { QuoteMention } from '../../src/analysis/types';
import { seedGold } from '../support/paths';

const quotesOf = (s: string): QuoteMention[] => findQuotes(s).quotes;
/** The quotations found (someone's words), and the terms (titles, names, scare quotes). */
const texts = (s: string): string[] => quotesOf(s).filter(q => q.kind === 'quotation').map(q => q.text);
const terms = (s: string): string[] => quotesOf(s).filter(q => q.kind === 'term').map(q => q.text);

describe('findQuotes', () => {
  it('finds curly, straight and British single quotations with their marks', () => {
    assert.deepEqual(texts('“We will win,” she said.'), ['“We will win,”']);
    assert.deepEqual(texts('"We will win," she said.'), ['"We will win,"']);
    assert.deepEqual(texts('‘We will win,’ she said. ‘Nobody doubts it,’ he added.'), ['‘We will win,’', '‘Nobody doubts it,’']);
  });

  it('keeps offsets exact: text.slice(start, end) is the quote text', () => {
    const s = 'Intro.\n\nKerry said: “We look forward to the talks.” Then he left.';
    for (const q of quotesOf(s)) assert.equal(s.slice(q.start, q.end), q.text);
    assert.equal(quotesOf(s).length, 1);
  });

  it('never takes an apostrophe for a quote mark', () => {
    const s = "O'Donnell met James’ lawyers at the Producers' union, a rock ’n’ roll bar from the ’90s, he said.";
    assert.deepEqual(texts(s), []);
    const british = "‘O'Donnell’s plan is the best since the ’90s,’ James’ lawyer said.";
    assert.deepEqual(texts(british), ["‘O'Donnell’s plan is the best since the ’90s,’"]);
  });

  it('returns one outer quotation for nested quotes', () => {
    assert.deepEqual(texts('“He told me ‘never again’ and left,” she said.'), ['“He told me ‘never again’ and left,”']);
    assert.deepEqual(texts('“I would rather stay in what he calls “the swamp” than move,” she said.'),
      ['“I would rather stay in what he calls “the swamp” than move,”']);
    assert.deepEqual(texts('‘He said “no” to me twice,’ she said.'), ['‘He said “no” to me twice,’']);
  });

  it('splits a quotation interrupted by its attribution into pieces sharing a group', () => {
    const qs = quotesOf('“We will win,” she said, “and soon.” Later, “Another matter entirely,” he added.');
    assert.deepEqual(qs.map(q => q.text), ['“We will win,”', '“and soon.”', '“Another matter entirely,”']);
    assert.equal(qs[0].group, qs[1].group);
    assert.notEqual(qs[1].group, qs[2].group);
  });

  it('does not join two quotations by different sources in one paragraph', () => {
    const qs = quotesOf('The union called it “a betrayal of every worker here.” The company insisted that the union “return to the table.”');
    assert.equal(qs.length, 2);
    assert.notEqual(qs[0].group, qs[1].group);
  });

  it('runs a multi-paragraph quotation to each paragraph end and groups the paragraphs', () => {
    const s = 'The senator said:\n\n“The first paragraph of the speech goes on here.\n\n“The second paragraph goes on too.\n\n' +
      '“And the third one closes it.”\n\nAfter the speech, nothing.';
    const qs = quotesOf(s);
    assert.deepEqual(qs.map(q => q.text), ['“The first paragraph of the speech goes on here.', '“The second paragraph goes on too.',
      '“And the third one closes it.”']);
    assert.equal(new Set(qs.map(q => q.group)).size, 1);
  });

  it('bounds a stray unbalanced mark to its paragraph and still finds the quotes after it', () => {
    const s = 'A stray “mark opens here and never closes in this long paragraph about budgets.\n\n' +
      '“Budgets matter,” the minister said. He added that “the deficit is shrinking fast now,” in a speech.';
    const qs = texts(s);
    assert.ok(qs.includes('“Budgets matter,”'));
    assert.ok(qs.includes('“the deficit is shrinking fast now,”'));
    assert.ok(qs.every(q => !q.includes('\n')));
    const line = 'He said “ this is stray and the next one is real: “The talks failed,” she said.';
    assert.ok(texts(line).includes('“The talks failed,”'));
  });

  it('opens at a typographic opener typed without a space after a comma, and sees past invisible format characters', () => {
    assert.deepEqual(texts('The speaker said,“Look, those images have no place in a campaign.”'), ['“Look, those images have no place in a campaign.”']);
    assert.deepEqual(texts('Intro.\n\n\u202a”Sorry, you should have said it sooner,” posted one reader.'), ['”Sorry, you should have said it sooner,”']);
  });

  it('accepts a closing glyph mistyped as an opener and mixed straight/curly marks', () => {
    assert.deepEqual(texts('Intro.\n\n”Fear is what I feel every single day now.” ― Karen Smith'), ['”Fear is what I feel every single day now.”']);
    assert.deepEqual(texts('He said there was “no evidence" yet of a plot.'), ['“no evidence"']);
  });

  it('keeps short unattributed scare quotes and programme titles as terms, attributed short quotes as quotations', () => {
    assert.deepEqual(texts('The “secret memo” reference circulated online.'), []);
    assert.deepEqual(terms('The “secret memo” reference circulated online.'), ['“secret memo”']);
    assert.deepEqual(terms('In an interview on the BBC’s “Morning Report,” the speaker was calm.'), ['“Morning Report,”']);
    assert.deepEqual(texts('Foreign ministry spokeswoman Hua Chunying said it was “irresponsible” to do so.'), ['“irresponsible”']);
    assert.deepEqual(texts('“Irresponsible,” Hua said.'), ['“Irresponsible,”']);
    assert.deepEqual(terms('The council’s “restructuring” cost the town four hundred jobs last year.'), ['“restructuring”']);
  });

  it('tells terms by their form: names and titles after named / titled / nicknamed / so-called / the phrase, even long or attributed ones', () => {
    // After GUM (Wikinews, CC-BY): "the Afghan team's robot, named "Better Idea of Afghan Girls," scored one or two points".
    assert.deepEqual(terms('The team\'s robot, named "Better Idea of Afghan Girls," scored one or two points.'), ['"Better Idea of Afghan Girls,"']);
    assert.deepEqual(terms('Wikinews spoke with a cosplayer going by the name "The Katherinator".'), ['"The Katherinator"']);
    assert.deepEqual(terms('The coach said he had read a report titled "Why Our Young Players Keep Leaving the Game Early".'),
      ['"Why Our Young Players Keep Leaving the Game Early"']);
    assert.deepEqual(terms('The council wants to ban so-called “dark stores” in the old town, she said.'), ['“dark stores”']);
    assert.deepEqual(terms('The striker, nicknamed “The Hammer,” scored twice.'), ['“The Hammer,”']);
    assert.deepEqual(terms('The senator has used the phrase “fiscal cliff” in every speech this month.'), ['“fiscal cliff”']);
    // "called" characterises as well as names: the characterisation is a quotation.
    assert.deepEqual(texts('The mayor rejected what she called “a reckless gamble with our parks.”'), ['“a reckless gamble with our parks.”']);
  });

  it('tells titles of works and nicknames in title case from quotations', () => {
    assert.deepEqual(terms('She starred in “The Long Goodbye” and “Nights in Lisbon,” and then retired.'), ['“The Long Goodbye”', '“Nights in Lisbon,”']);
    assert.deepEqual(terms('Fans on the terraces call him “Big Mike” and sing about him.'), ['“Big Mike”']);
    assert.deepEqual(terms('He spoke on the podcast “Here We Go Again.” The host was kind.'), ['“Here We Go Again.”']);
    // Speech stays speech in title case: a question or exclamation, after a reporting verb and a comma, or a sentence.
    assert.deepEqual(texts('The crowd chanted “Lock Them Up!” outside the court.'), ['“Lock Them Up!”']);
    assert.deepEqual(texts('Asked who would win, she said, “Denver.”'), ['“Denver.”']);
    assert.deepEqual(texts('The judge looked up. “Ms. Ortiz?” he asked.'), ['“Ms. Ortiz?”']);
    assert.deepEqual(texts('Nobody had a doubt about the pair. “That’s Maria and Tom Brennan.” The room went quiet.'),
      ['“That’s Maria and Tom Brennan.”']);
  });

  it('keeps a short span that sounds spoken as a quotation even with no attribution', () => {
    assert.deepEqual(texts('Volunteers handed out stickers reading “I’m with them” at the gate.'), ['“I’m with them”']);
    assert.deepEqual(texts('Outside, supporters kept up their cries of “Not again!” for an hour.'), ['“Not again!”']);
    assert.deepEqual(texts('Pundits now agree the challenger “has no chance” in the state.'), ['“has no chance”']);
    assert.deepEqual(terms('Only the “elites” were invited, and “she” was not among them.'), ['“elites”', '“she”']);
  });

  it('keeps block quotations (a paragraph opened by a quotation of several sentences) as quotations, attributed or not', () => {
    // After GUM (Wikinews, CC-BY): an unattributed paragraph quoting two sentences, after an attributed quotation.
    const s = '"Seventeen years ago, this would not have been possible at all," said the ambassador.\n\n' +
      '"They represent our aspirations and resilience. These girls will be proving to the world that nothing will stop us."';
    assert.deepEqual(texts(s), ['"Seventeen years ago, this would not have been possible at all,"',
      '"They represent our aspirations and resilience. These girls will be proving to the world that nothing will stop us."']);
    // After a lead-in paragraph too: "… tweeted using his account:" then the tweet.
    assert.deepEqual(texts('The president tweeted:\n\n"Cool clock, Ahmed. Want to bring it to the White House?"'),
      ['"Cool clock, Ahmed. Want to bring it to the White House?"']);
    assert.deepEqual(texts('Intro.\n\n"They represent our hopes. They will prove it," the ambassador said.'),
      ['"They represent our hopes. They will prove it,"']);
    assert.deepEqual(texts('Intro.\n\n“We want change. We want it now.” Then “every word of it.” ― Maria Lopez'),
      ['“We want change. We want it now.”', '“every word of it.”']);
  });

  it('closes a multi-paragraph quotation in a last paragraph written without an opening mark', () => {
    const s = 'The coach said, “We learned a lot from today.\n\nIt was an emotional day for all of us. We will be back,” he added.\n\n' +
      'The next match is on Friday.';
    const qs = quotesOf(s);
    assert.deepEqual(qs.map(q => q.text), ['“We learned a lot from today.', 'It was an emotional day for all of us. We will be back,”']);
    assert.equal(qs[0].group, qs[1].group);
    // Without a quotation left open before it, a closing mark alone opens nothing.
    assert.deepEqual(texts('A calm paragraph.\n\nIt was an emotional day,” he said, and left.'), []);
  });

  it('treats single-quoted headlines as terms in an article quoting with double marks', () => {
    const s = 'Mayor Was ‘Misled’ by Council Staff\n\n“We will see a long and hard campaign,” Lee said.';
    assert.deepEqual(texts(s), ['“We will see a long and hard campaign,”']);
    assert.deepEqual(terms(s), ['‘Misled’']);
  });

  it('ignores markup attributes, numbers and transcript turns', () => {
    assert.deepEqual(texts('<tweet tweet-id="783499116076687360"></tweet> He is 6\'2" tall.'), []);
    assert.deepEqual(texts('"HOST: Let me ask you about the vote next week and the budget.\n\n"(CROSSTALK.)'), []);
  });

  it('reads two apostrophes as a double mark', () => {
    assert.deepEqual(texts("''The sooner the council publishes the figures, the better,'' Mr. Lee told the radio station."),
      ["''The sooner the council publishes the figures, the better,''"]);
  });

  it('extends a quotation over a Wikinews source-language tag and the period ending its sentence', () => {
    assert.deepEqual(texts('The mayor said "the school will stay open for another year" ((it)). Parents were relieved.'),
      ['"the school will stay open for another year" ((it)).']);
    assert.deepEqual(texts('She said a "much broader review of the rules" ((fr)) is needed.'), ['"much broader review of the rules" ((fr))']);
    // Only a tag directly after the closing mark, in lower case, counts.
    assert.deepEqual(texts('He said "the talks went well for both sides" (AP). Then he left.'), ['"the talks went well for both sides"']);
  });

  it('stays linear on text with thousands of unbalanced marks', () => {
    const noisy = 'He said “ and then nothing closed here ” either ‘ or ’ there " so on. '.repeat(5000) +
      '\n\n“The real quote is here,” she said.';
    const qs = texts(noisy);
    assert.ok(qs.includes('“The real quote is here,”'));
    assert.ok(qs.every(q => q.length < 3100));
  });
});

describe('quotes and speakers on the seed articles', () => {
  const docs = seedGold();

  it('reaches exact-span quote F1 >= 0.95 and speaker accuracy >= 0.85 on the seeds gold', () => {
    let tp = 0, gold = 0, pred = 0, spoken = 0, right = 0;
    for (const doc of docs) {
      const { persons, people } = findPeople(doc.text);
      const found = findQuotes(doc.text);
      attributeSpeakers(doc.text, found, persons, people);
      const quotes: QuoteMention[] = found.quotes.filter(q => q.kind === 'quotation'); // the gold labels quotations
      const byspan = new Map(quotes.map(q => [`${q.start}:${q.end}`, q]));
      const golds = doc.entities.filter(e => e.type === 'quote');
      gold += golds.length;
      pred += quotes.length;
      for (const g of golds) {
        const q = byspan.get(`${g.start}:${g.end}`);
        if (!q) continue;
        tp++;
        if (!g.speaker) continue;
        spoken++;
        const name = q.speakerId ? people.get(q.speakerId)?.name : q.speakerText;
        if (name && (name === g.speaker || g.speaker.split(' ').some(w => w.length > 2 && name.split(' ').includes(w)))) right++;
      }
    }
    const p = tp / pred, r = tp / gold, f1 = (2 * p * r) / (p + r);
    assert.ok(f1 >= 0.95, `quote F1 ${f1.toFixed(3)} (tp ${tp}, gold ${gold}, pred ${pred})`);
    assert.ok(spoken > 0 && right / spoken >= 0.85, `speaker accuracy ${right}/${spoken}`);
  });
});
