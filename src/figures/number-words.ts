import { SCALES, type Lang } from './lexicon.js';
import type { Token } from './tokenize.js';

const table = (lang: Lang, words: string, values?: number[]): Map<string, number> =>
  new Map(
    words
      .trim()
      .split(/\s+/)
      .map((w, k) => [w, values ? values[k]! : k + (lang === 'en' ? 0 : 1)]),
  );

const EN_SMALL = table(
  'en',
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen',
);
const EN_TENS = table(
  'en',
  'twenty thirty forty fifty sixty seventy eighty ninety',
  [20, 30, 40, 50, 60, 70, 80, 90],
);

const FR_WORDS = new Map<string, number>([
  ...table('fr', 'un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize'),
  ['une', 1],
  ['vingt', 20],
  ['trente', 30],
  ['quarante', 40],
  ['cinquante', 50],
  ['soixante', 60],
  ['quatre-vingt', 80],
  ['quatre-vingts', 80],
  ['septante', 70],
  ['nonante', 90],
]);
const DE_WORDS = new Map<string, number>([
  ...table('de', 'eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf'),
  ['ein', 1],
  ['eine', 1],
  ['anderthalb', 1.5],
  ...table(
    'de',
    'dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn',
    [13, 14, 15, 16, 17, 18, 19],
  ),
  ...table(
    'de',
    'zwanzig dreißig dreissig vierzig fünfzig sechzig siebzig achtzig neunzig',
    [20, 30, 30, 40, 50, 60, 70, 80, 90],
  ),
]);
const NL_WORDS = new Map<string, number>([
  ...table('nl', 'een twee drie vier vijf zes zeven acht negen tien elf twaalf'),
  ['één', 1],
  ...table(
    'nl',
    'dertien veertien vijftien zestien zeventien achttien negentien',
    [13, 14, 15, 16, 17, 18, 19],
  ),
  ...table(
    'nl',
    'twintig dertig veertig vijftig zestig zeventig tachtig negentig',
    [20, 30, 40, 50, 60, 70, 80, 90],
  ),
]);

const ES_WORDS = new Map<string, number>([
  ...table(
    'es',
    'uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve veinte',
  ),
  ['un', 1],
  ['una', 1],
  ...table(
    'es',
    'veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve',
    [21, 22, 23, 24, 25, 26, 27, 28, 29],
  ),
  ...table('es', 'treinta cuarenta cincuenta sesenta setenta ochenta noventa', [30, 40, 50, 60, 70, 80, 90]),
  ...table(
    'es',
    'cien ciento doscientos trescientos cuatrocientos quinientos seiscientos setecientos ochocientos novecientos',
    [100, 100, 200, 300, 400, 500, 600, 700, 800, 900],
  ),
]);
const IT_WORDS = new Map<string, number>([
  ...table(
    'it',
    'uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove',
  ),
  ['un', 1],
  ['una', 1],
  ['tré', 3],
  ...table(
    'it',
    'venti trenta quaranta cinquanta sessanta settanta ottanta novanta',
    [20, 30, 40, 50, 60, 70, 80, 90],
  ),
]);

const PT_WORDS = new Map<string, number>([
  ...table(
    'pt',
    'um dois três quatro cinco seis sete oito nove dez onze doze treze catorze quinze dezasseis dezassete dezoito dezanove vinte',
  ),
  ['uma', 1],
  ['duas', 2],
  ['quatorze', 14],
  ...table('pt', 'dezesseis dezessete dezenove', [16, 17, 19]),
  ...table('pt', 'trinta quarenta cinquenta sessenta setenta oitenta noventa', [30, 40, 50, 60, 70, 80, 90]),
  ...table(
    'pt',
    'cem cento duzentos duzentas trezentos trezentas quatrocentos quinhentos seiscentos setecentos oitocentos novecentos',
    [100, 100, 200, 200, 300, 300, 400, 500, 600, 700, 800, 900],
  ),
]);

