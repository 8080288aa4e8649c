// The analyzer's entry point: runs each rule family over one article and joins the results.
import { findPublicationDateAndDates } from './dates';
import { findPeople } from './people';
import { findQuotes } from './quotes';
import { attributeSpeakers } from './speakers';
import type { Analysis, AnalyzeOptions } from './types';

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const named = findPeople(text, options.corrections);
  const { publicationDate, dates } = findPublicationDateAndDates(text, options.referenceDate);
  const found = findQuotes(text);
  // Speakers first met in their attribution join the people found: the mentions come back with theirs.
  const persons = attributeSpeakers(text, found, named.persons, named.people, options.corrections?.notPersons);
  return { persons, dates, quotes: found.quotes, people: named.people, publicationDate };
}
