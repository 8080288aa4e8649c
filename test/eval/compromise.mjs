#!/usr/bin/env node
// The peer: compromise 14 (+ compromise-dates) on a gold file, written as score.mjs predictions.
//   node test/eval/compromise.mjs GOLD.jsonl PRED.jsonl
// people: .people(); dates: .dates() (compromise-dates); quotes: .quotations(). Offsets from compromise's own
// character offsets (`.out('offset')`), which are JS string indices, brought to the corpora's span conventions where
// compromise differs only in what it includes: a quotation with its marks, a date without a leading preposition, a
// person without a leading title or a trailing possessive. (Its choices of what is a person, date or quote are kept.)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { readJsonl } from './split.mjs';

const require = createRequire(import.meta.url);
const nlp = require('compromise');
nlp.plugin(require('compromise-dates'));
const [goldFile, predFile] = process.argv.slice(2);
if (!goldFile || !predFile) { console.error('usage: node test/eval/compromise.mjs GOLD.jsonl PRED.jsonl'); process.exit(2); }

const TITLES = new Set(JSON.parse(fs.readFileSync(new URL('../../src/analysis/lexicon/person-titles.json', import.meta.url))).entries);
const PREPOSITIONS = /^(?:on|in|at|by|since|until|till|during|from|to|for|of|before|after|through|around|about|between)\s+/i;
const QUOTE_MARKS = '"\u201c\u201d\u2018\u2019\'';

function conventions(type, text, start, end) {
  if (type === 'quote') {
    if (start > 0 && QUOTE_MARKS.includes(text[start - 1]) && !QUOTE_MARKS.includes(text[start])) start--;
    if (end < text.length && QUOTE_MARKS.includes(text[end]) && !QUOTE_MARKS.includes(text[end - 1])) end++;
  } else if (type === 'date') {
    const m = PREPOSITIONS.exec(text.slice(start, end));
    if (m && m[0].length < end - start) start += m[0].length;
  } else {
    for (let m; (m = /^(\S+)\s+/.exec(text.slice(start, end))) && TITLES.has(m[1].toLowerCase().replace(/\.$/, '')) && m[0].length < end - start;) start += m[0].length;
    if (/['\u2019]s$/.test(text.slice(start, end))) end -= 2;
  }
  while (end > start && /[\s.,;:]/.test(text[end - 1]) && type !== 'quote') end--;
  return [start, end];
}

const out = [];
let failedDates = 0;
for (const doc of readJsonl(goldFile)) {
  const d = nlp(doc.text);
  const entities = [];
  const add = (type, view) => {
    for (const m of view.out('offset')) {
      if (!(m.offset.length > 0)) continue;
      const [start, end] = conventions(type, doc.text, m.offset.start, m.offset.start + m.offset.length);
      if (end > start) entities.push({ type, start, end, text: doc.text.slice(start, end) });
    }
  };
  add('person', d.people());
  // compromise-dates throws on some texts ("t.isValid is not a function"): those documents get no dates from it.
  try { add('date', d.dates()); } catch { failedDates++; }
  add('quote', d.quotations());
  out.push(JSON.stringify({ id: doc.id, entities }));
}
fs.writeFileSync(predFile, out.join('\n') + '\n');
if (failedDates) console.error(`compromise-dates failed on ${failedDates} document(s) of ${goldFile}: scored without its dates`);
