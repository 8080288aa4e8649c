import assert from 'node:assert/strict';
import { findQuotes } from '../../src/analysis/quotes';
import { attributeSpeakers } from '../../src/analysis/speakers';
import type { PersonEntity, PersonMention, QuoteMention } from '../../src/analysis/types';

/**
 * Builds the people inputs by hand, as findPeople would: each [surface, canonical name] pair marks every occurrence
 * of `surface` in the text as a mention of that person.
 */
function peopleIn(text: string, names: [string, string][]): { persons: PersonMention[]; people: Map<string, PersonEntity> } {
  const persons: PersonMention[] = [];
  for (const [surface, name] of names) {
    const id = 'person:' + name.toLowerCase().replace(/\s+/g, '-');
    for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
      const inside = persons.some(p => p.start <= i && i < p.end);
      if (!inside) persons.push({ type: 'person', start: i, end: i + surface.length, text: surface, entityId: id, fullName: surface === name });
    }
  }
  persons.sort((a, b) => a.start - b.start);
  const people = new Map<string, PersonEntity>();
  persons.forEach((p, i) => {
    const name = names.find(([, n]) => 'person:' + n.toLowerCase().replace(/\s+/g, '-') === p.entityId)![1];
    const e = people.get(p.entityId) ?? { id: p.entityId, name, mentions: [] };
    e.mentions.push(i);
    people.set(p.entityId, e);
  });
  return { persons, people };
}

function speakers(text: string, names: [string, string][]): QuoteMention[] {
  const { persons, people } = peopleIn(text, names);
  const found = findQuotes(text);
  attributeSpeakers(text, found, persons, people);
  return found.quotes;
}

const ZHAO: [string, string][] = [['Tong Zhao', 'Tong Zhao'], ['Zhao', 'Tong Zhao']];

describe('attributeSpeakers', () => {
  it('“…,” Zhao said', () => {
    const [q] = speakers('Tong Zhao is a fellow.\n\n“China has kept telling the Americans,” Zhao said.', ZHAO);
    assert.equal(q.speakerId, 'person:tong-zhao');
    assert.equal(q.speakerText, 'Zhao');
  });

  it('“…,” said Tong Zhao, a fellow at …', () => {
    const [q] = speakers('“Sanctions will not work here,” said Tong Zhao, a fellow at the Carnegie centre.', ZHAO);
    assert.equal(q.speakerId, 'person:tong-zhao');
    assert.equal(q.speakerText, 'Tong Zhao');
  });

  it('Kerry said: “…” and X told reporters “…”', () => {
    const names: [string, string][] = [['John Kerry', 'John Kerry'], ['Kerry', 'John Kerry'], ['Tony Blinken', 'Tony Blinken'], ['Blinken', 'Tony Blinken']];
    const qs = speakers('John Kerry arrived.\n\nKerry said: “We want a firm resolution.”\n\n' +
      'Tony Blinken told reporters “the code of conduct matters a great deal to us.”', names);
    assert.deepEqual(qs.map(q => q.speakerId), ['person:john-kerry', 'person:tony-blinken']);
  });

  it('“…,” according to X', () => {
    const names: [string, string][] = [['Lim Sung-nam', 'Lim Sung-nam']];
    const [q] = speakers('Ministers met in Tokyo, where “the three countries agreed to act together,” according to Lim Sung-nam, the vice minister.', names);
    assert.equal(q.speakerId, 'person:lim-sung-nam');
  });

  it('X added / noted / argued / warned / insisted / wrote', () => {
    for (const verb of ['added', 'noted', 'argued', 'warned', 'insisted', 'wrote']) {
      const [q] = speakers(`“The plan is simply not going to work,” Herscovitch ${verb}.`, [['Herscovitch', 'Benjamin Herscovitch']]);
      assert.equal(q.speakerId, 'person:benjamin-herscovitch', verb);
    }
  });

  it('gives a split quotation one speaker for both pieces', () => {
    const qs = speakers('“We will win,” Clinton said, “and we will win soon.”', [['Clinton', 'Hillary Clinton']]);
    assert.equal(qs.length, 2);
    assert.deepEqual(qs.map(q => q.speakerId), ['person:hillary-clinton', 'person:hillary-clinton']);
  });

  it('resolves “he said” to the most recent person subject', () => {
    const text = 'Benjamin Herscovitch, a research manager, said the effort was unlikely to work.\n\n' +
      '“The status quo may be preferable for China,” he said.';
    const [q] = speakers(text, [['Benjamin Herscovitch', 'Benjamin Herscovitch']]);
    assert.equal(q.speakerText, 'he');
    assert.equal(q.speakerId, 'person:benjamin-herscovitch');
  });

  it('resolves a pronoun to a person of a compatible gender, skipping a more recent one', () => {
    const text = 'Hillary Clinton spoke after Donald Trump left the stage.\n\n“That plan would hurt every family,” she said.';
    const [q] = speakers(text, [['Hillary Clinton', 'Hillary Clinton'], ['Donald Trump', 'Donald Trump']]);
    assert.equal(q.speakerId, 'person:hillary-clinton');
    const titled = 'Mrs. Moore met Mr. Alexander.\n\n“We are not there yet,” he said.';
    const [t] = speakers(titled, [['Moore', 'Jane Moore'], ['Alexander', 'Lamar Alexander']]);
    assert.equal(t.speakerId, 'person:lamar-alexander');
  });

  it('continues the previous speaker for the next paragraph’s unattributed quotation', () => {
    const text = '“North Korea may play into China’s interests,” Herscovitch said.\n\n“In short, the status quo may be preferable.”';
    const qs = speakers(text, [['Herscovitch', 'Benjamin Herscovitch']]);
    assert.deepEqual(qs.map(q => q.speakerId), ['person:benjamin-herscovitch', 'person:benjamin-herscovitch']);
  });

  it('continues the speaker within a paragraph: “A,” he said. “B.”', () => {
    const qs = speakers('“The bridge will not survive another winter,” Trump warned in Salem, Ore., on Friday. “Nobody wants to hear it.”',
      [['Trump', 'Donald Trump']]);
    assert.deepEqual(qs.map(q => q.speakerId), ['person:donald-trump', 'person:donald-trump']);
  });

  it('keeps organisation and unnamed sources as text with a null speakerId', () => {
    const qs = speakers('“The test is a grave threat to the region,” the ministry said.\n\n' +
      '“We are watching the situation closely,” officials said.\n\n' +
      '“We expect a response,” Clinton’s campaign said.', [['Clinton', 'Hillary Clinton']]);
    assert.deepEqual(qs.map(q => [q.speakerText, q.speakerId]), [['the ministry', null], ['officials', null], ['Clinton’s campaign', null]]);
  });

  it('reads a signature line: “…” ― Name', () => {
    const [q] = speakers('Intro.\n\n“He has made this town proud of its river again.” ― Edwin G. Alvarez', [['Edwin G. Alvarez', 'Edwin G. Alvarez']]);
    assert.equal(q.speakerId, 'person:edwin-g.-alvarez');
  });

  it('leaves the speaker unknown when the text does not say', () => {
    const [q] = speakers('The sign read nothing.\n\n“Workers of the world, unite and take over now.”', []);
    assert.equal(q.speakerText, null);
    assert.equal(q.speakerId, null);
  });
});

