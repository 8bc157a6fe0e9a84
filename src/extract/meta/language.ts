/** The stop words counted per language (exported for the tests' reference count). */
export const STOP: Record<string, string[]> = {
  en: 'the and of to in is that we it for with on this are have be not will our as at'.split(' '),
  fr: 'le la les et des du est que nous pour une dans pas sur qui avec sont au il ce'.split(' '),
  de: 'der die das und ist nicht wir mit den ein eine zu auf für sich dem auch es sie'.split(' '),
  nl: 'de het een en van is dat we niet op te voor met zijn ook wij onze om aan deze'.split(' '),
  es: 'el la los las y de que en es por con una para del se no su al como'.split(' '),
  it: 'il la di che e è per non una sono con del della le gli anche si al'.split(' '),
  fi: 'ja on ei se että ovat oli tai kuin myös mutta tämä joka sisältö'.split(' '),
};
const LANGS = Object.keys(STOP);

/**
 * Words are runs of the letters a-z, à-ö and ø-ÿ of the lower-cased text. Each such letter has a
 * code from 1 to 63, so a word of up to 7 letters (every stop word is) is a number: its codes in
 * base 64. Words are looked up by that number, without cutting each out of the text as a string.
 */
const letterCode = (c: number) =>
  c >= 97 && c <= 122 ? c - 96 : c >= 0xe0 && c <= 0xff && c !== 0xf7 ? c - 0xe0 + 27 : 0;
const MAX_LENGTH = Math.max(...Object.values(STOP).flatMap((ws) => ws.map((w) => w.length)));

/** The stop words in an open-addressed table: a word's number, and the languages (a bit each) it belongs to. */
const SIZE = 1024;
const slotOf = (low30: number) => (low30 ^ (low30 >>> 10) ^ (low30 >>> 20)) & (SIZE - 1);
const KEYS = new Float64Array(SIZE).fill(-1);
const MASKS = new Uint8Array(SIZE);
LANGS.forEach((lang, bit) => {
  for (const w of STOP[lang]!) {
    let key = 0;
    let low = 0;
    for (let i = 0; i < w.length; i++) {
      key = key * 64 + letterCode(w.charCodeAt(i));
      low = ((low << 6) | letterCode(w.charCodeAt(i))) & 0x3fffffff;
    }
    let k = slotOf(low);
    while (KEYS[k] !== -1 && KEYS[k] !== key) k = (k + 1) & (SIZE - 1);
    KEYS[k] = key;
    MASKS[k]! |= 1 << bit;
  }
});

/** The ISO 639-1 code of the language `s` is most likely written in, or null when too short to tell. */
export function detectLanguage(s: string, minHits = 3): string | null {
  const hits = new Array<number>(LANGS.length).fill(0);
  countStopWords(s, hits);
  return mostHits(hits, minHits);
}

/**
 * `detectLanguage` of the lines joined with `\n`, leaving out empty lines and those starting with
 * `skip` (markers), without building the joined text (a line break ends a word either way).
 */
export function detectLanguageOfLines(lines: string[], skip: string, minHits = 3): string | null {
  const hits = new Array<number>(LANGS.length).fill(0);
  for (const l of lines) if (l && !l.startsWith(skip)) countStopWords(l, hits);
  return mostHits(hits, minHits);
}

function mostHits(hits: number[], minHits: number): string | null {
  let best = -1;
  for (let i = 0; i < hits.length; i++) if (hits[i]! > (best < 0 ? 0 : hits[best]!)) best = i;
  return best >= 0 && hits[best]! >= minHits ? LANGS[best]! : null;
}

/**
 * `letterCode` of a character of `s.toLowerCase()`, read from `s` (no lower-cased copy of the
 * text): A-Z and À-Þ fold by 32, and the four characters outside them that lower-case into a-z
 * or à-ÿ: Ÿ, the Kelvin sign, the Ångström sign and İ (to "i" and a combining dot, which ends the word).
 */
function foldedCode(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c - 64 : c >= 97 && c <= 122 ? c - 96 : 0;
  if (c < 0x100) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c !== 0xdf ? (c & 0xdf) - 0xc0 + 27 : 0;
  if (c === 0x178) return 0xff - 0xe0 + 27;
  if (c === 0x212a) return 11;
  if (c === 0x212b) return 0xe5 - 0xe0 + 27;
  return c === 0x130 ? 9 : 0;
}

/** `FOLD`'s mark on İ: the word ends after it (the second character of its lower case is no letter). */
const ENDS = 64;
/**
 * `foldedCode` of every UTF-16 code unit (0 for those outside words), `ENDS` added for İ: one
 * load per character of the text instead of `foldedCode`'s comparisons.
 */
const FOLD = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) FOLD[c] = foldedCode(c) | (c === 0x130 ? ENDS : 0);

/** Adds the stop words of `s` to `hits` (a count per language). */
function countStopWords(s: string, hits: number[]): void {
  const n = s.length;
  for (let i = 0; i < n;) {
    let c = FOLD[s.charCodeAt(i)]!;
    if (c === 0) {
      i++;
      continue;
    }
    // the word's number, and its last 5 letters' (an int, to find its slot)
    let key = c & 63;
    let low = key;
    let j = i + 1;
    for (; (c & ENDS) === 0 && j < n; j++) {
      c = FOLD[s.charCodeAt(j)]!;
      if (c === 0) break;
      if (j - i >= MAX_LENGTH) continue;
      key = key * 64 + (c & 63);
      low = ((low << 6) | (c & 63)) & 0x3fffffff;
    }
    if (j - i <= MAX_LENGTH) countStopWord(key, low, hits);
    i = j;
  }
}

function countStopWord(key: number, low: number, hits: number[]): void {
  for (let k = slotOf(low); KEYS[k] !== -1; k = (k + 1) & (SIZE - 1)) {
    if (KEYS[k] !== key) continue;
    for (let bit = 0; bit < hits.length; bit++) if (MASKS[k]! & (1 << bit)) hits[bit]!++;
    return;
  }
}
