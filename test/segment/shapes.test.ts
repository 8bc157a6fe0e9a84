import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { segmentTranscript } from '../../src/segment/index.js';
import { doc, meta } from '../helpers/segment.js';

/** Each segment as a reader checks it: kind, speaker and the first words. */
const view = (text: string, m = meta()) =>
  segmentTranscript(text, m).segments.map((s) => [
    s.kind,
    s.speaker,
    s.text.split(/\s+/).slice(0, 4).join(' '),
  ]);
const pairs = (text: string, m = meta()) => segmentTranscript(text, m).exchanges;
const none = meta({ speakers: [] });

describe('EEAS press remarks', () => {
  it('reads Q: and Q – turns without a Q&A heading', () => {
    const text = doc(
      'Good morning. Today the defence ministers discuss ammunition for Ukraine.',
      'Q: Are you confident that the target will be met this year?',
      'We are on track. The industry has increased its capacity.',
      'Q – And on the Red Sea mission, will it be extended?',
      'That is what we will discuss today.',
    );
    expect(view(text)).toEqual([
      ['remarks', 'Kaja Kallas', 'Good morning. Today the'],
      ['question', null, 'Are you confident that'],
      ['answer', 'Kaja Kallas', 'We are on track.'],
      ['question', null, 'And on the Red'],
      ['answer', 'Kaja Kallas', 'That is what we'],
    ]);
    expect(pairs(text)).toEqual([
      { question: 's2', answers: ['s3'] },
      { question: 's4', answers: ['s5'] },
    ]);
  });

  it('takes the outlet written in brackets after Q. as the journalist, not as words of the question', () => {
    const text = doc(
      'Good morning.',
      'Q. (Reuters) Will the ministers agree on the tribunal?',
      'I hope so.',
      'Q. [Maria Lopez, Agence Europe]: How long will the mission continue?',
      'The mandate runs until next year.',
    );
    expect(view(text).filter((v) => v[0] === 'question')).toEqual([
      ['question', 'Reuters', 'Will the ministers agree'],
      ['question', 'Maria Lopez, Agence Europe', 'How long will the'],
    ]);
  });

  it.each([
    ['Question [inaudible]', '[inaudible]'],
    ['Q. (inaudible)', '(inaudible)'],
    ['Q. (in French) Est-ce que la mission continue ?', '(in French) Est-ce que'],
    ['Question (partly inaudible): … the tribunal?', '(partly inaudible): … the'],
    ['Q. (Interpretation from French) Will the mission continue?', '(Interpretation from French) Will'],
  ])('keeps the transcriber’s note of %s in the question, with no journalist', (line, words) => {
    const segs = view(doc('Good morning.', line, 'I think the question was about the tribunal.'));
    expect(segs[1]).toEqual(['question', null, words]);
    expect(segs[2]![0]).toBe('answer');
  });

  it('names the journalist of "Question from …:" and "Question by … (outlet):", and not "the floor"', () => {
    const text = doc(
      'Good evening.',
      'Question from Politico: When will the negotiating box be ready?',
      'By the end of the year.',
      'Question by Jan Novák (ČTK): Will the Commission propose new own resources?',
      'Yes.',
      'Question from the floor: Is Hungary isolated?',
      'No.',
    );
    expect(view(text).filter((v) => v[0] === 'question')).toEqual([
      ['question', 'Politico', 'When will the negotiating'],
      ['question', 'Jan Novák (ČTK)', 'Will the Commission propose'],
      ['question', null, 'Is Hungary isolated?'],
    ]);
  });

  it('reads questions in capitals, numbered questions and unidentified journalists', () => {
    const text = doc(
      'PRESIDENT COSTA: Good evening. The European Council agreed on Ukraine.',
      'QUESTION: Was Hungary isolated today?',
      'PRESIDENT COSTA: We had a very good discussion.',
      'Q1: On the budget, what comes next?',
      'PRESIDENT COSTA: The negotiating box.',
      'Unidentified journalist: Is there agreement on return hubs?',
      'PRESIDENT COSTA: There is strong support.',
    );
    expect(view(text, none).map((v) => [v[0], v[1]])).toEqual([
      ['remarks', 'Costa'],
      ['question', null],
      ['answer', 'Costa'],
      ['question', null],
      ['answer', 'Costa'],
      ['question', null],
      ['answer', 'Costa'],
    ]);
  });

  it('does not take the title in "Madam High Representative, …" or a bare HR/VP label for a name', () => {
    const { segments, speakers } = segmentTranscript(
      doc(
        'Q. Madam High Representative, when will the talks open?',
        'A. Before the summer.',
        'Q. And the mission?',
        'HR/VP: It will be extended by two years.',
      ),
      none,
    );
    expect(segments.map((s) => [s.kind, s.speaker])).toEqual([
      ['question', null],
      ['answer', null],
      ['question', null],
      ['answer', 'HR/VP'],
    ]);
    expect(speakers).toEqual([]);
  });

  it('reads an unmarked follow-up that an A. answers as a question', () => {
    const text = doc(
      'Q. Will the package pass?',
      'A. Yes, this week.',
      'But will it be enough?',
      'A. It is a start.',
    );
    expect(pairs(text)).toEqual([
      { question: 's1', answers: ['s2'] },
      { question: 's3', answers: ['s4'] },
    ]);
  });

  it('splits Q. and A. turns glued into one paragraph', () => {
    const text = doc(
      'Good morning. Today we present the pact for the Mediterranean.',
      'Q. Will the pact include new money? A. Yes, we will mobilise €2 billion. Q. And when will the first projects start? A. Next year.',
    );
    expect(view(text)).toEqual([
      ['remarks', 'Kaja Kallas', 'Good morning. Today we'],
      ['question', null, 'Will the pact include'],
      ['answer', 'Kaja Kallas', 'Yes, we will mobilise'],
      ['question', null, 'And when will the'],
      ['answer', 'Kaja Kallas', 'Next year.'],
    ]);
  });

  it('reads unmarked questions after a Q&A heading', () => {
    const text = doc(
      'Good afternoon. Ministers discussed Ukraine and Venezuela.',
      'Q&A',
      'Is the EU ready to send observers to Venezuela?',
      'We are ready if the conditions are met.',
      'Did Hungary block the conclusions?',
      'We had 26 Member States supporting the text.',
    );
    expect(view(text).map((v) => v[0])).toEqual(['remarks', 'question', 'answer', 'question', 'answer']);
  });

  it('keeps a question that needs three paragraphs to ask as one turn', () => {
    const text = doc(
      'Good afternoon.',
      'Q. Commissioner, I would like to come back to the steel measures.',
      'You said last week that the EU would respond. The US has now doubled the tariffs.',
      'So my question is: what is the response, and when?',
      'We are analysing the measures. We will respond in a calibrated way.',
    );
    const segs = segmentTranscript(text, meta()).segments;
    expect(segs.map((s) => s.kind)).toEqual(['remarks', 'question', 'answer']);
    expect(segs[1]!.text.endsWith('and when?')).toBe(true);
    expect(segs[2]!.text.startsWith('We are analysing')).toBe(true);
  });

  it('answers a question without a question mark with the paragraph that follows', () => {
    const text = doc(
      'Q. Your reaction to the vote in the Parliament.',
      'It is a good result. We worked hard for it.',
      'Why? Because the Parliament listened.',
    );
    expect(view(text).map((v) => v[0])).toEqual(['question', 'answer']);
    const reply = doc(
      'Q. A follow-up on wages.',
      'Well, you have seen the data. What do they tell you?',
      'Q. Thanks.',
    );
    expect(view(reply).map((v) => v[0])).toEqual(['question', 'answer', 'question']);
  });

  it('keeps a second paragraph that goes on asking in the question', () => {
    const text = doc(
      'Question: I have two questions. First, on France: is the procedure working?',
      'And second, on Italy: will the debt ratio rise again? I ask because the numbers look worse.',
      'On France, the procedure is working. On Italy, the ratio will stabilise.',
    );
    expect(view(text).map((v) => v[0])).toEqual(['question', 'answer']);
  });

  it('ends with an unanswered question when the capture stops mid-question', () => {
    const text = doc(
      'Good afternoon.',
      'Q&A',
      'Q. On Ukraine, will the package be adopted by February?',
      'That is our aim.',
      'Q. On the Middle East, do you think the ceasefire will hold, and what is the European Union ready to',
    );
    const { segments, exchanges } = segmentTranscript(text, meta());
    expect(segments.map((s) => s.kind)).toEqual(['remarks', 'question', 'answer', 'question']);
    expect(exchanges[1]).toEqual({ question: 's4', answers: [] });
  });
});