describe('attributeSpeakers: whom a pronoun means, and sources that are not people', () => {
  it('gives “she told reporters” to the person the paragraph is about, not the nearest woman named', () => {
    const text = 'Governor Dana Ruiz toured the flooded towns on Monday. She met Ellen Tran, who runs a shelter, and thanked ' +
      'the volunteers. “We will rebuild every house,” she told reporters.';
    const [q] = speakers(text, [['Dana Ruiz', 'Dana Ruiz'], ['Ellen Tran', 'Ellen Tran']]);
    assert.equal(q.speakerText, 'she');
    assert.equal(q.speakerId, 'person:dana-ruiz');
  });

  it('follows the paragraph when a new subject takes over before the pronoun', () => {
    const text = 'Ana Silva spoke first. “We will win,” she said. Then Joan Okafor took the stage. “It is a fight,” she said.';
    const qs = speakers(text, [['Ana Silva', 'Ana Silva'], ['Joan Okafor', 'Joan Okafor']]);
    assert.deepEqual(qs.map(q => q.speakerId), ['person:ana-silva', 'person:joan-okafor']);
  });

  it('looks back past a paragraph that only mentions someone in passing', () => {
    const text = 'Senator Paul Brandt spoke at the rally.\n\nBut he also took a swipe at Tom Weller, whom he dubbed “a tired old hand.”' +
      '\n\n“We will win this state,” he said.';
    const qs = speakers(text, [['Paul Brandt', 'Paul Brandt'], ['Tom Weller', 'Tom Weller']]);
    assert.equal(qs[qs.length - 1].speakerId, 'person:paul-brandt');
  });

  it('reads “Asked whether …, X said” as X', () => {
    const text = 'Mayor Ellen Tran met reporters.\n\nAsked whether she would run again, Tran said: “Not this year.”\n\n' +
      'Asked if the city could pay, the mayor said, “We will find the money.”';
    const qs = speakers(text, [['Ellen Tran', 'Ellen Tran'], ['Tran', 'Ellen Tran']]);
    assert.deepEqual(qs.map(q => [q.speakerText, q.speakerId]), [['Tran', 'person:ellen-tran'], ['the mayor', null]]);
  });

  it('gives a paragraph of quotation to the person speaking at the end of the paragraph before', () => {
    const text = 'Senator Paul Brandt spoke only briefly at the rally on Friday.\n\n“We have to be a lot tougher. We will be.”';
    const [q] = speakers(text, [['Paul Brandt', 'Paul Brandt']]);
    assert.deepEqual([q.speakerText, q.speakerId], ['Paul Brandt', 'person:paul-brandt']);
    // Not when that paragraph names nobody speaking.
    const [r] = speakers('Senator Paul Brandt arrived at the rally on Friday.\n\n“We have to be a lot tougher. We will be.”', [['Paul Brandt', 'Paul Brandt']]);
    assert.equal(r.speakerId, null);
  });

  it('ends a lead-in’s subject at its name: “Kerpen needled the host:” is Kerpen’s', () => {
    const qs = speakers('Dana Kerpen needled the CNN host:\n\n“You were wrong. Admit it.”\n\nBand member Flea shared the news:\n\n' +
      '“We are playing. It will be loud.”', [['Dana Kerpen', 'Dana Kerpen']]);
    assert.deepEqual(qs.map(q => q.speakerText), ['Dana Kerpen', 'Band member Flea']);
  });

  it('keeps organisations, newspapers and unnamed officials as sources with no person', () => {
    const qs = speakers('“The plan is unlawful,” the Gazette wrote in an editorial.\n\n' +
      '“We are looking into it,” a White House official said.\n\n“Nobody will be fired,” Acme Corp said in a statement.\n\n' +
      '“Sales fell,” Reuters reported. “Margins held,” the bank said.\n\n“No way,” Breitbart News said.', []);
    assert.deepEqual(qs.map(q => [q.speakerText, q.speakerId]), [['the Gazette', null], ['a White House official', null],
      ['Acme Corp', null], ['Reuters', null], ['the bank', null], ['Breitbart News', null]]);
  });
});

