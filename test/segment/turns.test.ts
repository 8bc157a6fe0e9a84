import { describe, expect, it } from 'vitest';
import { segmentTranscript } from '../../src/segment/index.js';
import { doc, meta } from '../helpers/segment.js';

const view = (text: string, m = meta()) =>
  segmentTranscript(text, m).segments.map((s) => [s.kind, s.speaker, s.text.slice(0, 20)]);

describe('speaker labels and joint press conferences', () => {
  it('attributes each answer of a joint press conference to the official who gives it', () => {
    const text = doc(
      'Moderator: Welcome. The two Presidents will make short statements.',
      'President von der Leyen: Today we signed the partnership.',
      'President Costa: And we agreed to meet again in spring.',
      'Moderator: We have time for two questions.',
      'Journalist (Politico): A question to both of you: when does the deal enter into force?',
      'President von der Leyen: In January.',
      'President Costa: Once the Council has adopted it.',
    );
    const { segments, exchanges, speakers } = segmentTranscript(text, meta({ speakers: [] }));
    expect(segments.map((s) => [s.kind, s.speaker])).toEqual([
      ['moderator', 'Moderator'],
      ['remarks', 'von der Leyen'],
      ['remarks', 'Costa'],
      ['moderator', 'Moderator'],
      ['question', 'Politico'],
      ['answer', 'von der Leyen'],
      ['answer', 'Costa'],
    ]);
    expect(exchanges).toEqual([{ question: 's5', answers: ['s6', 's7'] }]);
    expect(speakers.map((s) => [s.name, s.role])).toEqual([
      ['von der Leyen', 'President'],
      ['Costa', 'President'],
    ]);
  });

  it('does not take a topic heading for a speaker label', () => {
    const text = doc(
      'Good morning.',
      'Middle East: the ceasefire must hold.',
      'Western Balkans: the door is open.',
    );
    const { segments, speakers } = segmentTranscript(text, meta());
    expect(segments.map((s) => [s.kind, s.speaker])).toEqual([['remarks', 'Kaja Kallas']]);
    expect(speakers.map((s) => s.name)).toEqual(['Kaja Kallas']);
  });

  it('reads labels with a role and a slash, as written on EEAS pages', () => {
    const text = doc(
      'Question (Anna Berg, Reuters): Is the regime at risk?',
      'HR/VP Borrell: We have not discussed that.',
    );
    const segs = segmentTranscript(text, meta({ speakers: [] })).segments;
    expect(segs.map((s) => [s.kind, s.speaker, s.text])).toEqual([
      ['question', 'Anna Berg, Reuters', 'Is the regime at risk?'],
      ['answer', 'Borrell', 'We have not discussed that.'],
    ]);
  });

  it('tells journalists from officials by how their turns read', () => {
    const text = doc(
      'Anna: Good afternoon. Two announcements today on trade enforcement and on the budget.',
      'Marc: The budget review, is it delayed? And why?',
      'Paula: It is not delayed. The Commission will present it next week as planned.',
      'Marc: So next Wednesday?',
      'Paula: Yes, Wednesday.',
    );
    const segs = segmentTranscript(text, meta({ speakers: [] })).segments;
    expect(segs.map((s) => [s.kind, s.speaker])).toEqual([
      ['remarks', 'Anna'],
      ['question', 'Marc'],
      ['answer', 'Paula'],
      ['question', 'Marc'],
      ['answer', 'Paula'],
    ]);
  });

  it('reads soundbite lines of video shot lists as turns of the named official', () => {
    const text = doc(
      'SOUNDBITE (in English) by Paolo Gentiloni, European Commissioner saying that: We expect growth to pick up.',
      'Journalist: Are you worried about inflation?',
      'SOUNDBITE (in English) by Paolo Gentiloni saying that: Not at this stage.',
    );
    const segs = segmentTranscript(text, meta({ speakers: [] })).segments;
    expect(segs.map((s) => [s.kind, s.speaker, s.text])).toEqual([
      ['remarks', 'Paolo Gentiloni', 'We expect growth to pick up.'],
      ['question', null, 'Are you worried about inflation?'],
      ['answer', 'Paolo Gentiloni', 'Not at this stage.'],
    ]);
  });

  it('takes the outlet written after a question', () => {
    const text = doc(
      'We discussed Ukraine.',
      'Will the EU send more air defence?',
      'Journalist (Reuters)',
      'We are working on it.',
    );
    const segs = segmentTranscript(text, meta()).segments;
    expect(segs.map((s) => [s.kind, s.speaker])).toEqual([
      ['remarks', 'Kaja Kallas'],
      ['question', 'Reuters'],
      ['answer', 'Kaja Kallas'],
    ]);
  });

  it('reads a German reported question', () => {
    const segs = segmentTranscript(
      doc('„Kommt das Paket noch vor dem Sommer?“, fragt ein Journalist.', 'Wir arbeiten daran.'),
      meta(),
    ).segments;
    expect(segs.map((s) => [s.kind, s.text])).toEqual([
      ['question', '„Kommt das Paket noch vor dem Sommer?“'],
      ['answer', 'Wir arbeiten daran.'],
    ]);
  });
});

