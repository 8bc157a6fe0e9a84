import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closersStart, flatMap, paragraphs } from '../../src/segment/spans.js';

/** The patterns the faster code stands for, as they were written. */
function paragraphsByPattern(text: string) {
  const out: { start: number; end: number; text: string }[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t) out.push({ start: m.index + lead, end: m.index + lead + t.length, text: t });
  }
  return out;
}

const text = (chars: string[]) =>
  fc.array(fc.constantFrom(...chars), { maxLength: 30 }).map((cs) => cs.join(''));

describe('spans read faster than the patterns they replace, with the same result', () => {
  it('paragraphs: runs of non-empty lines, trimmed', () => {
    fc.assert(
      fc.property(text(['\n', '\n', ' ', '\t', '\r', 'a', 'B', '.']), (s) => {
        expect(paragraphs(s)).toEqual(paragraphsByPattern(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('closersStart: the end tests /\\?["”’)\\]]*$/ and /(?:\\?|…|\\.\\.\\.)["”»’]*$/', () => {
    fc.assert(
      fc.property(text(['?', '.', '…', '"', '”', '’', '»', ')', ']', 'a', ' ']), (s) => {
        expect(s.charAt(closersStart(s, '"”’)]') - 1) === '?').toBe(/\?["”’)\]]*$/.test(s));
        const end = closersStart(s, '"”»’');
        const prompt = s.charAt(end - 1) === '?' || s.charAt(end - 1) === '…' || s.endsWith('...', end);
        expect(prompt).toBe(/(?:\?|…|\.\.\.)["”»’]*$/.test(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('flatMap as Array.prototype.flatMap', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer(), { maxLength: 3 }), { maxLength: 10 }), (xs) => {
        const f = (x: number[], i: number) => x.map((y) => y + i);
        expect(flatMap(xs, f)).toEqual(xs.flatMap(f));
      }),
    );
  });
});
