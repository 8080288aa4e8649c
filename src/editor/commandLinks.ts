// Links in hovers that run a command on a given place of an article (the hover's, not the cursor's): the argument
// the entity and annotation commands accept besides the cursor and an Entities-view item.

/**
 * A place in an article: its document URI (as a string) and a UTF-16 offset in its text; with `end` and `type`, the
 * item exactly there (a quote rather than the name at its start); with `annotation`, that annotation of the reader's.
 */
export interface ArticlePlace {
  readonly article: string;
  readonly offset: number;
  readonly end?: number;
  readonly type?: string;
  readonly annotation?: string;
}

export function isArticlePlace(x: unknown): x is ArticlePlace {
  const p = x as Partial<ArticlePlace> | undefined;
  return typeof p === 'object' && p !== null && typeof p.article === 'string' && typeof p.offset === 'number';
}

/** A Markdown link running `command` with `args` (MarkdownString.isTrusted must list the command). */
export function commandLink(label: string, command: string, args: readonly unknown[], tooltip?: string): string {
  const uri = `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
  return `[${label}](${uri}${tooltip ? ` "${tooltip.replace(/"/g, "'")}"` : ''})`;
}