const HUNDRED = new Set(['hundred', 'cent', 'cents', 'hundert', 'honderd', 'cento']);
/** Thousands; `mille` (French, Italian) and `mil` (Spanish) also stand alone for one thousand. */
const THOUSAND = new Set(['thousand', 'mille', 'tausend', 'duizend', 'mil', 'mila']);
const bareThousand = (w: string, lang: Lang): boolean =>
  (w === 'mille' && (lang === 'fr' || lang === 'it')) || (w === 'mil' && (lang === 'es' || lang === 'pt'));
/** Scales that follow number words (`zwei Milliarden`): the scale words of a million and up, abbreviations aside. */
const BIG: ReadonlyMap<string, number> = new Map(
  [...SCALES].filter(([w, v]) => v >= 1e6 && !['mio', 'mrd', 'mld'].includes(w)),
);
const AND = new Set(['and', 'et', 'und', 'en', 'y', 'e']);
const ARTICLE = new Set(['a', 'an']);
/** `and a half` without the article: `et demi`, `y medio`, `e mezzo`. */
const HALVES = new Set(['demi', 'demie', 'medio', 'media', 'mezzo', 'mezza', 'meio', 'meia']);
const POINT = new Set(['point', 'virgule', 'komma']);

/** Joins unit and tens written as one word: German `siebenundzwanzig`, Dutch `zevenentwintig`. */
const unitsFirst =
  (and: RegExp) =>
  (w: string, words: Map<string, number>): number | null => {
    // every place the joiner occurs, as the unit may hold it too (`zeven-en-twintig`)
    for (const m of w.matchAll(and)) {
      if (m.index === 0) continue;
      const unit = words.get(w.slice(0, m.index));
      const tens = words.get(w.slice(m.index + m[0].length));
      if (unit !== undefined && tens !== undefined && unit < 10 && tens >= 20 && tens % 10 === 0)
        return unit + tens;
    }
    return null;
  };

/** Joins tens and unit written as one word, the tens' last vowel elided before a vowel: Italian `ventisette`, `ventotto`. */
function tensFirst(w: string, words: Map<string, number>): number | null {
  for (const [tens, v] of words) {
    if (v < 20 || v % 10 !== 0) continue;
    const cut = w.startsWith(tens) ? tens.length : w.startsWith(tens.slice(0, -1)) ? tens.length - 1 : 0;
    const unit = cut ? words.get(w.slice(cut)) : undefined;
    if (unit !== undefined && unit >= 1 && unit < 10) return v + unit;
  }
  return null;
}

type Lexicon = {
  words: Map<string, number>;
  hundred: string;
  thousand: string;
  join: (w: string, words: Map<string, number>) => number | null;
};
const COMPOUNDS: Partial<Record<Lang, Lexicon>> = {
  de: { words: DE_WORDS, hundred: 'hundert', thousand: 'tausend', join: unitsFirst(/und/g) },
  nl: { words: NL_WORDS, hundred: 'honderd', thousand: 'duizend', join: unitsFirst(/ën|en/g) },
  it: { words: IT_WORDS, hundred: 'cento', thousand: 'mila', join: tensFirst },
};

/** Looks a single word up as a number in the paragraph's language (German, Dutch and Italian compounds included). */
export function wordValue(word: string, lang: Lang): number | null {
  const en = EN_SMALL.get(word) ?? EN_TENS.get(word);
  if (en !== undefined) return en;
  if (lang === 'fr') return FR_WORDS.get(word) ?? null;
  if (lang === 'es') return ES_WORDS.get(word) ?? null;
  if (lang === 'pt') return PT_WORDS.get(word) ?? null;
  const lex = COMPOUNDS[lang];
  if (!lex) return null;
  // `zweieinhalb`, `eineinhalb`: and a half
  if (lang === 'de' && word.length > 7 && word.endsWith('einhalb')) {
    const whole = compound(word.slice(0, -7), lex);
    return whole === null ? null : whole + 0.5;
  }
  return compound(word, lex);
}

