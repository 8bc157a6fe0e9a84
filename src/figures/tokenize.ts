import { LANG_STOPWORDS, type Lang } from './lexicon.js';

/** What a token is: digits (with separators), a word (hyphen and apostrophe compounds kept whole), or one other character. */
export type TokenKind = 'num' | 'word' | 'sym';

/** One token of the text, with its place and the whitespace before it. */
export interface Token {
  kind: TokenKind;
  /** The token as written. */
  text: string;
  /** Lower-cased, curly apostrophes folded to `'`. */
  low: string;
  start: number;
  end: number;
  /** Whitespace (or an editorial bracket) stands between this token and the one before. */
  space: boolean;
  /** A line break stands between this token and the one before. */
  newline: boolean;
  /** A blank line (a paragraph break) stands between this token and the one before. */
  para: boolean;
  /** The language of the token's line, for separators and number words. */
  lang: Lang;
}

const CURLY = /[’‘`´]/g;
const HAS_CURLY = /[’‘`´]/;
const LETTER = /^[\p{L}\p{M}]$/u;
const SPACE = /^\s$/u;

// Character classes of the BMP, filled on first sight: 1 letter or mark, 2 white space, 3 other.
const CLASS = new Uint8Array(0x10000);
const LETTER_ = 1;
const SPACE_ = 2;
const OTHER_ = 3;
function classOf(c: number): number {
  let k = CLASS[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = LETTER.test(ch) ? LETTER_ : SPACE.test(ch) ? SPACE_ : OTHER_;
    CLASS[c] = k;
  }
  return k;
}
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Separators inside a number: `.` `,` and the no-break spaces. */
const isNumSep = (c: number) => c === 46 || c === 44 || c === 0xa0 || c === 0x202f || c === 0x2009;
/** A Swiss thousands apostrophe at `i` (`1'234'000`): after one to three digits, before exactly three. */
function apostropheGroup(text: string, i: number, run: number): boolean {
  const c = text.charCodeAt(i);
  if ((c !== 39 && c !== 0x2019) || run < 1 || run > 3) return false;
  for (let k = 1; k <= 3; k++) if (!isDigit(text.charCodeAt(i + k))) return false;
  return !isDigit(text.charCodeAt(i + 4));
}
/** Joiners inside a word: apostrophes and hyphens. */
const isWordJoin = (c: number) => c === 39 || c === 0x2019 || c === 0x2010 || c === 45;
const isLetterAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff
    ? LETTER.test(String.fromCodePoint(text.codePointAt(i)!))
    : classOf(c) === LETTER_;
};

/** Folds a word for lookup: lower case, one kind of apostrophe. */
export function fold(word: string): string {
  const low = word.toLowerCase();
  return HAS_CURLY.test(low) ? low.replace(CURLY, "'") : low;
}

/**
 * Splits `text` into tokens in one pass. Square brackets are dropped from the stream,
 * so editorial insertions are transparent: `[€] 20 billion` reads as `€ 20 billion`.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const lineOf: number[] = [];
  let line = 0;
  let prevEnd = 0;
  const n = text.length;
  let i = 0;
  // One hand-written pass (no regular expression, no backtracking): digits with their
  // separators, words with their joiners, else one character.
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 ? c === 32 || (c >= 9 && c <= 13) : classOf(c) === SPACE_) {
      i++;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    let curly = false; // a word joined by a curly apostrophe, folded to `'` in `low`
    if (isDigit(c)) {
      kind = 'num';
      i++;
      let group = start;
      for (;;) {
        while (i < n && isDigit(text.charCodeAt(i))) i++;
        if (
          (i + 1 < n && isNumSep(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1))) ||
          apostropheGroup(text, i, i - group)
        )
          group = ++i;
        else break;
      }
    } else if (isLetterAt(text, i)) {
      kind = 'word';
      for (;;) {
        while (i < n && isLetterAt(text, i))
          i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1;
        if (i + 1 < n && isWordJoin(text.charCodeAt(i)) && isLetterAt(text, i + 1)) {
          if (text.charCodeAt(i) === 0x2019) curly = true;
          i++;
        } else break;
      }
    } else {
      kind = 'sym';
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      if (c === 91 || c === 93) continue; // editorial brackets are transparent
    }
    const s = text.slice(start, i);
    let space = false;
    let newlines = 0;
    for (let k = prevEnd; k < start; k++) {
      const g = text.charCodeAt(k);
      if (g === 10) newlines++;
      else if (g !== 13) space = true;
    }
    if (newlines) space = true;
    line += newlines;
    out.push({
      kind,
      text: s,
      low: kind === 'num' ? s : kind === 'word' && !curly ? s.toLowerCase() : fold(s),
      start,
      end: i,
      space,
      newline: newlines > 0,
      para: newlines > 1,
      lang: 'en',
    });
    lineOf.push(line);
    prevEnd = i;
  }
  assignLanguages(out, lineOf, line + 1);
  return out;
}

const LANGS: Lang[] = LANG_STOPWORDS.map(([lang]) => lang);
/** Stop word → the indices (in LANGS) of the languages it belongs to. */
const STOPWORD_LANGS = new Map<string, number[]>();
LANG_STOPWORDS.forEach(([, words], k) => {
  for (const w of words) STOPWORD_LANGS.set(w, [...(STOPWORD_LANGS.get(w) ?? []), k]);
});

/** Sets each token's `lang` from the stop words of its line, or of the whole text when the line says too little. */
function assignLanguages(tokens: Token[], lineOf: number[], lines: number): void {
  const L = LANGS.length;
  // one row of counts per line, and a last row for the whole text
  const counts = new Int32Array((lines + 1) * L);
  const totalRow = lines * L;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    const langs = STOPWORD_LANGS.get(t.low);
    if (!langs) continue;
    const row = lineOf[i]! * L;
    for (const k of langs) {
      counts[row + k]!++;
      counts[totalRow + k]!++;
    }
  }
  // the language with most stop words in a row, at least `min`; ties go to the one listed first (English)
  const best = (row: number, min: number): number => {
    let top = -1;
    let n = min - 1;
    for (let k = 0; k < L; k++) {
      const c = counts[row + k]!;
      if (c > n) {
        top = k;
        n = c;
      }
    }
    return top;
  };
  const d = best(totalRow, 1);
  const docLang = d < 0 ? 'en' : LANGS[d]!;
  let line = -1;
  let lang: Lang = docLang;
  for (let i = 0; i < tokens.length; i++) {
    if (lineOf[i] !== line) {
      line = lineOf[i]!;
      const b = best(line * L, 3);
      lang = b < 0 ? docLang : LANGS[b]!;
    }
    tokens[i]!.lang = lang;
  }
}
