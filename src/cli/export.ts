// news-annotate export: the merged view of each article (the analyzer's findings after the reader's decisions, plus
// the reader's annotations) in brat, W3C Web Annotation, CSV or JSONL. This module walks the inputs, reads the files
// and writes the outputs; what goes into them is src/export's.
//   news-annotate export --format brat|w3c|csv|jsonl [--out DIR] [--force] [--quotes] [--jsonl] PATH…
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { MAX_SIDECAR_BYTES, readSidecar, SidecarError, sidecarPathFor, sidecarStateFor, type SidecarState } from '../annotations';
import {
  EXPORT_FORMATS, exportOutputs, exportReports, loadArticle, stemOf, type ExportArticle, type ExportFormat, type ExportOutput,
} from '../export';
import type { CliIo } from '../cli';
import { isCalendarDate } from './options';
import { MAX_INPUT_BYTES } from './inputs';
import { fileIdentity, isOtherFile, readRegularFile, UnreadableFileError, writeFileAtomically } from '../io';

export const EXPORT_USAGE = `  news-annotate export --format brat|w3c|csv|jsonl [--out DIR] PATH...
                                             export each article (PATH: a .txt file, or a folder searched for *.txt)
                                             with its annotations; brat writes story.ann beside each article (or in
                                             --out with a copy of the text), the others print to stdout (or write
                                             one file into --out)
    --force                                  overwrite files the export would change
    --quotes                                 csv: the quote sheet (article, publication date, speaker, quote, offsets)
    --jsonl                                  w3c: one Annotation per line instead of an AnnotationCollection`;

interface ExportOptions {
  format: ExportFormat; out?: string; force: boolean; quotes: boolean; lines: boolean; referenceDate?: string; inputs: string[];
}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;
const COMMON_OPTIONS: OptionSpec = { format: { type: 'string' }, 'reference-date': { type: 'string' } };

/** Options and inputs of a subcommand (node's parseArgs: unknown options are errors), or the usage error. */
export function parseOptions(argv: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined>; inputs: string[] } | string {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    return (e as Error).message.split('. ')[0];
  }
  const date = parsed.values['reference-date'];
  if (date !== undefined && !isCalendarDate(String(date))) return `--reference-date takes a calendar day as YYYY-MM-DD, not "${String(date)}"`;
  return { values: parsed.values, inputs: parsed.positionals };
}

/** A subcommand's frame: a usage error prints the usage (exit 2); failures are counted (exit 1), warnings are not. */
export async function runSubcommand<O>(argv: string[], io: CliIo, usage: string, parse: (argv: string[]) => O | string,
  body: (o: O, fail: (msg: string) => void, warn: (msg: string) => void) => Promise<void>): Promise<number> {
  const o = parse(argv);
  if (typeof o === 'string') {
    io.err(`news-annotate: ${o}\n${usage}\n`);
    return 2;
  }
  let failures = 0;
  await body(o, msg => { failures++; io.err(`news-annotate: ${msg}\n`); }, msg => io.err(`news-annotate: warning: ${msg}\n`));
  return failures > 0 ? 1 : 0;
}

function parseExportArgs(argv: string[]): ExportOptions | string {
  const p = parseOptions(argv, { out: { type: 'string' }, force: { type: 'boolean' }, quotes: { type: 'boolean' }, jsonl: { type: 'boolean' } });
  if (typeof p === 'string') return p;
  const v = p.values;
  const format = v.format as string | undefined;
  if (!format) return `export needs --format (${EXPORT_FORMATS.join(', ')})`;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return `unknown format "${format}" (${EXPORT_FORMATS.join(', ')})`;
  if (v.quotes && format !== 'csv') return '--quotes is for --format csv';
  if (v.jsonl && format !== 'w3c') return '--jsonl is for --format w3c';
  if (p.inputs.length === 0) return 'no articles given (a .txt file or a folder)';
  return {
    format: format as ExportFormat, out: v.out as string | undefined, force: Boolean(v.force), quotes: Boolean(v.quotes),
    lines: Boolean(v.jsonl), referenceDate: v['reference-date'] as string | undefined, inputs: p.inputs,
  };
}

export interface FoundArticle { readonly file: string; readonly name: string }

