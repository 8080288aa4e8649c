// The check split: documents whose errors are never read. FNV-1a (32-bit) of the document id, modulo 3, is 0.
// And the labelled files the eval scripts read.
import fs from 'node:fs';
import path from 'node:path';

export function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const isCheckDoc = (id) => fnv1a(String(id)) % 3 === 0;

export function readJsonl(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/** The labelled files, as [name, path]: the seed articles, then every JSONL file of ../shared/eval by name. */
export function labelledFiles(root) {
  const evalDir = path.resolve(root, '../shared/eval');
  return [
    ['seeds', path.resolve(root, '../shared/fixtures/seeds.gold.jsonl')],
    ...fs.readdirSync(evalDir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => [f.replace(/\.jsonl$/, ''), path.join(evalDir, f)]),
  ];
}
