import { describe, expect, it } from 'vitest';
import { STOP, detectLanguage, detectLanguageOfLines } from '../../src/extract/meta/language.js';

/** The definition `countStopWords` implements: the text lower-cased, cut into runs of a-z, à-ö, ø-ÿ. */
function reference(s: string, minHits: number): string | null {
  const langs = Object.keys(STOP);
  const hits = langs.map(() => 0);
  for (const w of s.toLowerCase().split(/[^a-zà-öø-ÿ]+/))
    langs.forEach((l, i) => {
      if (STOP[l]!.includes(w)) hits[i]!++;
    });
  let best = -1;
  for (let i = 0; i < hits.length; i++) if (hits[i]! > (best < 0 ? 0 : hits[best]!)) best = i;
  return best >= 0 && hits[best]! >= minHits ? langs[best]! : null;
}

describe('language: stop words counted through the code-unit table', () => {
  it('agrees with the lower-case-and-split definition, with the characters that fold from outside Latin-1', () => {
    const words = Object.values(STOP).flat();
    const odd = [
      'İ',
      'İt',
      'Ÿ',
      'K',
      'Å',
      'ß',
      'ẞ',
      '×',
      '÷',
      'ı',
      'ſ',
      '\u0307',
      '😀',
      'ÀÉ',
      'sisältöä',
      'abababab',
    ];
    let seed = 11;
    const pick = (k: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % k;
    for (let t = 0; t < 20000; t++) {
      const parts: string[] = [];
      for (let i = 0, n = pick(10); i < n; i++) {
        const w = pick(4) ? words[pick(words.length)]! : odd[pick(odd.length)]!;
        parts.push(pick(3) ? w : w.toUpperCase());
        parts.push(pick(2) ? ' ' : pick(2) ? '' : ', ');
      }
      const s = parts.join('');
      for (const minHits of [1, 2])
        expect([s, detectLanguage(s, minHits)]).toEqual([s, reference(s, minHits)]);
    }
  });

  it('ends a word after İ (its lower case is "i" and a combining dot) and reads Ÿ, K and Å as ÿ, k and å', () => {
    expect(detectLanguage('İL İl', 1)).toBe(null);
    expect(detectLanguage('İ İ', 1)).toBe(null);
    expect(detectLanguage('tÄMÄ', 1)).toBe('fi');
    expect(detectLanguage('\u212Auin', 1)).toBe('fi');
    expect(detectLanguageOfLines(['the', '\u0000CAD the', 'and', ''], '\u0000', 2)).toBe('en');
  });
});
