// Capitalised token runs: the candidate spans for person names, found in one linear regex scan.
// A run is capitalised words joined by single spaces, with lower-case name particles ("von der") allowed
// between two capitalised words. A possessive ’s / 's ends a run and is never part of it.

export interface Token {
  text: string;
  /** Lower case, for the word-list look-ups. */
  lower: string;
  start: number;
  end: number;
  /** A lower-case particle inside a name ("von", "de", "bin"). */
  particle: boolean;
}

export interface Run {
  tokens: Token[];
  start: number;
  end: number;
  /** The run is directly followed by a possessive ’s or 's. */
  possessive: boolean;
}

const PARTICLE = '(?:von|van|der|den|de|del|della|di|da|du|dos|das|la|le|bin|ibn|al|el|ter|ten|zu)';
const ABBREVIATION = '(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Rev|Maj|Cpl|Pvt|Adm|Cmdr|Jr|Sr|Hon)\\.';
// A capitalised word; inner hyphens/dashes and apostrophes join parts ("Jong-un", "O’Brien"), but an
// apostrophe before a final "s" is a possessive and stays outside. Arabic-style prefixes ("al-Assad") count.
const CAP_WORD =
  `(?:(?:\\p{Lu}\\.){2,}|${ABBREVIATION}|\\p{Lu}\\.(?=[ \\u00a0]\\p{Lu})|` +
  `(?:(?:al|el|bin|ibn|abu|ben|d|l)['’\\-])?\\p{Lu}[\\p{L}\\p{M}]*(?:[\\-‐–][\\p{L}\\p{M}]+|['’](?!s(?![\\p{L}\\p{M}]))[\\p{L}\\p{M}]+)*)`;
const RUN_RE = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}'’\\-])${CAP_WORD}(?:[ \\u00a0](?:${PARTICLE}[ \\u00a0]){0,2}${CAP_WORD})*`, 'gu');
const TOKEN_RE = /[^ \u00a0]+/g;
const PARTICLE_RE = new RegExp(`^${PARTICLE}$`);
const POSSESSIVE_RE = /^['’]s(?![\p{L}\p{M}])/u;

export function findRuns(text: string): Run[] {
  const runs: Run[] = [];
  RUN_RE.lastIndex = 0;
  for (let m = RUN_RE.exec(text); m; m = RUN_RE.exec(text)) {
    const start = m.index;
    const tokens: Token[] = [];
    TOKEN_RE.lastIndex = 0;
    for (let t = TOKEN_RE.exec(m[0]); t; t = TOKEN_RE.exec(m[0])) {
      const s = start + t.index;
      tokens.push({ text: t[0], lower: t[0].toLowerCase(), start: s, end: s + t[0].length, particle: PARTICLE_RE.test(t[0]) });
    }
    const end = start + m[0].length;
    runs.push({ tokens, start, end, possessive: POSSESSIVE_RE.test(text.slice(end, end + 3)) });
  }
  return runs;
}
