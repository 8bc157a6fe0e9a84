import { describe, expect, it } from 'vitest';
import { segmentTranscript } from '../../src/segment/index.js';
import { doc, meta } from '../helpers/segment.js';

/** Each segment as a reader checks it: kind, speaker and the first words. */
const view = (text: string, m = meta()) =>
  segmentTranscript(text, m).segments.map((s) => [
    s.kind,
    s.speaker,
    s.text.split(/\s+/).slice(0, 3).join(' '),
  ]);
const questions = (text: string, m = meta()) =>
  segmentTranscript(text, m)
    .segments.filter((s) => s.kind === 'question')
    .map((s) => s.text.split(/\s+/).slice(0, 3).join(' '));
/** Each question's first words with the first words of the answer paired with it. */
const pairs = (text: string, m = meta()) => {
  const { segments, exchanges } = segmentTranscript(text, m);
  const words = (id: string | undefined) =>
    segments
      .find((s) => s.id === id)
      ?.text.split(/\s+/)
      .slice(0, 3)
      .join(' ') ?? null;
  return exchanges.map((e) => [words(e.question), words(e.answers[0])]);
};
const mayor = meta({ speakers: [{ name: 'Ilse Vandamme', role: 'Commissioner' }] });

describe('a moderated conference', () => {
  it('takes the voice the chair calls by name for a journalist, even when the question has no question mark', () => {
    const text = doc(
      'Chair: Good morning. The Commissioner will say a few words, then take questions.',
      'ILSE VANDAMME: Thank you. Today we adopted the rail package.',
      'Chair: Thank you. The first question comes from Tomas Brandt, Nordic Wire.',
      'Tomas Brandt (Nordic Wire): Commissioner, the operators say the timetable is too short and they will miss it.',
      'ILSE VANDAMME: They will not. We gave them two more years.',
      'Chair: Next question, please. Carla Moretti.',
      'Carla Moretti: Will freight be covered too?',
      'ILSE VANDAMME: Yes, from next spring.',
    );
    expect(pairs(text, mayor)).toEqual([
      ['Commissioner, the operators', 'They will not.'],
      ['Will freight be', 'Yes, from next'],
    ]);
    const { speakers } = segmentTranscript(text, mayor);
    expect(speakers.map((s) => s.name)).toEqual(['Ilse Vandamme']);
  });
});
