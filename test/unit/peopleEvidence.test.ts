// The people rules on the classes of issue 10, with sentences written for these tests.
import assert from 'node:assert/strict';
import { findPeople } from '../../src/analysis/people';

const names = (text: string): string[] => findPeople(text).persons.map(p => p.text);
const linked = (text: string): string[] => {
  const r = findPeople(text);
  return r.persons.map(p => `${p.text}→${r.people.get(p.entityId)!.name}`);
};
const reasons = (text: string): string[] => findPeople(text).persons.map(p => `${p.text}:${p.reason}`);

describe('people: what the article says of a name elsewhere', () => {
  it('a company named after its founder is the company where the text says so, its founder stays a person', () => {
    const text = 'Harold Blackwell founded Blackwell & Sons in 1903. Blackwell shares fell 4 percent on Monday, and Blackwell said the board would meet.';
    assert.deepEqual(names(text), ['Harold Blackwell']);
  });

  it('a firm named after a person does not take the surname from the person the article names', () => {
    assert.deepEqual(linked('Donald Trump spoke. The Trump Organization Inc. declined to comment, Trump said.'),
      ['Donald Trump→Donald Trump', 'Trump→Donald Trump']);
  });

  it('firms with person-like names, newspapers and venues are not people', () => {
    assert.deepEqual(names('Analysts at Morgan Stanley and Ernst & Young agreed. Goldman Sachs said so.'), []);
    assert.deepEqual(names('She told the Gazette that the Herald was wrong.'), []);
    assert.deepEqual(names('She sang at Carnegie Hall and at the Royal Albert Hall.'), []);
  });

  it('a one-word name seen as a company by its shares or its possessions is no person anywhere in the article', () => {
    assert.deepEqual(names('Corvantis said profits rose. Corvantis shares jumped, and Corvantis\'s board met on Friday.'), []);
  });

  it('a place that is also a given name: the place where the text treats it as one, the person elsewhere', () => {
    const text = 'Police in Victoria, British Columbia, said the road was closed. Victoria Hale, 34, was driving. Her sister Victoria was not hurt.';
    assert.deepEqual(linked(text), ['Victoria Hale→Victoria Hale', 'Victoria→Victoria Hale']);
  });

  it('a country is never a person, nor linked to a person who shares its name', () => {
    assert.deepEqual(names('Jordan expelled the diplomat on Monday, and protests spread across Jordan. The envoy flew out of Jordan.'), []);
    assert.deepEqual(linked('Michael Jordan scored 30 points. Jordan said he was tired. Later he flew to Jordan for a holiday.'),
      ['Michael Jordan→Michael Jordan', 'Jordan→Michael Jordan']);
  });

  it('a town of the gazetteer in a place\'s context is a place, however it is described', () => {
    assert.deepEqual(names('Shelling hit the town of Doboj. Doboj, one of several towns on the front, was quiet by noon.'), []);
  });
});

