import { describe, expect, it } from 'vitest';
import { readWordNumber } from '../../src/figures/number-words.js';
import { parseDigits } from '../../src/figures/numerals.js';
import { tokenize } from '../../src/figures/tokenize.js';
import type { Lang } from '../../src/figures/lexicon.js';

describe('parseDigits', () => {
  it.each<[string, Lang, number | null]>([
    ['73,000', 'en', 73000],
    ['2.5', 'en', 2.5],
    ['1,234,567.89', 'en', 1234567.89],
    ['0,5', 'en', 0.5],
    ['2,25', 'de', 2.25],
    ['1.500', 'de', 1500],
    ['1.234,5', 'de', 1234.5],
    ['1,500', 'fr', 1.5],
    ['1\u00a0000,5', 'fr', 1000.5],
    ['18.2.2016', 'en', null],
    ['1,2,3', 'en', null],
  ])('reads %s in a paragraph in %s as %s', (raw, lang, want) => {
    expect(parseDigits(raw, lang)).toBe(want);
  });
});

describe('readWordNumber', () => {
  it.each<[string, number]>([
    ['twenty-seven', 27],
    ['a hundred and fifty', 150],
    ['one and a half million', 1.5e6],
    ['four point six', 4.6],
    ['two thousand three hundred', 2300],
    ['seventy thousand', 70000],
    ['half a million', 5e5],
  ])('reads «%s» as %s', (words, want) => {
    expect(readWordNumber(tokenize(`${words} people came`), 0)?.value).toBe(want);
  });

  it('reads French and German compounds in paragraphs of those languages', () => {
    const fr = tokenize('Nous avons quatre-vingt-dix pays et nous le savons pour la suite.');
    expect(readWordNumber(fr, 2)?.value).toBe(90);
    const de = tokenize('Wir haben siebenundzwanzig Mitgliedstaaten und das ist nicht wenig für die Union.');
    expect(readWordNumber(de, 2)?.value).toBe(27);
  });

  it('reads Spanish and Italian numbers in paragraphs of those languages', () => {
    const es = (words: string) =>
      readWordNumber(
        tokenize(`Hay ${words} personas que han llegado y este es el país para los que más lo necesitan.`),
        1,
      )?.value;
    expect(es('doscientos cincuenta')).toBe(250);
    expect(es('treinta y cinco')).toBe(35);
    expect(es('veintisiete')).toBe(27);
    expect(es('tres mil')).toBe(3000);
    expect(es('cinco mil millones de')).toBe(5e9);
    const it = (words: string) =>
      readWordNumber(
        tokenize(`Ci sono ${words} persone che sono arrivate e questo è per il paese della pace.`),
        2,
      )?.value;
    expect(it('ventisette')).toBe(27);
    expect(it('ventotto')).toBe(28);
    expect(it('duecentocinquanta')).toBe(250);
    expect(it('tremila')).toBe(3000);
    expect(it('Milano')).toBeUndefined();
  });

  it('joins French tens and units across `et`', () => {
    const fr = tokenize('Nous avons vingt et un pays et nous le savons pour la suite.');
    expect(readWordNumber(fr, 2)?.value).toBe(21);
  });

  it('marks a lone one as a pronoun and reads no number from other words', () => {
    expect(readWordNumber(tokenize('one of them'), 0)?.lone).toBe(true);
    expect(readWordNumber(tokenize('two-state solution'), 0)).toBeNull();
    expect(readWordNumber(tokenize('several hundred people'), 1)).toBeNull();
  });
});