describe('speeches', () => {
  it('reads a lettered list before any question as remarks, not answers', () => {
    const text = doc('We have three priorities.', 'A. Security. We must invest more.', 'B. Competitiveness.');
    expect(view(text).map((v) => v[0])).toEqual(['remarks']);
  });
});

describe('ECB press conferences', () => {
  it("keeps the ECB's 'Transcript of the questions asked …' line out of the opening statement", () => {
    const text = doc(
      'Good afternoon, the Vice-President and I welcome you to our press conference.',
      'Transcript of the questions asked and the answers given by Christine Lagarde, President of the ECB, and Luis de Guindos, Vice-President of the ECB',
      'Question: Will you cut again in June?',
      'We are data dependent.',
    );
    const ecb = meta({ speakers: [{ name: 'Christine Lagarde', role: 'President' }] });
    expect(view(text, ecb)).toEqual([
      ['remarks', 'Christine Lagarde', 'Good afternoon, the Vice-President'],
      ['question', null, 'Will you cut again'],
      ['answer', 'Christine Lagarde', 'We are data dependent.'],
    ]);
  });
  const ecb = meta({
    title: 'Monetary policy statement (with Q&A)',
    speakers: [
      { name: 'Christine Lagarde', role: 'President of the ECB' },
      { name: 'Luis de Guindos', role: 'Vice-President of the ECB' },
    ],
  });

  it('keeps the statement as remarks although the title says Q&A, and pairs unmarked answers', () => {
    const text = doc(
      'Good afternoon, the Vice-President and I welcome you to our press conference.',
      'The Governing Council today decided to keep the three key interest rates unchanged.',
      'Question: Does that mean you will hold for the rest of the year?',
      'We are in a good place. We will decide meeting by meeting.',
      'And let me add that the data will guide us.',
      'Question: What is your assessment of the tariffs?',
      'The uncertainty is the main factor.',
    );
    expect(view(text, ecb)).toEqual([
      ['remarks', 'Christine Lagarde', 'Good afternoon, the Vice-President'],
      ['question', null, 'Does that mean you'],
      ['answer', 'Christine Lagarde', 'We are in a'],
      ['question', null, 'What is your assessment'],
      ['answer', 'Christine Lagarde', 'The uncertainty is the'],
    ]);
  });

  it('takes a journalist who opens with name and outlet as the question’s speaker', () => {
    const text = doc(
      'Question: Martin Weber, Handelsblatt. Two questions. First, was the decision unanimous?',
      'It was taken by a very large majority.',
      'Question: Sarah Klein from Reuters. Does the strong euro worry you?',
      'We do not target the exchange rate.',
      'Question: Paolo Rossi, Il Sole 24 Ore: could you say more about financial stability?',
      'Risks remain elevated.',
      'Question: Madam President, Ms Schnabel said rates are at neutral. Do you agree?',
      'I do not comment on my colleagues.',
      'Question: Luis de Guindos, Vice-President: do you see risks in the bank sector?',
      'Banks are well capitalised.',
    );
    expect(view(text, ecb).filter((v) => v[0] === 'question')).toEqual([
      ['question', 'Martin Weber, Handelsblatt', 'Two questions. First, was'],
      ['question', 'Sarah Klein, Reuters', 'Does the strong euro'],
      ['question', 'Paolo Rossi, Il Sole 24 Ore', 'could you say more'],
      ['question', null, 'Madam President, Ms Schnabel'],
      ['question', null, 'Luis de Guindos, Vice-President:'],
    ]);
  });

  it('attributes each answer to the labelled speaker by full name, in every way the label is written', () => {
    const text = doc(
      'Question: Does the appreciation of the euro worry you?',
      'Lagarde: We do not target the exchange rate.',
      'de Guindos: If I can add, import prices are lower by 0.1 percentage points.',
      'Question: When do you expect the digital euro legislation?',
      'President Lagarde: This year, we hope.',
      'Question: And the risks to financial stability?',
      'LAGARDE: They remain elevated.',
      'Question: How strong is the labour market?',
      'Luis de Guindos: Strong. Unemployment is at 6.3 per cent.',
    );
    expect(view(text, ecb).map((v) => [v[0], v[1]])).toEqual([
      ['question', null],
      ['answer', 'Christine Lagarde'],
      ['answer', 'Luis de Guindos'],
      ['question', null],
      ['answer', 'Christine Lagarde'],
      ['question', null],
      ['answer', 'Christine Lagarde'],
      ['question', null],
      ['answer', 'Luis de Guindos'],
    ]);
    expect(pairs(text, ecb)[0]).toEqual({ question: 's1', answers: ['s2', 's3'] });
  });

  it('reads a speaker label on a line of its own as the label of the next paragraph', () => {
    const text = doc(
      'Question:',
      'How do you assess the labour market?',
      'Luis de Guindos:',
      'The labour market remains strong.',
    );
    expect(view(text, ecb)).toEqual([
      ['question', null, 'How do you assess'],
      ['answer', 'Luis de Guindos', 'The labour market remains'],
    ]);
  });
});

