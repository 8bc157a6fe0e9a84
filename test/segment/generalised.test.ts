import { describe, expect, it } from 'vitest';
import { segmentTranscript } from '../../src/segment/index.js';
import { doc, meta, view } from '../helpers/segment.js';

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

describe('interviews labelled with initials', () => {
  it('reads R:/M: turns by the initials the intro gives, prompts without a question mark included', () => {
    const text = doc(
      'In this interview, Sofia Marin (M) talked to Rui Alves (R) of Radio Sul.',
      'R: Let us start with the harvest. It was the worst in ten years.',
      'M: It was, and the farmers will get help.',
      'R: How much?',
      'M: Enough to sow again.',
    );
    const { segments, exchanges } = segmentTranscript(text, meta({ speakers: [] }));
    expect(segments.map((s) => [s.kind, s.speaker])).toEqual([
      ['other', null],
      ['question', 'Rui Alves'],
      ['answer', 'Sofia Marin'],
      ['question', 'Rui Alves'],
      ['answer', 'Sofia Marin'],
    ]);
    expect(exchanges).toHaveLength(2);
  });

  it('takes initials that match a known speaker’s name for that speaker', () => {
    const text = doc(
      'OL: Good evening.',
      'XY: Your ministry cut the budget for ports.',
      'OL: We moved it to the railways.',
    );
    const segs = view(text, minister);
    expect(segs[1]).toEqual(['question', 'XY', 'Your ministry cut']);
    expect(segs[2]).toEqual(['answer', 'Oskar Lindqvist', 'We moved it']);
  });
});

describe('video scripts', () => {
  it('reads "Reporters ask:" cues as questions and keeps camera lines out of the pairs', () => {
    const text = doc(
      '1. W/S minister arrives at the summit',
      'SOT, Oskar Lindqvist, Minister: "Good morning, we are here to agree."',
      'Reporters ask: "Will you veto the deal?"',
      '2. M/S minister walks past the cameras *CUTAWAY*',
      'SOT, Oskar Lindqvist, Minister: "No. A veto helps nobody."',
      'Journalists ask: "What about the fishermen?"',
      'Close-up of the flags',
      'SOT, Oskar Lindqvist, Minister: "They will be heard."',
    );
    const { segments, exchanges } = segmentTranscript(text, minister);
    const by = (id: string) => segments.find((s) => s.id === id)!;
    expect(exchanges.map((e) => [by(e.question).text, e.answers.map((a) => by(a).text)])).toEqual([
      ['"Will you veto the deal?"', ['"No. A veto helps nobody."']],
      ['"What about the fishermen?"', ['"They will be heard."']],
    ]);
    expect(segments.filter((s) => s.kind === 'other').map((s) => s.text.slice(0, 8))).toEqual([
      '1. W/S m',
      '2. M/S m',
      'Close-up',
    ]);
  });

  it('does not take a sentence that starts like a camera term for a camera line', () => {
    const segs = view(
      doc('Various member states asked for more time. We gave it.', 'Wide support is there.'),
    );
    expect(segs).toEqual([['remarks', 'Kaja Kallas', 'Various member states']]);
  });
});

describe('an interviewer named like an official', () => {
  it('tells the voice that keeps asking from the one that answers, when both are known by name, and lists only the official', () => {
    const text = doc(
      'Eva Lind: Frau Novak, schlafen Sie noch gut?',
      'Irena Novak: Sehr gut, danke.',
      'Lind: Auch nach der Wahl?',
      'Novak: Auch dann. Die Mehrheit steht.',
      'Lind: Und wenn nicht?',
      'Novak: Dann verhandeln wir weiter.',
    );
    const known = meta({
      speakers: [
        { name: 'Eva Lind', role: null },
        { name: 'Irena Novak', role: null },
      ],
    });
    const { segments, speakers } = segmentTranscript(text, known);
    expect(segments.map((s) => s.kind)).toEqual([
      'question',
      'answer',
      'question',
      'answer',
      'question',
      'answer',
    ]);
    expect(speakers.map((s) => s.name)).toEqual(['Irena Novak']);
  });
});

describe('interviews without any marker', () => {
  it('reads short questions answered by longer paragraphs as an interview, in any language', () => {
    const text = doc(
      'Die Ministerin hat uns in ihrem Büro empfangen.',
      'War das Jahr schwierig?',
      'Es war lang. Wir haben drei Gesetze verabschiedet und zwei Krisen überstanden, eine davon im Sommer.',
      'Und die Koalition?',
      'Die Koalition hält. Wir streiten, aber wir einigen uns am Ende immer auf einen gemeinsamen Weg.',
      'Was kommt als Nächstes?',
      'Die Rentenreform, im Frühjahr. Der Entwurf liegt bereits beim Parlament und wird dort beraten.',
    );
    const segs = view(text, meta({ speakers: [] }));
    expect(segs.map((s) => s[0])).toEqual([
      'remarks',
      'question',
      'answer',
      'question',
      'answer',
      'question',
      'answer',
    ]);
  });
});

describe('turns that look like other turns', () => {
  it('keeps an official’s short counter-question as the start of the answer', () => {
    const text = doc(
      'Q. Did the Dutch minister agree?',
      'Which minister?',
      'The Dutch one.',
      'Ah. Yes, he agreed.',
    );
    const { segments, exchanges } = segmentTranscript(text, minister);
    expect(segments.map((s) => [s.kind, s.text.split('\n')[0]])).toEqual([
      ['question', 'Did the Dutch minister agree?'],
      ['answer', 'Which minister?'],
    ]);
    expect(exchanges).toEqual([{ question: 's1', answers: ['s2'] }]);
  });

  it('reads a journalist’s quoted introduction glued after capture junk', () => {
    const text = doc(
      'Share this page 12 views Jane Roe, TV9 : "Will the ports close?"',
      'Oskar Lindqvist: "No."',
    );
    expect(view(text, minister)).toEqual([
      ['remarks', 'Oskar Lindqvist', 'Share this page'],
      ['question', 'Jane Roe', '"Will the ports'],
      ['answer', 'Oskar Lindqvist', '"No."'],
    ]);
  });

  it('gives a role-only label to the known speaker who holds the role, and never lists the role as a name', () => {
    const text = doc(
      'The President of the Republic: Good evening.',
      'Question: Will you run again?',
      'The President of the Republic: No.',
    );
    const known = meta({ speakers: [{ name: 'Oskar Lindqvist', role: 'President' }] });
    expect(view(text, known).map((s) => s[1])).toEqual(['Oskar Lindqvist', null, 'Oskar Lindqvist']);
    const unknown = segmentTranscript(text, meta({ speakers: [] }));
    expect(unknown.speakers).toEqual([]);
    expect(unknown.segments[2]!.speaker).toBe('The President of the Republic');
  });
});
