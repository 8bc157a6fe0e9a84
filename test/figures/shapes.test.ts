import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/figures/index.js';

/**
 * Classes of figure shapes that real transcripts write and that the first rules missed.
 * Every sentence is written for these tests; each is long enough for its line's language
 * to be told from its own stop words.
 */
const found = (text: string) =>
  extractFigures(text, []).map((f) => {
    expect(text.slice(f.start, f.end)).toBe(f.text);
    return [f.kind, f.value, f.valueMax, f.unit];
  });

describe('amounts inside hyphenated compounds', () => {
  it('reads a German compound that opens with the amount, its scale and currency', () => {
    expect(
      found(
        'Die Regierung will das neue 250-Milliarden-Euro-Konjunkturpaket noch vor dem Sommer vorlegen, ' +
          'und dazu kommt ein 4-Millionen-Dollar-Fonds und ein 20-Euro-Gutschein für jede Familie.',
      ),
    ).toEqual([
      ['money', 250e9, null, 'EUR'],
      ['money', 4e6, null, 'USD'],
      ['money', 20, null, 'EUR'],
    ]);
  });

  it('reads a percent compound (`3-Prozent-Ziel`) but not a compound of a currency zone', () => {
    expect(
      found(
        'Die Minister halten an dem 3-Prozent-Ziel fest, das sie für die Verteidigung beschlossen haben.',
      ),
    ).toEqual([['percent', 3, null, '%']]);
    expect(found('The 20 euro-area finance ministers met today in Brussels.')).toEqual([
      ['count', 20, null, null],
    ]);
  });
});

describe('French ranges after a word of change', () => {
  it('reads `réduire … de A % à B %` as one range and `passer de A % à B %` as two figures', () => {
    expect(
      found("Le ministre propose de réduire les dépenses de 30 % à 40 % d'ici la fin de l'année prochaine."),
    ).toEqual([['percent', 30, 40, '%']]);
    expect(found("Le chômage est passé de 7,1 % à 6,8 % en un an, selon l'institut.")).toEqual([
      ['percent', 7.1, null, '%'],
      ['percent', 6.8, null, '%'],
    ]);
  });
});
