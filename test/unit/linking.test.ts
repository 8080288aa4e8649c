import assert from 'node:assert/strict';
import { linkAcrossArticles } from '../../src/analysis/linking';
import { findPeople } from '../../src/analysis/people';
import type { Analysis } from '../../src/analysis/types';

const article = (text: string): Analysis => ({ ...findPeople(text), dates: [], quotes: [] });

describe('people: linkAcrossArticles', () => {
  it('links a surname-only article to the full name named in another article', () => {
    const a = article('US Secretary of State John Kerry arrived in Beijing.');
    const b = article('Kerry said the test showed the approach had failed.');
    const links = linkAcrossArticles([a, b]);
    assert.equal(links.byArticle[0].get('person:john-kerry'), 'person:john-kerry');
    assert.equal(links.byArticle[1].get('person:kerry'), 'person:john-kerry');
    assert.deepEqual(links.persons.get('person:john-kerry')!.members,
      [{ article: 0, entityId: 'person:john-kerry' }, { article: 1, entityId: 'person:kerry' }]);
  });

  it('joins the same full name in two articles into one person', () => {
    const links = linkAcrossArticles([article('Tony Blinken said no.'), article('Deputy Secretary Tony Blinken left.')]);
    assert.equal(links.persons.size, 1);
    assert.equal(links.persons.get('person:tony-blinken')!.members.length, 2);
  });

  it('never merges two full names that share a surname, and leaves the bare surname unlinked', () => {
    const links = linkAcrossArticles([
      article('John Kerry arrived.'), article('Mary Kerry, a teacher, said hello.'), article('Kerry said it again.'),
    ]);
    assert.notEqual(links.byArticle[0].get('person:john-kerry'), links.byArticle[1].get('person:mary-kerry'));
    const bare = links.byArticle[2].get('person:kerry')!;
    assert.ok(bare !== 'person:john-kerry' && bare !== 'person:mary-kerry', bare);
    assert.equal(links.persons.get(bare)!.members.length, 1);
  });

  it('does not change the analyses it reads', () => {
    const b = article('Kerry said the test showed the approach had failed.');
    const before = JSON.stringify([...b.people.entries()]);
    linkAcrossArticles([article('John Kerry arrived.'), b]);
    assert.equal(JSON.stringify([...b.people.entries()]), before);
  });
});
