// Synthetic articles for the benchmarks, built from real news text (the seed articles and the GUM documents, both
// with gold labels) so names, dates and quotes come at a realistic density. Each story copied into the article
// gets fresh names and shifted dates and keeps a random subset of its paragraphs, so a 10 MB text is not the same
// few strings repeated (which would flatter any cache keyed by strings).
import fs from 'node:fs';
import path from 'node:path';
import { fixturesDir, readJsonl, type GoldDoc } from '../support/paths';
import { seededRandom } from '../support/random';

export interface SourceMention { type: string; start: number; end: number; text: string }
export interface SourceDoc { id: string; text: string; entities: SourceMention[] }

/** The real articles the synthetic text is made of (GUM news DEV + the two seed articles). */
export function loadSourceDocs(): SourceDoc[] {
  const files = [path.join(fixturesDir, 'gum_news.dev.jsonl'), path.join(fixturesDir, 'articles', 'seeds.gold.jsonl')];
  return files.flatMap(f => readJsonl(f)).map((d: GoldDoc) => ({ id: d.id, text: d.text, entities: d.entities }));
}

export { seededRandom };

// Replacement names from many languages, so the analyzer sees names it may not have in a lexicon.
const GIVEN = [
  'Amara', 'Bjorn', 'Chen', 'Dalia', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ignacio', 'Jelena', 'Kwame', 'Leila',
  'Mateus', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rania', 'Sergei', 'Tamsin', 'Umar', 'Valeria', 'Wen', 'Ximena',
  'Yusuf', 'Zofia', 'Anders', 'Bianca', 'Cyrus', 'Deepa', 'Elif', 'Florin', 'Gustavo', 'Hiroshi', 'Imani', 'Jonas',
  'Katarzyna', 'Luca', 'Mireille', 'Nikhil', 'Olena', 'Pablo', 'Rashida', 'Soren', 'Thandiwe', 'Ulrich', 'Vikram',
  'Wanjiru', 'Yara', 'Zeynep', 'Ahmed', 'Brigitte', 'Carlos', 'Dmitri', 'Esther', 'Fatima', 'Graham', 'Ingrid',
];
const FAMILY = [
  'Abernathy', 'Bakshi', 'Castellano', 'Dimitrov', 'Eriksen', 'Fonseca', 'Gallagher', 'Haddad', 'Iwasaki', 'Jovanovic',
  'Kowalczyk', 'Lindqvist', 'Mbeki', 'Nakamura', 'Okonkwo', 'Petrakis', 'Quintero', 'Rosenthal', 'Sandoval', 'Takahashi',
  'Ugarte', 'Villanueva', 'Wojcik', 'Xiong', 'Yilmaz', 'Zielinski', 'Achterberg', 'Bergstrom', 'Chaudhry', 'Delacroix',
  'Esposito', 'Fitzgerald', 'Grigoryan', 'Hoffmann', 'Ibrahim', 'Jankowski', 'Kaczmarek', 'Lefebvre', 'Marchetti',
  'Nwosu', 'Oyelaran', 'Pellegrini', 'Rahimi', 'Szabo', 'Tremblay', 'Urquhart', 'Vasquez', 'Whitfield', 'Yamamoto',
  'Zamora', 'Asante', 'Brennan', 'Cardoso', 'Draper', 'Eklund', 'Ferreira', 'Halvorsen', 'Kuznetsova', 'Mendoza',
];

/** Stories start with a headline and a date line; paragraphs from here on are body text. */
const BODY_START = 2;
/** Share of body paragraphs joined to the previous one instead of starting a new paragraph. */
const RUN_ON_SHARE = 0.3;

interface Paragraph { text: string; mentions: SourceMention[] }

/** Paragraphs of a document (split at blank lines, or at line ends if it has none), mentions made paragraph-relative. */
function paragraphsOf(doc: SourceDoc): Paragraph[] {
  const separator = /\n\s*\n/.test(doc.text) ? /\n\s*\n/g : /\n+/g;
  const out: Paragraph[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    const text = doc.text.slice(start, end);
    if (!text.trim()) return;
    const mentions = doc.entities.filter(e => e.start >= start && e.end <= end)
      .map(e => ({ ...e, start: e.start - start, end: e.end - start }));
    out.push({ text, mentions });
  };
  for (const m of doc.text.matchAll(separator)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, doc.text.length);
  return out;
}

/** One story's renaming: every name token maps to the same new token throughout the story, so "Kerry" follows "John Kerry". */
class Renamer {
  private readonly tokens = new Map<string, string>();
  constructor(private readonly random: () => number) {}

