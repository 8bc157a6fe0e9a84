import { at, glued, gluedToCode } from './context.js';
import {
  CURRENCY_CODES,
  CURRENCY_PAIRS,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  PERCENT_PHRASES,
  PERCENT_WORDS,
  SCALES,
  SHORT_SCALES,
} from './lexicon.js';
import { readWordNumber } from './number-words.js';
import { parseDigits } from './numerals.js';
import type { Lang } from './lexicon.js';
import type { Token } from './tokenize.js';

/** An amount as written: a number with its currency, scale and unit. */
export interface Amount {
  /** First token (a currency, a sign or the number). */
  start: number;
  /** Token after the last one read. */
  end: number;
  /** The token where the number itself starts. */
  numAt: number;
  value: number;
  scale: number;
  currency: string | null;
  unit: string | null;
  /** Written in digits (not words). */
  digits: boolean;
  /** Raw digits without separators look like a year (1900–2099). */
  yearLike: boolean;
  /** A lone `one`/`a`/`un`: not a figure without a unit or scale. */
  lone: boolean;
}

const ORDINAL_SUFFIX = /^(?:st|nd|rd|th|e|er|re|ère|ème|eme|ste|de|te|ten|sten|º|ª|esimo|esima|esimi|esime)$/;

/**
 * A compound word that opens with a scale and a currency (`billion-euro`, `Milliarden-Euro-Paket`,
 * `millions-d'euros`) or with a currency alone (`Euro-Gutschein`): its scale (1 when none) and currency.
 */
function compoundAmount(t: Token | undefined): [number, string] | null {
  if (!t || t.kind !== 'word' || !t.low.includes('-')) return null;
  const parts = t.low.split('-');
  const scale = SCALES.get(parts[0]!);
  const only = SCALE_LANG[parts[0]!];
  if (scale !== undefined && !(only && !only.includes(t.lang))) {
    const c = CURRENCY_WORDS.get(parts[1]!);
    return c ? [scale, c] : null;
  }
  const c = CURRENCY_WORDS.get(parts[0]!);
  return c && parts[0] !== 'eur' && parts[0] !== 'usd' ? [1, c] : null;
}
const GROUP = /^\d{3}(?:[.,]\d+)?$/;
/** Short scales that read as one even with a space before them (`EUR 3.5 bln`); `m` and `k` do not (`500 m`). */
const SPACED_SHORT = new Set(['bn', 'mn', 'mln', 'bln', 'trn', 'trln']);
const MORE = new Set(['more', 'additional', 'extra', 'further']);
/** Scale words read only in paragraphs of some languages (`mille` is a name in English). */
const SCALE_LANG: Record<string, readonly Lang[] | undefined> = {
  mille: ['fr', 'it'],
  mil: ['es', 'pt'],
  mila: ['it'],
};

/** True when the token at `k` is a dash glued to the tokens on both sides of it. */
function gluedDash(tokens: Token[], k: number): boolean {
  const t = at(tokens, k);
  return (
    t !== undefined &&
    (t.text === '-' || t.text === '\u2010') &&
    glued(tokens, k) &&
    at(tokens, k + 1) !== undefined &&
    glued(tokens, k + 1)
  );
}

/** True when the token at `i` is a number that follows a number one plain space before it (`3 000`). */
function isSpaceGroup(tokens: Token[], i: number): boolean {
  const t = at(tokens, i);
  const p = at(tokens, i - 1);
  if (!t || !p || t.kind !== 'num' || p.kind !== 'num' || t.newline || t.start - p.end !== 1) return false;
  const after = at(tokens, i + 1);
  return !(
    after &&
    !after.space &&
    (after.kind === 'num' || after.text === ':' || after.text === '/' || after.text === '.')
  );
}

/**
 * The token after the ordinal suffix of the number at `i` (`17th`, `30ste`, `2e`, `17°`, `17.º`),
 * or 0 when it has none. A degree sign with a unit glued after it (`1.5°C`) is no suffix.
 */