/**
 * Every article under the inputs: a file as given, a folder's *.txt files (not in hidden folders, node_modules or
 * `skip`, the export's own target folder, whose text copies are not articles, however either is named).
 */
export function findArticles(inputs: readonly string[], fail: (msg: string) => void, skip?: string): FoundArticle[] {
  const skipped = skip === undefined ? undefined : fileIdentity(skip);
  const found: FoundArticle[] = [];
  const walk = (dir: string, root: string) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { fail(`${dir}: cannot list (${(e as Error).message})`); return; }
    for (const e of entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (!e.name.startsWith('.') && e.name !== 'node_modules' && (skipped === undefined || fileIdentity(p) !== skipped)) walk(p, root); continue; }
      if (!e.name.toLowerCase().endsWith('.txt')) continue;
      // A symbolic link counts when it leads to a regular file; a FIFO or device would block the read.
      if (e.isFile() || (e.isSymbolicLink() && statOf(p)?.isFile())) found.push({ file: p, name: path.relative(root, p).split(path.sep).join('/') });
    }
  };
  for (const input of inputs) {
    const st = statOf(input);
    if (!st) fail(`${input}: ${fs.lstatSync(input, { throwIfNoEntry: false })?.isSymbolicLink() ? 'a symbolic link that leads nowhere (or to a loop)' : 'no such file or folder'}`);
    else if (st.isDirectory()) {
      const before = found.length;
      walk(input, input);
      if (found.length === before) fail(`${input}: no articles (*.txt) in this folder`);
    } else if (st.isFile()) found.push({ file: input, name: path.basename(input) });
    else fail(`${input}: not a regular file or folder`);
  }
  return found;
}

function statOf(p: string): fs.Stats | undefined {
  try { return fs.statSync(p); } catch { return undefined; }
}

/** The bytes of the regular file `file` (as extract reads its inputs: bounded, never a FIFO or device), or undefined after reporting why not. */
export async function readBytes(file: string, fail: (msg: string) => void): Promise<Uint8Array | undefined> {
  try {
    const bytes = await readRegularFile(file, MAX_INPUT_BYTES);
    if (bytes === undefined) fail(`${file}: no such file`);
    return bytes;
  } catch (e) {
    fail(`${file} ${e instanceof UnreadableFileError ? e.message : `cannot be read (${(e as Error).message})`}`);
    return undefined;
  }
}

/**
 * The sidecar of the article `textFile` as that article may use it: its bytes (undefined when there is none) and its
 * state, unreadable when it is too large, not a file, malformed, or another article's (sidecarStateFor: `a.TXT`
 * beside `a.txt`). Import and export both read it here, so both refuse what the editor refuses.
 */
export async function readSidecarOf(textFile: string): Promise<{ bytes?: Uint8Array; state: SidecarState }> {
  const sidecar = sidecarPathFor(textFile);
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readRegularFile(sidecar, MAX_SIDECAR_BYTES);
  } catch (e) {
    const message = e instanceof UnreadableFileError ? e.message : `cannot be read (${(e as Error).message})`;
    return { state: { readable: false, exists: true, error: new SidecarError(sidecar, [{ message: `${message}; it was not read` }]) } };
  }
  const state = await sidecarStateFor(readSidecar(bytes, sidecar, path.basename(textFile)), sidecar, textFile, other => isOtherFile(textFile, other));
  return { bytes, state };
}

/** Written as every file of ours is (src/io: a flushed temporary file renamed over it), its folder made first. */
export async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await writeFileAtomically(file, typeof content === 'string' ? new TextEncoder().encode(content) : content);
}

/** The deepest folder holding all the given folders. */
function commonFolder(dirs: readonly string[]): string {
  const split = dirs.map(d => path.resolve(d).split(path.sep));
  const first = split[0] ?? [path.resolve('.')];
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && i < parts.length && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(path.sep) || path.sep;
}

export function exportCommand(argv: string[], io: CliIo): Promise<number> {
  return runSubcommand(argv, io, EXPORT_USAGE, parseExportArgs, (o, fail, warn) => exportArticles(o, io, fail, warn));
}

