// People: person-name mentions (titles excluded) and their grouping into entities with canonical names.
import type { PersonEntity, PersonMention } from './types';

export interface PeopleResult {
  persons: PersonMention[];
  people: Map<string, PersonEntity>;
}

export function findPeople(_text: string): PeopleResult {
  return { persons: [], people: new Map() }; // placeholder until the people rules land
}
