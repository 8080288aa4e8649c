#!/usr/bin/env node
// Scores the analyzer (dist/cli.js, as it ships) on every labelled file of ../shared/eval and the seed articles,
// each split in two by a hash of the document id:
//   check — FNV-1a(id) % 3 === 0: never read for errors; a change counts only when it holds here too;
//   tune  — the rest: the only documents whose errors may be read (--errors).
// Usage: node test/eval/run.mjs [--errors DIR] [--only NAME,NAME] [--peer compromise|--compare] [--json FILE]
//   --errors DIR   write the tune split's false positives / misses per file to DIR (never the check split's)
//   --peer compromise  score compromise (+ compromise-dates) instead, predictions cached in .eval-cache/
//   --compare      both, in one table: each cell "ours / compromise" (exact-span F1), as the README shows it
// Quotes of kind "term" are left out before scoring: the corpora label quotations only.
// Prints one table: file × split × type with exact-span P / R / F1 (score.mjs), quote speaker accuracy as written
// (score.mjs) and as the resolved person (quotes whose gold speaker names someone: see resolvedSpeakerAccuracy).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCheckDoc, labelledFiles, readJsonl } from './split.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const evalDir = path.resolve(root, '../shared/eval');
const scorer = path.join(evalDir, 'score.mjs');
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const errorsDir = opt('--errors');
const only = opt('--only')?.split(',');
const compare = args.includes('--compare');
let peer = opt('--peer');
const jsonOut = opt('--json');

const FILES = labelledFiles(root).filter(([name]) => !only || only.some((o) => name.includes(o)));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-eval-'));
const cli = path.join(root, 'dist/cli.js');
if (!fs.existsSync(cli)) { console.error('dist/cli.js is missing: run `npm run build` first'); process.exit(2); }