describe('attributeSpeakers: a person first met in the attribution', () => {
  function analysed(text: string, names: [string, string][], notPersons?: string[]) {
    const { persons, people } = peopleIn(text, names);
    const found = findQuotes(text);
    const all = attributeSpeakers(text, found, persons, people, notPersons);
    return { quotes: found.quotes, persons: all, people };
  }

  it('makes the name a person and a mention, in text order, with the people pass’s id scheme', () => {
    const text = 'Lena Park opened the meeting.\n\n“We will not back down,” said Jane Roe-Smith, a nurse.\n\nLena Park closed it.';
    const { quotes, persons, people } = analysed(text, [['Lena Park', 'Lena Park']]);
    assert.equal(quotes[0].speakerId, 'person:jane-roe-smith');
    assert.deepEqual(persons.map(p => p.text), ['Lena Park', 'Jane Roe-Smith', 'Lena Park']);
    assert.equal(people.get('person:jane-roe-smith')?.name, 'Jane Roe-Smith');
    // Every entity's mentions still point at its own mentions after the new one was put among them.
    for (const e of people.values()) for (const i of e.mentions) assert.equal(persons[i].entityId, e.id);
    assert.deepEqual(people.get('person:lena-park')?.mentions, [0, 2]);
  });

  it('takes a title, a role noun or the full name elsewhere in the article as evidence', () => {
    const text = 'Sean Hanlon hosts the show.\n\n“It is loud,” band member Flea said.\n\n“Maybe,” Rep. Ann Kowalczykova said.\n\n' +
      '“It is over,” Hanlon said.';
    const { quotes, people } = analysed(text, []);
    assert.deepEqual(quotes.map(q => q.speakerId), ['person:flea', 'person:ann-kowalczykova', 'person:sean-hanlon']);
    assert.equal(people.get('person:sean-hanlon')?.name, 'Sean Hanlon');
  });

  it('links a surname to the person already named so, and makes nobody of organisations or the reader’s non-people', () => {
    const text = 'Tom Weller arrived.\n\n“Fine,” Weller said.\n\n“Sales rose,” Morgan Stanley said.\n\n“No,” Dana Moss said.';
    const { quotes, persons } = analysed(text, [['Tom Weller', 'Tom Weller']], ['Dana Moss']);
    assert.deepEqual(quotes.map(q => q.speakerId), ['person:tom-weller', null, null]);
    assert.deepEqual(persons.map(p => p.text), ['Tom Weller', 'Weller']);
  });
});

describe('speakers: what "it" and "they" stand for', () => {
  it('an organisation or a country the sentence names before the pronoun, outside quote marks', () => {
    const text = 'While Veldmark promised in its statement to “defend every border,” it also said, “We want calm.”';
    const quotes = speakers(text, []);
    assert.deepEqual(quotes.map(q => [q.speakerText, q.speakerReferent]), [['it', 'Veldmark'], ['it', 'Veldmark']]);
  });

  it('no referent for a person, or when the sentence names nothing', () => {
    assert.deepEqual(speakers('Tong Zhao arrived, and they said: “Welcome.”', ZHAO).map(q => q.speakerReferent), [undefined]);
    assert.deepEqual(speakers('after a while, it said: “Welcome.”', []).map(q => q.speakerReferent), [undefined]);
  });
});
