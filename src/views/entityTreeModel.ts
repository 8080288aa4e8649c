// The shape of the Entities tree over an EntityIndex: which nodes exist under which, their stable ids, their labels
// and descriptions, and the path from the root to what is under the cursor. Pure TypeScript (no vscode); the
// TreeDataProvider in entityTree.ts only maps these nodes to TreeItems.
//
// Grouped by type:    People › person › article › occurrence   (+ person › Quotes › quote)
//                     Dates › value › article › occurrence;  Quotes › speaker › article › quote
//                     <label> › article › annotation;        Rejected › entity › article › occurrence
//                     Orphaned annotations › annotation
// Grouped by article: article › People › person › occurrence (+ Quotes) … › <label> › annotation, Rejected, Orphaned › …
// A filter (the view's Filter command) keeps the entities whose name contains it.
import { describeDateValue, plural } from '../entities/describe';
import type { EntityCategory, EntityIndex, EntitySummary, Occurrence, SortBy } from './entityIndex';
import { TERMS_KEY } from '../entities/identity';

export type GroupBy = 'type' | 'article';

export interface ViewOptions {
  readonly groupBy: GroupBy;
  readonly sortBy: SortBy;
  /** Only entities whose name contains this (case and accents ignored); none when empty or absent. */
  readonly filter?: string;
}

export type GroupCategory = Exclude<EntityCategory, 'labels'> | 'orphans';

interface NodeBase {
  /** Stable across refreshes (expansion state and reveal depend on it). */
  readonly id: string;
  readonly parent?: TreeNode;
}

/** People, Dates, Quotes, Orphaned annotations: over all articles, or within one (grouped by article). */
export interface CategoryNode extends NodeBase { readonly kind: 'category'; readonly category: GroupCategory; readonly article?: string }
/** A person, a date value, a speaker or a user label; scoped to one article when grouped by article. */
export interface EntityNode extends NodeBase { readonly kind: 'entity'; readonly category: EntityCategory; readonly key: string; readonly article?: string }
/** An article: top level when grouped by article, else under an entity (its occurrences there). */
export interface ArticleNode extends NodeBase { readonly kind: 'article'; readonly article: string }
/** The quotes a person said (under the person). */
export interface QuotesNode extends NodeBase { readonly kind: 'quotes'; readonly key: string; readonly article?: string }
export interface OccurrenceNode extends NodeBase { readonly kind: 'occurrence'; readonly occurrence: Occurrence }

export type TreeNode = CategoryNode | EntityNode | ArticleNode | QuotesNode | OccurrenceNode;

export interface NodePresentation {
  readonly label: string;
  /** Part of the label to highlight (the mention inside an occurrence's snippet). */
  readonly highlight?: [number, number];
  readonly description?: string;
  readonly tooltip?: string;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  /** A codicon id. */
  readonly icon: string;
  /** For menus (`viewItem == …`). */
  readonly contextValue: string;
  /** Where choosing the node goes. */
  readonly open?: { article: string; start: number; end: number };
  /** Shown dimmed: something the reader rejected, listed so it can be restored. */
  readonly greyed?: boolean;
}

const SEP = '\u001f';
const CATEGORY_LABELS: Record<GroupCategory, string> = { people: 'People', dates: 'Dates', quotes: 'Quotes', rejected: 'Rejected', orphans: 'Orphaned annotations' };
const CATEGORY_ICONS: Record<GroupCategory, string> = { people: 'person', dates: 'calendar', quotes: 'quote', rejected: 'circle-slash', orphans: 'warning' };
const RETYPED_LABELS: Record<string, string> = { organisation: 'an organisation', place: 'a place', other: 'not a person' };
const foldCase = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const TOP_CATEGORIES = ['people', 'dates', 'quotes'] as const;

// One constructor per node kind, used both when listing children and when building a reveal path, so a node has the
// same id whichever way it was reached.
const categoryNode = (category: GroupCategory, parent?: TreeNode, article?: string): CategoryNode =>
  ({ kind: 'category', id: `${parent ? parent.id : 'T'}${SEP}c:${category}`, parent, category, article });
