// news-annotate import --format brat story.ann…: brat standoff into the sidecar of the article beside it (story.txt
// → story.annotations.yaml), merged with what the sidecar holds; a sidecar that cannot be read is left as it is.
import fs from 'node:fs';
import path from 'node:path';
import {
  planSidecarWrite, prepareForSave, randomId, reanchorDocument, sidecarPathFor,
} from '../annotations';
import { decodeArticle } from '../analysis/input';
import { CONF_FILE, importBrat, labelsOfConfig, parseBrat } from '../export';
import type { CliIo } from '../cli';
import { parseOptions, readBytes, readSidecarOf, runSubcommand, writeAtomically } from './export';

export const IMPORT_USAGE = `  news-annotate import --format brat FILE.ann...
                                             read brat standoff into the sidecar of the article beside it
                                             (story.ann → story.txt's story.annotations.yaml), merged with what the
                                             sidecar holds
    --keep-omitted                           do not record the analyzer's findings that a .ann of News Annotator
                                             leaves out as rejected`;

interface ImportOptions { keepOmitted: boolean; referenceDate?: string; inputs: string[] }

function parseImportArgs(argv: string[]): ImportOptions | string {
  const p = parseOptions(argv, { 'keep-omitted': { type: 'boolean' } });
  if (typeof p === 'string') return p;
  const format = p.values.format as string | undefined;
  if (format !== 'brat') return format ? `unknown import format "${format}" (brat)` : 'import needs --format brat';
  if (p.inputs.length === 0) return 'no .ann files given';
  return { keepOmitted: Boolean(p.values['keep-omitted']), referenceDate: p.values['reference-date'] as string | undefined, inputs: p.inputs };
}

/** annotation.conf as brat finds it: in the .ann's folder or the nearest folder above. */
function findConfig(annFile: string): string | undefined {
  for (let dir = path.dirname(path.resolve(annFile)); ; dir = path.dirname(dir)) {
    const conf = path.join(dir, CONF_FILE);
    try { if (fs.statSync(conf).isFile()) return fs.readFileSync(conf, 'utf8'); } catch { /* not here */ }
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function importCommand(argv: string[], io: CliIo): Promise<number> {
  return runSubcommand(argv, io, IMPORT_USAGE, parseImportArgs, async (o, fail, warn) => {
    for (const annFile of o.inputs) await importOne(annFile, o, io, fail, warn);
  });
}

async function importOne(annFile: string, o: ImportOptions, io: CliIo, fail: (msg: string) => void, warn: (msg: string) => void): Promise<void> {
  const annBytes = await readBytes(annFile, fail);
  if (!annBytes) return;
  const ann = decodeArticle(annBytes);
  if (!ann.ok) { fail(`${annFile}: ${ann.reason}`); return; }
  const textFile = annFile.replace(/\.ann$/i, '') + '.txt';
  const textBytes = await readBytes(textFile, m => fail(`${m} (brat keeps the text beside the .ann, with the same name)`));
  if (!textBytes) return;
  const decoded = decodeArticle(textBytes);
  if (!decoded.ok) { fail(`${textFile}: ${decoded.reason}`); return; }
  const sidecarFile = sidecarPathFor(textFile);
  const { state } = await readSidecarOf(textFile);
  if (!state.readable) { fail(`${state.error.message} — ${annFile} not imported; the file is left as it is`); return; }
  const existing = state.document ? reanchorDocument(state.document, decoded.text).document : undefined;
  const conf = findConfig(annFile);
  const result = importBrat(parseBrat(ann.text), decoded.text, {
    articleName: path.basename(textFile), bom: textBytes[0] === 0xef && textBytes[1] === 0xbb && textBytes[2] === 0xbf,
    labels: conf ? labelsOfConfig(conf) : new Map(), existing, referenceDate: o.referenceDate, keepOmitted: o.keepOmitted,
    services: { newId: randomId, now: () => new Date() },
  });
  for (const p of result.problems) fail(`${annFile}:${p.line}: ${p.message}; this line was not imported`);
  if (result.rejectionsSkipped) warn(`${annFile}: because of the lines above, the analyzer's findings it leaves out were not recorded as rejected`);
  if (result.ignored) warn(`${annFile}: ${result.ignored} event, normalization or equivalence line${result.ignored === 1 ? '' : 's'} not imported (News Annotator has nothing for them)`);
  const doc = prepareForSave(result.document, decoded.text, path.basename(textFile));
  const plan = planSidecarWrite(state, doc);
  try {
    if (plan.action === 'write') await writeAtomically(sidecarFile, plan.bytes);
    // Only a write: an import adds, it never deletes a sidecar (not even an empty one).
  } catch (e) {
    fail(`${sidecarFile}: cannot write (${(e as Error).message})`);
    return;
  }
  const rejected = result.rejected ? `, ${result.rejected} rejected (detected, but not in the .ann)` : '';
  io.err(`news-annotate: ${annFile} → ${sidecarFile}: ${result.annotations} annotation${result.annotations === 1 ? '' : 's'}, ${result.confirmed} confirmed${rejected}${plan.action !== 'none' ? '' : state.exists ? ' (already there)' : ' (nothing to write)'}\n`);
}