async function exportArticles(o: ExportOptions, io: CliIo, fail: (msg: string) => void, warn: (msg: string) => void): Promise<void> {
  const out = o.out === undefined ? undefined : statOf(o.out);
  if (out && !out.isDirectory()) { fail(`--out ${o.out}: is not a folder; nothing was exported`); return; }
  const files = new Map<string, string>(); // article name → its file
  const byOutputName = new Map<string, string>(); // what an article's outputs are named after (folder and stem) → its file
  const identities = new Map<string, string>(); // file identity of each article → its file
  const articles: ExportArticle[] = [];
  for (const { file, name } of findArticles(o.inputs, fail, o.out)) {
    const real = path.resolve(file);
    const identity = fileIdentity(file) ?? real;
    if (identities.has(identity)) continue; // the same file named twice (a link, a folder given twice)
    if (files.has(name)) { fail(`${file}: another article is exported as ${name} already (${files.get(name)}); give their folders instead`); continue; }
    // "a.txt" and "a.TXT": both would be exported as a.ann (and the text copy a.txt), one over the other.
    const outputName = `${path.posix.dirname(name)}/${stemOf(name)}`;
    const sameOutputs = byOutputName.get(outputName);
    if (sameOutputs !== undefined) { fail(`${file}: its export would take the names of ${sameOutputs}'s (${stemOf(name)}.ann…); not exported: rename one of them`); continue; }
    const bytes = await readBytes(file, fail);
    if (!bytes) continue;
    const sidecar = await readSidecarOf(file);
    if (!sidecar.state.readable) { fail(`${sidecar.state.error.message} — ${file} not exported`); continue; }
    const loaded = loadArticle({ name, uri: pathToFileURL(real).href, displayPath: file, bytes, sidecar: sidecar.bytes, sidecarName: sidecarPathFor(file) }, { referenceDate: o.referenceDate });
    if (!loaded.ok) { fail(loaded.error); continue; }
    files.set(name, file);
    byOutputName.set(outputName, file);
    identities.set(identity, file);
    articles.push(loaded.article);
  }
  if (articles.length === 0) return;
  for (const report of exportReports(articles)) warn(report);

  const articleFile = (a: ExportArticle) => path.resolve(files.get(a.name)!);
  // An article's files go into its folder under --out, or beside it; the export's own file into --out, or (brat's
  // annotation.conf) the folder holding all the articles, or to stdout.
  const articleTarget = (a: ExportArticle, fileName: string) =>
    path.resolve(o.out ? path.join(o.out, path.dirname(a.name)) : path.dirname(articleFile(a)), fileName);
  const target = (out: ExportOutput): string | undefined => {
    if (out.of === 'article') return articleTarget(out.article, out.fileName);
    if (o.out) return path.join(o.out, out.fileName);
    return o.format === 'brat' ? path.join(commonFolder(articles.map(a => path.dirname(articleFile(a)))), out.fileName) : undefined;
  };
  const outputs = exportOutputs(articles, {
    format: o.format, quotes: o.quotes, lines: o.lines,
    // The text is copied beside the .ann in --out, unless that copy would be the article itself (--out being the
    // article's folder, by its name or through a link).
    copyText: a => o.out !== undefined && fileIdentity(articleTarget(a, `${stemOf(a.name)}.txt`)) !== (fileIdentity(articleFile(a)) ?? articleFile(a)),
  });
  let written = 0, unchanged = 0;
  for (const out of outputs) {
    const file = target(out);
    if (file === undefined) { io.out(out.content); continue; }
    const article = identities.get(fileIdentity(file) ?? file);
    if (article !== undefined) { fail(`${file}: is the article ${article} itself; not overwritten`); continue; }
    try {
      const existing = statOf(file)?.isFile() ? fs.readFileSync(file, 'utf8') : undefined;
      if (existing === out.content) { unchanged++; continue; }
      if (existing !== undefined && !o.force) { fail(`${file}: exists and differs from this export; not overwritten (--force overwrites it)`); continue; }
      if (existing === undefined && statOf(file)) { fail(`${file}: exists and is not a regular file; not overwritten`); continue; }
      await writeAtomically(file, out.content);
      written++;
    } catch (e) {
      fail(`${file}: cannot write (${(e as Error).message})`);
    }
  }
  if (written + unchanged > 0) io.err(`news-annotate: ${articles.length} article${articles.length === 1 ? '' : 's'} exported (${o.format}): ${written} file${written === 1 ? '' : 's'} written${unchanged ? `, ${unchanged} already up to date` : ''}\n`);
}
