import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/figures/index.js';

/** A figure as the corpus scorer compares it: kind, value (rounded), valueMax and unit. */
type Row = [kind: string, value: number, valueMax: number | null, unit: string | null];

const rows = (text: string): Row[] =>
  extractFigures(text, []).map((f) => [
    f.kind,
    Math.round(f.value * 1e4) / 1e4,
    f.valueMax === null ? null : Math.round(f.valueMax * 1e4) / 1e4,
    f.unit,
  ]);

/**
 * Whole passages written for these tests in the shapes EU press transcripts take (HR/VP remarks,
 * an ECB press conference, a Eurogroup press conference, Commission remarks in French, German,
 * Spanish and Italian), each with every figure a reader of an archive of press figures would
 * want, in order, and nothing else.
 */
const PASSAGES: Array<[name: string, text: string, want: Row[]]> = [
  [
    'HR/VP remarks after a Foreign Affairs Council',
    [
      'Good afternoon. Today we adopted the 17th package of sanctions. It lists nearly 200 shadow fleet vessels.',
      'We are already working on the 18th, and the Fit for 55 package is not on this agenda.',
      '',
      'The European Peace Facility has provided €11.1 billion, and together we have given more than €150 billion since the war began three years ago.',
      'We have trained over 75,000 Ukrainian soldiers. Around 60,000 killed, more than 100,000 injured: this is the toll.',
      'Some 4.3 million Ukrainians live in the EU – one in three of them children.',
      '',
      'Q. Two questions, Ms Kallas. First on Georgia, second on Serbia.',
      '',
      'A. On Georgia, 80% of the population wants to join. We suspended €30 million in assistance.',
      'Under Article 7 nothing moves, and the G7 and COP29 will come back to it on 12 June.',
      'Around 20 of the 27 Member States agreed with me; in the end all 27 agreed.',
    ].join('\n'),
    [
      ['ordinal', 17, null, null],
      ['count', 200, null, null],
      ['ordinal', 18, null, null],
      ['money', 11.1e9, null, 'EUR'],
      ['money', 150e9, null, 'EUR'],
      ['count', 75000, null, null],
      ['count', 60000, null, null],
      ['count', 100000, null, null],
      ['count', 4.3e6, null, null],
      ['fraction', 0.3333, null, null],
      ['percent', 80, null, '%'],
      ['money', 30e6, null, 'EUR'],
      ['count', 20, null, null],
      ['count', 27, null, null],
      ['count', 27, null, null],
    ],
  ],
  [
    'ECB monetary policy statement and questions',
    [
      'The Governing Council today decided to lower the three key ECB interest rates by 25 basis points.',
      'Headline inflation edged up to 2.4 per cent in December, from 2.2 per cent in November.',
      'Inflation rose from 2.2% to 2.5% in the euro area, and growth was between 0.8 and 1 per cent.',
      'A 10 percentage point rise in tariffs could cut growth by half a percentage point, or by a quarter of a percentage point at best.',
      'The Eurosystem holds nearly €4.5 trillion of bonds, about half of the total.',
      '',
      'Question: Mrs Lagarde, 2 quick ones. Is 2% still the target for 2025?',
      '',
      'Lagarde: Thank you for your two questions. The 2% target is symmetric, and rates are at 2.00%.',
    ].join('\n'),
    [
      ['count', 3, null, null],
      ['percent', 25, null, 'bp'],
      ['percent', 2.4, null, '%'],
      ['percent', 2.2, null, '%'],
      ['percent', 2.2, null, '%'],
      ['percent', 2.5, null, '%'],
      ['percent', 0.8, 1, '%'],
      ['percent', 10, null, 'pp'],
      ['percent', 0.5, null, 'pp'],
      ['percent', 0.25, null, 'pp'],
      ['money', 4.5e12, null, 'EUR'],
      ['fraction', 0.5, null, null],
      ['percent', 2, null, '%'],
      ['percent', 2, null, '%'],
      ['percent', 2, null, '%'],
    ],
  ],
  [
    'Eurogroup press conference',
    [
      'Ministers agreed to release the next tranche of EUR 3.5 bln, and USD 500 mln came from the IMF.',
      'The programme is worth between €2 and €3 billion a year, and 5 to 6 million people will benefit.',
      'Only one or two countries objected. The deficit will fall to 3.5% of GDP and debt is 90 percent of it.',
      'We discussed the 2026 budget, the 2028-2034 framework and the 24/7 support line: call +32 2 299 11 11.',
      'Thousands of people and dozens of firms wrote to us; several billion euros are at stake.',
    ].join('\n'),
    [
      ['money', 3.5e9, null, 'EUR'],
      ['money', 500e6, null, 'USD'],
      ['money', 2e9, 3e9, 'EUR'],
      ['count', 5e6, 6e6, null],
      ['count', 1, 2, null],
      ['percent', 3.5, null, '%'],
      ['percent', 90, null, '%'],
    ],
  ],
  [
    'Commission remarks in French',
    [
      "Nous avons mobilisé un milliard d'euros pour la région et 1,5 milliard d'euros pour l'Ukraine.",
      'Le déficit atteint 2,5 % du PIB, et nous voulons réduire les émissions de vingt pour cent.',
      'Les deux tiers des États membres ont soutenu la proposition, et la moitié des fonds a été versée.',
      'Nous travaillons sur le 17e paquet de sanctions. Plus de 4 000 civils ont été tués.',
      'Nous avons accueilli quatre millions de réfugiés, et 50 M€ et 3 Md€ sont engagés pour eux.',
      'Les taux augmentent de 0,25 point de pourcentage et de 25 points de base. Le 14 avril 2025, à 9 h 30, nous étions à Bruxelles.',
    ].join('\n'),
    [
      ['money', 1e9, null, 'EUR'],
      ['money', 1.5e9, null, 'EUR'],
      ['percent', 2.5, null, '%'],
      ['percent', 20, null, '%'],
      ['fraction', 0.6667, null, null],
      ['fraction', 0.5, null, null],
      ['ordinal', 17, null, null],
      ['count', 4000, null, null],
      ['count', 4e6, null, null],
      ['money', 50e6, null, 'EUR'],
      ['money', 3e9, null, 'EUR'],
      ['percent', 0.25, null, 'pp'],
      ['percent', 25, null, 'bp'],
    ],
  ],
  [
    'Commission remarks in German',
    [
      'Die Kommission stellt eine Milliarde Euro und 3 Milliarden Euro für die Ukraine bereit.',
      'Die Inflation liegt bei 2,5 % und das Wachstum zwischen 2 und 3 Prozent.',
      'Zwei Drittel der Mitgliedstaaten haben zugestimmt, und die Hälfte der Mittel ist ausgezahlt.',
      'Wir arbeiten am 17. Sanktionspaket. Mehr als 4.000 Zivilisten sind getötet worden.',
      'Siebenundzwanzig Mitgliedstaaten haben unterzeichnet. Wir stellen 800 Mio. Euro bereit.',
      'Die Zinsen sinken um 0,5 Prozentpunkte. Am 14. April 2025 um 9:30 Uhr, nach Artikel 2 des Vertrags.',
    ].join('\n'),
    [
      ['money', 1e9, null, 'EUR'],
      ['money', 3e9, null, 'EUR'],
      ['percent', 2.5, null, '%'],
      ['percent', 2, 3, '%'],
      ['fraction', 0.6667, null, null],
      ['fraction', 0.5, null, null],
      ['ordinal', 17, null, null],
      ['count', 4000, null, null],
      ['count', 27, null, null],
      ['money', 800e6, null, 'EUR'],
      ['percent', 0.5, null, 'pp'],
    ],
  ],
  [
    'Commission remarks in Spanish',
    [
      'La Comisión ha movilizado mil millones de euros y 1.500 millones de euros para los refugiados.',
      'Veinte por ciento de los fondos y dos tercios de los Estados miembros apoyan la propuesta.',
      'Hemos adoptado el 17.º paquete de sanciones. Hay tres mil soldados y veintisiete Estados miembros.',
      'Más de cinco millones de personas han huido, y la inflación bajó 0,25 puntos porcentuales.',
    ].join('\n'),
    [
      ['money', 1e9, null, 'EUR'],
      ['money', 1.5e9, null, 'EUR'],
      ['percent', 20, null, '%'],
      ['fraction', 0.6667, null, null],
      ['ordinal', 17, null, null],
      ['count', 3000, null, null],
      ['count', 27, null, null],
      ['count', 5e6, null, null],
      ['percent', 0.25, null, 'pp'],
    ],
  ],
  [
    'Commission remarks in Italian',
    [
      "L'Unione ha mobilitato un miliardo di euro e 1,5 miliardi di euro per la ricostruzione del paese.",
      "L'inflazione è al 2,4 per cento e i tassi sono scesi di 25 punti base.",
      'Due terzi degli Stati membri sostengono la proposta e la metà dei fondi è già stata erogata.',
      'Abbiamo adottato il 17° pacchetto di sanzioni. Ci sono tremila soldati e ventisette Stati membri.',
    ].join('\n'),
    [
      ['money', 1e9, null, 'EUR'],
      ['money', 1.5e9, null, 'EUR'],
      ['percent', 2.4, null, '%'],
      ['percent', 25, null, 'bp'],
      ['fraction', 0.6667, null, null],
      ['fraction', 0.5, null, null],
      ['ordinal', 17, null, null],
      ['count', 3000, null, null],
      ['count', 27, null, null],
    ],
  ],
];

describe('extractFigures on whole transcripts', () => {
  it.each(PASSAGES)('finds exactly the figures of the %s', (_name, text, want) => {
    expect(rows(text)).toEqual(want);
  });
});
