import { at, glued } from './context.js';
import { ORDINAL_NOUNS, TIME_NOUNS } from './lexicon.js';
import { wordValue } from './number-words.js';
import type { Token } from './tokenize.js';

/** A fraction read from the tokens. */
export interface Fraction {
  start: number;
  end: number;
  value: number;
}

const NUMERATORS = new Map<string, number>([
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['deux', 2],
  ['trois', 3],
  ['quatre', 4],
  ['zwei', 2],
  ['drei', 3],
  ['vier', 4],
  ['twee', 2],
  ['drie', 3],
  ['dos', 2],
  ['tres', 3],
  ['cuatro', 4],
  ['due', 2],
  ['tre', 3],
  ['quattro', 4],
  ['dois', 2],
  ['duas', 2],
  ['três', 3],
]);
/** Articles as numerators: `a third of`, `un tiers des`, `ein Drittel der`, `een vijfde van`. */
const ARTICLES = new Set(['a', 'an', 'un', 'une', 'ein', 'eine', 'einem', 'einen', 'een', 'uno', 'um']);
const DENOMINATORS = new Map<string, number>([
  ['half', 2],
  ['halves', 2],
  ['third', 3],
  ['thirds', 3],
  ['quarter', 4],
  ['quarters', 4],
  ['fifth', 5],
  ['fifths', 5],
  ['sixth', 6],
  ['sixths', 6],
  ['eighth', 8],
  ['eighths', 8],
  ['tenth', 10],
  ['tenths', 10],
  ['tiers', 3],
  ['quart', 4],
  ['quarts', 4],
  ['cinquième', 5],
  ['cinquièmes', 5],
  ['dixième', 10],
  ['dixièmes', 10],
  ['drittel', 3],
  ['viertel', 4],
  ['fünftel', 5],
  ['zehntel', 10],
  ['derde', 3],
  ['kwart', 4],
  ['vijfde', 5],
  ['tiende', 10],
  ['tercio', 3],
  ['tercios', 3],
  ['cuarto', 4],
  ['cuartos', 4],
  ['quinto', 5],
  ['quintos', 5],
  ['terzo', 3],
  ['terzi', 3],
  ['quarto', 4],
  ['quarti', 4],
  ['quinti', 5],
  ['terço', 3],
  ['terços', 3],
]);
/** Fractions written as one character. */
export const VULGAR_FRACTIONS: ReadonlyMap<string, number> = new Map([
  ['½', 1 / 2],
  ['⅓', 1 / 3],
  ['⅔', 2 / 3],
  ['¼', 1 / 4],
  ['¾', 3 / 4],
  ['⅕', 1 / 5],
  ['⅛', 1 / 8],
]);

/** Words after which an article-led fraction is one (`a quarter of`). */
const OF = new Set([
  'of',
  'de',
  'du',
  'des',
  'der',
  'van',
  'aller',
  'del',
  'di',
  'dei',
  'degli',
  'delle',
  'della',
  'dello',
  'do',
  'da',
  'dos',
  'das',
  // `ein Viertel davon`: of it
  'davon',
]);
/** Prepositions of change before an article-led fraction: `cut by a third`, `um ein Drittel`, `ridotto di un terzo`, `reducir en un tercio`. */
const BY = new Set(['by', 'um', 'met', 'di', 'en', 'em']);
/** The French article glued to `de`: `réduit d'un tiers`, `près d'un quart` (by or of a share). */
const DE_ARTICLES = new Set(["d'un", "d'une"]);
/** Words for one half that stand alone before their noun: `half of`, `la moitié`, `die Hälfte`, `de helft`. */
const HALF_WORDS = new Set(['half', 'moitié', 'hälfte', 'helft', 'mitad', 'metà', 'metade']);
const HALF_NEXT = new Set([
  'of',
  'the',
  'its',
  'their',
  'our',
  'his',
  'her',
  'all',
  'these',
  'those',
  'this',
  'that',
]);
const HALF_ARTICLE = new Set(['la', 'die', 'de', 'der', 'a']);
const NOT_BEFORE_HALF = new Set([
  'first',
  'second',
  'latter',
  'other',
  'on',
  'behalf',
  'and',
  'a',
  'an',
  'one',
  'last',
  'next',
]);

function ofFollows(tokens: Token[], j: number): boolean {
  const t = at(tokens, j);
  return t !== undefined && t.kind === 'word' && (OF.has(t.low) || t.low.startsWith("d'"));
}

/**
 * Reads a fraction at token `i`: `two-thirds`, `two- thirds`, `one third`, `a quarter of`,
 * `half of the`, `three quarters`, `1/3`, `un tiers`, `zwei Drittel`, `een vijfde van`, `la moitié`.
 * `a third country` and `the second half` are no fractions.
 */
