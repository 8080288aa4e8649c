// Who speaks in a set of articles: every quotation of the reader's view grouped by its source, with the number of
// quotes and of quoted words (share of voice), sources that are people apart from organisations, unnamed sources
// and unattributed quotes. Terms in quote marks (titles, scare quotes) are no one's words and are only counted.
import type { Provenance, ReaderView, ViewItem } from './readerView';

export type SourceKind = 'person' | 'organisation' | 'unnamed' | 'unattributed';

/** The order the kinds are shown and listed in. */
export const SOURCE_KINDS: readonly SourceKind[] = ['person', 'organisation', 'unnamed', 'unattributed'];

/** One article as the Sources and Timeline panel reads it. */
export interface ArticleViewInput {
  /** Stable key of the article (its uri). */
  readonly id: string;
  /** What the reader calls it (workspace-relative path). */
  readonly name: string;
  readonly text: string;
  readonly view: ReaderView;
}

export interface SourceQuote {
  readonly article: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly words: number;
  /** The source as the article names it at this quote ("he", "Zhao"), when it differs from the source's name. */
  readonly asWritten?: string;
  readonly provenance: Provenance;
  readonly speakerByHand: boolean;
}

export interface Source {
  /** Unique among the sources of one summary. */
  readonly key: string;
  readonly name: string;
  readonly kind: SourceKind;
  /** The article an unnamed source belongs to: "an official" in one story is not the one in another. */
  readonly article?: string;
  readonly quotes: readonly SourceQuote[];
  readonly words: number;
  /** Share of all quoted words, 0..1. */
  readonly share: number;
  /** Articles (ids) it is quoted in, in the order given. */
  readonly articles: readonly string[];
  /** Some of its quotes were attributed to it by the reader. */
  readonly byHand: boolean;
}

export interface SourcesSummary {
  /** Sorted: most quotes first, then most words, then by name; the unattributed quotes are one source of their own. */
  readonly sources: readonly Source[];
  readonly quotes: number;
  readonly words: number;
  /** Sources with a name or a description: all but the unattributed. */
  readonly attributedSources: number;
  /** The attributed source with the most quoted words. */
  readonly top?: Source;
  readonly unattributed: { readonly quotes: number; readonly words: number };
  /** Quoted spans that are terms, not someone's words (not counted above). */
  readonly terms: number;
  /** "9 quotes, 6 sources, 31 % of quoted words from the top source (Benjamin Herscovitch), 0 % unattributed." */
  readonly line: string;
}

/**
 * Heads of a description that names a source by role, not by name: "an official", "a senior State Department
 * official", "the spokesperson of the ministry", "analysts". A source described by anything else (a ministry, a
 * newspaper, a country, a statement) is an organisation.
 */
const ROLE_HEADS: ReadonlySet<string> = new Set(`
  official officials spokesperson spokespersons spokespeople spokesman spokesmen spokeswoman spokeswomen source sources
  aide aides diplomat diplomats analyst analysts expert experts observer observers insider insiders person people
  persons someone somebody anyone man men woman women witness witnesses resident residents critic critics activist
  activists lawmaker lawmakers legislator legislators executive executives employee employees staffer staffers member
  members adviser advisers advisor advisors representative representatives negotiator negotiators worker workers
  officer officers envoy envoys minister ministers researcher researchers scientist scientists economist
  economists lawyer lawyers attorney attorneys investigator investigators investor investors trader traders banker
  bankers student students teacher teachers doctor doctors nurse nurses soldier soldiers commander commanders leader
  leaders protester protesters protestor protestors voter voters supporter supporters opponent opponents neighbour
  neighbours neighbor neighbors relative relatives friend friends colleague colleagues fan fans victim victims
  survivor survivors parent parents mother father son daughter wife husband correspondent reporter reporters
  journalist journalists editor editors commentator commentators pundit pundits militant militants citizen citizens
  participant participants delegate delegates candidate candidates manager managers director directors chief chiefs
  secretary secretaries president
`.split(/\s+/).filter(Boolean));

/** Pronouns a quote may be left attributed to when the analyzer could not tell whom they stand for. */
const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'who', 'one']);
const THING_PRONOUNS: ReadonlySet<string> = new Set(['it', 'which']);
const LEADING_DETERMINERS = /^(?:(?:the|a|an|one|some|several|many|two|three|four|five|other|another|its|his|her|their|our)\s+)+/i;
/** A prepositional tail that is not the head: "the spokesperson [of North Korea's Ministry]", "an official [at the embassy]". */
const TAIL = /\s+(?:of|at|for|from|with|in|on|to|close|familiar|involved|who|that)\b.*$/i;

/**
 * What kind of source a quote's speaker is. A person when the view says so (resolved to a person, or set by hand);
 * otherwise read from the source's wording: a description headed by a role noun ("an official", "officials", "a
 * spokesperson for the ministry") or an unresolved personal pronoun ("he", "they") is unnamed; anything else ("the
 * ministry", "Reuters", "the statement", an unresolved "it") is an organisation. No speaker: unattributed.
 */
