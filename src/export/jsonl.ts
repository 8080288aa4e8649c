// JSON Lines of the merged views, one line per article: `extract`'s entity records (same fields, UTF-16 offsets, so
// ../shared/eval/score.mjs reads them as they are, keyed by "id") after the reader's decisions, plus the reader's
// layer — labels, notes, speakers set by hand, the provenance of each record and its offsets in code points.
import type { ViewItem } from '../entities/readerView';
import type { ExportArticle } from './article';
import { OffsetMap } from './offsets';

export interface JsonlRecord {
  type: ViewItem['type'];
  start?: number;
  end?: number;
  codePointStart?: number;
  codePointEnd?: number;
  text: string;
  entity?: string;
  value?: string;
  relative?: boolean;
  kind?: string;
  speaker?: string;
  speakerEntity?: string;
  speakerProvenance?: string;
  label?: string;
  note?: string;
  provenance: string;
  created?: string;
  orphaned?: true;
}

function recordOf(item: ViewItem, offsets: OffsetMap): JsonlRecord {
  const fields: Record<string, unknown> = {
    type: item.type,
    ...(item.orphaned ? {} : { start: item.start, end: item.end, codePointStart: offsets.toCharacters(item.start), codePointEnd: offsets.toCharacters(item.end) }),
    text: item.text, entity: item.person, value: item.value, relative: item.relative || undefined, kind: item.kind,
    // As `extract` has them: the source as the article names it, and the person it is.
    speaker: item.speakerAsWritten ?? item.speaker, speakerEntity: item.speakerIsPerson ? item.speaker : undefined,
    speakerProvenance: item.speakerProvenance, label: item.label, note: item.note, provenance: item.provenance,
    created: item.created, orphaned: item.orphaned || undefined,
  };
  for (const k of Object.keys(fields)) if (fields[k] === undefined) delete fields[k];
  return fields as unknown as JsonlRecord;
}

/** The article's line (without its line break). */
export function jsonlLine(article: ExportArticle): string {
  const offsets = new OffsetMap(article.text);
  return JSON.stringify({
    id: article.name,
    ...(article.view.publicationDate ? { publicationDate: article.view.publicationDate } : {}),
    entities: article.view.items.map(i => recordOf(i, offsets)),
    orphans: article.view.orphans.map(i => recordOf(i, offsets)),
  });
}