export function ordinalSuffixEnd(tokens: Token[], i: number): number {
  let k = i + 1;
  const next = at(tokens, k);
  if (!next || !glued(tokens, k)) return 0;
  if (next.text === '°') return glued(tokens, k + 1) ? 0 : k + 1;
  if (next.text === '.' && /^[ºª]$/.test(at(tokens, k + 1)?.text ?? '') && glued(tokens, k + 1)) k++;
  const suffix = at(tokens, k)!;
  return suffix.kind === 'word' && ORDINAL_SUFFIX.test(suffix.low) ? k + 1 : 0;
}

function currencyAt(tokens: Token[], i: number): [string, number] | null {
  const t = at(tokens, i);
  if (!t) return null;
  if (t.kind === 'sym') {
    const c = CURRENCY_SYMBOLS.get(t.text);
    return c ? [c, i + 1] : null;
  }
  if (t.kind !== 'word') return null;
  if (t.text === 'US' && at(tokens, i + 1)?.text === '$' && glued(tokens, i + 1)) return ['USD', i + 2];
  if (CURRENCY_CODES.has(t.text)) return [t.text, i + 1];
  // `euro 500 million`, `Euro 5bn`: the word before a scaled amount, as legal texts write it
  const scale = at(tokens, i + 2);
  if (
    t.low === 'euro' &&
    at(tokens, i + 1)?.kind === 'num' &&
    scale?.kind === 'word' &&
    (SCALES.has(scale.low) || SHORT_SCALES.has(scale.low))
  )
    return ['EUR', i + 1];
  return null;
}

function currencyAfter(tokens: Token[], j: number): [string, number] | null {
  const t = at(tokens, j);
  if (!t) return null;
  if (t.kind === 'sym') {
    const c = CURRENCY_SYMBOLS.get(t.text);
    return c ? [c, j + 1] : null;
  }
  if (t.kind !== 'word') return null;
  if (CURRENCY_CODES.has(t.text)) return [t.text, j + 1];
  const c = CURRENCY_WORDS.get(t.low);
  if (c && t.low !== 'eur' && t.low !== 'usd') return [c, j + 1];
  const pair = CURRENCY_PAIRS.get(t.low);
  const second = at(tokens, j + 1);
  if (pair && second?.kind === 'word') {
    const code = pair.get(second.low);
    if (code) return [code, j + 2];
  }
  return null;
}

/** Reads a percent unit at token `j` (`%`, `per cent`, `basis points`): the unit and the token after it. */
export function percentAfter(tokens: Token[], j: number): [string, number] | null {
  const t = at(tokens, j);
  if (!t) return null;
  if (t.text === '%' || t.text === '\uff05') return ['%', j + 1];
  if (t.kind !== 'word') return null;
  const w = PERCENT_WORDS.get(t.low);
  if (w) return [w, j + 1];
  for (const [words, unit] of PERCENT_PHRASES) {
    if (words[0] !== t.low) continue;
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) ok = at(tokens, j + k)?.low === words[k];
    if (ok) return [unit, j + words.length];
  }
  return null;
}

function scaleAt(tokens: Token[], j: number, hasCurrency: boolean): [number, number] | null {
  const t = at(tokens, j);
  if (!t || t.kind !== 'word') return null;
  const lang = t.lang;
  let s = SCALES.get(t.low);
  if (s !== undefined) {
    if (
      (t.low === 'billion' || t.low === 'billions') &&
      (lang === 'de' || lang === 'fr') &&
      t.text[0] === 'B'
    )
      s = 1e12;
    const only = SCALE_LANG[t.low];
    if (only && !only.includes(lang)) return null;
    let end = j + 1;
    if ((t.low === 'mrd' || t.low === 'mio') && at(tokens, end)?.text === '.' && glued(tokens, end)) end++;
    // Spanish `mil millones`: a thousand millions
    const next = s === 1e3 ? scaleAt(tokens, end, hasCurrency) : null;
    return next && next[0] > 1e3 ? [s * next[0], next[1]] : [s, end];
  }
  const short = SHORT_SCALES.get(t.low);
  const spacedOk = SPACED_SHORT.has(t.low);
  // `50 M€`, `3 Md€`: a short scale glued to a currency sign after it
  const signAfter = glued(tokens, j + 1) && CURRENCY_SYMBOLS.has(at(tokens, j + 1)?.text ?? '');
  if (short !== undefined && (t.low === 'md' || t.low === 'mds'))
    return currencyAfter(tokens, j + 1) ? [short, j + 1] : null; // `3 Mds €`, `3 Md€`
  if (
    short !== undefined &&
    (glued(tokens, j) || hasCurrency || spacedOk || signAfter) &&
    t.text !== 'B' &&
    (t.low !== 'b' || glued(tokens, j))
  )
    return [short, j + 1];
  return null;
}

