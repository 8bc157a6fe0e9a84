import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/figures/index.js';
import type { Figure, Segment } from '../../src/schemas/record.js';

type Want = Partial<Pick<Figure, 'kind' | 'value' | 'valueMax' | 'unit' | 'approx' | 'item' | 'text'>>;

const figs = (text: string) => extractFigures(text, []);
const pick = (f: Figure): Want => ({ kind: f.kind, value: f.value, valueMax: f.valueMax, unit: f.unit });
const one = (text: string): Figure => {
  const all = figs(text);
  expect(all, `figures in «${text}»: ${JSON.stringify(all.map(pick))}`).toHaveLength(1);
  return all[0]!;
};
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** Each case: a sentence written for these tests and the one figure it holds. */
const ONE_FIGURE: Array<[string, Want]> = [
  // money: symbols and codes before or after, scale words and short forms
  ['Norway is contributing €400 million to the initiative.', { kind: 'money', value: 4e8, unit: 'EUR' }],
  ['We have paid out $5bn so far.', { kind: 'money', value: 5e9, unit: 'USD' }],
  ['The facility holds EUR 1.5 trillion in reserves.', { kind: 'money', value: 1.5e12, unit: 'EUR' }],
  ['The next tranche will amount to 6.7 billion euros.', { kind: 'money', value: 6.7e9, unit: 'EUR' }],
  ['Member states paid EUR €25 billion last year.', { kind: 'money', value: 25e9, unit: 'EUR' }],
  ['They pledged US$ 300 million for reconstruction.', { kind: 'money', value: 3e8, unit: 'USD' }],
  ['The UK will pay £12.5bn before it leaves.', { kind: 'money', value: 12.5e9, unit: 'GBP' }],
  ['Switzerland adds CHF 40 million.', { kind: 'money', value: 4e7, unit: 'CHF' }],
  ['A loan of 20 million dollars was agreed.', { kind: 'money', value: 2e7, unit: 'USD' }],
  ['We found €30 more million for the region.', { kind: 'money', value: 3e7, unit: 'EUR' }],
  ['Last year it was [€] 20 billion.', { kind: 'money', value: 2e10, unit: 'EUR', text: '[€] 20 billion' }],
  ['Altogether [€]40 billion last year.', { kind: 'money', value: 4e10, unit: 'EUR' }],
  ['The grant is worth a million euros.', { kind: 'money', value: 1e6, unit: 'EUR' }],
  ['Each start-up can get €30k in seed money.', { kind: 'money', value: 3e4, unit: 'EUR' }],
  // ranges and alternatives
  [
    'Russia earned around €7 or €8 billion from it.',
    { kind: 'money', value: 7e9, valueMax: 8e9, unit: 'EUR', approx: 'about' },
  ],
  ['Growth should be between 2 and 3% next year.', { kind: 'percent', value: 2, valueMax: 3, unit: '%' }],
  ['We expect 5-6 million visitors.', { kind: 'count', value: 5e6, valueMax: 6e6 }],
  ['Groups of from 20 to 25 experts will travel.', { kind: 'count', value: 20, valueMax: 25 }],
  ['The cost is between €10 and €15 billion.', { kind: 'money', value: 1e10, valueMax: 1.5e10, unit: 'EUR' }],
  ['Prices rose 10–15% in a year.', { kind: 'percent', value: 10, valueMax: 15, unit: '%' }],
  // percent, percentage points, basis points
  ['Headline inflation is 2.1 per cent.', { kind: 'percent', value: 2.1, unit: '%' }],
  ['We are not yet at 100%.', { kind: 'percent', value: 100, unit: '%' }],
  ['The deposit rate stands at -0.50%.', { kind: 'percent', value: -0.5, unit: '%' }],
  ['We decided to cut rates by 25 basis points.', { kind: 'percent', value: 25, unit: 'bp' }],
  ['A revision of 0.3 percentage points.', { kind: 'percent', value: 0.3, unit: 'pp' }],
  ['Inflation is close to our two per cent target.', { kind: 'percent', value: 2, unit: '%' }],
  ['Growth will be four point six percent next year.', { kind: 'percent', value: 4.6, unit: '%' }],
  ['I am one hundred per cent sure.', { kind: 'percent', value: 100, unit: '%' }],
  // counts with their noun
  [
    'We have already trained over 73,000 soldiers.',
    { kind: 'count', value: 73000, approx: 'over', item: 'soldiers' },
  ],
  [
    'We will deliver 2 million rounds of ammunition.',
    { kind: 'count', value: 2e6, item: 'rounds of ammunition' },
  ],
  ['We had 27 [EU] countries who supported it.', { kind: 'count', value: 27 }],
  ['Last night there were five casualties in the city.', { kind: 'count', value: 5, item: 'casualties' }],
  ['Twenty-seven governments signed the text.', { kind: 'count', value: 27 }],
  ['A hundred and fifty observers were deployed.', { kind: 'count', value: 150 }],
  ['One and a half million refugees have arrived.', { kind: 'count', value: 1.5e6 }],
  ['We opened an air bridge for 100 tons of humanitarian aid.', { kind: 'count', value: 100 }],
  ['We need all 27 of us to agree.', { kind: 'count', value: 27 }],
  ['The decision was taken by the 27 member states.', { kind: 'count', value: 27 }],
  ["We speak for the EU's 27 Member States.", { kind: 'count', value: 27 }],
  ['Sanctions now cover 27 other countries.', { kind: 'count', value: 27, item: 'other countries' }],
  ['GDP grew by +0.3% in the quarter.', { kind: 'percent', value: 0.3, unit: '%' }],
  ['They agreed on a 5 billion-euro package.', { kind: 'money', value: 5e9, unit: 'EUR' }],
  ['The US offered a $2-billion loan.', { kind: 'money', value: 2e9, unit: 'USD' }],
  // fractions
  ['Emissions were cut by a third since then.', { kind: 'fraction', value: 1 / 3 }],
  ['We have reached two-thirds of the target.', { kind: 'fraction', value: 2 / 3 }],
  ['We reached the two- thirds of the target.', { kind: 'fraction', value: 2 / 3 }],
  ['Together we represent a quarter of global GDP.', { kind: 'fraction', value: 0.25 }],
  ['Half of the funds are already committed.', { kind: 'fraction', value: 0.5 }],
  ['Three quarters of the members agreed.', { kind: 'fraction', value: 0.75 }],
  [
    'A quarter of them are led by women.',
    { kind: 'fraction', value: 0.25, item: null, text: 'A quarter of them' },
  ],
  ['We have reached around one third', { kind: 'fraction', value: 1 / 3, approx: 'about' }],
  ['Exports fell by 1/3 of their value.', { kind: 'fraction', value: 1 / 3 }],
  ['One in three arrivals came by sea.', { kind: 'fraction', value: 1 / 3 }],
  ['Seven out of 10 Europeans support it.', { kind: 'fraction', value: 0.7 }],
  ['Migration: 380,000 irregular crossings were detected.', { kind: 'count', value: 380000 }],
  ['More than 6,000 war crimes have been registered.', { kind: 'count', value: 6000, approx: 'over' }],
  // ordinals written with digits
  ['We are working on the 17th package of sanctions.', { kind: 'ordinal', value: 17 }],
  ['This was our 28th Japan-EU Summit.', { kind: 'ordinal', value: 28 }],
  ['Adopting the 18th is crucial.', { kind: 'ordinal', value: 18 }],
  // French, German and Dutch
  ['Le programme atteint 1,5 milliard d’euros.', { kind: 'money', value: 1.5e9, unit: 'EUR' }],
  ['Nous avons mobilisé 5 milliards d’euros pour la région.', { kind: 'money', value: 5e9, unit: 'EUR' }],
  ['Le déficit atteint 2,5 % du PIB cette année.', { kind: 'percent', value: 2.5, unit: '%' }],
  ['Die Kommission stellt 3 Milliarden Euro bereit.', { kind: 'money', value: 3e9, unit: 'EUR' }],
  ['Die Inflation liegt bei 2,25 Prozent in diesem Jahr.', { kind: 'percent', value: 2.25, unit: '%' }],
  ['Das Parlament hat mit 401 Stimmen zugestimmt und das ist gut.', { kind: 'count', value: 401 }],
  ['Nous avons envoyé 3 000 soldats dans la région.', { kind: 'count', value: 3000 }],
  ['Samen vertegenwoordigen we een vijfde van het wereldwijde BBP.', { kind: 'fraction', value: 0.2 }],
  ['Bedankt voor de 30ste Japan–EU Top in Tokio.', { kind: 'ordinal', value: 30 }],
  ['Het gaat om 2,5 miljard euro voor de regio.', { kind: 'money', value: 2.5e9, unit: 'EUR' }],
  [
    'La Unión ha movilizado 5.000 millones de euros para los refugiados y para la reconstrucción.',
    { kind: 'money', value: 5e9, unit: 'EUR' },
  ],
  [
    "L'inflazione è al 2,4 per cento e non è più alta della media.",
    { kind: 'percent', value: 2.4, unit: '%' },
  ],
  // ranges: a scale written once, `one` opening a range, scales in words
  ['We expect 5 to 6 million displaced people.', { kind: 'count', value: 5e6, valueMax: 6e6 }],
  ['Only one or two countries objected.', { kind: 'count', value: 1, valueMax: 2, item: 'countries' }],
  ['Between five and ten thousand people came.', { kind: 'count', value: 5000, valueMax: 10000 }],
  ['Prices went from €1 to €2 billion.', { kind: 'money', value: 1e9, valueMax: 2e9, unit: 'EUR' }],
  // shares of a percentage point, short and hyphenated units
  ['The rate rose by half a percentage point.', { kind: 'percent', value: 0.5, unit: 'pp' }],
  ['It fell by a quarter of a percentage point.', { kind: 'percent', value: 0.25, unit: 'pp' }],
  ['Exports are 5 pc higher than last year.', { kind: 'percent', value: 5, unit: '%' }],
  ['A 50 basis-point hike was decided.', { kind: 'percent', value: 50, unit: 'bp' }],
  ['Inflation edged up to 2.4 per cent.', { kind: 'percent', value: 2.4, approx: null }],
  ['We need up to 5,000 troops.', { kind: 'count', value: 5000, approx: 'under' }],
  ['GDP contracted by minus 0.2 per cent in the quarter.', { kind: 'percent', value: -0.2, unit: '%' }],
  ['A 2-percent rise was seen.', { kind: 'percent', value: 2, unit: '%' }],
  ['A 25-basis-point cut was decided.', { kind: 'percent', value: 25, unit: 'bp' }],
  ['We set up a 5-billion-euro fund.', { kind: 'money', value: 5e9, unit: 'EUR' }],
  // money: a code glued to its amount, spaced short scales, `of euros`, French abbreviations
  ['We have delivered EUR1bn so far.', { kind: 'money', value: 1e9, unit: 'EUR' }],
  ['We provided EUR 3.5 bln in loans.', { kind: 'money', value: 3.5e9, unit: 'EUR' }],
  ['They spent 30 billion of euros on gas.', { kind: 'money', value: 3e10, unit: 'EUR' }],
  ['Nous avons dépensé 50 M€ pour la région.', { kind: 'money', value: 5e7, unit: 'EUR' }],
  ['Nous avons dépensé 3 Md€ pour la région.', { kind: 'money', value: 3e9, unit: 'EUR' }],
  // halves after a scale word, in words
  ['We have received a million and a half refugees.', { kind: 'count', value: 1.5e6 }],
  [
    "Nous avons mobilisé un milliard et demi d'euros pour la région.",
    { kind: 'money', value: 1.5e9, unit: 'EUR' },
  ],
  [
    'Wir haben zweieinhalb Milliarden Euro für die Ukraine bereitgestellt.',
    { kind: 'money', value: 2.5e9, unit: 'EUR' },
  ],
  ['Nous avons mobilisé 2,5 Mds € pour la région.', { kind: 'money', value: 2.5e9, unit: 'EUR' }],
  // articles before a scale word
  ["Nous avons mobilisé un milliard d'euros pour la région.", { kind: 'money', value: 1e9, unit: 'EUR' }],
  ['Wir stellen eine Milliarde Euro für die Region bereit.', { kind: 'money', value: 1e9, unit: 'EUR' }],
  // counts of people named by a participle, by a partitive, by `all`
  ['Around 60,000 killed in the fighting.', { kind: 'count', value: 60000, approx: 'about' }],
  ['Two of these countries voted against.', { kind: 'count', value: 2, item: 'countries' }],
  ['This decision was taken by 26 of the 27.', { kind: 'count', value: 26 }],
  ['All 27 agreed on the conclusions.', { kind: 'count', value: 27 }],
  ['Ministers from 12 European Union member states attended.', { kind: 'count', value: 12 }],
  ['We also met 5 Central Asian countries.', { kind: 'count', value: 5 }],
  // ordinals in German, Spanish and Italian
  ['Wir arbeiten am 17. Sanktionspaket gegen Russland.', { kind: 'ordinal', value: 17 }],
  ['Hemos adoptado el 17.º paquete de sanciones contra Rusia.', { kind: 'ordinal', value: 17 }],
  ['Abbiamo adottato il 18° pacchetto di sanzioni per la pace.', { kind: 'ordinal', value: 18 }],
  ['Il 19esimo pacchetto è pronto e questo è per la pace.', { kind: 'ordinal', value: 19 }],
];