describe('Eurogroup and Council press conferences', () => {
  it('tells the spokesperson who hands the floor over from the officials who answer', () => {
    const text = doc(
      'Spokesperson: Good evening and welcome. The President and the Commissioner will make remarks and then take your questions.',
      'Paschal Donohoe: Thank you. Today the Eurogroup discussed the fiscal stance for 2027.',
      'Valdis Dombrovskis: Thank you, Paschal. A few words on the budgetary plans.',
      'Spokesperson: Thank you. We will now take questions. The first question goes to Bloomberg.',
      'Journalist: Two questions for the President. Is the fiscal stance too loose? And when do you expect an agreement?',
      'Paschal Donohoe: We agreed it should be broadly neutral.',
      'Valdis Dombrovskis: If I may add, the Commission will present its assessment in May.',
      'Spokesperson: Next question, please. Reuters.',
      'Journalist: Is there any discussion on a common instrument for defence?',
      'Paschal Donohoe: It was not on our agenda today.',
      'Spokesperson: Thank you. This concludes the press conference.',
    );
    const { segments, exchanges, speakers } = segmentTranscript(text, none);
    expect(segments.map((s) => [s.kind, s.speaker])).toEqual([
      ['moderator', 'Spokesperson'],
      ['remarks', 'Paschal Donohoe'],
      ['remarks', 'Valdis Dombrovskis'],
      ['moderator', 'Spokesperson'],
      ['question', null],
      ['answer', 'Paschal Donohoe'],
      ['answer', 'Valdis Dombrovskis'],
      ['moderator', 'Spokesperson'],
      ['question', null],
      ['answer', 'Paschal Donohoe'],
      ['moderator', 'Spokesperson'],
    ]);
    expect(exchanges).toEqual([
      { question: 's5', answers: ['s6', 's7'] },
      { question: 's9', answers: ['s10'] },
    ]);
    expect(speakers.map((s) => s.name)).toEqual(['Paschal Donohoe', 'Valdis Dombrovskis']);
  });

  it('reads unmarked questions after the moderator gives the floor, and unlabelled hand-overs', () => {
    const text = doc(
      'Moderator: Good afternoon. President, the floor is yours.',
      'President: Thank you. The Eurogroup agreed on the euro area recommendation.',
      'Moderator: We have time for a few questions. Please introduce yourself.',
      'Anna Schmidt, Der Standard. President, will Bulgaria be ready next year?',
      'President: Bulgaria has met the criteria.',
      'Commissioner: I fully agree.',
      'Next question, please.',
      'Can you give us more detail on the budget discussions?',
      'President: The discussions are ongoing.',
    );
    const { segments, exchanges, speakers } = segmentTranscript(text, none);
    expect(segments.map((s) => [s.kind, s.speaker])).toEqual([
      ['moderator', 'Moderator'],
      ['remarks', 'President'],
      ['moderator', 'Moderator'],
      ['question', 'Anna Schmidt, Der Standard'],
      ['answer', 'President'],
      ['answer', 'Commissioner'],
      ['moderator', null],
      ['question', null],
      ['answer', 'President'],
    ]);
    expect(exchanges).toEqual([
      { question: 's4', answers: ['s5', 's6'] },
      { question: 's8', answers: ['s9'] },
    ]);
    // a role without a name is nobody to list
    expect(speakers).toEqual([]);
  });

  it('keeps the statement after a moderator who announces it as remarks, rhetorical questions and all', () => {
    const text = doc(
      'Moderator: Good afternoon. President Costa will make a statement and then take your questions.',
      'Good afternoon. What did we achieve today? We agreed on the next steps for Ukraine.',
    );
    expect(view(text, none).map((v) => v[0])).toEqual(['moderator', 'remarks']);
  });

  it('reads an unlabelled paragraph that asks the official who answers next as a question', () => {
    const text = doc(
      'Kallas: Good morning. Today ministers discuss Ukraine.',
      'Will you meet Minister Lavrov in Geneva?',
      'Kallas: No, there is no such meeting planned.',
    );
    const m = meta();
    expect(view(text, m).map((v) => [v[0], v[1]])).toEqual([
      ['remarks', 'Kaja Kallas'],
      ['question', null],
      ['answer', 'Kaja Kallas'],
    ]);
  });

  it('keeps an outlet’s acronym as written when it labels the question', () => {
    const text = doc(
      'Mette Frederiksen: Good afternoon. Security is our first priority.',
      'Moderator: First, DR.',
      'DR: Prime Minister, will the Presidency push for common borrowing?',
      'Mette Frederiksen: No.',
    );
    const m = meta({ speakers: [{ name: 'Mette Frederiksen', role: 'Prime Minister' }] });
    expect(view(text, m).map((v) => [v[0], v[1]])).toEqual([
      ['remarks', 'Mette Frederiksen'],
      ['moderator', 'Moderator'],
      ['question', 'DR'],
      ['answer', 'Mette Frederiksen'],
    ]);
  });
});

