// Locations the tests need, independent of where the compiled test file sits (out/test/... or test/...).
import fs from 'node:fs';
import path from 'node:path';

function findRepoRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'esbuild.js'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the repository root above ${from}`);
    dir = up;
  }
  return dir;
}

export const repoRoot = findRepoRoot(__dirname);
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
export const articlesDir = path.join(fixturesDir, 'articles');

export interface GoldEntity { type: 'person' | 'date' | 'quote'; start: number; end: number; text: string; entity?: string; speaker?: string; norm?: string }
export interface GoldDoc { id: string; source?: string; text: string; entities: GoldEntity[] }

export function readJsonl(file: string): GoldDoc[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l) as GoldDoc);
}

export const seedGold = (): GoldDoc[] => readJsonl(path.join(articlesDir, 'seeds.gold.jsonl'));
export const gumGold = (): GoldDoc[] => readJsonl(path.join(fixturesDir, 'gum_news.dev.jsonl'));
export const readArticle = (name: string): string => fs.readFileSync(path.join(articlesDir, name), 'utf8');
