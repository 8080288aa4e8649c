// The cross-article entity index behind the Entities view: who and what appears in which article, with counts.
// Each article contributes one immutable part, built from what the reader sees of it (its ReaderView: the analyzer's
// findings after the reader's decisions, plus the reader's annotations); replacing or removing an article touches only
// that part and the totals it added to, so an edit in one article costs the size of that article, not of the whole
// collection. Pure TypeScript (no vscode): unit-tested and benchmarked in plain Node.
import type { Analysis, MentionType } from '../analysis/types';
import { personId } from '../analysis/people/entities';
import type { RetypedAs, Verdict } from '../annotations/model';
import { dateKey, linkPeople, sourceOf, TERMS_KEY, type LinkedName, type PeopleLinker } from '../entities/identity';
import { readerView, type Provenance, type ReaderView, type ViewItem } from '../entities/readerView';
import { lineAt, lineStarts } from '../entities/textLines';

/** One article as the index receives it. `text` is the text the analysis was computed on. */
export interface ArticleSnapshot {
  /** Unique key (the document URI as a string). */
  readonly key: string;
  /** What the user sees (the workspace-relative path). */
  readonly name: string;
  readonly text: string;
  readonly analysis: Analysis;
  /** What the reader sees of it (readerView of this analysis and the article's sidecar); the analysis alone when absent. */
  readonly view?: ReaderView;
}

export type EntityCategory = 'people' | 'dates' | 'quotes' | 'labels' | 'rejected';
export const ENTITY_CATEGORIES: readonly EntityCategory[] = ['people', 'dates', 'quotes', 'labels', 'rejected'];

export type SortBy = 'name' | 'mentions';

/** One place in one article: a detected mention, a quote, or a user annotation. */
export interface Occurrence {
  readonly article: string;
  readonly type: MentionType | 'label';
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Person mentions: the full name is spelt out. */
  readonly fullName?: boolean;
  readonly provenance?: Provenance;
  /** User annotations: the note and the sidecar id. */
  readonly note?: string;
  readonly annotationId?: string;
  /** Decided entities: the reader's verdict and the decision's sidecar id. */
  readonly verdict?: Verdict;
  readonly retypedAs?: RetypedAs;
  readonly decisionId?: string;
  readonly orphaned?: boolean;
}

/** An entity as listed: its key (see identity.ts), display name and counts over the articles in scope. */
export interface EntitySummary {
  readonly category: EntityCategory;
  readonly key: string;
  readonly name: string;
  /** Mentions (people, dates), quotes (a speaker's quotes) or annotations (labels). */
  readonly mentions: number;
  readonly articles: number;
  /** People: quotes attributed to them. */
  readonly quotes: number;
  /** Mentions the reader confirmed. */
  readonly confirmed: number;
  /** Articles in which the reader annotated it (added the person, for instance). */
  readonly addedIn: number;
}

/** What a category holds for one article. */
interface LocalEntity {
  readonly key: string;
  readonly name: string;
  readonly occurrences: Occurrence[];
  /** People: the quotes they said in this article. */
  readonly quotes: Occurrence[];
}

export interface EntityCounts { people: number; dates: number; quotes: number; labels: number; total: number }

/** One article's contribution to the index, built once per snapshot. */
export class ArticlePart {
  readonly key: string;
  readonly name: string;
  readonly text: string;
  readonly analysis: Analysis;
  readonly view: ReaderView;
  /** The reader confirmed or added something here (else every occurrence is the analyzer's: nothing to count). */
  readonly reviewed: boolean;
  /** The analysis as cross-article linking sees it: the people the reader has not rejected. */
  readonly linkable: Analysis;
  /**
   * What the article holds, by cross-article key (people linked by linkPeople), as listed. Filled by `link`; until
   * then (a part just added) it is empty.
   */
  readonly groups: Record<EntityCategory, Map<string, LocalEntity>> = emptyGroups();
  readonly orphans: Occurrence[] = [];
  /** The same, keyed by what the article alone knows: people by their local entity id, person speakers by "p:"+id. */
  private readonly local: Record<EntityCategory, Map<string, LocalEntity>> = emptyGroups();
  private links?: Map<string, LinkedName>;
  private starts?: number[];
  /** The article's people as linking sees them (ids and names): equal signatures link the same way. */
  readonly peopleSignature: string;

