import { at } from './context.js';
import { NOT_ITEM_WORDS, isFunctionWord } from './lexicon.js';
import type { Token } from './tokenize.js';

/** The noun phrase a figure counts or belongs to. */
export interface Item {
  text: string;
  /** Lower-cased words of the phrase. */
  words: string[];
  /** Token after the phrase. */
  end: number;
}

const OF = new Set(['of', 'de', 'du', 'des', 'van', 'der']);
/** A French or Italian article or preposition elided onto the next word (`d'ici`, `l'année`, `quest'anno`). */
const ELIDED_ARTICLE = /^(?:d|l|qu|quest|quell|dell|nell|all|sull|dall|un)'/;
const MAX_WORDS = 5;
/** Function words that may open an item when a noun follows: `27 other countries`, `two more packages`. */
const LEADS = new Set([
  'other',
  'more',
  'further',
  'additional',
  'such',
  'own',
  'autres',
  'weitere',
  'andere',
  'andere',
]);
const isNoun = (t: Token | undefined): boolean =>
  t !== undefined && t.kind === 'word' && !t.para && !isFunctionWord(t.low, t.lang);

/** Opening quote marks and the marks that may close them. */
const QUOTES: ReadonlyMap<string, string> = new Map([
  ['«', '»'],
  ['“', '”"'],
  ['„', '“”"'],
  ['‘', '’'],
  ['"', '"”'],
]);

/** The closing marks for an opening quote at `j` that opens a word (`"tables`, `« tables`), or null. */
function openQuote(tokens: Token[], j: number): string | null {
  const q = at(tokens, j);
  const w = at(tokens, j + 1);
  if (!q || q.kind !== 'sym' || !q.space || !w || w.kind !== 'word' || w.para) return null;
  const close = QUOTES.get(q.text);
  // a straight quote opens only when glued to the word after it; the others open either way
  return close && (q.text !== '"' || !w.space) ? close : null;
}

/**
 * Reads the noun phrase right after a figure: `soldiers`, `key ECB interest rates`,
 * `rounds of ammunition`, `Japan-EU Summit`. Stops at a function word, a number, punctuation
 * or a paragraph break. Editorial brackets are left out of `text`.
 */
export function readItem(tokens: Token[], j: number): Item | null {
  // `eleven "negotiating tables"`, `onze « tables de négociation »`: a quoted noun phrase
  const close = openQuote(tokens, j);
  if (close) {
    const inner = readItem(tokens, j + 1);
    if (!inner) return null;
    const shut = at(tokens, inner.end);
    const end = shut && shut.kind === 'sym' && close.includes(shut.text) ? inner.end + 1 : inner.end;
    return { ...inner, end };
  }
  const words: string[] = [];
  let k = j;
  let end = j;
  while (k < tokens.length && words.length < MAX_WORDS) {
    const t = tokens[k]!;
    const lead = words.length === 0 && LEADS.has(t.low) && isNoun(at(tokens, k + 1));
    if (t.kind !== 'word' || t.para || (isFunctionWord(t.low, t.lang) && !lead)) break;
    if (ELIDED_ARTICLE.test(t.low)) break;
    // `member states decided`, `sanctions against`: a verb or preposition ends the phrase
    if (
      words.length &&
      (NOT_ITEM_WORDS.has(t.low) || (t.lang === 'en' && /ed$/.test(t.low) && t.text[0] === t.low[0]))
    )
      break;
    // German capitalises nouns: the phrase ends at the first lower-case word after its noun
    if (
      t.lang === 'de' &&
      words.length &&
      t.text[0] === t.low[0] &&
      tokens.slice(j, k).some((w) => w.text[0] !== w.low[0])
    )
      break;
    words.push(t.low);
    k++;
    end = k;
    // `rounds of ammunition`, `packages of sanctions`: one `of` phrase after a short head
    const of = at(tokens, k);
    if (of && words.length <= 2 && of.kind === 'word' && OF.has(of.low) && of.lang === 'en') {
      const n = at(tokens, k + 1);
      if (n && n.kind === 'word' && !isFunctionWord(n.low, n.lang) && !n.para) {
        words.push(of.low, n.low);
        k += 2;
        end = k;
        const n2 = at(tokens, k);
        if (
          n2 &&
          !NOT_ITEM_WORDS.has(n2.low) &&
          n2.kind === 'word' &&
          !isFunctionWord(n2.low, n2.lang) &&
          !n2.para &&
          words.length < MAX_WORDS
        ) {
          words.push(n2.low);
          k++;
          end = k;
        }
        break;
      }
    }
  }
  if (!words.length) return null;
  const text = tokens
    .slice(j, end)
    .map((t) => t.text)
    .join(' ');
  return { text, words, end };
}
