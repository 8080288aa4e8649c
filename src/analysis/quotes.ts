// Quotes: direct quotations with their marks (speakers are attributed separately, in speakers.ts).
import type { QuoteMention } from './types';

export function findQuotes(_text: string): QuoteMention[] {
  return []; // placeholder until the quote rules land
}
