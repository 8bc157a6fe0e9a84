import type { Approx, FigureKind } from '../schemas/record.js';
import { percentAfter, readAmount, readRange, type Amount } from './amount.js';
import { at, capitalised, glued, isMonth, isWord, sentenceStart } from './context.js';
import { readFraction, VULGAR_FRACTIONS } from './fraction.js';
import { readItem, type Item } from './item.js';
import {
  APPROX_PHRASES,
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  COPULAS,
  DISCOURSE_NOUNS,
  FUNCTION_WORDS,
  isFunctionWord,
  IDENTIFIER_WORDS,
  MONTHS,
  NOT_ITEM_WORDS,
  PAIR_NOUNS,
  SCALES,
  VERB_HOMOGRAPHS,
  OF_PEOPLE,
  PEOPLE_PARTICIPLES,
  TIME_NOUNS,
} from './lexicon.js';
import { mayStartNumber } from './number-words.js';
import { readOrdinal, readWordOrdinal } from './ordinal.js';
import { ordinalWordValue } from './word-ordinal.js';
import type { Token } from './tokenize.js';

/** A figure found in the tokens, before ids, offsets and segments are attached. */
export interface Found {
  kind: FigureKind;
  value: number;
  valueMax: number | null;
  unit: string | null;
  approx: Approx | null;
  item: string | null;
  /** First and after-last token. */
  start: number;
  end: number;
  /**
   * An amount with no noun, currency or unit (`390 billion`, `of which 300,000`, `20 more`): it takes
   * the unit of a money or percent figure just before; alone, billions are money.
   */
  bare?: boolean;
  /** `on the 18th`: an ordinal only right after another ordinal with its noun, else a day of the month. */
  dayLike?: boolean;
}

const round = (v: number): number => (Number.isInteger(v) ? v : Math.round(v * 1e9) / 1e9);

/** Verbs after which `up to` tells a movement, not a bound: `inflation edged up to 2.4%`. */
const MOVED = new Set(
  'rose rise rises risen went go goes gone moved move moves edged climbed jumped crept ticked inched shot'.split(
    ' ',
  ),
);

/** Finds an approximation phrase that ends right before token `i` and starts at or after `floor`. */
function approxBefore(tokens: Token[], i: number, floor: number): [Approx, number] | null {
  for (const [words, approx] of APPROX_PHRASES) {
    const s = i - words.length;
    if (s < floor) continue;
    let ok = true;
    for (let k = 0; k < words.length && ok; k++) ok = tokens[s + k]!.low === words[k];
    // `rose up to 2.4%`, `edged up to`: `up to` after a verb of movement is no bound
    if (ok && words[0] === 'up' && isWord(tokens, s - 1, MOVED)) continue;
    if (ok && !tokens[i]!.para) return [approx, s];
  }
  return null;
}

const isCopula = (t: Token | undefined): boolean =>
  t !== undefined && t.kind === 'word' && (COPULAS.has(t.low) || t.low === "c'est" || t.low === "we're");

/** Words before a number that make it a part of the count just before (`including 9`). */
const PART_OF = new Set([
  'including',
  'incl',
  'notamment',
  'dont',
  'darunter',
  'davon',
  'inclusi',
  'incluidos',
  'incluidas',
  'inclusive',
  // `of which 300,000`, `di cui 15.000`, `de los cuales 15.000`, `waarvan 300`, `dos quais 300`
  'which',
  'whom',
  'cui',
  'cuales',
  'waarvan',
  'quais',
]);
/** Words before a number that add it to the count just before (`another 15,000`). */
const MORE_BEFORE = new Set(['another', 'weitere', 'otros', 'otras', 'altri', 'altre', 'outros', 'outras']);
/** Words after a number that add it to the count just before, its noun unsaid (`15,000 more`, `15 000 de plus`). */
const MORE_AFTER: ReadonlyArray<readonly string[]> = [
  ['more'],
  ['de', 'plus'],
  ['mehr'],
  ['más'],
  ['in', 'più'],
  ['a', 'mais'],
];
const moreAfter = (tokens: Token[], j: number): boolean =>
  MORE_AFTER.some((words) => words.every((w, k) => at(tokens, j + k)?.low === w));
