/** Month names in the languages the sources use, lower case, to month numbers. */
const MONTHS: Record<string, number> = {};
const add = (names: string, offset = 1) =>
  names.split(' ').forEach((n, i) => {
    for (const alt of n.split('|')) MONTHS[alt] = i + offset;
  });
add('january february march april may june july august september october november december');
add('jan feb mar apr may jun jul aug sep|sept oct nov dec');
add(
  'janvier février|fevrier mars avril mai juin juillet août|aout septembre octobre novembre décembre|decembre',
);
add('januar februar märz|maerz april mai juni juli august september oktober november dezember');
add('januari februari maart april mei juni juli augustus september oktober november december');
add('enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre');
add('gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre');
add('janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro');
// Polish genitive, and the Scandinavian names that differ from the ones above
add('stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia');
add('januar februar mars april maj juni juli augusti september oktober november december');

const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** A date found in a string: where it starts and ends, and whether the year was written. */
export interface FoundDate {
  iso: string;
  index: number;
  end: number;
  hasYear: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

function make(y: number, m: number, d: number): string | null {
  if (!(y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Date patterns; all but the one marked `twoDigitYear` hold a year of four digits. (`(?<!\w)` and
 * `(?!\w)` where `\b` stood beside a digit or a month's first or last letter: the same test, but V8
 * checks a leading `\b` at every position of the text under the `iu` flags, slowly.)
 */
const PATTERNS: {
  re: RegExp;
  parse: (m: RegExpExecArray) => [number, number, number] | null;
  twoDigitYear?: true;
}[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, parse: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { re: /(?<![\d.:/])(\d{1,2})[./](\d{1,2})[./](\d{4})\b/g, parse: (m) => [+m[3]!, +m[2]!, +m[1]!] },
  { re: /(?<![\d.:/])(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d/])/g, parse: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  // "03.03.26": a German-style date with a two-digit year (dots only: "03/03/26" may be American)
  {
    re: /(?<![\d.:/])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])/g,
    parse: (m) => [2000 + +m[3]!, +m[2]!, +m[1]!],
    twoDigitYear: true,
  },
  {
    re: new RegExp(
      `(?<!\\w)(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s+(?:of\\s+|de\\s+)?(${MONTH_RE})\\.?,?\\s+(?:de\\s+)?(\\d{4})(?!\\w)`,
      'giu',
    ),
    parse: (m) => [+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!],
  },
  {
    re: new RegExp(`(?<!\\w)(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\w)`, 'giu'),
    parse: (m) => [+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!],
  },
];

const NO_YEAR = new RegExp(
  `(?<!\\w)(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s+(?:of\\s+)?(${MONTH_RE})(?!\\w)(?!\\.?,?\\s+\\d{4})`,
  'giu',
);

/** Every full date (day, month, year) written in `s`, in order of appearance. */
export function findDates(s: string): FoundDate[] {
  const out: FoundDate[] = [];
  if (!/\d/.test(s)) return out;
  // (most texts with a digit have no four in a row: then only the two-digit year's pattern can match)
  const fourDigits = /\d{4}/.test(s);
  for (const { re, parse, twoDigitYear } of PATTERNS) {
    if (!fourDigits && !twoDigitYear) continue;
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const p = parse(m);
      const iso = p && make(...p);
      if (iso && !out.some((d) => m!.index < d.end && d.index < m!.index + m![0].length))
        out.push({ iso, index: m.index, end: m.index + m[0].length, hasYear: true });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * Dates in `s` including those written without a year ("on Thursday the 24th of May"),
 * which take the year of the nearest full date in the same string.
 */
export function findDatesInferringYear(s: string): FoundDate[] {
  const full = findDates(s);
  const out = [...full];
  if (!full.length) return out; // (a date without a year takes one from a full date)
  NO_YEAR.lastIndex = 0;
  for (let m = NO_YEAR.exec(s); m; m = NO_YEAR.exec(s)) {
    const at = m.index;
    if (full.some((d) => at < d.end && d.index < at + m![0].length)) continue;
    const near = [...full].sort((a, b) => Math.abs(a.index - at) - Math.abs(b.index - at))[0];
    if (!near) continue;
    const iso = make(+near.iso.slice(0, 4), MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
    if (iso) out.push({ iso, index: at, end: at + m[0].length, hasYear: false });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A month's name at the start of a text (as the month-first date pattern reads it). */
const MONTH_FIRST = new RegExp(`^(?:${MONTH_RE})`, 'iu');

/** Whether a line starts with a date (a byline or a listing date rather than a title). */
export function startsWithDate(s: string): boolean {
  const t = s.replace(/^[^\p{L}\p{N}]+/u, '');
  if (
    /^(?:mon|tues?|wed|thu|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\.?,?\s/i.test(
      t,
    )
  )
    return true;
  // (a date starts with a digit or a month's name: most lines start with neither)
  if (!/^\d/.test(t) && !MONTH_FIRST.test(t)) return false;
  const d = findDates(t)[0];
  return d !== undefined && d.index === 0;
}

/** The first "on <date>" (or "op", "le", "am") in a lead sentence, with the year inferred if missing. */
export function leadDate(s: string): string | null {
  for (const d of findDatesInferringYear(s)) {
    const before = s.slice(Math.max(0, d.index - 40), d.index);
    if (
      /\b(?:on|op|le|am|el|il|du|vom|no\s+dia|el\s+día|em)\s+(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica),?\s+(?:den\s+)?)?$/i.test(
        before,
      )
    )
      return d.iso;
  }
  return null;
}