function compound(w: string, lex: Lexicon): number | null {
  const direct = lex.words.get(w);
  if (direct !== undefined) return direct;
  if (w.length < 4 || w.length > 60) return null;
  for (const [sep, mult] of [
    [lex.thousand, 1000],
    [lex.hundred, 100],
  ] as const) {
    const k = w.indexOf(sep);
    if (k < 0) continue;
    const left = k === 0 ? 1 : compound(w.slice(0, k), lex);
    const rightWord = w.slice(k + sep.length);
    const right = rightWord === '' ? 0 : compound(rightWord, lex);
    if (left === null || right === null || left >= mult) return null;
    return left * mult + right;
  }
  return lex.join(w, lex.words);
}

const STARTERS = new Set<string>([
  ...EN_SMALL.keys(),
  ...EN_TENS.keys(),
  ...FR_WORDS.keys(),
  ...HUNDRED,
  ...THOUSAND,
  'a',
  'an',
  'half',
  'quatre',
]);

/** Cheap first test: can a number written in words start with this (lower-case) word? */
export function mayStartNumber(low: string, lang: Lang): boolean {
  const dash = low.indexOf('-');
  const head = dash > 0 ? low.slice(0, dash) : low;
  if (STARTERS.has(head)) return true;
  if (lang === 'en' || lang === 'fr') return false;
  if (lang === 'es') return ES_WORDS.has(head);
  if (lang === 'pt') return PT_WORDS.has(head);
  return COMPOUNDS[lang] !== undefined && wordValue(head, lang) !== null;
}

/** A number written in words, read from the tokens. */
export interface WordNumber {
  value: number;
  /** Index of the first token after the number. */
  end: number;
  /** A scale word (million, billion…) was read as part of it. */
  scaled: boolean;
  /** The last scale word's factor, or 1. */
  scale: number;
  /** The number is a lone `one`, `a`, `un`, `ein`…: a pronoun or article, not a figure by itself. */
  lone: boolean;
}

type Atom = { w: string; tok: number; last: boolean };

/** Splits the tokens from `i` into word atoms (hyphen compounds apart), at most `max` tokens. */
function atoms(tokens: Token[], i: number, max: number): Atom[] {
  const out: Atom[] = [];
  for (let k = i; k < tokens.length && k < i + max; k++) {
    const t = tokens[k]!;
    if (k > i && t.para) break;
    if (t.kind === 'sym' && (t.low === '-' || t.low === '\u2010') && out.length) continue;
    if (t.kind !== 'word') break;
    const parts = t.low.startsWith('quatre-vingt')
      ? [
          'quatre-vingt',
          ...t.low
            .slice(13)
            .split(/[-\u2010]/)
            .filter(Boolean),
        ]
      : t.low.includes('-')
        ? t.low.split(/[-\u2010]/)
        : [t.low];
    parts.forEach((w, n) => out.push({ w, tok: k, last: n === parts.length - 1 }));
  }
  return out;
}

/**
 * Reads a number written in words at token `i`: `twenty-seven`, `a hundred and fifty`,
 * `one and a half million`, `four point six`, `deux`, `siebenundzwanzig`, `half a million`.
 * Stops at the end of the last whole token it could read.
 */
