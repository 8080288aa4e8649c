// Finding a quote or a date the panel shows in the article's current text (pure: no vscode).

/** Where `text` is now: at its place if unchanged (the panel's data may be an edit behind), else its nearest copy. */
export function whereNow(now: string, start: number, end: number, text: string): { start: number; end: number } | undefined {
  if (now.slice(start, end) === text) return { start, end };
  const after = now.indexOf(text, start);
  const before = now.lastIndexOf(text, start);
  const best = [after, before].filter(i => i >= 0).sort((a, b) => Math.abs(a - start) - Math.abs(b - start))[0];
  return best === undefined ? undefined : { start: best, end: best + text.length };
}
