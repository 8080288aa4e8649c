import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { findPeople } from '../../src/analysis/people';
import * as lexicon from '../../src/analysis/data/lexicon.generated';
import { Context, Vocabulary, Word } from '../../src/analysis/people/vocabulary';
import { WordList } from '../../src/analysis/people/wordlist';
import { type GoldDoc, gumGold, seedGold } from '../support/paths';

/** Mention texts in text order. */
const names = (text: string): string[] => findPeople(text).persons.map(p => p.text);
/** Canonical entity name of each mention, in text order. */
const entityNames = (text: string): string[] => {
  const r = findPeople(text);
  return r.persons.map(p => r.people.get(p.entityId)!.name);
};

/** Exact-span person F1 over gold documents, and the gold persons whose predicted entity name differs. */
function scorePeople(docs: GoldDoc[]): { f1: number; wrongEntity: string[] } {
  let tp = 0, gold = 0, pred = 0;
  const wrongEntity: string[] = [];
  for (const d of docs) {
    const r = findPeople(d.text);
    const predicted = new Map(r.persons.map(p => [`${p.start}:${p.end}`, r.people.get(p.entityId)!.name]));
    const golds = d.entities.filter(e => e.type === 'person');
    gold += golds.length;
    pred += r.persons.length;
    for (const g of golds) {
      const name = predicted.get(`${g.start}:${g.end}`);
      if (name === undefined) continue;
      tp++;
      if (g.entity !== undefined && g.entity !== name) wrongEntity.push(`${d.id}: ${g.text} → ${name}, gold ${g.entity}`);
    }
  }
  const p = pred ? tp / pred : 0, rc = gold ? tp / gold : 0;
  return { f1: p + rc ? (2 * p * rc) / (p + rc) : 0, wrongEntity };
}

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** Strings in a heap snapshot of at least minBytes that start with `prefix`. */
function largeStringsStartingWith(h: HeapSnapshot, prefix: string, minBytes: number): number {
  const fields = h.snapshot.meta.node_fields, types = h.snapshot.meta.node_types[0];
  const type = fields.indexOf('type'), name = fields.indexOf('name'), size = fields.indexOf('self_size');
  let count = 0;
  for (let i = 0; i < h.nodes.length; i += fields.length) {
    if (types[h.nodes[i + type]] === 'string' && h.nodes[i + size] >= minBytes && h.strings[h.nodes[i + name]].startsWith(prefix)) count++;
  }
  return count;
}