  constructor(snapshot: ArticleSnapshot) {
    this.key = snapshot.key;
    this.name = snapshot.name;
    this.text = snapshot.text;
    this.analysis = snapshot.analysis;
    this.view = snapshot.view ?? readerView(snapshot.analysis, undefined);
    this.reviewed = this.view.items.some(i => i.provenance !== 'detected');
    const shown = new Set(this.view.people.map(p => p.entityId));
    const all = this.analysis.people;
    this.linkable = [...all.keys()].every(id => shown.has(id)) ? this.analysis
      : { ...this.analysis, people: new Map([...all].filter(([id]) => shown.has(id))) };
    this.collect();
    this.peopleSignature = [...this.linkable.people.values()].map(e => `${e.id}\u0000${e.name}`).sort().join('\u0001');
  }

  /** The links this part is listed under (to hand on to its next version when its people did not change). */
  get currentLinks(): Map<string, LinkedName> | undefined { return this.links; }

  private collect(): void {
    const article = this.key, view = this.view;
    const entry = (category: EntityCategory, key: string, name: string) => {
      const map = this.local[category];
      let e = map.get(key);
      if (!e) map.set(key, e = { key, name, occurrences: [], quotes: [] });
      return e;
    };
    // People by the analyzer's entity; a person only the reader knows (added by hand and not found by the analyzer,
    // or named as a speaker) by name.
    const personKey = (entityId: string | undefined, name: string) => entityId ?? `${USER_PERSON}${name.toLowerCase()}`;
    for (const i of view.items) {
      const o = occurrenceOf(article, i);
      switch (i.type) {
        case 'person': {
          const name = (i.entityId !== undefined ? this.analysis.people.get(i.entityId)?.name : undefined) ?? i.person ?? i.text;
          entry('people', personKey(i.entityId, name), name).occurrences.push(o);
          break;
        }
        case 'date': entry('dates', dateKey(i), i.value ?? i.text).occurrences.push(o); break;
        case 'quote': {
          if (i.kind === 'term' && i.speakerProvenance !== 'user') entry('quotes', TERMS_KEY, 'Terms').occurrences.push(o);
          else if (i.speakerIsPerson && i.speaker) {
            const key = personKey(i.speakerId, i.speaker);
            entry('quotes', `p:${key}`, i.speaker).occurrences.push(o);
            entry('people', key, i.speaker).quotes.push(o);
          } else {
            const source = sourceOf({ speakerText: i.speaker ?? null });
            entry('quotes', source.key, source.name).occurrences.push(o);
          }
          break;
        }
        case 'label': entry('labels', i.label ?? 'Label', i.label ?? 'Label').occurrences.push(o); break;
      }
    }
    for (const i of view.rejected) {
      // A retyped name is listed as written ("Kerry"), not as the person it was linked to.
      const name = i.type === 'person' && i.verdict !== 'retyped' ? i.person ?? i.text : i.type === 'date' ? i.value ?? i.text : i.text;
      entry('rejected', `${i.verdict === 'retyped' ? `retyped:${i.retypedAs ?? 'other'}` : 'rejected'}:${i.type}:${name}`, name).occurrences.push(occurrenceOf(article, i));
    }
    for (const i of view.orphans) this.orphans.push(occurrenceOf(article, i));
  }

  /** True when the part is listed under these cross-article links already. */
  isLinkedAs(links: Map<string, LinkedName> | undefined): boolean {
    if (!this.links) return false;
    for (const id of this.local.people.keys()) {
      const was = this.links.get(id), now = links?.get(id);
      if (was?.key !== now?.key || was?.name !== now?.name) return false;
    }
    return true;
  }

