// Human-readable forms of analysis values and of the reader's notes, for hovers, decorations and the views.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const PARTS_OF_DAY: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night' };
const ordinal = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * "2016-01-27" → "Wednesday, 27 January 2016"; "2016-01-27TNI" → "… night"; "2016-01" → "January 2016"; "199X" →
 * "the 1990s"; "FY2025-Q1" → "Q1 of fiscal 2025"; the forms DateMention.value lists; else as is.
 */
export function describeDateValue(value: string): string {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}|MO|AF|EV|NI))?$/.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const weekday = WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
    return `${weekday}, ${d} ${MONTHS[mo - 1]} ${y}${m[4] ? ` ${PARTS_OF_DAY[m[4]] ?? m[4]}` : ''}`;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) return `week ${Number(m[2])} of ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})-WE$/.exec(value))) return `the weekend of week ${Number(m[2])}, ${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return `Q${m[2]} ${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return `the ${m[2] === '1' ? 'first' : 'second'} half of ${m[1]}`;
  if ((m = /^FY(\d{4})$/.exec(value))) return `fiscal year ${m[1]}`;
  if ((m = /^FY(\d{4})-([QH])([1-4])$/.exec(value))) return m[2] === 'Q' ? `Q${m[3]} of fiscal ${m[1]}` : `the ${m[3] === '1' ? 'first' : 'second'} half of fiscal ${m[1]}`;
  if ((m = /^(\d{4})\/(\d{4})$/.exec(value))) return `${m[1]}–${m[2]}`;
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${SEASONS[m[2]]} ${m[1]}`;
  if ((m = /^(\d{3})X$/.exec(value))) return `the ${m[1]}0s`;
  if ((m = /^(\d{2})XX$/.exec(value))) return `the ${ordinal(Number(m[1]) + 1)} century`;
  return value;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Text shown literally inside a MarkdownString (hovers): Markdown's punctuation escaped. */
export const escapeMarkdown = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, c => `\\${c}`);

/** The start of a note on one line, cut at a word near `chars` characters, for hints and descriptions. */
export function noteSummary(note: string | undefined, chars = 60): string | undefined {
  const line = note?.trim().replace(/\s+/g, ' ');
  if (!line) return undefined;
  if (line.length <= chars) return line;
  const space = line.lastIndexOf(' ', chars - 1);
  return `${line.slice(0, space > chars / 2 ? space : chars - 1)}…`;
}
