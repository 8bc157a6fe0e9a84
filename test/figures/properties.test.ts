import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/figures/index.js';
import { Figure } from '../../src/schemas/record.js';

const figs = (text: string) => extractFigures(text, []);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** A positive amount: up to six integer digits and up to two decimals. */
const amount = fc
  .tuple(
    fc.integer({ min: 1, max: 999_999 }),
    fc.integer({ min: 0, max: 2 }),
    fc.integer({ min: 0, max: 99 }),
  )
  .map(([int, places, dec]) => {
    const decimals = places === 0 ? '' : String(dec % 10 ** places).padStart(places, '0');
    return { int, decimals, value: Number(decimals ? `${int}.${decimals}` : `${int}`) };
  });

type Num = { int: number; decimals: string };
const group = (int: number, sep: string) => String(int).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
const en = (n: Num, grouped: boolean) =>
  (grouped ? group(n.int, ',') : String(n.int)) + (n.decimals ? `.${n.decimals}` : '');
const fr = (n: Num, sep: string) => group(n.int, sep) + (n.decimals ? `,${n.decimals}` : '');
const de = (n: Num) => group(n.int, '.') + (n.decimals ? `,${n.decimals}` : '');

const SCALES: Array<[string, number]> = [
  ['', 1],
  [' thousand', 1e3],
  [' million', 1e6],
  [' billion', 1e9],
  [' trillion', 1e12],
  ['bn', 1e9],
  [' bn', 1e9],
  ['m', 1e6],
  ['k', 1e3],
];
/** English money formats: how a currency wraps a number and its scale. */
const MONEY_EN: Array<[(n: string, s: string) => string, string]> = [
  [(n, s) => `€${n}${s}`, 'EUR'],
  [(n, s) => `€ ${n}${s}`, 'EUR'],
  [(n, s) => `EUR ${n}${s}`, 'EUR'],
  [(n, s) => `${n}${s} euros`, 'EUR'],
  [(n, s) => `${n}${s} EUR`, 'EUR'],
  [(n, s) => `$${n}${s}`, 'USD'],
  [(n, s) => `US$${n}${s}`, 'USD'],
  [(n, s) => `USD ${n}${s}`, 'USD'],
  [(n, s) => `${n}${s} dollars`, 'USD'],
  [(n, s) => `£${n}${s}`, 'GBP'],
  [(n, s) => `GBP ${n}${s}`, 'GBP'],
  [(n, s) => `CHF ${n}${s}`, 'CHF'],
  [(n, s) => `[€] ${n}${s}`, 'EUR'],
];
const PERCENT_EN: Array<[string, string]> = [
  ['%', '%'],
  [' %', '%'],
  [' per cent', '%'],
  [' percent', '%'],
  [' percentage points', 'pp'],
  [' basis points', 'bp'],
];

