// Annotations kept when their article closes unsaved (src/editor/annotations/keptAnnotations.ts), in a stand-in for
// the workspace's state that stores values as VS Code's Memento does: JSON, so what comes back is a copy.
import assert from 'node:assert/strict';
import { AnnotationStore, emptyDocument, sequentialIds, type SidecarDocument } from '../../src/annotations';
import { KeptAnnotations, type StateStore } from '../../src/editor/annotations/keptAnnotations';
import { readArticle } from '../support/paths';

const article = readArticle('kerry-beijing-scmp.txt');

function jsonState(): StateStore & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return {
    raw,
    get: <T>(key: string) => (raw.has(key) ? JSON.parse(raw.get(key)!) as T : undefined),
    update: (key: string, value: unknown) => { raw.set(key, JSON.stringify(value)); return Promise.resolve(); },
  };
}

function annotated(): SidecarDocument {
  const store = new AnnotationStore(emptyDocument('story.txt'), { newId: sequentialIds('k'), now: () => new Date('2026-12-04T00:00:00Z') });
  const start = article.indexOf('John Kerry');
  store.add(article, { start, end: start + 'John Kerry'.length, kind: 'person', note: 'kept: “quoted”, tab\tand # hash' });
  return store.forSave(article, 'story.txt');
}

describe('annotations kept for an article closed unsaved', () => {
  it('gives back what was kept once, as it was, from state stored as JSON (a restart of VS Code)', async () => {
    const state = jsonState();
    const doc = annotated();
    await new KeptAnnotations(state).keep('file:///news/story.txt', doc);
    const again = new KeptAnnotations(state); // as after a restart: only the stored state is shared
    assert.deepEqual(again.articles(), ['file:///news/story.txt']);
    const taken = again.take('file:///news/story.txt');
    assert.deepEqual(taken?.annotations, doc.annotations);
    assert.equal(taken?.textHash, doc.textHash);
    assert.equal(again.take('file:///news/story.txt'), undefined, 'taken once');
    assert.deepEqual(new KeptAnnotations(state).articles(), []);
  });

  it('forgets one article\'s annotations once they were written after all, and no other article\'s', async () => {
    const state = jsonState();
    const kept = new KeptAnnotations(state);
    await kept.keep('file:///news/a.txt', annotated());
    await kept.keep('file:///news/b.txt', annotated());
    await kept.drop('file:///news/a.txt');
    await kept.drop('file:///news/never-kept.txt');
    assert.deepEqual(kept.articles(), ['file:///news/b.txt']);
    assert.ok(kept.take('file:///news/b.txt'));
  });

  it('keeps nothing of an empty document, and drops what cannot be read back', async () => {
    const state = jsonState();
    const kept = new KeptAnnotations(state);
    await kept.keep('file:///news/empty.txt', emptyDocument('empty.txt'));
    assert.deepEqual(kept.articles(), []);
    await state.update('newsAnnotator.unsavedAnnotations', { 'file:///news/bad.txt': 'version: 2\narticle: [unclosed\n', 'file:///news/odd.txt': 42 });
    assert.deepEqual(kept.articles(), ['file:///news/bad.txt'], 'a value that is no text is ignored');
    assert.equal(kept.take('file:///news/bad.txt'), undefined);
    assert.deepEqual(kept.articles(), []);
  });
});