/** A number read at its token: value, where it ends, and what its digits say. */
interface NumberRead {
  value: number;
  end: number;
  start: number;
  digits: boolean;
  lone: boolean;
  yearLike: boolean;
  /** A scale already applied (a number word with its scale, a glued `bn`), or 1. */
  scale: number;
  /** The scale was applied by the word reader (it is not to be applied again). */
  scaled: boolean;
  mustHaveUnit: boolean;
}

/** Currency signs or codes before a number (`EUR €25`): the currency and where the number starts. */
function leadingCurrency(tokens: Token[], i: number): [string | null, number] {
  let j = i;
  let currency: string | null = null;
  for (let n = 0; n < 2; n++) {
    const c = currencyAt(tokens, j);
    if (!c) break;
    currency = c[0];
    j = c[1];
  }
  return [currency, j];
}

/** Digits at token `j` (`3 000`, `-0.30`, `+0.3`, `5bn`), or null where they are no amount (`4G`, a phone number). */
function readDigitsAt(
  tokens: Token[],
  i: number,
  j: number,
  currency: string | null,
  inRange: boolean,
): NumberRead | null {
  const numAt = j;
  const t = tokens[j]!;
  // `+0.3%`: a plus sign is kept for percentages only (else it starts a phone number)
  const plus = at(tokens, j - 1);
  const signed = !currency && plus?.text === '+' && glued(tokens, j) && (j - 1 === 0 || plus.space);
  // `EUR1bn`: a currency code may be glued to its amount
  const afterCode = currency !== null && plus?.kind === 'word';
  if ((!signed && !afterCode && gluedToCode(tokens, j, inRange)) || ordinalSuffixEnd(tokens, j)) return null;
  if (signed && !/^\d{1,3}(?:[.,]\d+)?$/.test(t.text)) return null;
  // `3 000 soldats`: groups of three digits after a plain space
  const before = at(tokens, j - 1);
  if (
    before &&
    before.kind === 'num' &&
    /^\d{1,3}$/.test(before.text) &&
    GROUP.test(t.text) &&
    isSpaceGroup(tokens, j)
  )
    return null;
  let raw = t.text;
  while (/^\d{1,3}(?: \d{3})*$/.test(raw) && isSpaceGroup(tokens, j + 1) && GROUP.test(tokens[j + 1]!.text)) {
    raw += ` ${tokens[j + 1]!.text}`;
    j++;
  }
  const v = parseDigits(raw, t.lang);
  if (v === null || !Number.isFinite(v)) return null;
  if (/^\d{7,}$/.test(t.text) && !currency) return null; // phone numbers and references
  const read: NumberRead = {
    value: v,
    end: j + 1,
    start: i,
    digits: true,
    lone: false,
    yearLike: /^(?:19|20)\d\d$/.test(raw),
    scale: 1,
    scaled: false,
    mustHaveUnit: signed,
  };
  const sign = at(tokens, numAt - 1);
  if (
    !currency &&
    sign &&
    (sign.text === '-' || sign.text === '\u2212') &&
    glued(tokens, numAt) &&
    !inRange
  ) {
    if (sign.space || !at(tokens, numAt - 2)) {
      read.value = -read.value;
      read.start = numAt - 1;
    }
  }
  const suffix = at(tokens, read.end);
  if (suffix && suffix.kind === 'word' && glued(tokens, read.end)) {
    const sc = scaleAt(tokens, read.end, true);
    if (sc) [read.scale, read.end] = sc;
    else if (
      !PERCENT_WORDS.has(suffix.low) &&
      !CURRENCY_WORDS.has(suffix.low) &&
      !CURRENCY_CODES.has(suffix.text)
    )
      return null; // 4G, 10x, 6pm
  }
  return read;
}

