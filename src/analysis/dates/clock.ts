// Clock times. A time is part of a date only when it is attached to one ("March 3, 2025 at 9:30 am", "7pm Friday",
// "14:05 GMT, 3 March 2025"); a bare clock time ("at 9:30 am") is not a date. These helpers read a time at a
// position; the date parsers decide whether a date is next to it.
import { isSpace } from '../text/chars';
import { TIME_RE, ZONE_RE } from './lexicon';
import { stickyAt } from './match';

export interface Clock { end: number; hour: number; minute: number }

/** A clock time with an optional zone, case-insensitive ("5:48 PM ET", "10.22 BST", "17:05"); the zone in capitals. */
const CLOCK_RE = new RegExp(`(${TIME_RE})(?:\\s*(${ZONE_RE}))?`, 'iy');
/** A named time: "noon", "midnight", "midday". */
const NAMED_TIME_RE = /(noon|midnight|midday)(?![A-Za-z])/iy;
/** Between a date and the time after it: "March 3, 2025 at 9:30 am", "Oct. 9, 2024 5:48 PM", "Friday, 7pm". */
const BEFORE_TIME_RE = /(?:\s*,\s*|\s+)(?:at\s+)?/iy;

/** Hour and minute of a time as TIME_RE matches it; undefined when not a real time. */
function parseClock(s: string): { hour: number; minute: number } | undefined {
  const m = /^([0-9]{1,2})(?:[:.]([0-9]{2}))?(?::[0-9]{2})?\s?([ap])?/i.exec(s);
  if (!m) return undefined;
  let hour = +m[1];
  const minute = m[2] ? +m[2] : 0;
  const half = m[3]?.toLowerCase();
  if (half === 'p' && hour < 12) hour += 12;
  if (half === 'a' && hour === 12) hour = 0;
  return hour < 24 && minute < 60 ? { hour, minute } : undefined;
}

/** A clock time starting exactly at `pos` (digits or a named time), with its zone; not inside a longer number. */
export function clockAt(text: string, pos: number): Clock | undefined {
  const c = text.charCodeAt(pos);
  if (c < 48 || c > 57) {
    const named = stickyAt(NAMED_TIME_RE, text, pos);
    if (!named) return undefined;
    const word = named[1].toLowerCase();
    return { end: pos + named[0].length, hour: word === 'midnight' ? 0 : 12, minute: 0 };
  }
  const m = stickyAt(CLOCK_RE, text, pos);
  if (!m) return undefined;
  const clock = parseClock(m[1]);
  if (!clock) return undefined;
  const zone = m[2] !== undefined && /^[A-Z+-]/.test(m[2]);
  const end = zone ? pos + m[0].length : pos + m[1].length;
  if (/^[:.]?[0-9]/.test(text.slice(end, end + 2))) return undefined; // "10:30:15:22", "5.30.2"
  return { end, ...clock };
}

/** A clock time attached after a date ending at `end` ("…, 2025 at 9:30 am"), or undefined. */
export function clockAfter(text: string, end: number): Clock | undefined {
  const link = stickyAt(BEFORE_TIME_RE, text, end);
  if (!link) return undefined;
  const at = end + link[0].length;
  const c = text.charCodeAt(at);
  if ((c < 48 || c > 57) && !/at\s*$/i.test(link[0])) return undefined; // a named time only after "at"
  return clockAt(text, at);
}

/**
 * Whether the one or two digits ending at `digitsEnd` can start a clock time: they must be followed by ":" or ".",
 * or by "a"/"p" ("5pm"), or by one space and "a"/"p" ("5 p.m."). Spares the pattern after most small numbers.
 */
export function mayBeClock(text: string, digitsEnd: number): boolean {
  const next = text[digitsEnd] ?? '';
  const half = (c: string): boolean => c === 'a' || c === 'p' || c === 'A' || c === 'P';
  return next === ':' || next === '.' || half(next) || (half(text[digitsEnd + 1] ?? '') && isSpace(text.charCodeAt(digitsEnd)));
}