/** Sentences that hold numbers but no figure (GUIDELINES.md: what is not a figure). */
const NO_FIGURE: string[] = [
  'Do you plan a visit to Kyiv on the 9th of May?',
  'The meeting took place in Luxembourg on 14 April 2025.',
  'We will meet again at 9:30 tomorrow, or at 11.00 am.',
  'Ukraine agreed to a ceasefire 60 days ago, after four years of war.',
  'Under Article 2 of the Treaty, the G7 and COP29 agreed; see SPEECH/25/1234.',
  'Resolution 2334 was adopted by the Security Council.',
  'Thousands of trucks and dozens of people waited for many hours.',
  'It is my first time here, and the third point is about Iran.',
  'One of the leaders said that one day this will change.',
  'For press contacts call +32 2 281 41 00 or +352621136935.',
  'Reference: 90958 Duration: 00:04:28 First transmission: 11/12/2012',
  'We have two main issues today: Ukraine and the Middle East.',
  'Let me make three brief remarks before your questions.',
  'We support a two-state solution and the 10-year plan.',
  'The 18 month programme ends in 2026.',
  'Growth was flat in the first quarter of 2012.',
  'In the second half of the year, and on behalf of the Union, we will act.',
  'Yesterday was the fifth anniversary, and the 20th anniversary is next year.',
  'He is a third country national, and this is a third way.',
  'The first 100 days of the mandate and the next five years.',
  'Thu. Oct 17th, 2024 and the 24th of May and 13th December.',
  'Exit doorstep remarks • 12/07/2015 • 00:45 • 577/15',
  'COVID-19 hit us in ’21, and the 2024-2029 mandate began.',
  'European Commission, 1049 Brussels, Belgium. 1 comment. 12 views.',
  'For more information call +32 2 299 11 11.',
  'We adopted 3 today and will adopt 2 tomorrow.',
  'Several hundred people and a dozen countries, and millions of euros.',
  'We support the Fit for 55 package and the Fit-for-55 targets.',
  'Please look at slide 3 and chart 2.',
  'We will meet on the 18th in Brussels.',
  'Mrs Lagarde, 2 quick ones on rates.',
  'Tens of billions of euros, hundreds of millions of people, a few billion euros.',
  'The P5+1 and the E3 met in 2024-25, by end-2025.',
  'We reached 1.5°C of warming.',
  'We meet at 3 p.m. and at 10 a.m., after the Sept. 11 ceremony.',
  'Growth picked up in the 2nd quarter and in the 2nd half, on the 100th day of the war.',
  'He lives at 10 Downing Street and we sent Leopard 2 tanks.',
  'Children aged 6 to 12 are at risk, and men between 18 and 60 cannot leave.',
  'The Three Seas Initiative summit was held in Warsaw, like the 3 Seas Initiative forum.',
];