const entityNode = (category: EntityCategory, key: string, parent?: TreeNode, article?: string): EntityNode =>
  ({ kind: 'entity', id: `${parent ? parent.id : 'T'}${SEP}e:${category}:${key}`, parent, category, key, article });
const articleNode = (article: string, parent?: TreeNode): ArticleNode =>
  ({ kind: 'article', id: `${parent ? parent.id : 'A'}${SEP}a:${article}`, parent, article });
const quotesNode = (key: string, parent: TreeNode, article?: string): QuotesNode =>
  ({ kind: 'quotes', id: `${parent.id}${SEP}q`, parent, key, article });
const occurrenceNode = (occurrence: Occurrence, parent: TreeNode): OccurrenceNode =>
  ({ kind: 'occurrence', id: `${parent.id}${SEP}o:${occurrence.article}:${occurrence.start}:${occurrence.end}`, parent, occurrence });

export class EntityTreeModel {
  constructor(private readonly index: EntityIndex, public options: ViewOptions) {}

  children(node?: TreeNode): TreeNode[] {
    const { index } = this, sort = this.options.sortBy;
    if (!node) return this.roots();
    switch (node.kind) {
      case 'category': {
        const category = node.category;
        if (category === 'orphans') return index.orphans(node.article).map(o => occurrenceNode(o, node));
        return this.entities(category, node.article).map(e => entityNode(category, e.key, node, node.article));
      }
      case 'entity': {
        const quotes = node.category === 'people' && index.quotesOf(node.key, node.article).length > 0 ? [quotesNode(node.key, node, node.article)] : [];
        if (node.article !== undefined) return [...index.occurrences(node.category, node.key, node.article).map(o => occurrenceNode(o, node)), ...quotes];
        const articles = index.articlesOf(node.category, node.key)
          .filter(p => index.occurrences(node.category, node.key, p.key).length > 0)
          .map(p => articleNode(p.key, node));
        return [...articles, ...quotes];
      }
      case 'article': {
        if (node.parent?.kind === 'entity') {
          const e = node.parent;
          return index.occurrences(e.category, e.key, node.article).map(o => occurrenceNode(o, node));
        }
        const part = index.article(node.article);
        if (!part) return [];
        const out: TreeNode[] = TOP_CATEGORIES.filter(c => this.entities(c, node.article).length > 0).map(c => categoryNode(c, node, node.article));
        for (const label of this.entities('labels', node.article)) out.push(entityNode('labels', label.key, node, node.article));
        if (this.entities('rejected', node.article).length > 0) out.push(categoryNode('rejected', node, node.article));
        if (part.orphans.length > 0) out.push(categoryNode('orphans', node, node.article));
        return out;
      }
      case 'quotes':
        return index.quotesOf(node.key, node.article).map(o => occurrenceNode(o, node));
      case 'occurrence':
        return [];
    }
  }

  parent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** The entities listed in a category (over all articles, or one), the filter applied. */
  entities(category: EntityCategory, article?: string): readonly EntitySummary[] {
    const all = this.index.entities(category, this.options.sortBy, article);
    const filter = foldCase(this.options.filter?.trim() ?? '');
    return filter === '' ? all : all.filter(e => foldCase(e.name).includes(filter) || (category === 'dates' && foldCase(describeDateValue(e.name)).includes(filter)));
  }

  private roots(): TreeNode[] {
    const { index } = this;
    if (index.size === 0) return []; // the view's welcome content explains what to do
    if (this.options.groupBy === 'article') return index.articles().map(p => articleNode(p.key));
    const out: TreeNode[] = TOP_CATEGORIES.map(c => categoryNode(c));
    for (const label of this.entities('labels')) out.push(entityNode('labels', label.key));
    if (this.entities('rejected').length > 0) out.push(categoryNode('rejected'));
    if (index.orphans().length > 0) out.push(categoryNode('orphans'));
    return out;
  }

