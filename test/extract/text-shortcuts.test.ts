import { describe, expect, it } from 'vitest';
import { anyOf, lineBound } from '../../src/extract/text/boilerplate.js';
import { countWords } from '../../src/extract/text/normalize.js';

/** The shortcuts taken for speed give the answers of the plain code they replace. */
describe('line-length bounds of patterns', () => {
  it('bounds a line anchored at both ends, or by a lookahead right after its start', () => {
    expect(lineBound(/^a{3}$/)).toBe(3);
    expect(lineBound(/^(?:ab|c)?$/)).toBe(2);
    expect(lineBound(/^(?=.{0,5}$)x.*/)).toBe(5);
    expect(lineBound(/^a(?!.*b$)bc$/)).toBe(3);
    expect(lineBound(/^x{2}?$/)).toBe(2);
    // under `u`, one character may be two code units
    expect(lineBound(/^[\]a]{2}$/u)).toBe(4);
    expect(lineBound(/^\u00e9\x41\p{L}\cJ$/u)).toBe(8);
  });

  it('has no bound for a pattern that can match a longer line', () => {
    for (const re of [
      /^a+$/,
      /^(?=.{0,5})x.*/,
      /^a$|b/,
      /^(?<n>ab)\k<n>$/,
      /^a{2,}$/,
      /^a\s*$/,
      /a$/,
      /^a/,
      /^a$/m,
    ])
      expect(lineBound(re)).toBe(Infinity);
  });

  it('tests lines of every length like the patterns one by one', () => {
    const patterns = [
      /^(?=.{0,12}$)(?=.*\bshare\b).*$/i,
      /^read more$/i,
      /^©/,
      /^\d{1,3}$|^page \d+$/i,
      /aaa/,
    ];
    const test = anyOf(patterns);
    const lines = [
      'Share this',
      'share '.repeat(3),
      'Read more',
      '© 2026',
      '12',
      'page 300',
      'x'.repeat(400),
      'b aaa',
    ];
    for (const l of lines) expect(test(l)).toBe(patterns.some((re) => re.test(l)));
  });
});

describe('countWords', () => {
  it('counts like splitting on \\s and dropping empty pieces, for every kind of whitespace', () => {
    const spaces = [];
    for (let c = 0; c < 0x10000; c++)
      if (/\s/.test(String.fromCharCode(c))) spaces.push(String.fromCharCode(c));
    for (const s of ['', ' ', 'a', ' a  b ', 'a\u200bb', ...spaces.map((sp) => `a${sp}b${sp}`)])
      expect(countWords(s)).toBe(s.split(/\s+/).filter(Boolean).length);
  });
});
