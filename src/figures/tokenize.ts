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

// One linear pass; each alternative is unambiguous, so no backtracking blow-up on any input.
const TOKEN = /(\d+(?:[.,\u00a0\u202f\u2009]\d+)*)|([\p{L}\p{M}]+(?:['’\u2010-][\p{L}\p{M}]+)*)|(\S)/gu;
const CURLY = /[’‘`´]/g;
const HAS_CURLY = /[’‘`´]/;

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
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const s = m[0];
    const start = m.index;
    if (m[3] !== undefined && (s === '[' || s === ']')) continue;
    let space = false;
    let newlines = 0;
    for (let k = prevEnd; k < start; k++) {
      const c = text.charCodeAt(k);
      if (c === 10) newlines++;
      else if (c !== 13) space = true;
    }
    if (newlines) space = true;
    line += newlines;
    out.push({
      kind: m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'sym',
      text: s,
      low: m[1] !== undefined ? s : fold(s),
      start,
      end: start + s.length,
      space,
      newline: newlines > 0,
      para: newlines > 1,
      lang: 'en',
    });
    lineOf.push(line);
    prevEnd = start + s.length;
  }
  assignLanguages(out, lineOf);
  return out;
}

const STOPWORD_LANGS = new Map<string, Lang[]>();
for (const [lang, words] of LANG_STOPWORDS)
  for (const w of words) STOPWORD_LANGS.set(w, [...(STOPWORD_LANGS.get(w) ?? []), lang]);

/** Sets each token's `lang` from the stop words of its line, or of the whole text when the line says too little. */
function assignLanguages(tokens: Token[], lineOf: number[]): void {
  const total = new Map<Lang, number>();
  const perLine = new Map<number, Map<Lang, number>>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    const langs = STOPWORD_LANGS.get(t.low);
    if (!langs) continue;
    for (const lang of langs) {
      total.set(lang, (total.get(lang) ?? 0) + 1);
      const ln = lineOf[i]!;
      let m = perLine.get(ln);
      if (!m) perLine.set(ln, (m = new Map()));
      m.set(lang, (m.get(lang) ?? 0) + 1);
    }
  }
  const best = (m: Map<Lang, number> | undefined, min: number): Lang | null => {
    let top: Lang | null = null;
    let n = min - 1;
    for (const [lang, c] of m ?? []) {
      if (c <= n) continue;
      top = lang;
      n = c;
    }
    return top;
  };
  const docLang = best(total, 1) ?? 'en';
  const cache = new Map<number, Lang>();
  for (let i = 0; i < tokens.length; i++) {
    const ln = lineOf[i]!;
    let lang = cache.get(ln);
    if (!lang) cache.set(ln, (lang = best(perLine.get(ln), 3) ?? docLang));
    tokens[i]!.lang = lang;
  }
}