  /** Decide the new tokens of all the story's person mentions: given names for leading tokens, family names for the last. */
  learn(names: string[]): void {
    const multi = names.map(n => n.split(' ')).filter(t => t.length > 1);
    for (const parts of multi) {
      parts.forEach((t, i) => {
        if (!this.tokens.has(t)) this.tokens.set(t, i === parts.length - 1 ? this.pick(FAMILY) : this.pick(GIVEN));
      });
    }
    for (const n of names) if (!n.includes(' ') && !this.tokens.has(n)) this.tokens.set(n, this.pick(FAMILY));
  }

  rename(name: string): string {
    return name.split(' ').map(t => this.tokens.get(t) ?? t).join(' ');
  }

  private pick(pool: string[]): string { return pool[Math.floor(this.random() * pool.length)]; }
}

/** Shift four-digit years by the story's offset and redraw day numbers, keeping the expression's shape. */
function redate(text: string, yearShift: number, random: () => number): string {
  return text
    .replace(/\b(1[89]|20)\d\d\b/g, y => String(Number(y) + yearShift))
    .replace(/\b([1-9]|[12]\d|3[01])(st|nd|rd|th)?\b/g, (_d, _n, suffix: string | undefined) => {
      const day = 1 + Math.floor(random() * 28);
      return suffix ? `${day}${ordinalSuffix(day)}` : String(day);
    });
}

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** A paragraph with its person mentions renamed and its date mentions re-dated (mentions replaced right to left). */
function vary(p: Paragraph, renamer: Renamer, yearShift: number, random: () => number): string {
  let text = p.text;
  const mentions = p.mentions.filter(m => m.type === 'person' || m.type === 'date').sort((a, b) => b.start - a.start);
  let limit = Infinity;
  for (const m of mentions) {
    if (m.end > limit) continue; // nested in a mention already replaced
    const replacement = m.type === 'person' ? renamer.rename(m.text) : redate(m.text, yearShift, random);
    text = text.slice(0, m.start) + replacement + text.slice(m.end);
    limit = m.start;
  }
  return text;
}

export interface SyntheticOptions {
  /** Size to reach, in UTF-8 bytes; the article stops at the first paragraph end at or past it. */
  targetBytes: number;
  seed: number;
  /** Share of a story's body paragraphs that are kept (the headline always is). */
  keepShare?: number;
}

/**
 * A long synthetic article: stories drawn at random from the sources, each renamed, re-dated and thinned, joined by
 * blank lines. Deterministic for a seed; at least targetBytes long and at most one paragraph more.
 */
export function syntheticArticle(sources: SourceDoc[], options: SyntheticOptions): string {
  const random = seededRandom(options.seed);
  const keepShare = options.keepShare ?? 0.75;
  const stories = sources.map(paragraphsOf).filter(ps => ps.length > 0);
  if (stories.length === 0) throw new Error('syntheticArticle: no source text');
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < options.targetBytes) {
    const story = stories[Math.floor(random() * stories.length)];
    const renamer = new Renamer(random);
    renamer.learn(story.flatMap(p => p.mentions.filter(m => m.type === 'person').map(m => m.text)));
    const yearShift = Math.floor(random() * 24) - 15;
    let previousKept = -1;
    for (let i = 0; i < story.length && bytes < options.targetBytes; i++) {
      if (i > 0 && random() >= keepShare) continue;
      const text = vary(story[i], renamer, yearShift, random);
      // Some body paragraphs run on into the next kept one, so paragraphs without names or dates vary too.
      const runOn = previousKept >= BODY_START && random() < RUN_ON_SHARE;
      const separator = parts.length === 0 ? '' : runOn ? ' ' : '\n\n';
      bytes += Buffer.byteLength(separator + text, 'utf8');
      parts.push(separator, text);
      previousKept = i;
    }
  }
  return parts.join('');
}

/** Largest paragraph of the sources in UTF-8 bytes (after variation it can differ by a few bytes): bounds the overshoot. */
export function largestParagraphBytes(sources: SourceDoc[]): number {
  return Math.max(...sources.flatMap(paragraphsOf).map(p => Buffer.byteLength(p.text, 'utf8')));
}

/** Read a JSONL corpus file's documents (id + text) if the file exists. */
export function readCorpus(file: string): { id: string; text: string }[] | undefined {
  if (!fs.existsSync(file)) return undefined;
  return readJsonl(file).map(d => ({ id: d.id, text: d.text }));
}