export function readWordNumber(tokens: Token[], i: number): WordNumber | null {
  const t0 = tokens[i];
  if (!t0 || t0.kind !== 'word' || !mayStartNumber(t0.low, t0.lang)) return null;
  const lang = t0.lang;
  const as = atoms(tokens, i, 12);
  let total = 0;
  let cur = 0;
  let prev = -1; // last small/tens value added, for additive compounds
  let any = false;
  let scaled = false;
  let words = 0;
  let best: WordNumber | null = null;
  let k = 0;
  let art = false;
  let bigScale = 1;
  const commit = (atom: Atom) => {
    if (!atom.last || !any) return;
    const value = total + cur;
    best = { value, end: atom.tok + 1, scaled, scale: bigScale, lone: words === 1 && value === 1 };
  };
  while (k < as.length) {
    const a = as[k]!;
    const next = as[k + 1];
    // `one half billion`, `a half million`: half of the scale, the article or `one` before it read with it
    const halfOf = (h: Atom | undefined, big: Atom | undefined) => h?.w === 'half' && big && BIG.has(big.w);
    if (k === 0 && (ARTICLE.has(a.w) || a.w === 'one') && halfOf(next, as[k + 2])) {
      k++;
      continue;
    }
    const v = wordValue(a.w, lang);
    if (a.w === 'half' && !any && halfOf(a, next)) {
      bigScale = BIG.get(next!.w)!;
      total = 0.5 * bigScale;
      any = true;
      scaled = true;
      words += 2;
      commit(next!);
      k += 2;
      continue;
    }
    if (v !== null) {
      if (any && prev >= 0) {
        const tensJoin = prev >= 20 && prev % 10 === 0 && v < (prev === 60 || prev === 80 ? 20 : 10);
        if (!tensJoin) break;
      } else if (any && cur % 100 !== 0) break;
      cur += v;
      prev = v >= 100 ? -1 : cur % 100; // Spanish hundreds are words of their own (`doscientos`)
      any = true;
      words++;
    } else if (HUNDRED.has(a.w) && (any || art) && (a.w !== 'cent' || lang === 'fr')) {
      cur = (cur || 1) * 100;
      prev = -1;
      any = true;
      words += 2;
    } else if (THOUSAND.has(a.w) && (any || art || (k === 0 && bareThousand(a.w, lang)))) {
      total += (cur || 1) * 1000;
      cur = 0;
      prev = -1;
      any = true;
      scaled = true;
      bigScale = 1000;
      words += 2;
    } else if (BIG.has(a.w) && (any || art)) {
      bigScale = BIG.get(a.w)!;
      total = (total + cur || 1) * bigScale;
      cur = 0;
      prev = -1;
      any = true;
      scaled = true;
      words += 2;
    } else if (
      ARTICLE.has(a.w) &&
      !any &&
      k === 0 &&
      next &&
      (HUNDRED.has(next.w) || THOUSAND.has(next.w) || BIG.has(next.w))
    ) {
      art = true;
      k++;
      continue;
    } else if (a.w === 'half' && !any && next && ARTICLE.has(next.w) && as[k + 2] && BIG.has(as[k + 2]!.w)) {
      bigScale = BIG.get(as[k + 2]!.w)!;
      total = 0.5 * bigScale;
      any = true;
      scaled = true;
      words += 3;
      k += 2;
      commit(as[k]!);
      k++;
      continue;
    } else if (AND.has(a.w) && any && next) {
      // `one and a half`, `a million and a half`, `un milliard et demi`, `a hundred and fifty`, `vingt et un`
      const half = ARTICLE.has(next.w) && as[k + 2]?.w === 'half' ? 3 : HALVES.has(next.w) ? 2 : 0;
      if (half) {
        if (cur === 0 && scaled) total += bigScale / 2;
        else cur += 0.5;
        k += half;
        words++;
        commit(as[k - 1]!);
        continue;
      }
      if (wordValue(next.w, lang) === null || a.last === false) break;
      prev = cur % 100 === 0 ? -1 : cur % 100; // `vingt et un`, `treinta y cinco`
      k++;
      continue;
    } else if (POINT.has(a.w) && any && total === 0 && next && (wordValue(next.w, lang) ?? 10) < 10) {
      let frac = '';
      let j = k + 1;
      while (j < as.length && (wordValue(as[j]!.w, lang) ?? 10) < 10) {
        frac += String(wordValue(as[j]!.w, lang));
        j++;
      }
      cur = Number(`${cur}.${frac}`);
      words++;
      commit(as[j - 1]!);
      break;
    } else break;
    commit(a);
    k++;
  }
  return best;
}