describe('extractFigures', () => {
  it.each(ONE_FIGURE)('finds the one figure in «%s»', (text, want) => {
    const f = one(text);
    expect(f.kind).toBe(want.kind);
    expect(close(f.value, want.value!), `value ${f.value}`).toBe(true);
    if (want.valueMax !== undefined)
      expect(close(f.valueMax ?? NaN, want.valueMax!), `valueMax ${f.valueMax}`).toBe(true);
    else expect(f.valueMax).toBeNull();
    if (want.unit !== undefined) expect(f.unit).toBe(want.unit);
    if (want.approx !== undefined) expect(f.approx).toBe(want.approx);
    if (want.item !== undefined) expect(f.item).toBe(want.item);
    if (want.text !== undefined) expect(f.text).toBe(want.text);
    expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it.each(NO_FIGURE)('finds no figure in «%s»', (text) => {
    expect(figs(text).map(pick)).toEqual([]);
  });

  it('keeps every figure of a paragraph, in order, with ids f1…fn', () => {
    const text =
      'Member States have contributed more than €23 billion this year. Last year it was [€] 20 billion. ' +
      'We still do not have 100%, but we have reached two-thirds of the target and we are working on the 17th package.';
    const all = figs(text);
    expect(all.map((f) => [f.id, f.kind, Math.round(f.value * 1e4) / 1e4])).toEqual([
      ['f1', 'money', 23e9],
      ['f2', 'money', 20e9],
      ['f3', 'percent', 100],
      ['f4', 'fraction', 0.6667],
      ['f5', 'ordinal', 17],
    ]);
    expect(all[0]!.approx).toBe('over');
  });

  it('reads `from A to B` with both ends whole as two figures, a change and not a range', () => {
    const all = figs('Inflation rose from 2.2% to 2.5%, and spending from €20 billion to €25 billion.');
    expect(all.map((f) => [f.kind, f.value, f.valueMax])).toEqual([
      ['percent', 2.2, null],
      ['percent', 2.5, null],
      ['money', 20e9, null],
      ['money', 25e9, null],
    ]);
  });

  it('reads `on the 18th` as the next of a series named just before, else as a date', () => {
    const series = figs('We adopted the 17th package. We are now working on the 18th.');
    expect(series.map((f) => [f.kind, f.value])).toEqual([
      ['ordinal', 17],
      ['ordinal', 18],
    ]);
    const apart = figs('We adopted the 17th package.\n\nWill you meet on the 18th?');
    expect(apart.map((f) => [f.kind, f.value])).toEqual([['ordinal', 17]]);
  });

  it('counts the votes of a vote, with or without their noun', () => {
    const all = figs(
      'Adopted with 401 votes in favour, 8 against and 12 abstentions; before, 450 for, 120 against.',
    );
    expect(all.map((f) => [f.kind, f.value])).toEqual([
      ['count', 401],
      ['count', 8],
      ['count', 12],
      ['count', 450],
      ['count', 120],
    ]);
  });

  it('carries a currency over to a scaled amount that leaves it out', () => {
    const all = figs(
      'The plan is worth EUR 750 billion, of which 390 billion in grants and 360 billion in loans.',
    );
    expect(all.map((f) => [f.kind, f.value, f.unit])).toEqual([
      ['money', 750e9, 'EUR'],
      ['money', 390e9, 'EUR'],
      ['money', 360e9, 'EUR'],
    ]);
  });

  it('ties each figure to the segment it falls in', () => {
    const text = 'We agreed on €5 billion.\n\nHow many soldiers?\n\nWe trained 73,000 soldiers.';
    const segments: Segment[] = [
      { id: 's1', kind: 'remarks', speaker: null, start: 0, end: 24, text: text.slice(0, 24) },
      { id: 's2', kind: 'question', speaker: null, start: 26, end: 44, text: text.slice(26, 44) },
      { id: 's3', kind: 'answer', speaker: null, start: 46, end: text.length, text: text.slice(46) },
    ];
    const all = extractFigures(text, segments);
    expect(all.map((f) => f.segment)).toEqual(['s1', 's3']);
  });

  it('gives a figure outside every segment no segment', () => {
    const text = 'Boilerplate 5 million visitors. Spoken text.';
    const all = extractFigures(text, [
      { id: 's1', kind: 'remarks', speaker: null, start: 32, end: 44, text: 'Spoken text.' },
    ]);
    expect(all).toHaveLength(1);
    expect(all[0]!.segment).toBeNull();
  });
});

describe('counts whose noun is said elsewhere', () => {
  const counts = (text: string) => extractFigures(text, []).map((f) => [f.kind, f.value]);
  it.each([
    ['we are 27 and', 'In this Council we are 19 and we decide together.', [['count', 19]]],
    ['nous sommes N et', 'Nous sommes 12 et nous voulons avancer.', [['count', 12]]],
    [
      'N of M',
      'Only 8 of 19 ministers came to the dinner.',
      [
        ['count', 8],
        ['count', 19],
      ],
    ],
    [
      'including N',
      'We opened 41 offices, including 6 in the south.',
      [
        ['count', 41],
        ['count', 6],
      ],
    ],
    [
      'a large amount in words after a count of something',
      'We sent 1.5 million doses of vaccine and we aim for three million by spring.',
      [
        ['count', 1.5e6],
        ['count', 3e6],
      ],
    ],
  ])('reads %s', (_what, text, want) => {
    expect(counts(text)).toEqual(want);
  });

  it('does not count a number after "and" in a list of clauses', () => {
    expect(counts('It was 2 and then it was over.')).toEqual([]);
  });
});

describe('figures in shapes the corpus lacks', () => {
  const read = (text: string) =>
    extractFigures(text, []).map((f) => [f.kind, f.value, f.valueMax, f.unit] as const);

  it.each([
    ['Italian', 'La disoccupazione scenderà tra il 2 e il 3 per cento nel corso del prossimo anno.'],
    [
      'Spanish',
      'El paro bajará entre el 2 y el 3 por ciento a lo largo del próximo año, según las previsiones.',
    ],
  ])('reads a range with an article before each end (%s)', (_lang, text) => {
    expect(read(text)).toEqual([['percent', 2, 3, '%']]);
  });

  it('gives a German scaled amount without a noun the currency of the money figure before it', () => {
    expect(
      read(
        'Wir stellen 2,5 Mrd. Euro und weitere 300 Mio. bereit, damit die Länder ihre Netze ausbauen können.',
      ),
    ).toEqual([
      ['money', 2.5e9, null, 'EUR'],
      ['money', 3e8, null, 'EUR'],
    ]);
  });

  it('still counts a German noun after an adjective in lower case', () => {
    expect(read('Wir haben 300 neue Soldaten in die Region geschickt, und weitere werden folgen.')).toEqual([
      ['count', 300, null, null],
    ]);
  });
});