  /** The node listing what is at `offset` in an article, with its parents, or undefined if nothing listed is there. */
  nodeAt(article: string, offset: number): OccurrenceNode | undefined {
    const found = this.index.article(article)?.locate(offset);
    if (!found) return undefined;
    const { category, key, occurrence } = found;
    if (this.options.groupBy === 'article') {
      const top = articleNode(article);
      const parent = category === 'labels' ? top : categoryNode(category, top, article);
      return occurrenceNode(occurrence, entityNode(category, key, parent, article));
    }
    const entity = category === 'labels' ? entityNode('labels', key) : entityNode(category, key, categoryNode(category));
    return occurrenceNode(occurrence, articleNode(article, entity));
  }

  present(node: TreeNode): NodePresentation {
    const { index } = this;
    switch (node.kind) {
      case 'category': {
        const label = CATEGORY_LABELS[node.category];
        const count = node.category === 'orphans' ? index.orphans(node.article).length : this.entities(node.category, node.article).length;
        const noun = node.category === 'people' ? ['person', 'people'] : node.category === 'dates' ? ['date', 'dates'] : node.category === 'quotes' ? ['speaker', 'speakers'] : node.category === 'rejected' ? ['entity', 'entities'] : ['annotation', 'annotations'];
        return {
          label, description: count === 0 ? 'none' : plural(count, noun[0], noun[1]),
          tooltip: node.category === 'orphans' ? 'Annotations whose text can no longer be found: open one to fix or remove it.'
            : node.category === 'rejected' ? 'What you rejected or said is not a person: right-click one and choose Clear Decision to restore it.' : undefined,
          collapsible: count === 0 ? 'none' : node.category === 'orphans' ? 'expanded' : 'collapsed',
          icon: CATEGORY_ICONS[node.category], contextValue: `category.${node.category}`,
        };
      }
      case 'entity': {
        const e = index.entity(node.category, node.key, node.article);
        if (!e) return { label: node.key, collapsible: 'none', icon: 'circle-slash', contextValue: 'entity.gone' };
        return this.presentEntity(e, node.article);
      }
      case 'article': {
        const part = index.article(node.article);
        const name = part?.name ?? node.article;
        if (node.parent?.kind === 'entity') {
          const n = index.occurrences(node.parent.category, node.parent.key, node.article).length;
          return { label: name, description: plural(n, node.parent.category === 'quotes' ? 'quote' : node.parent.category === 'labels' ? 'annotation' : 'mention'), collapsible: 'collapsed', icon: 'file', contextValue: 'article' };
        }
        const c = part?.counts();
        const description = c ? [plural(c.people, 'person', 'people'), plural(c.dates, 'date'), plural(c.quotes, 'quote')].join(' · ') : undefined;
        return { label: name, description, tooltip: node.article, collapsible: 'collapsed', icon: 'file', contextValue: 'article' };
      }
      case 'quotes': {
        const n = index.quotesOf(node.key, node.article).length;
        return { label: 'Quotes', description: plural(n, 'quote'), collapsible: 'collapsed', icon: 'quote', contextValue: 'quotes' };
      }
      case 'occurrence':
        return this.presentOccurrence(node);
    }
  }

  /**
   * 'added by you' when, in every article listed, the reader annotated it (its other mentions there are the
   * analyzer's links to what they added); 'confirmed' when the reader confirmed every listed mention.
   */
  private stateOf(e: EntitySummary): string | undefined {
    if (e.mentions === 0) return undefined;
    return e.addedIn === e.articles ? 'added by you' : e.confirmed === e.mentions ? 'confirmed' : undefined;
  }