  get isLinked(): boolean { return this.links !== undefined; }

  /** Lists the article's people (and person speakers) under their cross-article keys and names. */
  link(links: Map<string, LinkedName> | undefined): void {
    this.links = links ?? new Map();
    const person = (localId: string, name: string) => this.links!.get(localId) ??
      { key: localId.startsWith(USER_PERSON) && /\s/.test(name.trim()) ? personId(name) : `person-local:${localId}@${this.key}`, name };
    for (const category of ENTITY_CATEGORIES) {
      const out = this.groups[category];
      out.clear();
      for (const e of this.local[category].values()) {
        let key = e.key, name = e.name;
        if (category === 'people') ({ key, name } = person(e.key, e.name));
        else if (category === 'quotes' && key.startsWith('p:')) ({ key, name } = person(key.slice(2), e.name));
        const have = out.get(key);
        if (!have) { out.set(key, { key, name, occurrences: e.occurrences, quotes: e.quotes }); continue; }
        // Two local entities that are one person across articles: one list, in text order.
        out.set(key, { key, name, occurrences: [...have.occurrences, ...e.occurrences].sort(byStart), quotes: [...have.quotes, ...e.quotes].sort(byStart) });
      }
    }
  }

  /** 1-based line number of an offset. */
  lineOf(offset: number): number {
    return lineAt(this.starts ??= lineStarts(this.text), offset) + 1;
  }

  /**
   * The occurrence in its line, cut to about `width` characters around it, with where the occurrence sits in the
   * snippet (for highlighting). Orphans keep their last text, which may no longer be in the article.
   */
  snippet(o: Pick<Occurrence, 'start' | 'end' | 'orphaned' | 'text'>, width = 80): { text: string; highlight: [number, number] } {
    if (o.orphaned || this.text.slice(o.start, o.end) !== o.text) {
      const t = oneLine(o.text);
      return { text: t.length > width ? `${t.slice(0, width - 1)}…` : t, highlight: [0, Math.min(t.length, width)] };
    }
    const starts = this.starts ??= lineStarts(this.text);
    const line = this.lineOf(o.start) - 1;
    const lineStart = starts[line];
    const lineEnd = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    const end = Math.min(o.end, lineEnd);
    const room = Math.max(0, width - (end - o.start));
    let from = Math.max(lineStart, o.start - Math.floor(room / 3));
    const to = Math.min(lineEnd, end + (room - (o.start - from)));
    from = Math.max(lineStart, Math.min(from, to - width));
    // Cut at word boundaries so the snippet does not start or end inside a word.
    let s = from, e = to;
    if (s > lineStart) { const sp = this.text.indexOf(' ', s); if (sp >= 0 && sp < o.start) s = sp + 1; }
    if (e < lineEnd) { const sp = this.text.lastIndexOf(' ', e); if (sp >= end) e = sp; }
    const lead = s > lineStart ? '…' : '', tail = e < lineEnd ? '…' : '';
    const body = oneLine(this.text.slice(s, e)).trimEnd();
    const at = lead.length + (o.start - s);
    const leftTrimmed = body.trimStart();
    const cut = body.length - leftTrimmed.length;
    return { text: `${lead}${leftTrimmed}${tail}`, highlight: [Math.max(lead.length, at - cut), Math.min(lead.length + leftTrimmed.length, at - cut + (end - o.start))] };
  }

  counts(): EntityCounts {
    let people = 0, quotes = 0, labels = 0;
    for (const e of this.groups.people.values()) if (e.occurrences.length > 0 || e.quotes.length > 0) people++;
    for (const e of this.groups.quotes.values()) quotes += e.occurrences.length;
    for (const e of this.groups.labels.values()) labels += e.occurrences.length;
    const dates = this.groups.dates.size;
    return { people, dates, quotes, labels, total: people + dates + quotes + labels };
  }