function writeJsonl(file, docs) { fs.writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n'); }

function predict(goldFile, name) {
  const out = path.join(tmp, `${name}.pred.jsonl`);
  if (peer === 'compromise') {
    const cache = path.join(root, '.eval-cache', `${name}.compromise.jsonl`);
    if (!fs.existsSync(cache)) {
      fs.mkdirSync(path.dirname(cache), { recursive: true });
      execFileSync(process.execPath, [path.join(root, 'test/eval/compromise.mjs'), goldFile, cache], { stdio: 'inherit' });
    }
    return cache;
  }
  const r = spawnSync(process.execPath, [cli, 'extract', '--jsonl', goldFile], { maxBuffer: 1 << 30 });
  if (r.status !== 0) { console.error(r.stderr.toString()); throw new Error(`cli failed on ${goldFile}`); }
  // The corpora label quotations only: quoted terms (titles, scare quotes, nicknames; kind "term") are not scored.
  const docs = r.stdout.toString().split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  for (const d of docs) d.entities = d.entities.filter((e) => !(e.type === 'quote' && e.kind === 'term'));
  fs.writeFileSync(out, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return out;
}

/** score.mjs's table as { type: { p, r, f, gold, pred, tp } } plus speaker accuracy. */
function score(goldFile, predFile) {
  const text = execFileSync(process.execPath, [scorer, goldFile, predFile], { maxBuffer: 1 << 28 }).toString();
  const res = {};
  for (const line of text.split('\n')) {
    const m = /^(person|date|quote)\s+exact\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(line);
    if (m) res[m[1]] = { gold: +m[2], pred: +m[3], tp: +m[4], p: +m[5] / 100, r: +m[6] / 100, f: +m[7] / 100 };
    const s = /^quote\s+speaker accuracy.*:\s+([\d.]+|n\/a)\s+\((\d+)\/(\d+)\)/.exec(line);
    if (s && res.quote) res.quote.speaker = s[1] === 'n/a' ? undefined : +s[1] / 100;
  }
  return res;
}

const PRONOUN = /^(he|she|they|it|him|her|them|i|we|you)$/i;
const norm = (s) => String(s ?? '').toLowerCase().normalize('NFKC').replace(/[\u2018\u2019\u201c\u201d"'`.,;:!?()[\]]/g, ' ').replace(/\s+/g, ' ').trim();
/**
 * Accuracy of the resolved person (`speakerEntity`) on quotes whose gold speaker is a capitalised name (not a pronoun
 * or a description), overlap-matched like score.mjs: a name token of the gold speaker in the resolved name.
 */
function resolvedSpeakerAccuracy(golds, preds) {
  let n = 0, ok = 0;
  for (const g of golds) {
    const P = (preds.get(g.id)?.entities ?? []).filter((e) => e.type === 'quote');
    for (const q of g.entities) {
      if (q.type !== 'quote' || !q.speaker || PRONOUN.test(q.speaker.trim()) || !/^\p{Lu}/u.test(q.speaker.trim())) continue;
      if (/^(the|a|an|this|that|these|those|one)\b/i.test(q.speaker.trim())) continue;
      const p = P.find((e) => Math.min(e.end, q.end) - Math.max(e.start, q.start) > 0);
      if (!p) continue;
      n++;
      const want = new Set(norm(q.speaker).split(' ').filter((t) => t.length > 2));
      if (p.speakerEntity && norm(p.speakerEntity).split(' ').some((t) => want.has(t))) ok++;
    }
  }
  return n ? { acc: ok / n, n } : undefined;
}

function errorsOf(golds, preds) {
  const lines = [];
  for (const g of golds) {
    const P = preds.get(g.id)?.entities ?? [];
    for (const type of ['person', 'date', 'quote']) {
      const gs = g.entities.filter((e) => e.type === type), ps = P.filter((e) => e.type === type);
      if (!gs.length) continue;
      const key = (e) => `${e.start}:${e.end}`;
      const gk = new Set(gs.map(key)), pk = new Set(ps.map(key));
      const ctx = (e) => JSON.stringify(g.text.slice(Math.max(0, e.start - 50), e.start) + '[[' + g.text.slice(e.start, e.end) + ']]' + g.text.slice(e.end, e.end + 50));
      for (const e of ps) if (!gk.has(key(e))) lines.push(`FP ${type} ${g.id} ${ctx(e)}${e.reason ? ' ' + e.reason : ''}`);
      for (const e of gs) if (!pk.has(key(e))) lines.push(`FN ${type} ${g.id} ${ctx(e)}`);
    }
  }
  return lines;
}

function scoreAll() {
const rows = [];
for (const [name, file] of FILES) {
  const docs = readJsonl(file);
  const predFile = predict(file, name);
  const preds = new Map(readJsonl(predFile).map((d) => [String(d.id), d]));
  for (const split of ['tune', 'check']) {
    const part = docs.filter((d) => isCheckDoc(d.id) === (split === 'check'));
    if (!part.length) continue;
    const g = path.join(tmp, `${name}.${split}.gold.jsonl`);
    writeJsonl(g, part);
    const row = { file: name, split, docs: part.length, ...score(g, predFile) };
    const resolved = resolvedSpeakerAccuracy(part, preds);
    if (row.quote && resolved) row.quote.resolved = resolved.acc;
    rows.push(row);
    if (errorsDir && split === 'tune') {
      fs.mkdirSync(errorsDir, { recursive: true });
      fs.writeFileSync(path.join(errorsDir, `${name}.txt`), errorsOf(part, preds).join('\n') + '\n');
    }
  }
}
return rows;
}

const rows = scoreAll();
if (compare) {
  peer = 'compromise';
  const peerRows = scoreAll();
  const f1 = (t) => (t ? t.f.toFixed(3) : undefined);
  const both = (a, b) => (a === undefined ? '–' : `${a} / ${b ?? '–'}`);
  console.log('| file | split | docs | person | date | quote | speaker as written | speaker resolved |');
  console.log('|---|---|---|---|---|---|---|---|');
  rows.forEach((r, i) => {
    const c = peerRows[i];
    const spk = (x) => (r.quote && x !== undefined ? x.toFixed(3) : undefined);
    console.log(`| ${r.file} | ${r.split} | ${r.docs} | ${both(f1(r.person), f1(c.person))} | ${both(f1(r.date), f1(c.date))} | ${both(f1(r.quote), f1(c.quote))} | ${both(spk(r.quote?.speaker), 'none')} | ${both(spk(r.quote?.resolved), 'none')} |`);
  });
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
}

const f = (x) => (x === undefined ? '   – ' : x.toFixed(3));
const cell = (t) => (t ? `${f(t.f)} (P ${f(t.p)} R ${f(t.r)}, ${t.gold})` : '–');
console.log('| file | split | docs | person F1 | date F1 | quote F1 | speaker as written | speaker resolved |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.file} | ${r.split} | ${r.docs} | ${cell(r.person)} | ${cell(r.date)} | ${cell(r.quote)} | ${r.quote ? f(r.quote.speaker) : '–'} | ${r.quote ? f(r.quote.resolved) : '–'} |`);
}
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(rows, null, 1));
fs.rmSync(tmp, { recursive: true, force: true });