export function readFraction(tokens: Token[], i: number): Fraction | null {
  const t = tokens[i];
  if (!t) return null;
  const oneIn = oneInN(tokens, i);
  if (oneIn) return oneIn;
  if (t.kind === 'num') return digitFraction(tokens, i);
  if (t.kind === 'sym') {
    // `½ of the budget`, `¾ des fonds`; `1½` glued to a digit is a mixed number, left out
    const v = VULGAR_FRACTIONS.get(t.text);
    return v !== undefined && !(at(tokens, i - 1)?.kind === 'num' && glued(tokens, i))
      ? { start: i, end: i + 1, value: v }
      : null;
  }
  if (t.kind !== 'word') return null;

  // `half of`, `la moitié de`, `die Hälfte`
  if (HALF_WORDS.has(t.low)) {
    const prev = at(tokens, i - 1);
    const next = at(tokens, i + 1);
    if (t.low === 'half') {
      if (prev && NOT_BEFORE_HALF.has(prev.low)) return null;
      const byHalf = prev?.low === 'by' && (!next || next.kind !== 'word' || !HALF_NEXT.has(next.low));
      const ofPoint = next?.low === 'a' && /^(?:percentage|basis)$/.test(at(tokens, i + 2)?.low ?? '');
      if (!byHalf && !ofPoint && (!next || !HALF_NEXT.has(next.low) || next.para)) return null;
      return { start: i, end: i + 1, value: 0.5 };
    }
    // Portuguese writes `metade dos` without the article too
    if (t.low === 'metade' && ofFollows(tokens, i + 1) && !HALF_ARTICLE.has(prev?.low ?? ''))
      return { start: i, end: i + 1, value: 0.5 };
    if (!prev || !HALF_ARTICLE.has(prev.low)) return null;
    return { start: i - 1, end: i + 1, value: 0.5 };
  }

  // numerator and denominator, in one hyphenated token or in two
  let num: number | undefined;
  let den: number | undefined;
  let end = i + 1;
  let article = false;
  const parts = t.low.split(/[-\u2010]/);
  if (parts.length === 2) {
    num = NUMERATORS.get(parts[0]!) ?? (ARTICLES.has(parts[0]!) ? 1 : undefined);
    den = DENOMINATORS.get(parts[1]!);
    article = ARTICLES.has(parts[0]!);
  } else if (parts.length === 1) {
    article = ARTICLES.has(t.low) && !DE_ARTICLES.has(t.low);
    num = NUMERATORS.get(t.low) ?? (article || DE_ARTICLES.has(t.low) ? 1 : undefined);
    if (num === undefined) return null;
    let k = i + 1;
    const dash = at(tokens, k);
    if (dash && dash.kind === 'sym' && (dash.text === '-' || dash.text === '\u2010') && glued(tokens, k)) k++;
    const d = at(tokens, k);
    if (!d || d.kind !== 'word' || d.para) return null;
    den = DENOMINATORS.get(d.low);
    end = k + 1;
  }
  if (num === undefined || den === undefined || num >= den) return null;
  // `half` is read above; `one half of them` is a fraction, `a half million` is left to the number reader
  if (den === 2 && !(num === 1 && ofFollows(tokens, end))) return null;
  // `a third of`, or `by a third` (a change by that share)
  if (article && !ofFollows(tokens, end) && !BY.has(at(tokens, i - 1)?.low ?? '')) return null;
  const after = at(tokens, end);
  if (after && after.kind === 'word' && ORDINAL_NOUNS.has(after.low)) return null;
  // `the one third`… and `two fifths` are fine; `the third` has no numerator and never gets here
  return { start: i, end, value: num / den };
}

/** `one in three Europeans`, `1 in 5 children`, `seven out of ten`: a share written as odds. */
function oneInN(tokens: Token[], i: number): Fraction | null {
  const t = tokens[i]!;
  const small = (x: Token | undefined): number =>
    !x
      ? NaN
      : x.kind === 'num'
        ? /^\d{1,3}$/.test(x.text)
          ? Number(x.text)
          : NaN
        : (wordValue(x.low, x.lang) ?? NaN);
  const num = small(t);
  if (!(num >= 1 && num <= 100) || (t.kind === 'num' && at(tokens, i - 1) && !t.space)) return null;
  let k = i + 1;
  if (at(tokens, k)?.low === 'out' && at(tokens, k + 1)?.low === 'of') k += 2;
  else if (at(tokens, k)?.low === 'in' && num <= 10) k++;
  else return null;
  const d = at(tokens, k);
  const n = small(d);
  if (!(n >= 2 && n <= 1000 && num < n)) return null;
  const after = at(tokens, k + 1);
  if (after && !after.space && after.kind !== 'sym') return null;
  if (after && after.kind === 'word' && TIME_NOUNS.has(after.low)) return null;
  return { start: i, end: k + 1, value: num / n };
}

function digitFraction(tokens: Token[], i: number): Fraction | null {
  const slash = at(tokens, i + 1);
  const d = at(tokens, i + 2);
  if (
    !slash ||
    slash.text !== '/' ||
    !glued(tokens, i + 1) ||
    !d ||
    d.kind !== 'num' ||
    !glued(tokens, i + 2)
  )
    return null;
  const prev = at(tokens, i - 1);
  if (prev && glued(tokens, i) && prev.kind !== 'word') return null;
  if (prev && glued(tokens, i)) return null;
  const after = at(tokens, i + 3);
  if (after && glued(tokens, i + 3) && (after.text === '/' || after.kind === 'num' || after.kind === 'word'))
    return null;
  const n = Number(tokens[i]!.text);
  const dv = Number(d.text);
  if (!/^\d$/.test(tokens[i]!.text) || !/^\d{1,2}$/.test(d.text) || dv < 2 || dv > 10 || n < 1 || n >= dv)
    return null;
  return { start: i, end: i + 3, value: n / dv };
}