describe('people: names that are also words, initials and results', () => {
  it('the people of a country of two words are not a person', () => {
    assert.deepEqual(names('Sri Lankan officials said the boats would be returned, and a Costa Rican diplomat agreed.'), []);
  });

  it('a name before a facility noun names the facility', () => {
    assert.deepEqual(names('The plane landed at Ben Gurion airport, and the injured went to a Calcutta hospital.'), []);
  });

  it('initials with dots and a surname that is also a word', () => {
    assert.deepEqual(reasons('C. White made 66 before J.R.R. Tolkien arrived.'),
      ['C. White:initials-and-surname', 'J.R.R. Tolkien:initials-and-surname']);
  });

  it('a list lettered A., B., C. is no list of people', () => {
    assert.deepEqual(names('Which people built cliff dwellings?\n\nA. Anasazi\n\nB. Cherokee\n\nC. Aztec'), []);
  });

  it('the scorers of a match, with the minute of each goal', () => {
    assert.deepEqual(reasons('Scorers: Halvorsen (50th minute), Brekke (54th)\nAttendance: 5,000'),
      ['Halvorsen:scorer', 'Brekke:scorer']);
  });

  it('given names that are also words, where a surname follows', () => {
    assert.deepEqual(names('Frank Okoro read a poem. Later Rusty Greer and Bill Okafor arrived, frank and rusty.'),
      ['Frank Okoro', 'Rusty Greer', 'Bill Okafor']);
    assert.deepEqual(names('The Rose Garden opened, and Hope Springs was shown.'), []);
  });

  it('a thing\'s last word before trailing words ends a thing, not a name', () => {
    assert.deepEqual(names('The paper ran the headline "No Jennifer Lopez News Today" on Monday.'), []);
  });

  it('surnames ending like agent nouns, and surnames that are also towns', () => {
    assert.deepEqual(names('Thomas Enqvist beat Petr Korda, and Ally McCoist scored twice.'), ['Thomas Enqvist', 'Petr Korda', 'Ally McCoist']);
    assert.deepEqual(names('6-3\nTodd Woodbridge beat Daniel Nestor 6-3.'), ['Todd Woodbridge', 'Daniel Nestor']);
  });

  it('a place written with initials is not a name', () => {
    assert.deepEqual(names('The team arrived in Washington D.C. after many difficulties.'), []);
  });
});

describe('people: bylines, headlines and honorifics', () => {
  it('a byline in capitals names its writers', () => {
    assert.deepEqual(reasons('BY JANE ROE AND TOM LEE\nThe mayor spoke on Monday.'), ['JANE ROE:byline', 'TOM LEE:byline']);
  });

  it('a byline with a name in capitals among names as usual', () => {
    assert.deepEqual(names('By Priya Raman and TOM ELLISON\n\nThe plant will close.'), ['Priya Raman', 'TOM ELLISON']);
  });

  it('a workplace named after its analysts, at a sentence start too', () => {
    assert.deepEqual(names('Analysts at Barclays said the move was overdue.'), []);
  });

  it('a headline in capitals names the article\'s people by their usual spelling', () => {
    assert.deepEqual(linked('GOLF - HALVORSEN LEADS BY TWO AT OPEN\nLONDON 2024-08-22\n\nIngrid Halvorsen shot a 66 on Thursday.'),
      ['HALVORSEN→Ingrid Halvorsen', 'Ingrid Halvorsen→Ingrid Halvorsen']);
  });

  it('a dateline in capitals is the place the story was filed from, not a person', () => {
    assert.deepEqual(names('Mara Lind\nLIND, Norway 2024-08-22\n\nMara Lind won the race.'), ['Mara Lind', 'Mara Lind']);
  });

  it('honorifics of any language are stripped like titles', () => {
    assert.deepEqual(names('Shri Narendra Modi met Doña Ana Ruiz and Sheikh Hasina.'), ['Narendra Modi', 'Ana Ruiz', 'Hasina']);
  });

  it('particles belong to the name, in the full name and in the surname alone', () => {
    assert.deepEqual(linked('Ludwig van den Berg arrived. Later van den Berg said no. President de Gaulle left.'),
      ['Ludwig van den Berg→Ludwig van den Berg', 'van den Berg→Ludwig van den Berg', 'de Gaulle→de Gaulle']);
  });

  it('storms and laws named after people are not people', () => {
    assert.deepEqual(names('Hurricane Katrina hit New Orleans. Katrina killed hundreds, and Megan\'s Law passed.'), []);
  });
});

describe('people: why', () => {
  it('each mention says which evidence made it a person', () => {
    assert.deepEqual(reasons('Mr Kerry met Tong Zhao on Monday. Later Zhao left, and reporters met spokeswoman Hua at noon.'),
      ['Kerry:title', 'Tong Zhao:name-shape', 'Zhao:known-name', 'Hua:role-noun']);
  });
});