/** First-person plural forms of `to be`: `nous sommes 27`, `somos 27`, `siamo in 27`. */
const FIRST_PLURAL = new Set(['sommes', 'somos', 'siamo']);
/** Words between a part and its whole: `10 of 27`, `26 von 27`, `26 sur 27`, `26 su 27`, `26 de 27`. */
const OF_WHOLE = new Set(['of', 'von', 'sur', 'su', 'de', 'di', 'van', 'em']);
const AND_OR = new Set(['and', 'but', 'so', 'et', 'mais', 'und', 'aber', 'e', 'ma', 'y', 'pero']);
/** Definite articles before `two sides` that make it `both sides`. */
const DEFINITE = new Set(['the', 'les', 'des', 'los', 'las', 'i', 'le', 'gli', 'die', 'den', 'de', 'het']);
/** Who a bare number after a copula counts: `we are 27`, `nous sommes 27`, `wir sind 27`. */
const PEOPLE_PRONOUNS = new Set([
  'we',
  'they',
  'nous',
  'ils',
  'elles',
  'wir',
  'sie',
  'noi',
  'loro',
  'nosotros',
  'ellos',
]);

/** Decides whether an amount with neither currency nor unit counts something, and what. */
/** German writes its nouns capitalised: words after a number with none capitalised (`300 Mio. bereit`) count nothing. */
function lowerCaseInGerman(tokens: Token[], from: number, to: number): boolean {
  if (tokens[from]?.lang !== 'de') return false;
  for (let k = from; k < to; k++) if (tokens[k]!.kind === 'word' && capitalised(tokens[k])) return false;
  return true;
}