/** A number written in words at token `j` ("two", "one hundred", "five million"). */
function readWordsAt(tokens: Token[], i: number, j: number): NumberRead | null {
  const w = readWordNumber(tokens, j);
  if (!w) return null;
  return {
    value: w.value,
    end: w.end,
    start: i,
    digits: false,
    lone: w.lone,
    yearLike: false,
    scale: w.scaled ? w.scale : 1,
    scaled: w.scaled,
    mustHaveUnit: false,
  };
}

/** A scale word after the number (`million`, `€30 more million`, `5-billion`, `billion-euro`): scale, end, currency. */
function scaleAfter(
  tokens: Token[],
  j: number,
  currency: string | null,
): [number, number, string | null] | null {
  let k = j;
  if (MORE.has(at(tokens, k)?.low ?? '') && scaleAt(tokens, k + 1, currency !== null)) k++;
  // `€5-billion`, `a 5-billion-euro fund`, `300-Milliarden-Euro-Paket`: a dash glued on both sides
  if (gluedDash(tokens, k) && (scaleAt(tokens, k + 1, true) || compoundAmount(at(tokens, k + 1)))) k++;
  const sc = scaleAt(tokens, k, currency !== null);
  if (sc) return [sc[0], sc[1], currency];
  const compound = compoundAmount(at(tokens, k));
  // `a 5 billion-euro package`, `das 300-Milliarden-Euro-Investitionspaket`, `ein 50-Euro-Schein`
  if (compound && !currency && (compound[0] > 1 || k > j)) return [compound[0], k + 1, compound[1]];
  return null;
}

/** A percent unit after a dash, alone or opening a compound (`2-percent`, `2-Prozent-Ziel`). */
function dashedPercent(tokens: Token[], j: number): [string, number] | null {
  const t = at(tokens, j);
  const head = t?.kind === 'word' ? PERCENT_WORDS.get(t.low.split('-')[0]!) : undefined;
  return head ? [head, j + 1] : percentAfter(tokens, j);
}

/** A currency or a percent unit after the amount (`6.7 billion euros`, `2-percent`): [currency, unit, end]. */
function unitAfter(tokens: Token[], j: number): [string | null, string | null, number] {
  const c = currencyAfter(tokens, j);
  if (c && !at(tokens, j)!.para) return [c[0], null, c[1]];
  // `a 2-percent rise`, `a 25-basis-point cut`
  const p = percentAfter(tokens, j) ?? (gluedDash(tokens, j) ? dashedPercent(tokens, j + 1) : null);
  return p ? [null, p[0], p[1]] : [null, null, j];
}

/**
 * Reads an amount at token `i`: `€400 million`, `EUR €25 billion`, `6.7 billion euros`,
 * `$5bn`, `2.5 per cent`, `25 basis points`, `-0.30%`, `two per cent`, `5 milliards d'euros`.
 * `inRange` allows the number to follow a dash (the second end of `5-6 million`).
 */
export function readAmount(tokens: Token[], i: number, inRange = false): Amount | null {
  const lead = leadingCurrency(tokens, i);
  const numAt = lead[1];
  let currency = lead[0];
  const t = at(tokens, numAt);
  if (!t || (currency && t.para)) return null;
  const n =
    t.kind === 'num'
      ? readDigitsAt(tokens, i, numAt, currency, inRange)
      : t.kind === 'word'
        ? readWordsAt(tokens, i, numAt)
        : null;
  if (!n) return null;
  let { value, scale, end: j } = n;
  if (scale === 1) {
    const sc = scaleAfter(tokens, j, currency);
    if (sc) [scale, j, currency] = sc;
  }
  if (!n.scaled) value *= scale;
  let unit: string | null = null;
  if (!currency) [currency, unit, j] = unitAfter(tokens, j);
  if (n.mustHaveUnit && !unit) return null;
  const { start, digits, yearLike, lone } = n;
  return { start, end: j, numAt, value, scale, currency, unit, digits, yearLike, lone };
}

