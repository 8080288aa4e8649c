// The export tests' articles: the two seed articles, a CRLF article and one with characters outside the BMP, each
// with a sidecar holding every kind of annotation and decision (test/fixtures/export), gathered in one folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadArticle, type ExportArticle } from '../../src/export';
import { articlesDir, fixturesDir } from './paths';

export const exportFixturesDir = path.join(fixturesDir, 'export');
export const EXPORT_ARTICLES = ['kerry-beijing-scmp.txt', 'kerry-blinken-hankyoreh.txt', 'council-flood-crlf.txt', 'asia-brief-emoji-cjk.txt'];

/** A fresh temporary folder holding the four articles and their sidecars; remove it with fs.rmSync when done. */
export function exportWorkspace(prefix = 'news-export-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const name of EXPORT_ARTICLES) {
    const source = fs.existsSync(path.join(exportFixturesDir, name)) ? exportFixturesDir : articlesDir;
    fs.copyFileSync(path.join(source, name), path.join(dir, name));
    const sidecar = name.replace(/\.txt$/, '.annotations.yaml');
    fs.copyFileSync(path.join(exportFixturesDir, sidecar), path.join(dir, sidecar));
  }
  return dir;
}

/** The articles of a folder made by exportWorkspace, loaded as the export loads them. */
export function loadExportArticles(dir: string, names = EXPORT_ARTICLES): ExportArticle[] {
  return names.map(name => {
    const file = path.join(dir, name);
    const sidecarName = file.replace(/\.txt$/, '.annotations.yaml');
    const r = loadArticle({ name, uri: pathToFileURL(file).href, bytes: fs.readFileSync(file), sidecar: fs.existsSync(sidecarName) ? fs.readFileSync(sidecarName) : undefined, sidecarName });
    if (!r.ok) throw new Error(r.error);
    return r.article;
  });
}
