// Benchmark of the Entities view's index: building it over 500 open articles of about 5 KB (synthetic articles made
// of the seed articles' sentences, shuffled), and updating it after an edit in one article. Analysis time is
// reported apart from index time. Targets: build < 200 ms, update after one edit < 20 ms.
// Run alone: node esbuild.js --no-typecheck && node out/test/bench/tree.bench.js
import { performance } from 'node:perf_hooks';
import { analyze, type Analysis } from '../../src/analysis';
import { EntityIndex, type ArticleSnapshot } from '../../src/views/entityIndex';
import { EntityTreeModel, type TreeNode } from '../../src/views/entityTreeModel';
import { readArticle } from '../support/paths';

const ARTICLES = 500;
const ARTICLE_BYTES = 5 * 1024;
const BUILD_RUNS = 5;
const EDIT_RUNS = 50;

/** Deterministic shuffling, so every run measures the same articles. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

function seedSentences(): string[] {
  const text = ['kerry-beijing-scmp.txt', 'kerry-blinken-hankyoreh.txt'].map(readArticle).join('\n');
  return text.split(/\n+/).flatMap(line => line.match(/[^.!?]+[.!?”"’]*\s*/g) ?? []).map(s => s.trim()).filter(s => s.length > 20);
}

/** Paragraphs of shuffled seed sentences, about `bytes` long. */
function syntheticArticle(sentences: readonly string[], random: () => number, bytes: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const n = 2 + Math.floor(random() * 3);
    const p = Array.from({ length: n }, () => sentences[Math.floor(random() * sentences.length)]).join(' ');
    paragraphs.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return paragraphs.join('\n\n');
}

/** What the view does after a change: list the top level, the People, and the first person's articles. */
function readTopOfTree(model: EntityTreeModel): number {
  const roots = model.children();
  const people = roots.find(n => n.kind === 'category' && n.category === 'people') as TreeNode;
  const persons = model.children(people);
  const first = persons[0] ? model.children(persons[0]) : [];
  for (const n of [...roots, ...persons, ...first]) model.present(n);
  return persons.length;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

export async function benchTree(): Promise<string[]> {
  const sentences = seedSentences();
  const random = rng(20160127);
  const texts = Array.from({ length: ARTICLES }, () => syntheticArticle(sentences, random, ARTICLE_BYTES));
  const totalBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

  // Analysis (what ArticleAnalyses does once per open article), timed apart from the index.
  const t0 = performance.now();
  const analyses: Analysis[] = texts.map(t => analyze(t));
  const analysisMs = performance.now() - t0;
  const snapshots: ArticleSnapshot[] = texts.map((text, i) => ({ key: `file:///bench/article-${String(i).padStart(3, '0')}.txt`, name: `article-${String(i).padStart(3, '0')}.txt`, text, analysis: analyses[i] }));

  // Index build: every article added, people linked across articles, top of the tree listed.
  const buildTimes: number[] = [];
  let index = new EntityIndex();
  let model = new EntityTreeModel(index, { groupBy: 'type', sortBy: 'mentions' });
  let persons = 0;
  for (let run = 0; run < BUILD_RUNS; run++) {
    index = new EntityIndex();
    model = new EntityTreeModel(index, { groupBy: 'type', sortBy: 'mentions' });
    const start = performance.now();
    for (const s of snapshots) index.setArticle(s);
    persons = readTopOfTree(model);
    buildTimes.push(performance.now() - start);
  }

  // One edit in one article: that article analysed again, the index updated, the top of the tree listed again.
  // Two kinds: typing words that name nobody (the usual keystroke), and pasting a seed sentence (often a new name,
  // so people are linked across all articles again).
  const edits = {
    typing: (text: string) => `The talks went on. ${text}`,
    sentence: (text: string) => `${sentences[Math.floor(random() * sentences.length)]}\n\n${text}`,
  };
  const editLines: string[] = [];
  for (const [kind, edit] of Object.entries(edits)) {
    const reanalysis: number[] = [], update: number[] = [];
    for (let run = 0; run < EDIT_RUNS; run++) {
      const i = Math.floor(random() * ARTICLES);
      const edited = edit(snapshots[i].text);
      const a0 = performance.now();
      const analysis = analyze(edited);
      const a1 = performance.now();
      index.setArticle({ ...snapshots[i], text: edited, analysis });
      readTopOfTree(model);
      const a2 = performance.now();
      reanalysis.push(a1 - a0);
      update.push(a2 - a1);
      snapshots[i] = { ...snapshots[i], text: edited, analysis };
    }
    const totals = reanalysis.map((r, i) => r + update[i]);
    editLines.push(`  after one edit (${kind}): re-analysis ${ms(median(reanalysis))} + index update and re-list ${ms(median(update))} = median ${ms(median(totals))}, worst ${ms(Math.max(...totals))} of ${EDIT_RUNS} (target < 20 ms)`);
  }

  const mb = totalBytes / (1024 * 1024);
  return [
    `entity tree: ${ARTICLES} synthetic articles of ~${ARTICLE_BYTES / 1024} KB (${mb.toFixed(2)} MB, shuffled seed sentences), ${persons} people listed`,
    `  analysis of all articles (apart): ${ms(analysisMs)} (${(mb / (analysisMs / 1000)).toFixed(1)} MB/s)`,
    `  index build + link + list top of tree: median ${ms(median(buildTimes))}, best ${ms(Math.min(...buildTimes))} of ${BUILD_RUNS} (target < 200 ms)`,
    ...editLines,
  ];
}

// Only when this file is the program itself, not when the benchmark bundle (out/bench/run.js) holds it.
if (require.main === module && __filename.endsWith('tree.bench.js')) {
  benchTree().then(lines => console.log(lines.join('\n')), e => { console.error(e); process.exitCode = 1; });
}
