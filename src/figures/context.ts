import { MONTHS } from './lexicon.js';
import type { Token } from './tokenize.js';

/** Characters that glue a number to what stands before or after it into a date, time, code or phone number. */
const GLUE = new Set(['/', ':', '-', '\u2010', '.', '+', '#', '_', '№', "'", '’', '@', '\\', '=', '&', '°']);

/** The token at `i`, or undefined past either end. */
export const at = (tokens: Token[], i: number): Token | undefined => (i >= 0 ? tokens[i] : undefined);

/** True when the token at `i` is a word in `words` (lower case). */
export function isWord(tokens: Token[], i: number, words: ReadonlySet<string>): boolean {
  const t = at(tokens, i);
  return t !== undefined && t.kind === 'word' && words.has(t.low);
}

/** True when the token at `i` is a month name (a trailing `.` of an abbreviation is allowed after it). */
export function isMonth(tokens: Token[], i: number): boolean {
  return isWord(tokens, i, MONTHS);
}

/** True when the token at `i` follows the one before with no space. */
export const glued = (tokens: Token[], i: number): boolean => {
  const t = at(tokens, i);
  return t !== undefined && i > 0 && !t.space;
};

/**
 * True when the number token at `i` is part of a code, a date, a time, a phone number or a
 * name (`G7`, `COP29`, `12/07/2015`, `00:45`, `+32 2 281`, `COVID-19`, `’21`).
 */
export function gluedToCode(tokens: Token[], i: number, allowDashBefore = false): boolean {
  const prev = at(tokens, i - 1);
  if (prev && glued(tokens, i)) {
    if (prev.kind === 'word' || prev.kind === 'num') return true;
    if (GLUE.has(prev.text)) {
      const isDash = prev.text === '-' || prev.text === '\u2010';
      if (
        prev.text === '+' ||
        prev.text === '#' ||
        prev.text === '№' ||
        prev.text === "'" ||
        prev.text === '’'
      )
        return true;
      if (!(isDash && allowDashBefore)) {
        const before = at(tokens, i - 2);
        if (before && glued(tokens, i - 1) && before.kind !== 'sym') return true;
        if (prev.text === ':' || prev.text === '/') return true;
      }
    }
  }
  const next = at(tokens, i + 1);
  if (
    next &&
    glued(tokens, i + 1) &&
    (next.text === ':' || next.text === '/' || next.text === '_' || next.text === '@')
  ) {
    const after = at(tokens, i + 2);
    if (after && glued(tokens, i + 2) && after.kind === 'num') return true;
  }
  return false;
}

/** True when the token starts a sentence (after `.`, `!`, `?`, `:` or a line break, or at the start). */
export function sentenceStart(tokens: Token[], i: number): boolean {
  const t = at(tokens, i);
  if (!t || i === 0 || t.newline) return true;
  const prev = tokens[i - 1]!;
  return prev.kind === 'sym' && ('.!?:;•–—-"“”«»(…'.includes(prev.text) || prev.text === '*');
}

/** True when the word starts with a capital letter. */
export const capitalised = (t: Token | undefined): boolean =>
  t !== undefined && t.kind === 'word' && t.text[0] !== t.low[0];
