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
    // to four decimals, as the gold writes ratios (`0.6667`)
    return [f.kind, Math.round(f.value * 1e4) / 1e4, f.valueMax, f.unit];
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

describe('French ranges after a word of change, several words back', () => {
  it('reads `baisser la facture moyenne de A % à B %` as one range', () => {
    expect(
      found('Le gouvernement voudrait baisser la facture moyenne de 10 % à 15 % pour les ménages.'),
    ).toEqual([['percent', 10, 15, '%']]);
  });
});

describe('half a scale written with `one` or an article before `half`', () => {
  it('reads `one half billion` and `a half million` as half the scale', () => {
    expect(
      found('The hotline took one half billion calls, and the campaign cost a half million euros in all.'),
    ).toEqual([
      ['count', 5e8, null, null],
      ['money', 5e5, null, 'EUR'],
    ]);
  });
});

describe('a counted noun in quotation marks', () => {
  it('counts the quoted noun after the number, in any quotation marks', () => {
    const text =
      'Eleven "working tables" meet every week, and 14 “expert groups” report to them, while ' +
      'the rest said "we are fine" and left.';
    expect(found(text)).toEqual([
      ['count', 11, null, null],
      ['count', 14, null, null],
    ]);
    expect(extractFigures(text, []).map((f) => f.item)).toEqual(['working tables', 'expert groups']);
  });

  it('counts a French noun in guillemets, the line told French despite Dutch-looking words', () => {
    expect(found('Onze « groupes de travail » se réunissent depuis le début du mois à Bruxelles.')).toEqual([
      ['count', 11, null, null],
    ]);
  });
});

describe('numbers that are not counts in context', () => {
  it('does not count `the two sides` or `des deux côtés`, which mean both', () => {
    expect(
      found('Les experts travaillent des deux côtés de la frontière, et les deux pays ont signé un accord.'),
    ).toEqual([['count', 2, null, null]]);
    expect(found('The two sides met again today, and two teams stayed behind in Geneva.')).toEqual([
      ['count', 2, null, null],
    ]);
  });

  it('reads the Italian `sei` as a verb unless a plural noun follows it', () => {
    expect(
      found(
        'Se sei contrario a questa proposta non sei anti-europeo, ma ci sono sei governi che la sostengono e sei regioni.',
      ),
    ).toEqual([
      ['count', 6, null, null],
      ['count', 6, null, null],
    ]);
  });
});

describe('Swiss thousands apostrophes', () => {
  it("reads `1’250` and `2'400'000.50` as grouped thousands, and leaves `'21` and `12'34` alone", () => {
    expect(
      found(
        "Der Bund zahlt CHF 2'400'000.50 an die Kantone, und die Armee bildet 1’250 Rekruten aus für die Schweiz.",
      ),
    ).toEqual([
      ['money', 2400000.5, null, 'CHF'],
      ['count', 1250, null, null],
    ]);
    expect(found("The class of '21 met again, and the code 12'34 is no number at all.")).toEqual([]);
  });
});

describe('German nouns before a number', () => {
  it('counts `die Armee 800 Soldaten` but not a name such as `Horizont 2020` or `Paket 4`', () => {
    expect(
      found('Die Regierung schickt für die Armee 800 Soldaten, finanziert aus Horizont 2020 und Paket 4.'),
    ).toEqual([['count', 800, null, null]]);
  });
});

describe('German four-digit counts and postcodes', () => {
  it('counts `hat 3000 Flüchtlinge` but leaves a postcode after a comma alone', () => {
    expect(
      found(
        'Die Stadt hat 3000 Flüchtlinge aufgenommen, sagte der Bürgermeister im Amt in der Hauptstraße 4, 8001 Zürich.',
      ),
    ).toEqual([['count', 3000, null, null]]);
  });
});

describe('Portuguese figures', () => {
  it('reads `mil milhões`, `bilhões`, decimal commas, per cent, points and currencies after the amount', () => {
    expect(
      found(
        'O Conselho aprovou 4 mil milhões de euros para a reconstrução, e o Brasil anunciou 2 bilhões de dólares ' +
          'e 150 milhões de reais; a inflação ficou nos 2,7 por cento e o BCE subiu as taxas em 50 pontos base.',
      ),
    ).toEqual([
      ['money', 4e9, null, 'EUR'],
      ['money', 2e9, null, 'USD'],
      ['money', 150e6, null, 'BRL'],
      ['percent', 2.7, null, '%'],
      ['percent', 50, null, 'bp'],
    ]);
  });

  it('reads numbers in words, ranges with `a`, fractions and `metade`', () => {
    expect(
      found(
        'Temos trinta e dois observadores e um milhão e meio de deslocados; o défice vai cair de 3 a 4 %, ' +
          'dois terços dos municípios e metade das escolas foram afetados, um quarto das estradas também.',
      ),
    ).toEqual([
      ['count', 32, null, null],
      ['count', 1.5e6, null, null],
      ['percent', 3, 4, '%'],
      ['fraction', 0.6667, null, null],
      ['fraction', 0.5, null, null],
      ['fraction', 0.25, null, null],
    ]);
  });

  it('leaves ages, durations and dates alone', () => {
    expect(
      found(
        'O comissário tem 58 anos, trabalhou 12 anos em Bruxelas e chegou a 3 de março de 2025 às 10h30.',
      ),
    ).toEqual([]);
  });
});