export function sourceKindOf(item: Pick<ViewItem, 'speaker' | 'speakerAsWritten' | 'speakerIsPerson'>): SourceKind {
  if (!item.speaker) return 'unattributed';
  if (item.speakerIsPerson) return 'person';
  const wording = (item.speakerAsWritten ?? item.speaker).trim().toLowerCase();
  if (PERSON_PRONOUNS.has(wording)) return 'unnamed';
  if (THING_PRONOUNS.has(wording)) return 'organisation';
  const head = wording.replace(TAIL, '').replace(LEADING_DETERMINERS, '').split(/\s+/).pop() ?? '';
  return ROLE_HEADS.has(head.replace(/['’]s$/, '')) ? 'unnamed' : 'organisation';
}

const WORD = /[\p{L}\p{N}]+(?:['’.\-‐–][\p{L}\p{N}]+)*/gu;

/** Words of a quote without its marks: runs of letters and digits, with inner apostrophes, periods and hyphens ("U.S.", "co-founder"). */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

const UNATTRIBUTED = 'Unattributed';

/** Groups the quotations of the articles by source and sums them up (see SourcesSummary). */
export function summarizeSources(articles: readonly ArticleViewInput[]): SourcesSummary {
  const groups = new Map<string, { name: string; kind: SourceKind; article?: string; quotes: SourceQuote[]; articles: string[] }>();
  let terms = 0;
  for (const a of articles) {
    for (const item of a.view.items) {
      if (item.type !== 'quote') continue;
      if (item.kind === 'term') { terms++; continue; }
      const kind = sourceKindOf(item);
      // A pronoun the analyzer could not resolve is shown as the word it is: “it”, “they”.
      const pronoun = item.speaker && (PERSON_PRONOUNS.has(item.speaker.toLowerCase()) || THING_PRONOUNS.has(item.speaker.toLowerCase()));
      const name = kind === 'unattributed' ? UNATTRIBUTED : pronoun ? `“${item.speaker}”` : item.speaker!;
      const wording = name.toLowerCase().replace(LEADING_DETERMINERS, '');
      const key = kind === 'person' ? `person:${name}` : kind === 'unnamed' ? `unnamed:${a.id}:${wording}` : `${kind}:${wording}`;
      let g = groups.get(key);
      if (!g) groups.set(key, g = { name, kind, article: kind === 'unnamed' ? a.id : undefined, quotes: [], articles: [] });
      if (!g.articles.includes(a.id)) g.articles.push(a.id);
      const asWritten = item.speakerAsWritten && item.speakerAsWritten !== name ? item.speakerAsWritten : undefined;
      g.quotes.push({
        article: a.id, start: item.start, end: item.end, text: item.text, words: countWords(item.text), asWritten,
        provenance: item.provenance, speakerByHand: item.speakerProvenance === 'user',
      });
    }
  }
  const all = [...groups.values()];
  const words = all.reduce((n, g) => n + g.quotes.reduce((m, q) => m + q.words, 0), 0);
  const quotes = all.reduce((n, g) => n + g.quotes.length, 0);
  const sources: Source[] = [...groups].map(([key, g]) => {
    const w = g.quotes.reduce((m, q) => m + q.words, 0);
    return { key, name: g.name, kind: g.kind, article: g.article, quotes: g.quotes, words: w, share: words ? w / words : 0,
      articles: g.articles, byHand: g.quotes.some(q => q.speakerByHand) };
  }).sort(bySize);
  const attributed = sources.filter(s => s.kind !== 'unattributed');
  const top = [...attributed].sort((x, y) => y.words - x.words || bySize(x, y))[0];
  const none = sources.find(s => s.kind === 'unattributed');
  const unattributed = { quotes: none?.quotes.length ?? 0, words: none?.words ?? 0 };
  return { sources, quotes, words, attributedSources: attributed.length, top, unattributed, terms,
    line: summaryLine(quotes, attributed.length, words, top, unattributed.words, terms) };
}

function bySize(x: Source, y: Source): number {
  return y.quotes.length - x.quotes.length || y.words - x.words || x.name.localeCompare(y.name) || x.key.localeCompare(y.key);
}

export const percent = (part: number, whole: number): string => `${whole ? Math.round((100 * part) / whole) : 0} %`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summaryLine(quotes: number, sources: number, words: number, top: Source | undefined, unattributedWords: number, terms: number): string {
  const termsNote = terms ? `; ${plural(terms, 'term')} in quote marks not counted` : '';
  if (quotes === 0) return `No quotations${termsNote}.`;
  const parts = [plural(quotes, 'quote'), plural(sources, 'source')];
  if (top) parts.push(`${percent(top.words, words)} of quoted words from the top source (${top.name})`);
  parts.push(`${percent(unattributedWords, words)} unattributed`);
  return `${parts.join(', ')}${termsNote}.`;
}