describe('turns without markers', () => {
  it('reads an interview whose questions are paragraphs that end with a question mark', () => {
    const text = doc(
      'In an interview, the High Representative spoke about her first year.',
      'Ms. Kallas, what surprised you most in your first year?',
      'How slowly decisions are taken with 27 Member States.',
      'Would you change the unanimity rule?',
      'In foreign policy, yes. We lose too much time.',
    );
    const { segments, speakers } = segmentTranscript(text, meta({ speakers: [] }));
    expect(segments.map((s) => s.kind)).toEqual(['other', 'question', 'answer', 'question', 'answer']);
    expect(speakers.map((s) => s.name)).toEqual(['Kallas']);
  });

  it('keeps rhetorical questions of a speech in the remarks', () => {
    const text = doc(
      'Good morning. A hundred days ago, many asked: will there be a majority? Will the College stand?',
      'Today we have answers. We have delivered on the first files.',
    );
    expect(view(text).map((v) => v[0])).toEqual(['remarks']);
  });

  it('keeps the rhetorical question headings of a speech in the remarks', () => {
    const text = doc(
      'Honourable Members, thank you for this debate.',
      'So what does this mean for Europe?',
      'It means that we must invest in our own security, now.',
      'And how will we pay for it?',
      'With common instruments, as we did in the pandemic.',
    );
    expect(view(text).map((v) => v[0])).toEqual(['remarks']);
  });

  it('cuts a caption-style briefing at the hand-over and the thanks for the question', () => {
    const text =
      'Many thanks, Marta from Agence Europe. Is the offer to the US final? Thank you. This is a question for Olof. Thanks for your question. There has been no formal offer.';
    const { segments, speakers } = segmentTranscript(
      text,
      meta({ title: 'Midday briefing: Q&A', speakers: [] }),
    );
    expect(segments.map((s) => [s.kind, s.speaker, s.text.slice(0, 20)])).toEqual([
      ['question', null, 'Many thanks, Marta f'],
      ['moderator', null, 'This is a question f'],
      ['answer', 'Olof', 'Thanks for your ques'],
    ]);
    expect(speakers.map((s) => s.name)).toEqual(['Olof']);
  });

  it('finds the answer of a one-voice interview that opens by addressing the interviewer', () => {
    const text =
      'I spoke with her about the recovery. So how would you describe the situation in Europe today? Actually, David, the recovery is faster than we expected.';
    const segs = segmentTranscript(
      text,
      meta({ speakers: [{ name: 'Christine Lagarde', role: null }] }),
    ).segments;
    expect(segs.map((s) => [s.kind, s.text.slice(0, 24)])).toEqual([
      ['remarks', 'I spoke with her about t'],
      ['question', 'So how would you describ'],
      ['answer', 'Actually, David, the rec'],
    ]);
  });
});