describe('press conferences captured without labels', () => {
  it('cuts the moderator’s words from the question they are glued to', () => {
    const text = doc(
      'Good afternoon. The Eurogroup discussed the fiscal stance.',
      'Thank you, President. We have time for questions. Politico, please. Thank you. President, is the stance too loose?',
      'We agreed it should be broadly neutral.',
      'Next question, please. Reuters. Hi. How much will this cost?',
      'It is too early to say.',
      'Next question. Euronews.',
      'Will the Commission propose a new instrument?',
      'Not at this stage.',
      'Thank you very much. This concludes the press conference.',
    );
    expect(view(text, none)).toEqual([
      ['remarks', null, 'Good afternoon. The Eurogroup'],
      ['moderator', null, 'Thank you, President. We'],
      ['question', null, 'Thank you. President, is'],
      ['answer', null, 'We agreed it should'],
      ['moderator', null, 'Next question, please. Reuters.'],
      ['question', null, 'Hi. How much will'],
      ['answer', null, 'It is too early'],
      ['moderator', null, 'Next question. Euronews.'],
      ['question', null, 'Will the Commission propose'],
      ['answer', null, 'Not at this stage.'],
      ['moderator', null, 'Thank you very much.'],
    ]);
  });

  it('cuts a labelled moderator’s hand-over from the question glued after it', () => {
    const text = doc(
      'Moderator: Next question, please. Reuters. Hi. Commissioner, will the plan be binding?',
      'Commissioner: No, it is a recommendation.',
    );
    expect(view(text, none)).toEqual([
      ['moderator', 'Moderator', 'Next question, please. Reuters.'],
      ['question', null, 'Hi. Commissioner, will the'],
      ['answer', 'Commissioner', 'No, it is a'],
    ]);
  });

  it('leaves a journalist’s own "first question" in the question', () => {
    const text = doc(
      'Q. Thank you. First question on Ukraine. Second, will you travel to Kyiv?',
      'Yes, next week.',
    );
    expect(view(text)).toEqual([
      ['question', null, 'Thank you. First question'],
      ['answer', 'Kaja Kallas', 'Yes, next week.'],
    ]);
  });
});

