// CSV (RFC 4180: CRLF between records, quotes where needed; UTF-8; a header row) of the merged views, written by
// csv-stringify. One row per entity or annotation, or (quote sheet) one row per quotation. Offsets are given twice:
// UTF-16 code units (JavaScript, the sidecar, `extract`) and Unicode code points (Python's str, most other tools), both
// into the text as read (a CR LF counts as two characters, a byte-order mark as none). An orphan has no offsets.
import { stringify } from 'csv-stringify/sync';
import type { ViewItem } from '../entities/readerView';
import type { ExportArticle } from './article';
import { OffsetMap } from './offsets';

export const ENTITY_COLUMNS = [
  'article', 'type', 'label', 'text', 'start_utf16', 'end_utf16', 'start_codepoint', 'end_codepoint', 'entity', 'speaker',
  'speaker_as_written', 'speaker_provenance', 'value', 'kind', 'note', 'provenance', 'orphaned',
] as const;
export const QUOTE_COLUMNS = [
  'article', 'publication_date', 'speaker', 'speaker_as_written', 'quote', 'start_utf16', 'end_utf16', 'start_codepoint',
  'end_codepoint', 'note', 'provenance', 'orphaned',
] as const;

type Row<C extends readonly string[]> = Record<C[number], string>;

function offsetsOf(item: ViewItem, offsets: OffsetMap) {
  if (item.orphaned) return { start_utf16: '', end_utf16: '', start_codepoint: '', end_codepoint: '' };
  return {
    start_utf16: String(item.start), end_utf16: String(item.end),
    start_codepoint: String(offsets.toCharacters(item.start)), end_codepoint: String(offsets.toCharacters(item.end)),
  };
}

const itemsOf = (article: ExportArticle) => [...article.view.items, ...article.view.orphans];

export function entityRows(article: ExportArticle): Row<typeof ENTITY_COLUMNS>[] {
  const offsets = new OffsetMap(article.text);
  return itemsOf(article).map(item => ({
    article: article.name, type: item.type, label: item.label ?? '', text: item.text, ...offsetsOf(item, offsets),
    entity: item.person ?? '', speaker: item.speaker ?? '', speaker_as_written: item.speakerAsWritten ?? '',
    speaker_provenance: item.speakerProvenance ?? '', value: item.value ?? '', kind: item.kind ?? '', note: item.note ?? '',
    provenance: item.provenance, orphaned: item.orphaned ? 'true' : '',
  }));
}

/** The quote sheet: who said what, where (quoted terms are left out: nobody said them). */
export function quoteRows(article: ExportArticle): Row<typeof QUOTE_COLUMNS>[] {
  const offsets = new OffsetMap(article.text);
  return itemsOf(article).filter(i => i.type === 'quote' && i.kind !== 'term').map(item => ({
    article: article.name, publication_date: article.view.publicationDate ?? '', speaker: item.speaker ?? '',
    speaker_as_written: item.speakerAsWritten ?? '', quote: item.text, ...offsetsOf(item, offsets), note: item.note ?? '',
    provenance: item.provenance, orphaned: item.orphaned ? 'true' : '',
  }));
}

export function toCsv<C extends readonly string[]>(columns: C, rows: readonly Row<C>[]): string {
  // A lone LF or CR in a field is a line break too (RFC 4180 quotes those fields); csv-stringify by itself only quotes
  // fields holding the record delimiter, CR LF.
  return stringify(rows as Row<C>[], { header: true, columns: [...columns], record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
