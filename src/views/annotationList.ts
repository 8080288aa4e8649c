// What the Annotations view lists: every annotation of the reader's across the workspace, grouped by label (the
// reader's own labels, then Person, Date and Quote for the built-in kinds), each with its text, its article and the
// first words of its note. Pure TypeScript (no vscode).
import type { Annotation } from '../annotations/model';

/** One article's annotations as the list receives them. */
export interface AnnotatedArticle {
  /** The article's document URI as a string. */
  readonly article: string;
  /** What the reader sees (the workspace-relative path). */
  readonly name: string;
  readonly annotations: readonly Annotation[];
}

export interface ListedAnnotation {
  readonly article: string;
  readonly name: string;
  readonly annotation: Annotation;
}

export interface AnnotationGroup {
  /** The reader's label, or "Person", "Date", "Quote". */
  readonly label: string;
  /** True for a label of the reader's own. */
  readonly own: boolean;
  readonly annotations: readonly ListedAnnotation[];
}

const KIND_GROUPS: Record<string, string> = { person: 'Person', date: 'Date', quote: 'Quote' };
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The groups, labels of the reader's own first (by name), then the built-in kinds; each group by article, then place. */
export function annotationGroups(articles: readonly AnnotatedArticle[]): AnnotationGroup[] {
  const groups = new Map<string, { label: string; own: boolean; annotations: ListedAnnotation[] }>();
  for (const a of articles) {
    for (const annotation of a.annotations) {
      const own = annotation.kind === 'label';
      const label = own ? annotation.label ?? 'Label' : KIND_GROUPS[annotation.kind];
      const key = `${own ? 'l' : 'k'}:${label}`;
      let g = groups.get(key);
      if (!g) groups.set(key, g = { label, own, annotations: [] });
      g.annotations.push({ article: a.article, name: a.name, annotation });
    }
  }
  const byPlace = (x: ListedAnnotation, y: ListedAnnotation) => collator.compare(x.name, y.name) || x.annotation.anchor.start - y.annotation.anchor.start;
  const kindOrder = Object.values(KIND_GROUPS);
  return [...groups.values()]
    .map(g => ({ ...g, annotations: g.annotations.sort(byPlace) }))
    .sort((x, y) => (x.own === y.own ? (x.own ? collator.compare(x.label, y.label) : kindOrder.indexOf(x.label) - kindOrder.indexOf(y.label)) : x.own ? -1 : 1));
}