describe('ordinals written in words, from ten on', () => {
  it('reads the numbered noun of a series in six languages', () => {
    const lines = [
      'We are now preparing the nineteenth package, after the eighteenth package of sanctions.',
      'Nous travaillons déjà sur le vingt-et-unième paquet de mesures pour la région.',
      'Die Minister beraten heute über das neunzehnte Sanktionspaket und die Umsetzung.',
      'El Consejo aprobó ayer el decimonoveno paquete de sanciones contra el régimen.',
      'Il Consiglio ha approvato il ventesimo pacchetto di misure per la regione.',
      'O Conselho aprovou hoje o décimo nono pacote de sanções contra o regime.',
    ];
    expect(lines.map((l) => found(l).map(([kind, value]) => `${kind} ${value}`))).toEqual([
      ['ordinal 19', 'ordinal 18'],
      ['ordinal 21'],
      ['ordinal 19'],
      ['ordinal 19'],
      ['ordinal 20'],
      ['ordinal 19'],
    ]);
  });

  it('leaves centuries, anniversaries, times, days and small ordinals of discourse alone', () => {
    expect(
      found(
        'In the twentieth century, for the tenth time and on the eleventh of June, the first point and the ' +
          'third package were raised at the fifteenth anniversary.',
      ),
    ).toEqual([]);
    expect(
      found('Zum zwölften Mal seit dem zwanzigsten Jahrhundert feiern wir den zehnten Jahrestag.'),
    ).toEqual([]);
  });
});

describe('fractions after a preposition of change or with `of it`', () => {
  it("reads `di un terzo`, `d'un tiers`, `en un tercio` and `ein Viertel davon`", () => {
    expect(
      found("Il governo ha ridotto il deficit di un terzo rispetto all'anno scorso, secondo il ministro."),
    ).toEqual([['fraction', 0.3333, null, null]]);
    expect(found("La Commission a réduit les émissions d'un tiers depuis le début de la décennie.")).toEqual([
      ['fraction', 0.3333, null, null],
    ]);
    expect(
      found('El Gobierno quiere reducir las emisiones en un tercio antes de que termine la década.'),
    ).toEqual([['fraction', 0.3333, null, null]]);
    expect(
      found('Die Regierung zahlt drei Milliarden Euro, und ein Viertel davon geht an die Länder.'),
    ).toEqual([
      ['money', 3e9, null, 'EUR'],
      ['fraction', 0.25, null, null],
    ]);
  });
});

describe('approximations with an article before the number', () => {
  it('keeps `más del`, `casi el`, `oltre il`, `circa il`, `mais de`, `ca.` in the figure as its approximation', () => {
    const text =
      'Más del 60 % de los votos y casi el 40 % de los escaños. Oltre il 50% delle imprese e circa il 30 per ' +
      'cento dei cittadini. Mais de 20 mil pessoas. Es kamen ca. 500 Soldaten.';
    expect(extractFigures(text, []).map((f) => [f.text, f.approx])).toEqual([
      ['Más del 60 %', 'over'],
      ['casi el 40 %', 'under'],
      ['Oltre il 50%', 'over'],
      ['circa il 30 per cento', 'about'],
      ['Mais de 20 mil pessoas', 'over'],
      ['ca. 500 Soldaten', 'about'],
    ]);
  });
});

describe('billions with no noun', () => {
  it('reads them as money in the currency the text last named, else in euros', () => {
    expect(
      found('The central bank will buy 20 billion a month from March, and 60 billion per month later on.'),
    ).toEqual([
      ['money', 20e9, null, 'EUR'],
      ['money', 60e9, null, 'EUR'],
    ]);
    expect(
      found('Washington pledged $3 billion in April. Congress then added 2 billion for the summer.'),
    ).toEqual([
      ['money', 3e9, null, 'USD'],
      ['money', 2e9, null, 'USD'],
    ]);
  });

  it('reads `millones de los …` as money of whoever follows, after a money figure', () => {
    expect(
      found(
        'Hemos dado 2.000 millones de euros a Kiev, y Moscú recibe cada mes 3.000 millones de los contribuyentes europeos.',
      ),
    ).toEqual([
      ['money', 2e9, null, 'EUR'],
      ['money', 3e9, null, 'EUR'],
    ]);
  });

  it('keeps billions a count when a count of something came just before', () => {
    expect(found('We delivered 1 billion doses this year, and we will reach 2 billion next year.')).toEqual([
      ['count', 1e9, null, null],
      ['count', 2e9, null, null],
    ]);
  });
});