  private presentEntity(e: EntitySummary, article?: string): NodePresentation {
    const where = article !== undefined ? '' : ` · ${plural(e.articles, 'article')}`;
    switch (e.category) {
      case 'people': {
        const quotes = e.quotes > 0 ? ` · ${plural(e.quotes, 'quote')}` : '';
        const state = this.stateOf(e);
        return {
          label: e.name, description: `${state ? `${state} · ` : ''}${plural(e.mentions, 'mention')}${where}${quotes}`, collapsible: 'collapsed',
          icon: state === 'confirmed' ? 'pass' : 'person', contextValue: state === 'confirmed' ? 'entity.person.confirmed' : 'entity.person',
        };
      }
      case 'dates': {
        const resolved = e.key.startsWith('=');
        const label = resolved ? describeDateValue(e.name) : e.name;
        const state = this.stateOf(e);
        return {
          label, description: `${resolved ? e.name : 'unresolved'}${state ? ` · ${state}` : ''} · ${plural(e.mentions, 'mention')}${where}`,
          collapsible: 'collapsed', icon: state === 'confirmed' ? 'pass' : 'calendar', contextValue: state === 'confirmed' ? 'entity.date.confirmed' : 'entity.date',
        };
      }
      case 'quotes':
        if (e.key === TERMS_KEY) {
          return { label: e.name, description: `${plural(e.mentions, 'term')}${where} · titles, names, scare quotes`, collapsible: 'collapsed', icon: 'symbol-string', contextValue: 'entity.terms' };
        }
        return { label: e.name, description: `${plural(e.mentions, 'quote')}${where}`, collapsible: 'collapsed', icon: e.key.startsWith('source:') || e.key === '?' ? 'organization' : 'person', contextValue: 'entity.speaker' };
      case 'labels':
        return { label: e.name, description: `${plural(e.mentions, 'annotation')}${where}`, collapsible: 'collapsed', icon: 'tag', contextValue: 'entity.label' };
      case 'rejected': {
        const [verdict, retypedAs] = e.key.split(':');
        const what = verdict === 'retyped' ? `not a person: ${RETYPED_LABELS[retypedAs] ?? retypedAs}` : 'rejected';
        return {
          label: e.name, description: `${what} · ${plural(e.mentions, 'mention')}${where}`, tooltip: `${e.name}: ${what} by you. Clear Decision restores the analyzer's view.`,
          collapsible: 'collapsed', icon: 'circle-slash', contextValue: 'entity.rejected', greyed: true,
        };
      }
    }
  }

  private presentOccurrence(node: OccurrenceNode): NodePresentation {
    const o = node.occurrence;
    const part = this.index.article(o.article);
    const snippet = part?.snippet(o) ?? { text: o.text, highlight: [0, o.text.length] as [number, number] };
    const line = part ? part.lineOf(o.start) : 0;
    // Under a person's Quotes and the orphan list, occurrences from several articles are mixed: name the article.
    const mixed = node.parent?.kind === 'quotes' && node.parent.article === undefined || node.parent?.kind === 'category' && node.parent.article === undefined;
    const where = `${mixed && part ? `${part.name}:` : 'line '}${line}`;
    const tooltip = [o.note, o.orphaned ? `Orphaned: "${o.text}" can no longer be found in ${part?.name ?? 'the article'}. Open it to fix or remove the annotation.` : undefined].filter(Boolean).join('\n\n') || undefined;
    const rejected = o.verdict === 'rejected' || o.verdict === 'retyped';
    const state = o.orphaned ? 'orphaned' : o.verdict === 'retyped' ? `not a person: ${RETYPED_LABELS[o.retypedAs ?? 'other']}` : o.verdict === 'rejected' ? 'rejected'
      : o.provenance === 'confirmed' ? 'confirmed' : o.provenance === 'user' && o.type !== 'label' ? 'added by you' : undefined;
    return {
      label: snippet.text, highlight: snippet.highlight, description: state ? `${where} · ${state}` : where, tooltip,
      collapsible: 'none', icon: OCCURRENCE_ICONS[o.orphaned ? 'orphan' : rejected ? 'rejected' : o.type],
      contextValue: o.orphaned ? 'occurrence.orphaned' : rejected ? 'occurrence.rejected'
        : `occurrence.${o.type}${o.type !== 'label' && o.provenance === 'confirmed' ? '.confirmed' : o.type !== 'label' && o.provenance === 'user' ? '.user' : ''}`,
      open: { article: o.article, start: o.start, end: o.end }, ...(rejected ? { greyed: true } : {}),
    };
  }
}

const OCCURRENCE_ICONS: Record<Occurrence['type'] | 'orphan' | 'rejected', string> = {
  person: 'symbol-field', date: 'calendar', quote: 'quote', label: 'tag', orphan: 'warning', rejected: 'circle-slash',
};