function countItem(
  tokens: Token[],
  a: Amount,
): { ok: boolean; item: Item | null; end: number; bare?: boolean } {
  const no = { ok: false, item: null, end: a.end };
  const prev = at(tokens, a.start - 1);
  const next = at(tokens, a.end);
  if (a.lone || a.value <= 0) return no;
  if (a.yearLike && a.scale === 1) return no;
  // `24 February`, `February 24`, `Sept. 11`
  const dot = prev?.text === '.' ? 1 : 0;
  if (isMonth(tokens, a.end) || isMonth(tokens, a.start - 1 - dot)) return no;
  if (prev && prev.kind === 'word' && IDENTIFIER_WORDS.has(prev.low)) return no;
  // `Fit for 55`: a number after `for` that follows a capitalised word ends a name
  if (prev?.low === 'for' && capitalised(at(tokens, a.start - 2)) && a.scale === 1) return no;
  // `No. 1 priority`, `Art. 5`
  if (prev?.text === '.' && isWord(tokens, a.start - 2, IDENTIFIER_WORDS)) return no;
  // a capitalised word before the number names it (`Brexit Negotiations 4`, `EU 27`, `Horizon 2020`)
  if (
    capitalised(prev) &&
    !sentenceStart(tokens, a.start - 1) &&
    !isFunctionWord(prev!.low, prev!.lang) &&
    !/'s?$/.test(prev!.low) && // `the EU's 27 Member States`
    a.scale === 1 &&
    !germanNounBefore(tokens, a)
  )
    return no;
  // `10-year`, `two-state`: a compound adjective; but `a 5,000-strong force` counts the force
  if (next && !next.space && (next.text === '-' || next.text === '\u2010')) {
    if (!isWord(tokens, a.end + 1, STRONG) || !glued(tokens, a.end + 1)) return no;
    const it = readItem(tokens, a.end + 2);
    return { ok: true, item: it, end: it?.end ?? a.end + 2 };
  }
  if (
    next &&
    next.kind === 'sym' &&
    (next.text === '.' || next.text === ')') &&
    sentenceStart(tokens, a.start) &&
    a.digits
  )
    return no; // list numbering `1.` `2)`
  // `all 27 agreed`: a number after `all` counts the members it stands for
  const allOf = prev?.low === 'all' && a.digits && a.scale === 1 && a.value > 1 && a.value < 1e5;
  // `401 in favour, 8 against`: the votes of a count
  const after = at(tokens, a.end + 1);
  const vote =
    a.digits &&
    a.scale === 1 &&
    (((next?.low === 'against' || next?.low === 'for') &&
      (!after || after.kind === 'sym' || after.low === 'and')) ||
      (next?.low === 'in' && (after?.low === 'favour' || after?.low === 'favor')));
  const item = readItem(tokens, a.end);
  if (item) {
    const head = item.words[0]!;
    // `27 agreed`, `5 million only` are no counts; `5 million displaced people`, `60,000 killed` are
    const verb =
      NOT_ITEM_WORDS.has(head) ||
      (/(?:ed|ly)$/.test(head) &&
        !capitalised(tokens[a.end]) &&
        item.words.length === 1 &&
        !PEOPLE_PARTICIPLES.has(head));
    if (verb) return allOf || vote ? { ok: true, item: null, end: a.end } : no;
    // `weitere 300 Mio. bereit`: a scaled amount with no noun, which a money figure before may own
    if (lowerCaseInGerman(tokens, a.end, item.end))
      return a.scale > 1 ? { ok: true, item: null, end: a.end, bare: true } : no;
    if (TIME_NOUNS.has(head) || MONTHS.has(head)) return no;
    // `des deux côtés`, `the two sides`: both, not a count
    if (a.value === 2 && a.scale === 1 && PAIR_NOUNS.has(head) && isWord(tokens, a.start - 1, DEFINITE))
      return no;
    // `che sei anti-italiano`: a number word that is also a verb counts only a plural noun
    const homograph =
      !a.digits && a.end === a.numAt + 1 ? VERB_HOMOGRAPHS.get(tokens[a.numAt]!.low) : undefined;
    if (homograph && homograph[0] === tokens[a.numAt]!.lang && !homograph[1].includes(head.slice(-1)))
      return no;
    // `3 p.m.`, `10 a.m.`
    if ((head === 'p' || head === 'a') && at(tokens, a.end + 1)?.text === '.' && glued(tokens, a.end + 1))
      return no;
    if (a.value > 1 && opensName(tokens, a.end, item.end)) return no;
    // `the Five Eyes`, `i Cinque Stelle`, `il Movimento 5 Stelle`: a name, not a count
    if (capitalised(tokens[a.end]) && (NAMED_BY_NUMBER.has(head) || numberWordAsName(tokens, a))) return no;
    // `half-a-trillion more asset purchase`: a large amount in words before `more` is money left unsaid
    if (!a.digits && a.scale >= 1e6 && FUNCTION_WORDS.has(head)) return no;
    if (item.words.some((w) => DISCOURSE_NOUNS.has(w))) return no;
    if (item.words.some((w) => TIME_NOUNS.has(w) && w !== 'times')) return no;
    // `Reference: 90958 Duration: …`: a label's value, not a count
    if (prev?.text === ':' && capitalised(tokens[a.end])) return no;
    // `1049 Brussels`, `1000 Bruxelles`: a postcode before a place name; German capitalises every
    // noun, so there a lower-case word before the number (`hat 3000 Flüchtlinge`) makes it a count
    const lowerBefore = prev?.kind === 'word' && prev.text === prev.low && prev.lang === 'de';
    if (
      a.digits &&
      a.scale === 1 &&
      /^\d{4,5}$/.test(tokens[a.numAt]!.text) &&
      capitalised(tokens[a.end]) &&
      !lowerBefore
    )
      return no;
    return { ok: true, item, end: item.end };
  }
  // `20 of the 27 Member States`, `two of these countries`: the noun comes after `of the`
  if (next?.low === 'of' && isWord(tokens, a.end + 1, PARTITIVE_DETERMINERS)) {
    let k = a.end + 2;
    const whole = at(tokens, k)?.kind === 'num'; // `26 of the 27`
    if (whole) k++;
    const it = readItem(tokens, k);
    if (it ? !it.words.some((w) => TIME_NOUNS.has(w) || DISCOURSE_NOUNS.has(w) || MONTHS.has(w)) : whole)
      return { ok: true, item: it, end: a.end };
  }
  // `quatre millions de réfugiés`, `cinco millones de personas`: a scale, then `of` and the noun
  // `los 1.000 millones de los ucranianos`: an article after `de` leads to whose money it is, not what is counted
  if (a.scale >= 1e6 && next && (SCALE_OF.has(next.low) || next.low.startsWith("d'"))) {
    const after = at(tokens, a.end + 1);
    const bare = SCALE_OF.has(next.low) && after !== undefined && isFunctionWord(after.low, after.lang);
    return { ok: true, item: null, end: a.end, bare };
  }
  if (!a.digits) return no;
  // `27 of us`
  if (next?.low === 'of' && isWord(tokens, a.end + 1, OF_PEOPLE))
    return { ok: true, item: null, end: a.end + 2 };
  if (allOf || vote) return { ok: true, item: null, end: a.end };
  // `only 10 of 27 came`, `26 von 27`, `26 sur 27`, `26 su 27`: a part of a whole written as a number
  const whole = at(tokens, a.end + 1);
  if (
    next?.kind === 'word' &&
    OF_WHOLE.has(next.low) &&
    whole?.kind === 'num' &&
    (next.low === 'of' || /^\d{1,3}$/.test(whole.text)) &&
    a.scale === 1 &&
    a.value < 1e5
  )
    return { ok: true, item: null, end: a.end };
  // `64 meetings, including 9 in Luxembourg`: a part of the count just before, its noun unsaid
  // `another 15,000`, `15 000 de plus`: more of the count just before
  const partOf = prev !== undefined && (PART_OF.has(prev.low) || MORE_BEFORE.has(prev.low));
  // (`bare`: it takes the unit of a money or percent figure just before, `80% … we need 20 more`)
  if ((partOf || moreAfter(tokens, a.end)) && a.scale === 1 && a.value < 1e7 && !a.yearLike)
    return { ok: true, item: null, end: a.end, bare: true };
  // `we are 27.`, `c'est 41,`, `we are 27 and …`; `wir sind 27 am Tisch`, `siamo in 27`
  const ends =
    !next ||
    next.kind === 'sym' ||
    (AND_OR.has(next.low) && PEOPLE_PRONOUNS.has(at(tokens, a.start - 2)?.low ?? ''));
  const be = prev?.low === 'in' || prev?.low === 'à' ? a.start - 2 : a.start - 1;
  const weAre =
    isCopula(at(tokens, be)) &&
    (FIRST_PLURAL.has(at(tokens, be)!.low) || PEOPLE_PRONOUNS.has(at(tokens, be - 1)?.low ?? ''));
  if ((weAre || (isCopula(prev) && ends)) && a.value < 1e5 && !a.yearLike)
    return { ok: true, item: null, end: a.end };
  // `2 million` with no noun after it
  if (a.scale > 1 && prev?.text !== ':') return { ok: true, item: null, end: a.end, bare: true };
  return no;
}

