import { describe, expect, it } from 'vitest';
import { journalistOf } from '../../src/segment/journalist.js';
import { segment } from '../../src/stages/segment.js';

/** A short press point whose one question is asked under `label`. */
const jobOf = (label: string) =>
  ({
    docId: 'file:x',
    traceId: 't',
    text: [
      'Thank you all for coming. We agreed today on the new port rules.',
      `${label} When do the rules apply?`,
      'Minister Oskar Lindqvist: From the first of January next year.',
    ].join('\n\n'),
    meta: {
      title: 'Press remarks by Minister Oskar Lindqvist',
      date: null,
      place: null,
      speakers: [{ name: 'Oskar Lindqvist', role: 'Minister' }],
      event: null,
      language: 'en',
      videoUrl: null,
      checkAgainstDelivery: false,
    },
  }) as unknown as Parameters<typeof segment>[0];

const questionOf = (label: string) => segment(jobOf(label)).segments.find((s) => s.kind === 'question');

describe('the journalist a question names', () => {
  it.each([
    ['Laura Schmidt, Reuters', { name: 'Laura Schmidt', outlet: 'Reuters' }],
    ['Tomas Berg (Radio Nord)', { name: 'Tomas Berg', outlet: 'Radio Nord' }],
    ['Agence Europe, Anna van der Berg', { name: 'Anna van der Berg', outlet: 'Agence Europe' }],
    ['Agence Europe', { name: null, outlet: 'Agence Europe' }],
    ['ANSA', { name: null, outlet: 'ANSA' }],
    ['Politico Europe', { name: null, outlet: 'Politico Europe' }],
    ['Marta Ruiz', { name: 'Marta Ruiz', outlet: null }],
  ])('reads %s as a name and an outlet', (label, expected) => {
    expect(journalistOf(label)).toEqual(expected);
  });

  it('gives nothing for a question without a label', () => {
    expect(journalistOf(null)).toBeNull();
    expect(journalistOf('  ')).toBeNull();
  });

  it('puts the journalist on question segments only, beside the label the speaker field keeps', () => {
    const out = segment(jobOf('Question (Laura Schmidt, Reuters):'));
    const question = out.segments.find((s) => s.kind === 'question');
    expect(question?.speaker).toBe('Laura Schmidt, Reuters');
    expect(question?.journalist).toEqual({ name: 'Laura Schmidt', outlet: 'Reuters' });
    expect(out.segments.filter((s) => s.kind !== 'question').every((s) => s.journalist === undefined)).toBe(
      true,
    );
  });

  it.each([
    ['Laura Schmidt, Reuters:', { name: 'Laura Schmidt', outlet: 'Reuters' }],
    ['Laura Schmidt (Reuters):', { name: 'Laura Schmidt', outlet: 'Reuters' }],
    ['Q. (Agence Europe)', { name: null, outlet: 'Agence Europe' }],
  ])('reads the journalist of a question labelled %s', (label, expected) => {
    expect(questionOf(label)?.journalist).toEqual(expected);
  });
});