const RANGE_WORDS = new Set(['or', 'to', 'ou', 'à', 'bis', 'oder', 'tot', 'of', 'o', 'a', 'al']);
/** `dal 5 al 7%`, `del 5 al 7 %`: `al` closes a range only after these. */
const FROM_THE = new Set(['dal', 'del']);
const AND_WORDS = new Set(['and', 'et', 'und', 'en', 'y', 'e']);
const BETWEEN = new Set(['between', 'entre', 'zwischen', 'tussen', 'tra', 'fra']);
const FROM = new Set(['from', 'de', 'von', 'van', 'da', 'desde']);
const DASHES = new Set(['-', '–', '—', '\u2010', '\u2011']);
/** Articles before each end of a Spanish or Italian range: `entre el 2 y el 3 %`, `tra il 2 e il 3 per cento`. */
const RANGE_ARTICLES = new Set(['el', 'il', 'lo', 'los', 'i']);

/** French verbs and nouns of change after which `de` tells the size of the change (`réduire la dette de 50 %`), not its start. */
const CHANGE_BY = new Set(
  'réduire réduit réduite réduits réduites réduisant réduction baisser baissé baissée baisse abaisser abaissé augmenter augmenté augmentée augmentation hausse diminuer diminué diminuée diminution relever relevé relèvement couper coupé'.split(
    ' ',
  ),
);

/** True when the French `de` at `k` follows a word of change within the five words before it (`réduire la dette grecque de`). */
function changeBy(tokens: Token[], k: number): boolean {
  if (at(tokens, k)?.low !== 'de') return false;
  for (let b = k - 1; b >= k - 5; b--) {
    const t = at(tokens, b);
    if (!t || t.kind !== 'word') return false;
    if (CHANGE_BY.has(t.low)) return true;
  }
  return false;
}

/**
 * Extends an amount into a range or an alternative when another amount follows a connector:
 * `€7 or €8 billion`, `between 2 and 3%`, `5-6 million`, `from 20 to 25`. A currency, scale or
 * unit written once applies to both ends. Returns the low end with `max` set, or null.
 */
export function readRange(tokens: Token[], a: Amount): { amount: Amount; max: number } | null {
  const conn = at(tokens, a.end);
  if (!conn || conn.para) return null;
  const isAnd = conn.kind === 'word' && AND_WORDS.has(conn.low);
  if (isAnd) {
    let before = at(tokens, a.start - 1);
    if (before && RANGE_ARTICLES.has(before.low)) before = at(tokens, a.start - 2);
    if (!before || !BETWEEN.has(before.low)) return null;
  } else if (!(conn.kind === 'word' ? RANGE_WORDS.has(conn.low) : DASHES.has(conn.text))) return null;
  if (conn.low === 'of' && conn.lang !== 'nl') return null;
  if (conn.low === 'al' && !FROM_THE.has(at(tokens, a.start - 1)?.low ?? '')) return null;
  // `5 a 7`, `5 o 7` (Spanish, Italian; Portuguese writes `a` and `ou`)
  const romance = conn.lang === 'es' || conn.lang === 'it';
  if ((conn.low === 'a' && !romance && conn.lang !== 'pt') || (conn.low === 'o' && !romance)) return null;
  const article = at(tokens, a.end + 1);
  const skip = isAnd && article?.kind === 'word' && RANGE_ARTICLES.has(article.low) ? 1 : 0;
  const b = readAmount(tokens, a.end + 1 + skip, true);
  if (!b) return null;
  if (a.currency && b.currency && a.currency !== b.currency) return null;
  if (a.unit && b.unit && a.unit !== b.unit) return null;
  if ((a.currency && b.unit) || (a.unit && b.currency)) return null;
  if (a.yearLike && b.yearLike) return null;
  // `rose from 2.2% to 2.5%`: two whole amounts, a change and not a range
  if (
    FROM.has(at(tokens, a.start - 1)?.low ?? '') &&
    !changeBy(tokens, a.start - 1) &&
    conn.kind === 'word' &&
    a.scale === b.scale &&
    ((a.unit && b.unit) || (a.currency && b.currency))
  )
    return null;
  let low = a.value;
  if (a.scale === 1 && b.scale !== 1 && b.digits === a.digits) low *= b.scale;
  if (b.value <= low) return null;
  return {
    amount: {
      ...a,
      value: low,
      end: b.end,
      currency: a.currency ?? b.currency,
      unit: a.unit ?? b.unit,
      scale: Math.max(a.scale, b.scale),
    },
    max: b.value,
  };
}