/** Capitalised nouns that a number before them turns into a name (`5 Stelle`, `Five Eyes`). */
const NAMED_BY_NUMBER = new Set(['stelle', 'étoiles', 'estrellas', 'estrelas', 'eyes']);

/** A number in words written with a capital inside a sentence, before a capitalised noun, opens a name. */
function numberWordAsName(tokens: Token[], a: Amount): boolean {
  const t = tokens[a.numAt]!;
  return !a.digits && capitalised(t) && !sentenceStart(tokens, a.numAt) && t.lang !== 'de';
}

/**
 * German capitalises every noun: `für die Armee 5000 Soldaten` has a common noun before the number
 * and a plural noun after it, so the capital names nothing (unlike `Horizont 2020`, `Paket 4`).
 */
function germanNounBefore(tokens: Token[], a: Amount): boolean {
  const prev = at(tokens, a.start - 1)!;
  const next = at(tokens, a.end);
  return (
    prev.lang === 'de' &&
    a.digits &&
    a.value > 1 &&
    !a.yearLike &&
    prev.text !== prev.text.toUpperCase() &&
    isFunctionWord(at(tokens, a.start - 2)?.low ?? '', 'de') &&
    capitalised(next) &&
    !isFunctionWord(next!.low, 'de')
  );
}

/**
 * True when the words from `j` (up to `end`) are a name in title case that the number before them
 * opens: two or more capitalised words ending in a singular noun, and no plural noun after them
 * (`the Three Seas Initiative`, `3 Seas Initiative summit`), unlike `5 Central Asian countries`,
 * `23 European Union member states` or `27 Member States`.
 */
function opensName(tokens: Token[], j: number, end: number): boolean {
  let k = j;
  while (k < end && capitalised(tokens[k])) k++;
  if (k - j < 2 || tokens[j]!.lang !== 'en') return false;
  const singular = (t: Token | undefined) => t === undefined || t.kind !== 'word' || !t.low.endsWith('s');
  return singular(tokens[k - 1]) && singular(tokens[end - 1]);
}

/**
 * The matcher: one left-to-right pass over the tokens, trying at each token a fraction,
 * a digit ordinal, then an amount (with its range, unit and item). Each try looks at a
 * bounded number of tokens, so the pass is linear in the text.
 */
