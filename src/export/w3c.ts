// W3C Web Annotation Data Model (www.w3.org/TR/annotation-model/) in JSON-LD: one Annotation per item of an article's
// merged view, gathered in one AnnotationCollection for the export (or one Annotation per line).
//   target  a SpecificResource: source = the article's file URI; selectors = a TextQuoteSelector (exact, prefix,
//           suffix) and a TextPositionSelector in Unicode code points of the text (an orphan has the quote only: its
//           position is unknown)
//   body    TextualBody values: purpose `tagging` the type or the reader's label, `identifying` the person (a person
//           mention's canonical name, a quote's speaker), `describing` a date's calendar value, `classifying` a
//           quote's kind, `commenting` the reader's note
//   motivation  classifying (the analyzer's finding), assessing (confirmed by the reader), tagging (the reader's own)
// Provenance and the orphaned flag are terms of our own, defined in a second @context entry, so JSON-LD tools keep them.
import { prefixBefore, suffixAfter } from '../annotations/anchors';
import { hashText } from '../annotations';
import type { ViewItem } from '../entities/readerView';
import { typeName, type ExportArticle } from './article';
import { OffsetMap } from './offsets';

const NS = 'https://github.com/news-annotator/news-annotator#';
export const W3C_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { na: NS, provenance: 'na:provenance', orphaned: 'na:orphaned' }] as const;
const GENERATOR = { id: 'https://github.com/news-annotator/news-annotator', type: 'Software', name: 'News Annotator' } as const;
const MOTIVATION: Record<string, string> = { detected: 'classifying', confirmed: 'assessing', user: 'tagging' };

export interface TextualBody { type: 'TextualBody'; purpose: string; value: string }
/** An annotation as it sits in a collection (which carries the @context); alone, it carries the @context itself. */
export interface WebAnnotation {
  '@context'?: typeof W3C_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: string;
  created?: string;
  generator: typeof GENERATOR;
  provenance: string;
  orphaned?: true;
  body: TextualBody[];
  target: { type: 'SpecificResource'; source: string; selector: Record<string, string | number>[] };
}

const urn = (kind: string, key: string) => `urn:news-annotator:${kind}:${hashText(key).slice('sha256:'.length, 'sha256:'.length + 32)}`;
const body = (purpose: string, value: string): TextualBody => ({ type: 'TextualBody', purpose, value });

function annotationOf(article: ExportArticle, item: ViewItem, offsets: OffsetMap): WebAnnotation {
  const bodies = [body('tagging', typeName(item))];
  if (item.type === 'person' && item.person) bodies.push(body('identifying', item.person));
  if (item.type === 'date' && item.value) bodies.push(body('describing', item.value));
  if (item.type === 'quote') {
    bodies.push(body('classifying', item.kind ?? 'quotation'));
    if (item.speaker) bodies.push(body('identifying', item.speaker));
  }
  if (item.note) bodies.push(body('commenting', item.note));
  const quote: Record<string, string> = { type: 'TextQuoteSelector', exact: item.text };
  if (!item.orphaned) {
    const prefix = prefixBefore(article.text, item.start), suffix = suffixAfter(article.text, item.end);
    if (prefix) quote.prefix = prefix;
    if (suffix) quote.suffix = suffix;
  }
  const selector: Record<string, string | number>[] = [quote];
  if (!item.orphaned) selector.push({ type: 'TextPositionSelector', start: offsets.toCharacters(item.start), end: offsets.toCharacters(item.end) });
  return {
    id: urn('annotation', [article.uri, typeName(item), item.start, item.end, item.sidecarId ?? '', item.orphaned ? item.text : ''].join('\u0000')),
    type: 'Annotation',
    motivation: MOTIVATION[item.provenance] ?? 'tagging',
    ...(item.created ? { created: item.created } : {}),
    generator: GENERATOR,
    provenance: item.provenance,
    ...(item.orphaned ? { orphaned: true as const } : {}),
    body: bodies,
    target: { type: 'SpecificResource', source: article.uri, selector },
  };
}

/** The annotations of one article, in text order, orphans last (without @context: see w3cCollection, w3cLine). */
export function w3cAnnotations(article: ExportArticle): WebAnnotation[] {
  const offsets = new OffsetMap(article.text);
  return [...article.view.items, ...article.view.orphans].map(item => annotationOf(article, item, offsets));
}

/** One AnnotationCollection holding every annotation in one embedded page (ids derived from the content). */
export function w3cCollection(annotations: readonly WebAnnotation[]) {
  const id = urn('collection', annotations.map(a => a.id).join('\n'));
  return {
    '@context': W3C_CONTEXT, id, type: 'AnnotationCollection', label: 'Annotations exported by News Annotator', total: annotations.length,
    ...(annotations.length ? { first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items: annotations } } : {}),
  };
}

/** One annotation on its own line (JSON Lines), with its @context. */
export function w3cLine(annotation: WebAnnotation): string {
  return JSON.stringify({ '@context': W3C_CONTEXT, ...annotation });
}