describe('Commission midday briefing', () => {
  it('makes the spokesperson’s turns answers once questions start', () => {
    const text = doc(
      'Spokesperson: Good afternoon. Today the College adopted the competitiveness compass.',
      'Question: Do you have anything to say about the meeting with the US Trade Representative?',
      'Spokesperson: We do not comment on meetings that have not taken place.',
      'Question: A follow-up on the trip to Kyiv: will she meet President Zelensky?',
      'Spokesperson: Yes, that is foreseen.',
    );
    expect(view(text, none).map((v) => [v[0], v[1]])).toEqual([
      ['remarks', 'Spokesperson'],
      ['question', null],
      ['answer', 'Spokesperson'],
      ['question', null],
      ['answer', 'Spokesperson'],
    ]);
  });

  it('lists every spokesperson who answers one question', () => {
    const text = doc(
      'Paula Pinho: Good afternoon. We start with the housing plan.',
      'Journalist (Politico): How much money will be made available?',
      'Paula Pinho: I will pass the floor to my colleague.',
      'Thomas Regnier: The plan mobilises €10 billion.',
    );
    expect(pairs(text, none)).toEqual([{ question: 's2', answers: ['s3', 's4'] }]);
  });
});

describe('French and German transcripts', () => {
  it('reads Question :, Réponse : and Q. – markers', () => {
    const text = doc(
      'Bonjour à tous. Le Conseil européen a adopté des conclusions sur l’Ukraine.',
      'Question : Monsieur le Président, les vingt-sept sont-ils unis ?',
      'Réponse : Oui, vingt-six États membres ont soutenu le texte.',
      'Q. – Et sur la défense, quand le financement sera-t-il disponible ?',
      'R. – Nous travaillons sur ce point avec la Commission.',
    );
    expect(view(text, none)).toEqual([
      ['remarks', null, 'Bonjour à tous. Le'],
      ['question', null, 'Monsieur le Président, les'],
      ['answer', null, 'Oui, vingt-six États membres'],
      ['question', null, 'Et sur la défense,'],
      ['answer', null, 'Nous travaillons sur ce'],
    ]);
  });

  it('reads Frage: and Antwort: markers, in capitals too', () => {
    const text = doc(
      'Guten Tag. Wir haben heute über den Haushalt gesprochen.',
      'FRAGE: Herr Minister, wann wird der Haushalt vorgelegt?',
      'ANTWORT: Im Juni, wie geplant.',
      'Frage: Und wie hoch ist das Defizit?',
      'Es liegt bei etwa 2,5 Prozent.',
    );
    expect(view(text, none).map((v) => v[0])).toEqual([
      'remarks',
      'question',
      'answer',
      'question',
      'answer',
    ]);
  });
});

