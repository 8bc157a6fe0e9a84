import { ordinalSuffixEnd } from './amount.js';
import { at, capitalised, glued, gluedToCode, isMonth, isWord } from './context.js';
import { readItem } from './item.js';
import { DISCOURSE_NOUNS, MONTHS, ORDINAL_DATE_NOUNS, TIME_NOUNS, isFunctionWord } from './lexicon.js';
import type { Token } from './tokenize.js';
import { ordinalWordValue, smallOrdinalAfterTens } from './word-ordinal.js';

/** A numbered item of a series, written with digits. */
export interface Ordinal {
  start: number;
  /** Token after the ordinal (its suffix included). */
  end: number;
  value: number;
  /** `on the 18th` with no noun: a day of the month, or the next of a series named just before. */
  dayLike: boolean;
}

const GERMAN_ARTICLES = new Set([
  'am',
  'ins',
  'dieses',
  'diesem',
  'unser',
  'unserem',
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'zum',
  'zur',
  'im',
  'vom',
  'beim',
]);
const THE = new Set(['the', 'le', 'la']);
const DETERMINERS = new Set([
  'the',
  'its',
  'our',
  'their',
  'this',
  'a',
  'le',
  'la',
  'het',
  'de',
  'der',
  'die',
  'das',
]);
const DATE_PREPOSITIONS = new Set([
  'on',
  'since',
  'until',
  'till',
  'by',
  'from',
  'le',
  'du',
  'au',
  'am',
  'vom',
  'bis',
]);

/**
 * Reads an ordinal written with digits at token `i`: `the 17th package`, `30ste Japan–EU Top`,
 * `18e paquet`, `das 17. Sanktionspaket`. Dates (`9th of May`, `13th December`, `Oct 17th`,
 * `on the 5th`), centuries and anniversaries are no figures and give null.
 */
export function readOrdinal(tokens: Token[], i: number): Ordinal | null {
  const t = tokens[i]!;
  if (t.kind !== 'num' || !/^\d{1,3}$/.test(t.text) || t.text.startsWith('0')) return null;
  if (gluedToCode(tokens, i)) return null;
  let end = ordinalSuffixEnd(tokens, i);
  if (!end && t.lang === 'de') {
    // German writes ordinals with a dot: only after an article and before a capitalised noun
    const dot = at(tokens, i + 1);
    const noun = at(tokens, i + 2);
    if (!dot || dot.text !== '.' || !glued(tokens, i + 1) || !capitalised(noun) || !noun!.space) return null;
    if (!isWord(tokens, i - 1, GERMAN_ARTICLES)) return null;
    end = i + 2;
  }
  if (!end) return null;
  const next = at(tokens, end);
  if (next && glued(tokens, end) && next.kind !== 'sym') return null;
  if (next && glued(tokens, end) && (next.text === '-' || next.text === '\u2010')) return null; // 21st-century
  // dates: `13th December`, `9th of May`, `Oct 17th`, `17. Mai`, `the 5th, 2024`
  if (isMonth(tokens, end) || (isWord(tokens, end, ORDINAL_DATE_NOUNS) && isMonth(tokens, end + 1)))
    return null;
  if (isWord(tokens, end, ORDINAL_DATE_NOUNS) && at(tokens, end)!.low !== 'of') return null;
  let p = i - 1;
  if (at(tokens, p)?.text === '.') p--;
  if (isMonth(tokens, p)) return null;
  const n1 = at(tokens, end);
  const n2 = at(tokens, end + 1);
  if (n1?.text === ',' && n2?.kind === 'num' && /^(?:19|20)\d\d$/.test(n2.text)) return null;
  if (n1?.kind === 'num') return null;
  // `on the 5th` with no noun after it is a day of the month, unless a numbered noun came just before
  const bare = !n1 || n1.kind !== 'word' || isFunctionWord(n1.low, n1.lang);
  const dayLike = bare && isWord(tokens, i - 1, THE) && isWord(tokens, i - 2, DATE_PREPOSITIONS);
  if (bare && !isWord(tokens, i - 1, DETERMINERS)) return null;
  if (MONTHS.has(n1?.low ?? '')) return null;
  return { start: i, end, value: Number(t.text), dayLike };
}

/** Articles and determiners before an ordinal written in words, in the seven languages. */
const WORD_DETERMINERS = new Set(
  `the its our their this le la les du au der die das den dem des am im zum zur vom beim
  el los las al del il lo i gli nel dal sul o os a as ao do da no na het de`.split(/\s+/),
);

/**
 * Reads an ordinal written in words from ten on, after an article and before the noun it numbers:
 * `the eighteenth package`, `le dix-huitième paquet`, `am achtzehnten Sanktionspaket`,
 * `el decimoctavo paquete`, `o décimo oitavo pacote`. A century, an anniversary or a time
 * (`the twentieth century`, `zum zehnten Mal`) gives null.
 */
export function readWordOrdinal(tokens: Token[], i: number): Ordinal | null {
  const t = tokens[i]!;
  let value = t.kind === 'word' ? ordinalWordValue(t.low) : null;
  if (value === null || !isWord(tokens, i - 1, WORD_DETERMINERS)) return null;
  let end = i + 1;
  const small = value % 10 === 0 ? smallOrdinalAfterTens(at(tokens, end)?.low ?? '') : null;
  if (small !== null && !at(tokens, end)!.para) {
    value += small;
    end++;
  }
  const item = readItem(tokens, end);
  const head = item?.words[0];
  if (!head || [ORDINAL_DATE_NOUNS, TIME_NOUNS, MONTHS, DISCOURSE_NOUNS].some((s) => s.has(head)))
    return null;
  return { start: i, end, value, dayLike: false };
}
