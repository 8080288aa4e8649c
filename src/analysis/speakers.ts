// Speakers: who said each quote, from the attribution around it ("Zhao said", "said Kerry", "he said").
import type { PersonEntity, PersonMention, QuoteMention } from './types';

/** Fills speakerId / speakerText of each quote in place. */
export function attributeSpeakers(_text: string, _quotes: QuoteMention[], _persons: PersonMention[],
  _people: Map<string, PersonEntity>): void {
  // placeholder until the speaker rules land
}