export function findFigures(tokens: Token[]): Found[] {
  const out: Found[] = [];
  let floor = 0; // first token not yet used by a figure
  let lastCurrency: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (i < floor) continue;
    const prior = out[out.length - 1];
    // `1.2 million rounds of ammunition, and we want to reach two million`: the noun is left unsaid
    const elided =
      prior?.kind === 'count' &&
      prior.item !== null &&
      i - prior.end <= ELLIPSIS_WINDOW &&
      !parasBetween(tokens, prior.end, i);
    const f = tryAt(tokens, i, floor, elided);
    if (!f) continue;
    const last = out[out.length - 1];
    const near =
      last !== undefined && f.start - last.end <= ELLIPSIS_WINDOW && !parasBetween(tokens, last.end, f.start);
    // `the 17th package … working on the 18th`: the series carries over; else `on the 18th` is a date
    if (f.dayLike && !seriesBefore(tokens, out, f.start)) continue;
    // `EUR 750 billion, of which 390 billion in grants`: the currency carries over (and a percent unit)
    if (f.bare && near && (last.kind === 'money' || last.kind === 'percent')) {
      f.kind = last.kind;
      f.unit = last.unit;
    } else if (f.bare && f.value >= 1e9 && !(near && last.kind === 'count' && last.value >= 1e9)) {
      // `20 billion a month`, `20 milliards par mois`: billions with no noun are money, in the
      // currency the text last named (EUR, the currency of these remarks, when it named none)
      f.kind = 'money';
      f.unit = lastCurrency ?? 'EUR';
    }
    if (f.kind === 'money') lastCurrency = f.unit;
    out.push(f);
    floor = f.end;
    i = f.end - 1;
  }
  return out;
}

const ELLIPSIS_WINDOW = 30;
/** `a 5,000-strong force`: the compound counts the noun after it. */
const STRONG = new Set(['strong']);
/** Words after `N of` that lead to the noun counted: `20 of the 27 Member States`. */
const PARTITIVE_DETERMINERS = new Set(['the', 'these', 'those', 'our', 'their', 'its', 'your']);
/** `of` after a scale word, in the languages that put it there (`millions de`, `millones de`, `milioni di`). */
const SCALE_OF = new Set(['of', 'de', 'di', 'van']);

/** True when an ordinal with its noun (`the 17th package`) ends shortly before token `at`, in the same paragraph. */
function seriesBefore(tokens: Token[], out: Found[], at: number): boolean {
  for (let k = out.length - 1; k >= 0 && at - out[k]!.end <= ELLIPSIS_WINDOW; k--) {
    const f = out[k]!;
    if (f.kind === 'ordinal' && f.item) return !parasBetween(tokens, f.end, at);
  }
  return false;
}

function parasBetween(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k <= to && k < tokens.length; k++) if (tokens[k]!.para) return true;
  return false;
}

function withApprox(tokens: Token[], f: Omit<Found, 'approx'>, floor: number): Found {
  const a = approxBefore(tokens, f.start, floor);
  return a ? { ...f, approx: a[0], start: a[1] } : { ...f, approx: null };
}

/** Words at which a figure may start besides numbers: articles and words of fractions, currencies. */
const WORD_STARTERS = new Set([
  'la',
  'die',
  'de',
  'half',
  'moitié',
  'hälfte',
  'helft',
  'mitad',
  'metà',
  'metade',
  'ein',
  'eine',
  'einem',
  'einen',
  'een',
  'un',
  'une',
  "d'un",
  "d'une",
  'zwei',
  'drei',
  'vier',
  'twee',
  'drie',
  'deux',
  'trois',
  'quatre',
]);

function mayStart(t: Token): boolean {
  if (t.kind === 'num') return true;
  if (t.kind === 'sym') return CURRENCY_SYMBOLS.has(t.text) || VULGAR_FRACTIONS.has(t.text);
  return (
    WORD_STARTERS.has(t.low) ||
    CURRENCY_CODES.has(t.text) ||
    t.text === 'US' ||
    t.low === 'euro' ||
    mayStartNumber(t.low, t.lang) ||
    ordinalWordValue(t.low) !== null
  );
}

