import type { KnownTranscript } from './conventions.js';

/** Hand-written transcripts whose turns are known, in shapes the corpus has and lacks. */
export const KNOWN: KnownTranscript[] = [
  {
    id: 'finance-ministers',
    title: 'Press conference by Minister Anna Berg after the meeting of finance ministers',
    official: { name: 'Anna Berg', role: 'Minister of Finance' },
    opening: [
      'Good afternoon. The ministers agreed today on the budget rules for next year.',
      'We also discussed the support for small firms, which remains our priority.',
    ],
    exchanges: [
      {
        question: ['What about wages? Will the new rules let them rise this year?'],
        answer: ['Wages are rising already in most countries, and the rules will not stop that.'],
      },
      {
        question: ['You met the Dutch minister this morning. Did he change his position on the fund?'],
        answer: [
          'Which minister? I met two of them.',
          'Both of them told me that they want a deal before the summer.',
        ],
      },
      {
        question: ['Last week you said the deficit would fall below 3%. Is that still true?'],
        answer: ['It is. The figures of the first quarter confirm it.'],
      },
    ],
  },
  {
    id: 'trade-commissioner',
    title: 'Remarks by Commissioner Luca Ferrante at the press conference on the trade agreement',
    official: { name: 'Luca Ferrante', role: 'Commissioner for Trade' },
    opening: ['Thank you for coming. Today we signed the agreement with our partners in the south.'],
    exchanges: [
      {
        question: [
          'Commissioner, farmers in several member states are protesting against this deal. What do you tell them?',
          'And second, when will the Parliament vote on it?',
        ],
        answer: [
          'I tell them that their markets are protected. We have safeguards for beef and for sugar.',
          'The vote should take place in the autumn.',
        ],
      },
      {
        question: ['How many jobs will the agreement create in Europe?'],
        answer: ['Our study says around 60,000 jobs, most of them in small firms.'],
      },
      {
        question: ['Is there a date for the next round with the Asian partners?'],
        answer: ['Not yet. We will meet again in March.'],
      },
    ],
  },
  {
    id: 'foreign-affairs',
    title: 'Foreign Affairs Council: press remarks by High Representative Marta Kowalczyk',
    official: { name: 'Marta Kowalczyk', role: 'High Representative' },
    opening: [
      'Good evening. The ministers discussed the situation in the Sahel and the support to the region.',
    ],
    exchanges: [
      {
        question: ['Will the training mission continue after May?'],
        answer: ['Yes. The ministers agreed to extend it for two more years.'],
      },
      {
        question: ['Could you say how much money the Union will give to the region?'],
        answer: [
          'We will give €200 million this year. That is more than last year.',
          'And we will look at more support in the autumn.',
        ],
      },
    ],
  },
  {
    id: 'central-bank',
    title: 'Press conference: monetary policy statement by President Henrik Lund',
    official: { name: 'Henrik Lund', role: 'President of the Central Bank' },
    opening: [],
    exchanges: [
      {
        question: ['Inflation is down to 2.1%. Why not cut the rates further?'],
        answer: ['Because the job is not done. Services inflation is still high.'],
      },
      {
        question: ['Was the decision unanimous?'],
        answer: ['It was a broad consensus.'],
      },
      {
        question: ['My question is on the banks: do you see risks in the property market?'],
        answer: ['We watch it closely. Prices have fallen in some countries, but the banks are solid.'],
      },
    ],
  },
  {
    // a one-word name, a prompt without a question mark, the official repeating the question
    id: 'eurogroup-surname',
    title: 'Eurogroup press conference: Halvorsen on the programme for Norland',
    official: { name: 'Halvorsen', role: 'President of the Eurogroup' },
    opening: [
      'Good evening. The ministers discussed the programme for Norland and agreed on the next steps.',
    ],
    exchanges: [
      {
        question: ['Will the programme be extended beyond June?'],
        answer: ['It can be, if Norland asks for it and accepts the conditions.'],
      },
      {
        question: ['Some ministers said this morning that the programme is dead.'],
        answer: ['It is not dead. We are working on it every day.'],
      },
      {
        question: ['Did you agree on a bridge loan with the IMF?'],
        answer: ['Did I agree on a — what?'],
      },
      {
        question: ['A bridge loan, after your call with the IMF yesterday.'],
        answer: ['We talked about it. Nothing is agreed yet.'],
      },
    ],
  },
  {
    // a German interview: a hyphenated name, replies opening with "Nein", a prompt the official takes up
    id: 'bundesbank-interview',
    title: 'Interview mit Bundesbankpräsident Hans-Peter Vogt',
    official: { name: 'Hans-Peter Vogt', role: 'Präsident der Bundesbank' },
    opening: [],
    exchanges: [
      {
        question: ['Herr Vogt, haben Sie schon Sorgen wegen der Wahl am Sonntag?'],
        answer: ['Nein. Warum sollte ich?'],
      },
      {
        question: ['Es gäbe ja vielleicht ein paar Gründe?'],
        answer: ['Nein, nein. Die Wahl ist ein gutes Zeichen für die Demokratie in Europa.'],
      },
      {
        question: ['Die Inflation liegt wieder über zwei Prozent.'],
        answer: ['Die Inflation liegt über zwei Prozent, ja. Aber sie fällt, und das ist entscheidend.'],
      },
    ],
  },
  {
    // an Italian interview: a statement as the prompt, which the minister takes up at once
    id: 'ministra-intervista',
    title: 'Intervista alla ministra del Lavoro Giulia Ferri',
    official: { name: 'Giulia Ferri', role: 'Ministra del Lavoro' },
    opening: [],
    exchanges: [
      {
        question: ['Ministra, che cosa ha ottenuto in questo primo anno di governo?'],
        answer: ['Abbiamo approvato la riforma delle pensioni, che era ferma da dieci anni.'],
      },
      {
        question: ['La riforma è stata salutata come un successo. Ma non piace ai sindacati.'],
        answer: ['Non piace ai sindacati perché chiede a tutti uno sforzo, ed è giusto così.'],
      },
      {
        question: ['E i giovani? Che cosa cambia per loro?'],
        answer: ['Per i giovani cambia molto: i contributi dei primi anni contano di più.'],
      },
    ],
  },
];