describe('people: findPeople', () => {
  describe('titles and roles are evidence, not part of the name', () => {
    it('strips a chain of nationality, office and "of State"', () => {
      assert.deepEqual(names('US Secretary of State John Kerry arrived on Tuesday.'), ['John Kerry']);
    });
    it('strips honorifics with and without a full stop', () => {
      assert.deepEqual(names('Mr. Kerry met Ms Hua and Dr Tedeschi.'), ['Kerry', 'Hua', 'Tedeschi']);
    });
    it('strips head-of-state and ministerial titles', () => {
      assert.deepEqual(names('John Kerry arrived. Kerry will meet President Xi Jinping and Foreign Minister Wang Yi.'),
        ['John Kerry', 'Kerry', 'Xi Jinping', 'Wang Yi']);
    });
    it('keeps a given name after a professional title even when it is also a word', () => {
      assert.deepEqual(names('Professor Cres Eastman says salt helps.'), ['Cres Eastman']);
    });
    it('drops a bare title that names no one', () => {
      assert.deepEqual(names('The President said the Secretary of State would travel.'), []);
    });
  });

  describe('possessives', () => {
    it('leaves the curly and straight possessive outside the span', () => {
      const text = 'John Kerry arrived. Kerry’s trip and Kerry\'s plan were discussed.';
      assert.deepEqual(names(text), ['John Kerry', 'Kerry', 'Kerry']);
      const r = findPeople(text);
      for (const p of r.persons) assert.equal(text.slice(p.start, p.end), p.text);
    });
  });

  describe('multi-part and non-English names', () => {
    it('finds East Asian names written family name first, hyphenated given names included', () => {
      assert.deepEqual(names('He met Kim Jong-un, Tsai Ing-wen and Lim Sung-nam in Seoul.'),
        ['Kim Jong-un', 'Tsai Ing-wen', 'Lim Sung-nam']);
    });
    it('keeps name particles inside the span', () => {
      assert.deepEqual(names('Commission President Ursula von der Leyen spoke.'), ['Ursula von der Leyen']);
    });
    it('handles names with letters outside ASCII', () => {
      assert.deepEqual(names('Turkish President Recep Tayyip Erdoğan said no.'), ['Recep Tayyip Erdoğan']);
    });
    it('keeps middle initials', () => {
      assert.deepEqual(names('Former president George W. Bush visited.'), ['George W. Bush']);
    });
    it('keeps hyphenated surnames', () => {
      assert.deepEqual(names('The mayor, Anne-Marie Smith-Jones, said it was closed.'), ['Anne-Marie Smith-Jones']);
    });
  });

  describe('given names that are also words', () => {
    it('keeps "May" after a given name and "Will" before a surname', () => {
      assert.deepEqual(names('Prime Minister Theresa May met Will Smith and June Carter.'), ['Theresa May', 'Will Smith', 'June Carter']);
    });
    it('links a later "May" to Theresa May, but not the month', () => {
      assert.deepEqual(entityNames('Theresa May spoke. In May the vote failed, and May 5 passed. May said she would stay.'),
        ['Theresa May', 'Theresa May']);
    });
    it('leaves "Will" and "May" alone when no name follows', () => {
      assert.deepEqual(names('Will Britain leave? May Day parades were held.'), []);
    });
  });

  describe('evidence around a name of unknown origin', () => {
    it('accepts a capitalised word followed by a speech verb', () => {
      assert.deepEqual(names('Analysts disagree. Herscovitch said the plan failed.'), ['Herscovitch']);
    });
    it('accepts a surname followed by a verb only people take, and its other mentions', () => {
      assert.deepEqual(names('Heagle published the study. Heagle died in 2004. Okafor was arrested and Devocht himself agreed.'),
        ['Heagle', 'Heagle', 'Okafor', 'Devocht']);
    });
    it('accepts a relative after a possessive name and a place’s possessive before it', () => {
      assert.deepEqual(names('Okonkwo’s wife, Adaeze, was there. Brazil’s Neymar scored twice.'), ['Okonkwo', 'Adaeze', 'Neymar']);
    });
    it('does not take an institution after a place’s possessive for a person', () => {
      assert.deepEqual(names('The spokesperson of North Korea’s Ministry of Foreign Affairs spoke.'), []);
    });
    it('does not accept an apposition that describes an organisation, but does accept a parenthetical attribution', () => {
      assert.deepEqual(names('Foxconn, the Taiwanese manufacturer, said it would hire.'), []);
      assert.deepEqual(names('Kowalczyk, the company said, will lead the unit.'), ['Kowalczyk']);
    });
    it('does not make a person of common words by context alone', () => {
      assert.deepEqual(names('Gabriel Garcia Marquez wrote One Hundred Years of Solitude.'), ['Gabriel Garcia Marquez']);
    });
    it('accepts an apposition and a lower-case role noun before the name', () => {
      assert.deepEqual(names('Qorbani Mehraz, an associate at the centre, agreed with spokeswoman Tavaleh Oru.'),
        ['Qorbani Mehraz', 'Tavaleh Oru']);
    });
  });

  describe('given names written as capitals without dots', () => {
    it('takes the capitals and the surname as one name when the context tells of a person', () => {
      const text = 'The NCLAN studies, published in a paper by AS Heagle in 1989, show that yields fell. Heagle found more.';
      assert.deepEqual(names(text), ['AS Heagle', 'Heagle']);
      assert.deepEqual(entityNames(text), ['AS Heagle', 'AS Heagle']);
      assert.deepEqual(findPeople(text).persons.map(p => p.fullName), [true, false]);
      assert.deepEqual(names('Author JK Rowling said the book was finished.'), ['JK Rowling']);
      assert.deepEqual(names('The novel was written by CS Lewis in 1950.'), ['CS Lewis']);
    });
    it('does not take a speech verb alone as evidence: universities and clubs speak too', () => {
      assert.deepEqual(names('UC Davis said the study was flawed.'), ['Davis']);
      assert.deepEqual(names('AS Roma said the coach would stay.'), ['Roma']);
      assert.deepEqual(names('J Smith said it was over.'), ['Smith']);
    });
    it('finds the whole name again without evidence, but never the capitals alone', () => {
      assert.deepEqual(names('Author JK Rowling spoke. Fans of JK Rowling waited. JK was silent.'), ['JK Rowling', 'JK Rowling']);
    });
    it('needs the evidence: without it the capitals stay out of the name', () => {
      assert.deepEqual(names('The NCLAN studies by AS Heagle in 1989 show that yields fell.'), []);
    });
    it('does not make people of acronyms before a title, an institution or a common word', () => {
      for (const text of ['BBC News said the talks failed.', 'US President said he would.', 'The UN Security Council said it would meet.',
        'NASA Administrator said nothing.', 'EU Commission said the plan works.', 'LA Weekly said the case was closed.',
        'The LA Lakers said they won.', 'A Smith spokesman said no.']) {
        assert.deepEqual(names(text), [], text);
      }
    });
    it('keeps the name after an acronym that is an office or a nationality', () => {
      assert.deepEqual(names('US President Joe Biden said no.'), ['Joe Biden']);
      assert.deepEqual(names('PM Johnson said it, and MP Smith agreed.'), ['Johnson', 'Smith']);
    });
    it('takes the author of a written work for a person', () => {
      assert.deepEqual(names('It was described in a paper by Heagle and in a novel written by Okonkwo.'), ['Heagle', 'Okonkwo']);
    });
  });

  describe('organisations, places, publications and things are not people', () => {
    it('rejects places and organisations with a person-like first word', () => {
      const text = 'North Korea and Beijing were discussed at the UN Security Council, the Wall Street Journal said. ' +
        'Morgan Stanley analysts and Downing Street agreed, as did the Carnegie–Tsinghua Centre for Global Policy.';
      assert.deepEqual(names(text), []);
    });
    it('rejects each of Downing Street, the Wall Street Journal, the UN Security Council and the Carnegie–Tsinghua Centre on its own', () => {
      for (const text of ['Downing Street said no.', 'Hu told the Wall Street Journal.', 'Mr Hu addressed the UN Security Council.',
        'Tong Zhao works at the Carnegie–Tsinghua Centre.']) {
        assert.ok(!names(text).some(n => /Street|Journal|Council|Carnegie/.test(n)), `${text} → ${names(text).join(', ')}`);
      }
    });
    it('does not count a name that modifies an institution ("the Trump administration")', () => {
      assert.deepEqual(names('Donald Trump spoke. Officials in the Trump administration agreed.'), ['Donald Trump']);
    });
    it('rejects titles of works after "novel", "film"…, and places named after saints', () => {
      assert.deepEqual(names('She launched her graphic novel Angel Catbird. The film Maria Full of Grace won.'), []);
      assert.deepEqual(names('In his book Obama wrote about it, said Barack Obama.'), ['Obama', 'Barack Obama']);
      assert.deepEqual(names('Pupils at Santo Spirito school and people in San Bernardino protested.'), []);
    });
    it('does not count a name that modifies an institution ("the Trump administration") even alone', () => {
      assert.deepEqual(names('Officials in the Trump administration agreed.'), []);
    });
    it('rejects a capitalised common word that the article also writes in lower case', () => {
      assert.deepEqual(names('Experts say Iodine deficiency is common, and iodine is cheap.'), []);
    });
  });

  describe('firms named after people are not people', () => {
    it('rejects well-known firms named after their founders, also with a speech verb', () => {
      assert.deepEqual(names('Morgan Stanley said profits rose. Merrill Lynch agreed, and JP Morgan said so too.'), []);
    });
    it('rejects runs joined by "&" ("Ernst & Young", "Procter & Gamble", "Tiffany & Co.")', () => {
      assert.deepEqual(names('Auditors at Ernst & Young signed off, Procter & Gamble said sales rose and Tiffany & Co. agreed.'), []);
    });
    it('rejects a run ending in a company word, and the same name without it elsewhere in the article', () => {
      assert.deepEqual(names('Hartwell Brennan Holdings Inc. reported a loss. Hartwell Brennan said it would cut jobs.'), []);
      assert.deepEqual(names('Hartwell Brennan said it would cut jobs. Hartwell Brennan Group shares fell.'), []);
    });
    it('rejects a run after "<job> at" or before "analysts"', () => {
      assert.deepEqual(names('An economist at Kessler Lindqvist said rates would rise. Wolcott Pryce analysts disagreed.'), []);
    });
    it('still finds the people who work there', () => {
      assert.deepEqual(names('Morgan Stanley chief economist Ellen Zentner said rates would rise. ' +
        'Analyst Jane Doe of Morgan Stanley agreed, and Goldman Sachs Chief Executive Lloyd Blankfein said no.'),
      ['Ellen Zentner', 'Jane Doe', 'Lloyd Blankfein']);
    });
    it('keeps a person whose surname is also a one-word company stem ("Trump" of "Trump Organization")', () => {
      assert.deepEqual(names('Donald Trump spoke. The Trump Organization Inc. declined to comment, Trump said.'),
        ['Donald Trump', 'Trump']);
    });
  });

  describe('entities within one article', () => {
    it('links surname-only mentions to the full name, before or after it', () => {
      const text = 'Zhao said it would fail. Tong Zhao, an associate, works in Beijing. Later Zhao left.';
      assert.deepEqual(entityNames(text), ['Tong Zhao', 'Tong Zhao', 'Tong Zhao']);
      const r = findPeople(text);
      assert.deepEqual(r.persons.map(p => p.fullName), [false, true, false]);
      assert.deepEqual([...r.people.keys()], ['person:tong-zhao']);
      assert.deepEqual(r.people.get('person:tong-zhao')!.mentions, [0, 1, 2]);
    });
    it('links a family-name-first short mention ("Xi") and a given-name mention ("Daniel")', () => {
      assert.deepEqual(entityNames('President Xi Jinping spoke. Few expect to see Xi soon.'),
        ['Xi Jinping', 'Xi Jinping']);
      assert.deepEqual(entityNames('Daniel Montalvo left. Rathbun wrote that Daniel was held.'),
        ['Daniel Montalvo', 'Rathbun', 'Daniel Montalvo']);
    });
    it('keeps two people who share a surname apart and links the short mention to the nearest one before it', () => {
      const text = 'Thomas Sam, 42, and his wife Manju Sam, 36, were charged. Sam said nothing.';
      assert.deepEqual(entityNames(text), ['Thomas Sam', 'Manju Sam', 'Manju Sam']);
    });
    it('derives the entity id from the canonical name', () => {
      const r = findPeople('Recep Tayyip Erdoğan spoke.');
      assert.deepEqual([...r.people.keys()], ['person:recep-tayyip-erdogan']);
    });
  });

  describe('the shared vocabulary', () => {
    it('gives one id per spelling, keeps ids and bits while it grows, and starts afresh after reset', () => {
      const v = new Vocabulary();
      const text = 'Kerry said kerry Kerry';
      const kerry = v.id(text, 0, 5);
      assert.equal(v.id(text, 17, 22), kerry);
      assert.notEqual(v.id(text, 11, 16), kerry);
      const said = v.id(text, 6, 10);
      assert.ok(v.contexts[said] & Context.SPEECH_VERB);
      for (let i = 0; i < 5000; i++) v.id(`w${i}x`, 0, `w${i}x`.length);
      assert.equal(v.id(text, 0, 5), kerry);
      assert.equal(v.texts[kerry], 'Kerry');
      assert.ok(v.flags[v.id('Paris', 0, 5)] & Word.PLACE);
      assert.ok(v.flags.length > 5000);
      v.reset();
      assert.equal(v.size, 0);
      assert.equal(v.flags.length, 1024, 'the arrays grown for the words are given back');
      assert.equal(v.id(text, 6, 10), 0);
      assert.ok(v.contexts[0] & Context.SPEECH_VERB);
    });
    it('keeps no article alive after its analysis is dropped (long words and names are copied, not sliced)', function () {
      this.timeout(20_000);
      const marker = 'PeopleRetentionProbe';
      const sentence = 'Professor Bartholomew Schwarzeneggerstein-Oyelaran said the findings were preliminary. ';
      (() => {
        const article = marker + ' ' + sentence.repeat(Math.ceil(300_000 / sentence.length));
        assert.ok(findPeople(article).persons.length > 0);
      })();
      findPeople('Another article: John Kerry said so.');
      const file = v8.writeHeapSnapshot(path.join(os.tmpdir(), `people-retention-${process.pid}.heapsnapshot`));
      try {
        const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as HeapSnapshot;
        assert.equal(largeStringsStartingWith(snapshot, marker, 200_000), 0);
      } finally {
        fs.rmSync(file, { force: true });
      }
    });
    it('gives the same people for the same text however many texts came before', () => {
      const text = 'Prime Minister Theresa May met Tong Zhao. Zhao said May agreed.';
      const first = JSON.stringify(findPeople(text).persons);
      findPeople(Array.from({ length: 3000 }, (_, i) => `Okonkwo${i} said yes.`).join(' '));
      assert.equal(JSON.stringify(findPeople(text).persons), first);
    });
  });

  describe('the generated word lists', () => {
    const spaceSeparated = { givenNames: lexicon.givenNames, surnames: lexicon.surnames, demonyms: lexicon.demonyms, commonWords: lexicon.commonWords };
    it('are sorted in code-unit order with single spaces, as WordList needs', () => {
      for (const [name, list] of Object.entries(spaceSeparated)) {
        const words = list.split(' ');
        assert.ok(words.every(w => w.length > 0), `${name}: an empty word`);
        assert.deepEqual(words, [...words].sort(), `${name} is not sorted`);
      }
    });
    it('answer as a Set of their words would, for their words and for near misses', () => {
      for (const list of Object.values(spaceSeparated)) {
        const set = new Set(list.split(' '));
        const wordList = new WordList(list);
        assert.equal(wordList.size, set.size);
        for (const w of set) {
          assert.ok(wordList.has(w), w);
          for (const near of [w.slice(1), w.slice(0, -1), `${w}s`, `${w} `, `a${w}`]) assert.equal(wordList.has(near), set.has(near), near);
        }
        assert.equal(wordList.has(''), false);
      }
      const small = new WordList('ab abc b');
      assert.deepEqual(['a', 'ab', 'abc', 'abcd', 'b', 'ba', ''].map(w => small.has(w)), [false, true, true, false, true, false, false]);
    });
  });

  describe('gold data', () => {
    it('reaches exact-span person F1 >= 0.90 on the seed articles, with every gold entity name right', () => {
      const { f1, wrongEntity } = scorePeople(seedGold());
      assert.ok(f1 >= 0.9, `seed person F1 ${f1.toFixed(3)}`);
      assert.deepEqual(wrongEntity, []);
    });
    it('reaches exact-span person F1 >= 0.85 on GUM dev news (whose gold omits some real people)', () => {
      const { f1 } = scorePeople(gumGold());
      assert.ok(f1 >= 0.85, `GUM person F1 ${f1.toFixed(3)}`);
    });
  });
});

describe('people: the reader\'s corrections', () => {
  const story = 'Harold Blackwell opened the new hall in 1903. Blackwell spoke first, and Blackwell thanked the mayor.';

  it('a name retyped as not a person is no mention, and is not linked to the full name', () => {
    assert.deepEqual(entityNames(story), ['Harold Blackwell', 'Harold Blackwell', 'Harold Blackwell']);
    const r = findPeople(story, { notPersons: ['Blackwell'] });
    assert.deepEqual(r.persons.map(p => p.text), ['Harold Blackwell']);
  });

  it('a name the reader added is a person wherever it occurs, for the reason "reader"', () => {
    const text = 'The Iron Chancellor spoke at noon. Later, Chancellor Weiss left the hall with Jane Roe.';
    const before = findPeople(text).persons.map(p => p.text);
    assert.ok(!before.includes('Iron Chancellor'));
    const r = findPeople(text, { persons: ['Iron Chancellor'] });
    const mention = r.persons.find(p => p.text === 'Iron Chancellor');
    assert.equal(mention && r.people.get(mention.entityId)!.name, 'Iron Chancellor');
    assert.equal(mention?.reason, 'reader');
  });
});
