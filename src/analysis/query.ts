// Questions the editor asks of an analysis: what is at this offset, which mentions belong to one entity.
import type { Analysis, Mention, PersonEntity, PersonMention, QuoteMention } from './types';

function containing<T extends Mention>(list: readonly T[], offset: number): T | undefined {
  // Lists are sorted by start: binary search for the last mention starting at or before offset.
  let lo = 0, hi = list.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  for (let i = found; i >= 0 && i > found - 8; i--) if (list[i].start <= offset && offset <= list[i].end) return list[i];
  return undefined;
}

/** The mention under the offset (cursor positions at either edge count): a name or date wins over its quote. */
export function mentionAt(a: Analysis, offset: number): Mention | undefined {
  return containing(a.persons, offset) ?? containing(a.dates, offset) ?? containing(a.quotes, offset);
}

export function personMentionsOf(a: Analysis, entityId: string): PersonMention[] {
  return (a.people.get(entityId)?.mentions ?? []).map(i => a.persons[i]);
}

export function quotesBy(a: Analysis, entityId: string): QuoteMention[] {
  return a.quotes.filter(q => q.speakerId === entityId);
}

/** The entity with this canonical name (case-insensitive), if the article mentions it. */
export function entityNamed(a: Analysis, name: string): PersonEntity | undefined {
  const want = name.toLowerCase();
  for (const e of a.people.values()) if (e.name.toLowerCase() === want) return e;
  return undefined;
}