describe('captures through the cleaner', () => {
  const run = (body: string) => {
    const { text, meta: m } = extract({ body, contentType: 'text/plain', url: null });
    return segmentTranscript(text, m);
  };

  it('segments an ECB press conference capture: statement, then Question: turns with unmarked answers', () => {
    const { segments, exchanges } = run(
      [
        'Monetary policy statement (with Q&A)',
        'Christine Lagarde, President of the ECB,',
        'Luis de Guindos, Vice-President of the ECB',
        'Frankfurt am Main, 24 July 2026',
        'Good afternoon, the Vice-President and I welcome you to our press conference.',
        'The Governing Council today decided to keep the three key ECB interest rates unchanged.',
        'We are ready to take your questions.',
        'Question: You said you are in a good place. Will you hold for the rest of the year?',
        'We are in a good place. We will decide meeting by meeting.',
        'Question: Martin Weber, Handelsblatt. How large is the effect of the tariffs?',
        'Our staff estimate it at about 0.2 percentage points.',
      ].join('\n'),
    );
    expect(segments.map((s) => [s.kind, s.speaker, s.text.split(' ').slice(0, 3).join(' ')])).toEqual([
      ['remarks', 'Christine Lagarde', 'Good afternoon, the'],
      ['question', null, 'You said you'],
      ['answer', 'Christine Lagarde', 'We are in'],
      ['question', 'Martin Weber, Handelsblatt', 'How large is'],
      ['answer', 'Christine Lagarde', 'Our staff estimate'],
    ]);
    expect(exchanges).toHaveLength(2);
  });
});
