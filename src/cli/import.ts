// news-annotate import --format brat story.ann…: brat standoff into the sidecar of the article beside it (story.txt
// → story.annotations.yaml), merged with what the sidecar holds; a sidecar that cannot be read is left as it is.
import fs from 'node:fs';
import path from 'node:path';
import {
  planSidecarWrite, prepareForSave, randomId, readSidecar, reanchorDocument, sidecarPathFor,
} from '../annotations';
import { decodeArticle } from '../analysis/input';
import { CONF_FILE, importBrat, labelsOfConfig, parseBrat } from '../export';
import type { CliIo } from '../cli';
import { parseCommonOption, readBytes, readSidecarBytes, writeAtomically } from './export';

export const IMPORT_USAGE = `  news-annotate import --format brat FILE.ann...
                                             read brat standoff into the sidecar of the article beside it
                                             (story.ann → story.txt's story.annotations.yaml), merged with what the
                                             sidecar holds
    --keep-omitted                           do not record the analyzer's findings that a .ann of News Annotator
                                             leaves out as rejected`;

interface ImportOptions { keepOmitted: boolean; referenceDate?: string; inputs: string[] }

function parseImportArgs(argv: string[]): ImportOptions | string {
  let format: string | undefined;
  const o: ImportOptions = { keepOmitted: false, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const common = parseCommonOption(argv, i, (k, v) => { o[k] = v; });
    if (typeof common === 'string') return common;
    if (common) { i = common.next; continue; }
    if (a === '--format') format = argv[++i];
    else if (a === '--keep-omitted') o.keepOmitted = true;
    else if (a.startsWith('--')) return `unknown option "${a}"`;
    else o.inputs.push(a);
  }
  if (format !== 'brat') return format ? `unknown import format "${format}" (brat)` : 'import needs --format brat';
  if (o.inputs.length === 0) return 'no .ann files given';
  return o;
}

/** annotation.conf as brat finds it: in the .ann's folder or the nearest folder above. */
function findConfig(annFile: string): string | undefined {
  for (let dir = path.dirname(path.resolve(annFile)); ; dir = path.dirname(dir)) {
    const conf = path.join(dir, CONF_FILE);
    try { if (fs.statSync(conf).isFile()) return fs.readFileSync(conf, 'utf8'); } catch { /* not here */ }
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function importCommand(argv: string[], io: CliIo): number {
  const o = parseImportArgs(argv);
  if (typeof o === 'string') {
    io.err(`news-annotate: ${o}\n${IMPORT_USAGE}\n`);
    return 2;
  }
  let failures = 0;
  const fail = (msg: string) => { failures++; io.err(`news-annotate: ${msg}\n`); };
  for (const annFile of o.inputs) {
    const annBytes = readBytes(annFile, fail);
    if (!annBytes) continue;
    const ann = decodeArticle(annBytes);
    if (!ann.ok) { fail(`${annFile}: ${ann.reason}`); continue; }
    const textFile = annFile.replace(/\.ann$/i, '') + '.txt';
    const textBytes = readBytes(textFile, m => fail(`${m} (brat keeps the text beside the .ann, with the same name)`));
    if (!textBytes) continue;
    const decoded = decodeArticle(textBytes);
    if (!decoded.ok) { fail(`${textFile}: ${decoded.reason}`); continue; }
    const sidecarFile = sidecarPathFor(textFile);
    const read = readSidecarBytes(sidecarFile);
    const state = 'error' in read ? { readable: false as const, exists: true as const, error: read.error } : readSidecar(read.bytes, sidecarFile, path.basename(textFile));
    if (!state.readable) { fail(`${state.error.message} — ${annFile} not imported; the file is left as it is`); continue; }
    const existing = state.document ? reanchorDocument(state.document, decoded.text).document : undefined;
    const conf = findConfig(annFile);
    const result = importBrat(parseBrat(ann.text), decoded.text, {
      articleName: path.basename(textFile), bom: textBytes[0] === 0xef && textBytes[1] === 0xbb && textBytes[2] === 0xbf,
      labels: conf ? labelsOfConfig(conf) : new Map(), existing, referenceDate: o.referenceDate, keepOmitted: o.keepOmitted,
      services: { newId: randomId, now: () => new Date() },
    });
    for (const p of result.problems) fail(`${annFile}:${p.line}: ${p.message}; this line was not imported`);
    if (result.ignored) io.err(`news-annotate: warning: ${annFile}: ${result.ignored} event, normalization or equivalence line${result.ignored === 1 ? '' : 's'} not imported (News Annotator has nothing for them)\n`);
    const doc = prepareForSave(result.document, decoded.text, path.basename(textFile));
    const plan = planSidecarWrite(state, doc);
    try {
      if (plan.action === 'write') writeAtomically(sidecarFile, plan.bytes);
      // Only a write: an import adds, it never deletes a sidecar (not even an empty one).
    } catch (e) {
      fail(`${sidecarFile}: cannot write (${(e as Error).message})`);
      continue;
    }
    const rejected = result.rejected ? `, ${result.rejected} rejected (detected, but not in the .ann)` : '';
    io.err(`news-annotate: ${annFile} → ${sidecarFile}: ${result.annotations} annotation${result.annotations === 1 ? '' : 's'}, ${result.confirmed} confirmed${rejected}${plan.action === 'none' ? ' (already there)' : ''}\n`);
  }
  return failures > 0 ? 1 : 0;
}