describe('more shapes of amounts and shares', () => {
  it('counts `a 5,000-strong force` and reads `€1.500` in English as thousands', () => {
    expect(
      found(
        'A 5,000-strong force will deploy, and each soldier gets €1.500 as a bonus, or €1.5 billion in all.',
      ),
    ).toEqual([
      ['count', 5000, null, null],
      ['money', 1500, null, 'EUR'],
      ['money', 1.5e9, null, 'EUR'],
    ]);
  });

  it('reads fractions written as one character and `one half of`', () => {
    expect(
      found(
        'Some ½ of the budget and ¾ of the staff moved; one half of them came back, and one-half of the rest.',
      ),
    ).toEqual([
      ['fraction', 0.5, null, null],
      ['fraction', 0.75, null, null],
      ['fraction', 0.5, null, null],
      ['fraction', 0.5, null, null],
    ]);
  });

  it('reads Italian and Spanish ranges `dal 5 al 7%`, `del 2 al 3 por ciento`', () => {
    expect(found('Il deficit scenderà dal 5 al 7% del PIL secondo le stime della Commissione.')).toEqual([
      ['percent', 5, 7, '%'],
    ]);
    expect(found('El gasto subirá del 2 al 3 por ciento del PIB en los próximos años.')).toEqual([
      ['percent', 2, 3, '%'],
    ]);
  });
});

describe('names with a number in them', () => {
  it('leaves `5 Stelle`, `Cinque Stelle` and `the Five Eyes` alone but counts a capital at the start of a sentence', () => {
    expect(
      found(
        'Con i 5 Stelle e il Movimento Cinque Stelle abbiamo parlato, come con i Cinque Stelle al governo.',
      ),
    ).toEqual([]);
    expect(
      found('The Five Eyes partners met. Twenty-seven countries signed. Five Member States did not.'),
    ).toEqual([
      ['count', 27, null, null],
      ['count', 5, null, null],
    ]);
  });
});

describe('a part of a count or more of it, its noun unsaid', () => {
  it('counts `of which N`, `another N`, `N more` and their French, Spanish and Italian forms', () => {
    const lines = [
      'We sent 1 million shells, of which 300,000 this spring, and will train another 15,000 by June.',
      'Nous avons formé 60 000 soldats et nous en formerons 15 000 de plus avant la fin du mandat.',
      'Hemos formado a 60.000 soldados, de los cuales 15.000 este año, según el ministerio.',
      "Abbiamo formato 60.000 soldati, di cui 15.000 quest'anno, secondo il ministero.",
    ];
    expect(lines.map((l) => found(l).map(([kind, value]) => `${kind} ${value}`))).toEqual([
      ['count 1000000', 'count 300000', 'count 15000'],
      ['count 60000', 'count 15000'],
      ['count 60000', 'count 15000'],
      ['count 60000', 'count 15000'],
    ]);
  });

  it('gives `N more` the unit of the percentage just before it', () => {
    expect(found('We have done 70% of the work, and we still need to do 30 more before the summer.')).toEqual(
      [
        ['percent', 70, null, '%'],
        ['percent', 30, null, '%'],
      ],
    );
  });

  it('counts `26 von 27`, `26 sur 27` and `wir sind 27 am Tisch`', () => {
    expect(found('Wir sind 27 am Tisch, und nur 26 von 27 Regierungen haben unterschrieben.')).toEqual([
      ['count', 27, null, null],
      ['count', 26, null, null],
      ['count', 27, null, null],
    ]);
    expect(found('Nous sommes 27 autour de la table, et 26 sur 27 ont signé la déclaration.')).toEqual([
      ['count', 27, null, null],
      ['count', 26, null, null],
    ]);
  });
});

describe('Dutch number words whose unit holds the joiner', () => {
  it('reads `zevenentwintig` and `negenentachtig` as well as `drieëntwintig`', () => {
    expect(
      found(
        'Er zijn zevenentwintig lidstaten, negenentachtig waarnemers en drieëntwintig teams in het land.',
      ),
    ).toEqual([
      ['count', 27, null, null],
      ['count', 89, null, null],
      ['count', 23, null, null],
    ]);
  });
});

describe('the word `euro` before a scaled amount', () => {
  it('reads `euro 500 million` as money, but not the currency named before a plain number', () => {
    expect(
      found('The facility is worth euro 500 million, and the euro 20 years ago was weaker than today.'),
    ).toEqual([['money', 5e8, null, 'EUR']]);
  });
});
