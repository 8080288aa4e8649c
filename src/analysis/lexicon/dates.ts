// The word lists of the date rules (src/analysis/dates), as data files of this folder; dates/lexicon.ts turns them
// into the maps and patterns the rules read.
import countedNounEndings from './counted-noun-endings.json';
import countedNouns from './counted-nouns.json';
import futureMarkers from './future-markers.json';
import holidays from './holidays.json';
import identifierNouns from './identifier-nouns.json';
import monthAbbreviationsUndotted from './month-abbreviations-undotted.json';
import monthAbbreviations from './month-abbreviations.json';
import monthNames from './month-names.json';
import numberWords from './number-words.json';
import ordinalWords from './ordinal-words.json';
import partsOfDay from './parts-of-day.json';
import pastMarkers from './past-markers.json';
import publicationLabels from './publication-labels.json';
import quantityPhrases from './quantity-phrases.json';
import seasons from './seasons.json';
import streetSuffixes from './street-suffixes.json';
import tensWords from './tens-words.json';
import timeZones from './time-zones.json';
import updateLabels from './update-labels.json';
import weekdayAbbreviations from './weekday-abbreviations.json';
import weekdayNames from './weekday-names.json';

export const DATE_WORD_LISTS = {
  'counted-noun-endings': countedNounEndings,
  'counted-nouns': countedNouns,
  'future-markers': futureMarkers,
  holidays,
  'identifier-nouns': identifierNouns,
  'month-abbreviations': monthAbbreviations,
  'month-abbreviations-undotted': monthAbbreviationsUndotted,
  'month-names': monthNames,
  'number-words': numberWords,
  'ordinal-words': ordinalWords,
  'parts-of-day': partsOfDay,
  'past-markers': pastMarkers,
  'publication-labels': publicationLabels,
  'quantity-phrases': quantityPhrases,
  seasons,
  'street-suffixes': streetSuffixes,
  'tens-words': tensWords,
  'time-zones': timeZones,
  'update-labels': updateLabels,
  'weekday-abbreviations': weekdayAbbreviations,
  'weekday-names': weekdayNames,
} as const;
