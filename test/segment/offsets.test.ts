import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentTranscript } from '../../src/segment/index.js';
import { meta } from '../helpers/segment.js';

const word = fc.constantFrom(
  'the',
  'A.',
  'Q.',
  'Council',
  'we',
  'agreed',
  'Ukraine',
  'money',
  '€5 billion',
  'today',
  'yes',
  'no',
  '[inaudible]',
  'you',
);
const end = fc.constantFrom('.', '?', '!', '', ' …');
const marker = fc.constantFrom(
  '',
  '',
  '',
  'Q. ',
  'Q: ',
  'Question: ',
  'A. ',
  'Q&A',
  'Journalist: ',
  'PRESIDENT COSTA: ',
  'Dana: ',
  'Moderator: ',
  'Frage: ',
  'Réponse : ',
  'Q ',
  'QUESTION: ',
  'Q. (Reuters) ',
  'Question [inaudible] ',
  'Question from Politico: ',
  'Q. – ',
  'R. – ',
  'Spokesperson: ',
  'Next question, please. ',
  'Question:\n\n',
  'Anna Berg, Reuters. ',
);
const paragraph = fc
  .tuple(
    marker,
    fc.array(fc.tuple(fc.array(word, { minLength: 1, maxLength: 8 }), end), { minLength: 1, maxLength: 4 }),
  )
  .map(([m, sentences]) => m + sentences.map(([w, e]) => w.join(' ') + e).join(' '));
const transcript = fc.array(paragraph, { minLength: 0, maxLength: 12 }).map((ps) => ps.join('\n\n'));

describe('segment offsets', () => {
  it('gives every segment the exact slice of the text it claims, in order and without overlap', () => {
    fc.assert(
      fc.property(transcript, (text) => {
        const { segments, exchanges } = segmentTranscript(text, meta());
        let at = 0;
        for (const s of segments) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(at);
          expect(s.end).toBeGreaterThan(s.start);
          at = s.end;
        }
        const ids = new Set(segments.map((s) => s.id));
        for (const x of exchanges) {
          expect(ids.has(x.question)).toBe(true);
          for (const a of x.answers) expect(ids.has(a)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('covers every word of the text outside markers and headings', () => {
    fc.assert(
      fc.property(transcript, (text) => {
        const { segments } = segmentTranscript(text, meta());
        const covered = segments.reduce((n, s) => n + s.text.replace(/\s/g, '').length, 0);
        const plain = text.replace(/\s/g, '').length;
        expect(covered).toBeLessThanOrEqual(plain);
        if (/[a-z]/.test(text.replace(/Q&A/g, ''))) expect(segments.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