  /**
   * What is under an offset, if it is listed: a name or date, else a quote, else one of the reader's labels, else
   * something the reader rejected.
   */
  locate(offset: number): { category: EntityCategory; key: string; occurrence: Occurrence } | undefined {
    const covers = (i: { start: number; end: number }) => i.start <= offset && offset <= i.end;
    const here = this.view.items.filter(covers);
    const shown = here.find(i => i.type === 'person' || i.type === 'date') ?? here.find(i => i.type === 'quote') ?? here.find(i => i.type === 'label');
    const categories: [EntityCategory, { start: number; end: number } | undefined][] = [
      [shown?.type === 'person' ? 'people' : shown?.type === 'date' ? 'dates' : shown?.type === 'quote' ? 'quotes' : 'labels', shown],
      ['rejected', this.view.rejected.find(covers)],
    ];
    for (const [category, at] of categories) {
      if (!at) continue;
      for (const e of this.groups[category].values()) {
        const occurrence = e.occurrences.find(o => o.start === at.start && o.end === at.end);
        if (occurrence) return { category, key: e.key, occurrence };
      }
    }
    return undefined;
  }
}

/** Local keys of people only the reader knows start so (see ArticlePart.collect). */
const USER_PERSON = 'user:';

/** One object shape for every occurrence (fields the item lacks are undefined): cheap to make, hundreds per article. */
function occurrenceOf(article: string, i: ViewItem): Occurrence {
  return {
    article, type: i.type, start: i.start, end: i.end, text: i.text, fullName: i.fullName, provenance: i.provenance, note: i.note,
    annotationId: i.annotationId, verdict: i.verdict, retypedAs: i.retypedAs, decisionId: i.decisionId, orphaned: i.orphaned,
  };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const byStart = (x: Occurrence, y: Occurrence) => x.start - y.start;
const emptyGroups = (): Record<EntityCategory, Map<string, LocalEntity>> => ({ people: new Map(), dates: new Map(), quotes: new Map(), labels: new Map(), rejected: new Map() });

/** Totals of one entity over all articles, updated as article parts come and go. */
interface Aggregate {
  name: string;
  nameFrom: string;
  mentions: number;
  quotes: number;
  confirmed: number;
  addedIn: number;
  /** Article key → how many occurrences (mentions + quotes) it has there. */
  readonly articles: Map<string, number>;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byName = (x: ArticlePart, y: ArticlePart) => collator.compare(x.name, y.name) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);

export class EntityIndex {
  private readonly parts = new Map<string, ArticlePart>();
  private readonly totals: Record<EntityCategory, Map<string, Aggregate>> = { people: new Map(), dates: new Map(), quotes: new Map(), labels: new Map(), rejected: new Map() };
  private readonly sortedCache = new Map<string, EntitySummary[]>();
  private sortedArticles?: ArticlePart[];
  private orphanCount = 0;
  /** Articles came or went since people were last linked across articles. */
  private linksStale = false;
  /** Bumped on every change; lets adapters skip work when nothing changed. */
  generation = 0;

  /** `linker` decides which people of different articles are one person (identity.ts). */
  constructor(private readonly linker: PeopleLinker = linkPeople) {}

  get size(): number { return this.parts.size; }

  /** Adds or replaces an article. Returns false when the snapshot is the one already indexed. */
  setArticle(snapshot: ArticleSnapshot): boolean {
    const old = this.parts.get(snapshot.key);
    if (old && old.analysis === snapshot.analysis && old.text === snapshot.text && old.name === snapshot.name &&
      (snapshot.view === undefined || old.view === snapshot.view)) return false;
    if (old?.isLinked) this.subtract(old);
    const part = new ArticlePart(snapshot);
    this.parts.set(part.key, part);
    // Keep the sorted article list when only the content changed: swap the part in place.
    const at = old && old.name === part.name && this.sortedArticles ? this.sortedArticles.indexOf(old) : -1;
    if (at >= 0) this.sortedArticles![at] = part; else this.sortedArticles = undefined;
    if (old?.isLinked && !this.linksStale && old.peopleSignature === part.peopleSignature) {
      // Same people as before (the usual edit): cross-article links cannot change, so skip linking everything.
      part.link(old.currentLinks);
      this.add(part);
      this.changed(false);
    } else {
      this.changed(true);
    }
    return true;
  }

  removeArticle(key: string): boolean {
    const old = this.parts.get(key);
    if (!old) return false;
    if (old.isLinked) this.subtract(old);
    this.parts.delete(key);
    this.sortedArticles = undefined;
    this.changed(true);
    return true;
  }

  has(key: string): boolean { return this.parts.has(key); }
  keys(): IterableIterator<string> { return this.parts.keys(); }

  article(key: string): ArticlePart | undefined {
    this.link();
    return this.parts.get(key);
  }

  /** Every article, by name. */
  articles(): readonly ArticlePart[] {
    this.link();
    return this.sortedArticles ??= [...this.parts.values()].sort(byName);
  }

  /**
   * Links people across articles (once after any number of changes, before the next read) and lists again only
   * the articles whose people changed identity: the article that changed, and any whose one-word names now
   * resolve differently. Linking reads entity names only, never the text.
   */
  private link(): void {
    if (!this.linksStale) return;
    this.linksStale = false;
    const links = this.linker([...this.parts.values()].map(p => ({ key: p.key, analysis: p.linkable })));
    for (const part of this.parts.values()) {
      const mine = links.get(part.key);
      if (part.isLinkedAs(mine)) continue;
      if (part.isLinked) this.subtract(part);
      part.link(mine);
      this.add(part);
    }
    this.sortedCache.clear();
  }

  /** The entities of a category over all articles, or over one article when `article` is given. */
  entities(category: EntityCategory, sort: SortBy, article?: string): readonly EntitySummary[] {
    this.link();
    if (article !== undefined) {
      const part = this.parts.get(article);
      if (!part) return [];
      const list: EntitySummary[] = [];
      for (const e of part.groups[category].values()) {
        list.push(localSummary(category, e));
      }
      return sortSummaries(list, category, sort);
    }
    const cacheKey = `${category}:${sort}`;
    let list = this.sortedCache.get(cacheKey);
    if (!list) {
      list = [];
      for (const [key, t] of this.totals[category]) list.push(summaryOf(category, key, t));
      this.sortedCache.set(cacheKey, list = sortSummaries(list, category, sort));
    }
    return list;
  }

  entity(category: EntityCategory, key: string, article?: string): EntitySummary | undefined {
    this.link();
    if (article !== undefined) {
      const e = this.parts.get(article)?.groups[category].get(key);
      return e && localSummary(category, e);
    }
    const t = this.totals[category].get(key);
    return t && summaryOf(category, key, t);
  }

  /** The articles an entity appears in (mentions or, for people, quotes), by name. */
  articlesOf(category: EntityCategory, key: string): ArticlePart[] {
    this.link();
    const t = this.totals[category].get(key);
    if (!t) return [];
    const all = this.articles();
    // An entity found in many articles: filter the sorted list rather than sort again.
    if (t.articles.size * 8 > all.length) return all.filter(p => t.articles.has(p.key));
    return [...t.articles.keys()].map(k => this.parts.get(k)!).sort(byName);
  }

  /** An entity's occurrences in one article, in text order. */
  occurrences(category: EntityCategory, key: string, article: string): readonly Occurrence[] {
    this.link();
    return this.parts.get(article)?.groups[category].get(key)?.occurrences ?? [];
  }

  /** The quotes a person said: in one article, or in all (articles by name, then text order). */
  quotesOf(personKey: string, article?: string): Occurrence[] {
    this.link();
    if (article !== undefined) return this.parts.get(article)?.groups.people.get(personKey)?.quotes ?? [];
    return this.articlesOf('people', personKey).flatMap(p => p.groups.people.get(personKey)?.quotes ?? []);
  }

  /** Orphaned annotations: in one article, or in all (articles by name). */
  orphans(article?: string): Occurrence[] {
    this.link();
    if (article !== undefined) return this.parts.get(article)?.orphans ?? [];
    return this.orphanCount === 0 ? [] : this.articles().flatMap(p => p.orphans);
  }

  private add(part: ArticlePart): void {
    for (const category of ENTITY_CATEGORIES) {
      const totals = this.totals[category];
      for (const e of part.groups[category].values()) {
        let t = totals.get(e.key);
        if (!t) totals.set(e.key, t = { name: e.name, nameFrom: part.key, mentions: 0, quotes: 0, confirmed: 0, addedIn: 0, articles: new Map() });
        t.mentions += e.occurrences.length;
        if (part.reviewed) { t.confirmed += confirmedIn(e); t.addedIn += addedIn(e); }
        t.quotes += e.quotes.length;
        t.articles.set(part.key, e.occurrences.length + e.quotes.length);
      }
    }
    this.orphanCount += part.orphans.length;
  }

  private subtract(part: ArticlePart): void {
    for (const category of ENTITY_CATEGORIES) {
      const totals = this.totals[category];
      for (const e of part.groups[category].values()) {
        const t = totals.get(e.key);
        if (!t) continue;
        t.mentions -= e.occurrences.length;
        if (part.reviewed) { t.confirmed -= confirmedIn(e); t.addedIn -= addedIn(e); }
        t.quotes -= e.quotes.length;
        t.articles.delete(part.key);
        if (t.articles.size === 0) { totals.delete(e.key); continue; }
        if (t.nameFrom === part.key) { // the name came from the article leaving: take it from one that stays
          const other = t.articles.keys().next().value!;
          t.nameFrom = other;
          t.name = this.parts.get(other)?.groups[category].get(e.key)?.name ?? t.name;
        }
      }
    }
    this.orphanCount -= part.orphans.length;
  }

  private changed(relink: boolean): void {
    if (relink) this.linksStale = true;
    this.sortedCache.clear();
    this.generation++;
  }
}

const confirmedIn = (e: LocalEntity) => e.occurrences.reduce((n, o) => n + (o.provenance === 'confirmed' ? 1 : 0), 0);
const addedIn = (e: LocalEntity) => (e.occurrences.some(o => o.provenance === 'user') ? 1 : 0);

function localSummary(category: EntityCategory, e: LocalEntity): EntitySummary {
  return { category, key: e.key, name: e.name, mentions: e.occurrences.length, articles: 1, quotes: e.quotes.length, confirmed: confirmedIn(e), addedIn: addedIn(e) };
}

function summaryOf(category: EntityCategory, key: string, t: Aggregate): EntitySummary {
  return { category, key, name: t.name, mentions: t.mentions, articles: t.articles.size, quotes: t.quotes, confirmed: t.confirmed, addedIn: t.addedIn };
}

function sortSummaries(list: EntitySummary[], category: EntityCategory, sort: SortBy): EntitySummary[] {
  // Dates "by name" are in calendar order: resolved values (ISO strings sort chronologically) before unresolved ones.
  const byName = category === 'dates'
    ? (x: EntitySummary, y: EntitySummary) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)
    : (x: EntitySummary, y: EntitySummary) => collator.compare(x.name, y.name) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  const weight = (e: EntitySummary) => e.mentions + e.quotes;
  const termsLast = (x: EntitySummary, y: EntitySummary) => Number(x.key === TERMS_KEY) - Number(y.key === TERMS_KEY);
  return list.sort((x, y) => termsLast(x, y) || (sort === 'mentions' ? weight(y) - weight(x) || byName(x, y) : byName(x, y)));
}