function tryAt(tokens: Token[], i: number, floor: number, elided = false): Found | null {
  const t = tokens[i]!;
  if (!mayStart(t)) return null;
  if (t.kind === 'word' && (t.low === 'la' || t.low === 'die' || t.low === 'de')) {
    const fr = readFraction(tokens, i + 1);
    const f = fr && fr.start === i ? frac(tokens, fr) : null;
    if (f) return withApprox(tokens, f, floor);
  }
  const fr = readFraction(tokens, i);
  const f = fr ? frac(tokens, fr) : null;
  if (f) return withApprox(tokens, f, floor);
  // an article is a number only before a scale word: `un milliard`, `eine Milliarde`, `a million`
  if (
    t.kind === 'word' &&
    isFunctionWord(t.low, t.lang) &&
    t.low !== 'a' &&
    t.low !== 'an' &&
    t.text !== 'US' &&
    !SCALES.has(at(tokens, i + 1)?.low ?? '')
  )
    return null;
  const ord = readOrdinal(tokens, i) ?? readWordOrdinal(tokens, i);
  if (ord) {
    const item = readItem(tokens, ord.end);
    return withApprox(
      tokens,
      {
        kind: 'ordinal',
        value: ord.value,
        valueMax: null,
        unit: null,
        item: item?.text ?? null,
        start: ord.start,
        end: item?.end ?? ord.end,
        dayLike: ord.dayLike,
      },
      floor,
    );
  }
  const a0 = readAmount(tokens, i);
  if (!a0) return null;
  const range = readRange(tokens, a0);
  // `one or two countries`: `one` is a number when it opens a range
  const a = range ? { ...range.amount, lone: false } : a0;
  // `minus 0.2 per cent`
  if (a.unit && at(tokens, a.start - 1)?.low === 'minus' && a.value > 0) {
    a.value = -a.value;
    if (range) [range.max, a.value] = [a.value, -range.max];
    a.start--;
  }
  // a date range (`13-14 December`, `between 6 and 9 June`) or a date
  if (!a.currency && !a.unit && isMonth(tokens, a.end)) return null;
  let kind: FigureKind;
  let item: string | null = null;
  let end = a.end;
  let bare = false;
  // `2.500 refugees`, `€1.500` in an English paragraph: counts are whole and amounts of money carry
  // two decimals at most, so the dot groups thousands
  const dotThousands =
    a.scale === 1 && !range && /^[1-9]\d{0,2}\.\d{3}$/.test(tokens[a.numAt]!.text)
      ? Number(tokens[a.numAt]!.text.replace('.', ''))
      : null;
  if (a.currency) {
    kind = 'money';
    if (dotThousands !== null) a.value = dotThousands;
  } else if (a.unit) kind = 'percent';
  else {
    let c = countItem(tokens, a);
    // a large amount in words after a count of something, in the same stretch: more of the same
    if (!c.ok && elided && !a.digits && a.scale >= 1e6 && at(tokens, a.end)?.kind !== 'sym')
      c = { ok: true, item: null, end: a.end };
    if (!c.ok) return null;
    kind = 'count';
    if (c.item && dotThousands !== null) a.value = dotThousands;
    item = c.item?.text ?? null;
    end = c.end;
    bare = c.bare === true;
  }
  return withApprox(
    tokens,
    {
      kind,
      value: round(a.value),
      valueMax: range ? round(range.max) : null,
      unit: a.unit ?? a.currency,
      item,
      start: a.start,
      end,
      bare,
    },
    floor,
  );
}

function frac(
  tokens: Token[],
  fr: { start: number; end: number; value: number },
): Omit<Found, 'approx'> | null {
  let end = fr.end;
  let item: string | null = null;
  // `half a percentage point`, `a quarter of a percentage point`: a share of a percent unit
  let k = end;
  if (at(tokens, k)?.low === 'of') k++;
  if (at(tokens, k)?.low === 'a') k++;
  const pct = percentAfter(tokens, k);
  if (pct)
    return {
      kind: 'percent',
      value: fr.value,
      valueMax: null,
      unit: pct[0],
      item,
      start: fr.start,
      end: pct[1],
    };
  const of = at(tokens, end);
  if (
    of &&
    (of.low === 'of' ||
      of.low === 'van' ||
      of.low === 'de' ||
      of.low === 'des' ||
      of.low === 'du' ||
      of.low === 'der')
  ) {
    let k = end + 1;
    // `a quarter of them are led by women`: the whole is a pronoun, and what follows is no item
    const pronoun = isWord(tokens, k, OF_PEOPLE);
    while (k < end + 3 && at(tokens, k) && isFunctionWord(at(tokens, k)!.low, at(tokens, k)!.lang)) k++;
    if (pronoun) end += 2;
    const it = pronoun ? null : readItem(tokens, k);
    if (it && TIME_NOUNS.has(it.words[0]!)) return null;
    if (it) {
      item = it.text;
      end = it.end;
    }
  }
  return { kind: 'fraction', value: round(fr.value), valueMax: null, unit: null, item, start: fr.start, end };
}
