import { describe, expect, it } from 'vitest';
import { segmentTranscript } from '../../src/segment/index.js';
import { doc, meta } from './helpers.js';

/** Each segment as a reader checks it: kind, speaker and the first words. */
const view = (text: string, m = meta()) =>
  segmentTranscript(text, m).segments.map((s) => [
    s.kind,
    s.speaker,
    s.text.split(/\s+/).slice(0, 3).join(' '),
  ]);
const minister = meta({ speakers: [{ name: 'Oskar Lindqvist', role: 'Minister' }] });

describe('questions marked only after they are asked', () => {
  it('reads a bare "Journalist" line after a question, and the official’s name alone as the answer’s label', () => {
    const text = doc(
      'Good morning. The ministers met on energy prices.',
      'What about the price cap? Will it be renewed in winter?',
      'Journalist',
      'Oskar Lindqvist',
      'It will, for three more months.',
      'Is Norway on board?',
      'Reporter',
      'Oskar Lindqvist',
      'Which minister do you mean? Ours talked to theirs on Friday.',
    );
    expect(view(text, minister)).toEqual([
      ['remarks', 'Oskar Lindqvist', 'Good morning. The'],
      ['question', null, 'What about the'],
      ['answer', 'Oskar Lindqvist', 'It will, for'],
      ['question', null, 'Is Norway on'],
      ['answer', 'Oskar Lindqvist', 'Which minister do'],
    ]);
  });

  it('keeps both paragraphs of a question that a "Journalist (Outlet)" line closes', () => {
    const text = doc(
      'Thank you for coming.',
      'Ports are closed in the north. What is your plan?',
      'And when will the fleet come back?',
      'Journalist (Radio Nord)',
      'The plan is ready.',
    );
    expect(view(text, minister)).toEqual([
      ['remarks', 'Oskar Lindqvist', 'Thank you for'],
      ['question', 'Radio Nord', 'Ports are closed'],
      ['answer', 'Oskar Lindqvist', 'The plan is'],
    ]);
  });
});

describe('names alone on their line as labels', () => {
  it('labels each turn of an interview by the names written above it, without colons', () => {
    const text = doc(
      'Oskar Lindqvist',
      'We start today with the fisheries talks.',
      'Lena Holm',
      'Will the quotas be cut?',
      'Oskar Lindqvist',
      'Some of them, yes.',
      'Paul Meyer',
      'Which ones?',
      'Oskar Lindqvist',
      'Cod in the Baltic.',
    );
    expect(view(text, minister)).toEqual([
      ['remarks', 'Oskar Lindqvist', 'We start today'],
      ['question', 'Lena Holm', 'Will the quotas'],
      ['answer', 'Oskar Lindqvist', 'Some of them,'],
      ['question', 'Paul Meyer', 'Which ones?'],
      ['answer', 'Oskar Lindqvist', 'Cod in the'],
    ]);
  });

  it('takes a name with a role after a comma as a label, and leaves a closing signature alone', () => {
    const text = doc(
      'Radio Nord: Is the fund big enough?',
      'Oskar Lindqvist, former minister',
      'It never is.',
      'Thank you all.',
      'Oskar Lindqvist',
    );
    const segs = view(text, meta({ speakers: [] }));
    expect(segs[0]).toEqual(['question', 'Radio Nord', 'Is the fund']);
    expect(segs[1]).toEqual(['answer', 'Oskar Lindqvist', 'It never is.']);
  });

  it('keeps a journalist’s second paragraph in the question after a "Name, Outlet:" label', () => {
    const text = doc(
      'Lena Holm, Radio Nord: The fleet is in port. What will you do?',
      'And is there money for the crews?',
      'Oskar Lindqvist: We will pay them.',
    );
    expect(view(text, minister)).toEqual([
      ['question', 'Lena Holm', 'The fleet is'],
      ['answer', 'Oskar Lindqvist', 'We will pay'],
    ]);
  });
});