describe('figure properties', () => {
  it('reads back an English money amount printed in any supported format', () => {
    fc.assert(
      fc.property(
        amount,
        fc.boolean(),
        fc.constantFrom(...SCALES),
        fc.constantFrom(...MONEY_EN),
        (n, grouped, [scaleText, scale], [format, unit]) => {
          // short forms after a suffix currency word (`5m euros`) are ambiguous only without the glue
          const text = `Last year the Union committed ${format(en(n, grouped), scaleText)} to the programme.`;
          const all = figs(text);
          expect(all, text).toHaveLength(1);
          const f = all[0]!;
          expect(f.kind, text).toBe('money');
          expect(f.unit, text).toBe(unit);
          expect(close(f.value, n.value * scale), `${text} → ${f.value}`).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads back a percentage printed in any supported format', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom(...PERCENT_EN), (n, [suffix, unit]) => {
        const text = `Inflation will average ${en(n, true)}${suffix} over the period.`;
        const f = figs(text);
        expect(f, text).toHaveLength(1);
        expect(f[0]!.kind).toBe('percent');
        expect(f[0]!.unit).toBe(unit);
        expect(close(f[0]!.value, n.value), text).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back French and German amounts with their own separators and words', () => {
    const frScales: Array<[string, number]> = [
      ['', 1],
      [' millions', 1e6],
      [' milliards', 1e9],
    ];
    const deScales: Array<[string, number]> = [
      ['', 1],
      [' Millionen', 1e6],
      [' Milliarden', 1e9],
    ];
    fc.assert(
      fc.property(
        amount,
        fc.constantFrom(' ', '\u00a0', '\u202f'),
        fc.constantFrom(...frScales),
        fc.constantFrom(...deScales),
        (n, sep, [frScale, frMult], [deScale, deMult]) => {
          const frText = `Pour la région, nous avons mobilisé ${fr(n, sep)}${frScale} d’euros et nous le savons.`;
          const frFig = figs(frText);
          expect(frFig, frText).toHaveLength(1);
          expect(frFig[0]!.unit).toBe('EUR');
          expect(close(frFig[0]!.value, n.value * frMult), `${frText} → ${frFig[0]!.value}`).toBe(true);

          const pct = `Le déficit est de ${fr(n, sep)} % et nous le savons.`;
          const pf = figs(pct);
          expect(pf, pct).toHaveLength(1);
          expect(close(pf[0]!.value, n.value), pct).toBe(true);

          const deText = `Die Kommission stellt ${de(n)}${deScale} Euro bereit, und das ist nicht genug für die Union.`;
          const deFig = figs(deText);
          expect(deFig, deText).toHaveLength(1);
          expect(close(deFig[0]!.value, n.value * deMult), `${deText} → ${deFig[0]!.value}`).toBe(true);

          const dePct = `Die Inflation liegt bei ${de(n)} Prozent und das ist nicht genug für die Union.`;
          const dp = figs(dePct);
          expect(dp, dePct).toHaveLength(1);
          expect(dp[0]!.unit).toBe('%');
          expect(close(dp[0]!.value, n.value), dePct).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  const FRAGMENTS = [
    '€7 or €8 billion',
    '[€]40 billion',
    '27 [EU] countries',
    'two-thirds of',
    'the 17th package',
    '2,5 %',
    '3 000',
    '[',
    ']',
    '-',
    '/',
    ':',
    '\n\n',
    'between 2 and',
    'over',
    'twenty-',
    'and a half',
    '1,',
    '.5',
    '€',
    'US$',
    '%',
  ];
  const messy = fc
    .array(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 12 }),
        fc.constantFrom(...FRAGMENTS),
        fc.integer().map(String),
      ),
      {
        maxLength: 40,
      },
    )
    .map((parts) => parts.join(' '));

  it('gives offsets that always slice to the figure text, in order and without overlap', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const all = figs(text);
        let last = 0;
        all.forEach((f, k) => {
          expect(Figure.safeParse(f).success).toBe(true);
          expect(f.id).toBe(`f${k + 1}`);
          expect(text.slice(f.start, f.end)).toBe(f.text);
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(f.end).toBeGreaterThan(f.start);
          expect(Number.isFinite(f.value)).toBe(true);
          last = f.end;
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on random Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(Array.isArray(figs(text))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  // Each of these would take minutes with a backtracking or quadratic matcher; vitest's
  // timeout (120 s here, for a loaded CI machine) catches that without a timing assertion.
  it.each([
    ['a megabyte of digits', '7'.repeat(1 << 20)],
    ['a megabyte of grouped digits', '1,000'.repeat(1 << 18)],
    ['deeply repeated brackets', `${'['.repeat(1 << 18)}€5 billion${']'.repeat(1 << 18)}`],
    ['repeated number words', 'twenty-seven and a hundred and '.repeat(1 << 13)],
    ['repeated range connectors', '€1 or '.repeat(1 << 15)],
    ['repeated separators', '1.2.3,4,5 '.repeat(1 << 15)],
    ['repeated currency signs', '€$£'.repeat(1 << 15)],
  ])(
    'handles %s in one pass',
    (_name, text) => {
      const all = figs(text);
      for (const f of all) expect(text.slice(f.start, f.end)).toBe(f.text);
    },
    120_000,
  );
});
