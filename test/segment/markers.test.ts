import { describe, expect, it } from 'vitest';
import { segmentTranscript } from '../../src/segment/index.js';
import { doc, meta } from '../helpers/segment.js';

const kinds = (text: string, m = meta()) =>
  segmentTranscript(text, m).segments.map((s) => [s.kind, s.text.slice(0, 24), s.speaker]);

describe('question markers', () => {
  it('reads a Q&A heading, Q. turns and unmarked answers', () => {
    const text = doc(
      'Thank you all for coming. We agreed on a new package today.',
      'Q&A',
      'Q. Will the package pass before summer?',
      'We hope so. The discussions are ongoing.',
      'Q. And on Georgia?',
      'On Georgia, we are very concerned.',
    );
    expect(kinds(text)).toEqual([
      ['remarks', 'Thank you all for coming', 'Kaja Kallas'],
      ['question', 'Will the package pass be', null],
      ['answer', 'We hope so. The discussi', 'Kaja Kallas'],
      ['question', 'And on Georgia?', null],
      ['answer', 'On Georgia, we are very ', 'Kaja Kallas'],
    ]);
  });

  it.each([
    ['Q: Is the deal done?', 'Is the deal done?'],
    ['Q - Is the deal done?', 'Is the deal done?'],
    ['Question: Is the deal done?', 'Is the deal done?'],
    ['Question : Est-ce que l’accord est conclu ?', 'Est-ce que l’accord est'],
    ['Frage: Ist die Einigung erreicht?', 'Ist die Einigung erreich'],
    ['Q. [inaudible]', '[inaudible]'],
  ])('strips the marker of %s', (line, words) => {
    const segs = segmentTranscript(doc('Good morning. We met today.', line, 'Yes, it is.'), meta()).segments;
    expect(segs[1]).toMatchObject({ kind: 'question' });
    expect(segs[1]!.text.startsWith(words)).toBe(true);
    expect(segs[2]).toMatchObject({ kind: 'answer', text: 'Yes, it is.' });
  });

  it('takes the journalist named in the marker as the question speaker', () => {
    const segs = segmentTranscript(
      doc('Question [Anna Berg, Reuters]: When will you travel to Kyiv?', 'Next week.'),
      meta(),
    ).segments;
    expect(segs[0]).toMatchObject({
      kind: 'question',
      speaker: 'Anna Berg, Reuters',
      text: 'When will you travel to Kyiv?',
    });
  });

  it('pairs A. answers with the Q. before them, in French too', () => {
    const text = doc(
      'Q. Quand partez-vous ?',
      'Réponse : Demain matin.',
      'Q. Why now?',
      'A. Because it is urgent.',
    );
    const { segments, exchanges } = segmentTranscript(text, meta());
    expect(segments.map((s) => s.kind)).toEqual(['question', 'answer', 'question', 'answer']);
    expect(segments[1]!.text).toBe('Demain matin.');
    expect(exchanges).toEqual([
      { question: 's1', answers: ['s2'] },
      { question: 's3', answers: ['s4'] },
    ]);
  });

  it('keeps a question that runs over several paragraphs as one turn', () => {
    const text = doc(
      'Q. On sanctions, two points.',
      'First, will the oil cap change?',
      'And second, when is the next package due?',
      'Both are under discussion.',
    );
    const segs = segmentTranscript(text, meta()).segments;
    expect(segs.map((s) => s.kind)).toEqual(['question', 'answer']);
    expect(segs[0]!.text.endsWith('when is the next package due?')).toBe(true);
  });

  it('handles a capture that opens with a question before any remarks', () => {
    const segs = segmentTranscript(
      doc('Q. What did the ministers decide?', 'They decided to extend the mission.'),
      meta(),
    ).segments;
    expect(segs.map((s) => s.kind)).toEqual(['question', 'answer']);
  });

  it('reads White House style Q turns and capitalised labels', () => {
    const text = doc(
      'PRESIDENT MICHEL: Welcome to Brussels, dear Joe.',
      'PRESIDENT BIDEN: Thank you. It is good to be back.',
      'Q Mr. President, did you agree on trade?',
      'PRESIDENT BIDEN: We did.',
    );
    const { segments, speakers } = segmentTranscript(text, meta({ speakers: [] }));
    expect(segments.map((s) => [s.kind, s.speaker])).toEqual([
      ['remarks', 'Michel'],
      ['remarks', 'Biden'],
      ['question', null],
      ['answer', 'Biden'],
    ]);
    expect(speakers.map((s) => s.name)).toEqual(['Michel', 'Biden']);
  });
});
