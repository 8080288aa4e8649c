// The analyzer's entry point: runs each rule family over one article and joins the results.
import { findPublicationDateAndDates } from './dates';
import { findPeople } from './people';
import { findQuotes } from './quotes';
import { attributeSpeakers } from './speakers';
import type { Analysis, AnalyzeOptions } from './types';

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const { persons, people } = findPeople(text, options.corrections);
  const { publicationDate, dates } = findPublicationDateAndDates(text, options.referenceDate);
  const found = findQuotes(text);
  attributeSpeakers(text, found, persons, people);
  return { persons, dates, quotes: found.quotes, people, publicationDate };
}
