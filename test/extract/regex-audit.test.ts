import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CITY_RE } from '../../src/extract/meta/places.js';
import { Robots } from '../../src/fetch/robots.js';

const SRC = join(import.meta.dirname, '../../src');

/** Every regular-expression literal in the sources, with where it is. */
function regexLiterals(): { where: string; re: RegExp }[] {
  const out: { where: string; re: RegExp }[] = [];
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const f of files) {
    const path = join(SRC, f);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(source);
        const cut = text.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1;
        out.push({
          where: `${relative(SRC, path)}:${line}`,
          re: new RegExp(text.slice(1, cut), text.slice(cut + 1)),
        });
      }
      ts.forEachChild(n, visit);
    };
    visit(source);
  }
  return out;
}

/**
 * Strings that make a backtracking pattern blow up: long runs of one kind of character (what
 * nested or adjacent quantifiers fight over), each ending in a character that fails the match.
 */
const N = 3000;
const runs = [
  ' ',
  'a',
  'A',
  '1',
  '.',
  ',',
  '-',
  '\n',
  '\r\n',
  '\t',
  '"',
  "'",
  '<a',
  'a<b ',
  '<div>',
  '&amp;',
  'ab ',
  'Ab. ',
  'A. ',
  '1.',
  '1,0',
  '1 000 ',
  'Mr. ',
  'Q: ',
  'é',
  '\u00a0',
  '(',
  '[',
  '*',
  ':',
  '- ',
  'EUR 1 ',
  'per cent ',
  'Mr Smith ',
  '\ud800',
];
const ADVERSARIAL = runs.flatMap((r) => {
  const body = r.repeat(Math.ceil(N / r.length)).slice(0, N);
  return [`${body}!`, `${body}\u0000`];
});

/**
 * Runs of one character, long enough that a quadratic pattern takes seconds (50,000² steps)
 * where a linear one takes a millisecond: each kind of space (what `\s*` fights over), letters,
 * digits and the punctuation that patterns repeat.
 */
const LONG = 50_000;
const LONG_RUNS = [
  ' ',
  '\n',
  '\r',
  '\t',
  '\u00a0',
  '\u3000',
  'a',
  'A',
  'é',
  '1',
  '.',
  ',',
  ':',
  ';',
  '-',
  '–',
  '(',
  ')',
  '[',
  '<',
  '>',
  '"',
  "'",
  '/',
  '|',
  '*',
  '&',
  '_',
].map((c) => `${c.repeat(LONG)}!`);

/** How long one pattern takes over a string, as its callers run it (global: every match). */
function timeOn(re: RegExp, s: string): number {
  const t0 = performance.now();
  s.replace(new RegExp(re.source, re.flags), '');
  return performance.now() - t0;
}

/** The slowest adversarial string for a pattern, with its time. */
function worst(re: RegExp): { ms: number; input: string } {
  let w = { ms: 0, input: '' };
  for (const s of ADVERSARIAL) {
    let ms = timeOn(re, s);
    for (let k = 0; k < 2 && ms > BOUND_MS; k++) ms = Math.min(ms, timeOn(re, s));
    if (ms > w.ms) w = { ms, input: JSON.stringify(s.slice(0, 12)) };
  }
  return w;
}

// A linear pattern scans 3,000 characters in well under a millisecond. A pattern that
// backtracks cubically or worse needs billions of steps (seconds to hours: `\s*-?\s*X` did).
// A quadratic one (an unanchored `\s*X` over a run of spaces) takes some 10–50 ms on these
// short strings; the 50,000-character runs below catch it. 150 ms leaves room for a loaded machine.
const BOUND_MS = 150;

describe('every regular expression that runs on input stays linear on adversarial strings', () => {
  const literals = regexLiterals();

  it('finds the patterns to check (the audit reads the sources)', () => {
    expect(literals.length).toBeGreaterThan(150);
  });

  it(`each literal pattern in src/ finishes each 3,000-character adversarial string within ${BOUND_MS} ms`, () => {
    const slow = literals
      .map(({ where, re }) => ({ where, re: re.source.slice(0, 60), ...worst(re) }))
      .filter((x) => x.ms > BOUND_MS);
    expect(slow).toEqual([]);
  }, 120_000);

  it(`each literal pattern in src/ finishes a ${LONG.toLocaleString('en')}-character run of one character within ${BOUND_MS} ms`, () => {
    // A pattern that can restart a scan at every character of a run (an unanchored `\s*X`, a
    // `[.,]+$`, a lazy `(.+?)\s*`) is quadratic: seconds here. A linear one takes a millisecond.
    const slow: { where: string; re: string; run: string; ms: number }[] = [];
    for (const { where, re } of literals)
      for (const s of LONG_RUNS) {
        // a pause of the loaded machine (a collection, another process) is not the pattern's
        // cost: an over-bound time is taken again, and the best of three counts
        let ms = timeOn(re, s);
        for (let k = 0; k < 2 && ms > BOUND_MS; k++) ms = Math.min(ms, timeOn(re, s));
        if (ms > BOUND_MS) slow.push({ where, re: re.source.slice(0, 60), run: JSON.stringify(s[0]), ms });
      }
    expect(slow).toEqual([]);
  }, 300_000);

  it('so do the patterns built at run time: the gazetteer and the end-tag finder', () => {
    expect(worst(new RegExp(CITY_RE, 'gu')).ms).toBeLessThan(BOUND_MS);
    expect(worst(/<\/nav[ \t\n\f\r>]/gi).ms).toBeLessThan(BOUND_MS);
  });

  it('a hostile robots.txt (many wildcards against a long path) is judged at once', () => {
    const robots = Robots.parse(`User-agent: *\nDisallow: /${'*a'.repeat(200)}b\nAllow: /`);
    const t0 = performance.now();
    expect(robots.isAllowed('pressline', `/${'a'.repeat(4000)}`)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
