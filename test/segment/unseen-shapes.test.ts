import { describe, expect, it } from 'vitest';
import { doc, meta, view } from '../helpers/segment.js';

const governor = meta({ speakers: [{ name: 'Halvorsen', role: 'Governor' }] });
const economist = meta({ speakers: [{ name: 'Karin M. Olsen', role: 'Chief Economist' }] });

describe('names alone on their line, in the forms transcripts give them', () => {
  it('takes a surname alone on its line for the known official’s label', () => {
    const text = doc(
      'Will rates fall this spring?',
      'Journalist',
      'Halvorsen',
      'Halvorsen says the board will look at the data in March.',
      'And the housing market?',
      'Journalist',
      'Halvorsen',
      'That is a question for the government.',
    );
    expect(view(text, governor)).toEqual([
      ['question', null, 'Will rates fall'],
      ['answer', 'Halvorsen', 'Halvorsen says the'],
      ['question', null, 'And the housing'],
      ['answer', 'Halvorsen', 'That is a'],
    ]);
  });

  it('takes a name with a middle initial for a label, and a journalist’s prompt without a question mark for a question', () => {
    const text = doc(
      'Lena Holm',
      'How do you read the latest wage figures?',
      'Karin M. Olsen',
      'They are higher than we expected.',
      'Paul Meyer',
      'This morning the unions said the opposite. I was wondering which is true.',
      'Karin M. Olsen',
      'Both, in a way. Wages rose, prices rose faster.',
    );
    expect(view(text, economist)).toEqual([
      ['question', 'Lena Holm', 'How do you'],
      ['answer', 'Karin M. Olsen', 'They are higher'],
      ['question', 'Paul Meyer', 'This morning the'],
      ['answer', 'Karin M. Olsen', 'Both, in a'],
    ]);
  });

  it('reads a name above a prompt without a question mark as the asker when the official’s name labels the reply', () => {
    const text = doc(
      'Karin M. Olsen, Chief Economist, spoke to Lena Holm about the year ahead.',
      'Lena Holm',
      'So, as we look at the year ahead, the outlook for wages is not clear at all.',
      'Karin M. Olsen',
      'It is clearer than it looks. Wages will rise.',
    );
    expect(view(text, economist)).toEqual([
      ['other', null, 'Karin M. Olsen,'],
      ['question', 'Lena Holm', 'So, as we'],
      ['answer', 'Karin M. Olsen', 'It is clearer'],
    ]);
  });

  it('leaves a one-word heading of a speech as text', () => {
    const text = doc(
      'Good morning. Let me say a word on two topics.',
      'Ukraine',
      'We will keep our support as long as it takes.',
      'Energy',
      'Prices have come down since the winter.',
    );
    expect(view(text, governor)).toEqual([['remarks', 'Halvorsen', 'Good morning. Let']]);
  });
});

describe('labels of journalists who do not ask with a question mark', () => {
  it('reads a "Name, Outlet:" turn that the official takes up as a question', () => {
    const text = doc(
      'Karin M. Olsen: Good afternoon. Let me start with the forecast.',
      'Lena Holm, Radio Nord: Will growth pick up next year?',
      'Karin M. Olsen: Slowly, yes.',
      'Paul Meyer, Dagbladet: Some ministers said this morning that the forecast is too optimistic.',
      'Karin M. Olsen: We have heard that before. Our numbers hold.',
    );
    expect(view(text, economist)).toEqual([
      ['remarks', 'Karin M. Olsen', 'Good afternoon. Let'],
      ['question', 'Lena Holm', 'Will growth pick'],
      ['answer', 'Karin M. Olsen', 'Slowly, yes.'],
      ['question', 'Paul Meyer', 'Some ministers said'],
      ['answer', 'Karin M. Olsen', 'We have heard'],
    ]);
  });

  it('reads a "Name, Outlet:" turn cut off before its question mark, which the official answers, as a question', () => {
    const known = meta({ speakers: [{ name: 'Olof', role: 'Commissioner' }] });
    const text = doc(
      'Tariffs: the latest Q&A',
      'Lena Holm, Radio Nord: Many thanks. I read the comment in the Financial Times, and I wanted to ask if that is not giving in to',
      'Olof: Thanks for your question. There has been no offer of anything at present.',
    );
    expect(view(text, known).filter(([kind]) => kind === 'question' || kind === 'answer')).toEqual([
      ['question', 'Lena Holm', 'Many thanks. I'],
      ['answer', 'Olof', 'Thanks for your'],
    ]);
  });

  it('keeps a second official’s remarks, which a question follows, as remarks', () => {
    const text = doc(
      'Karin M. Olsen: Good afternoon. Let me start with the forecast.',
      'Jonas Vik: Thank you, Karin. On our side, the budget is ready.',
      'Q. Will growth pick up next year?',
      'Karin M. Olsen: Slowly, yes.',
    );
    expect(view(text, economist)).toEqual([
      ['remarks', 'Karin M. Olsen', 'Good afternoon. Let'],
      ['remarks', 'Jonas Vik', 'Thank you, Karin.'],
      ['question', null, 'Will growth pick'],
      ['answer', 'Karin M. Olsen', 'Slowly, yes.'],
    ]);
  });
});

describe('initials interviews', () => {
  it('reads the initials of a one-word name the intro gives ("Halvorsen (H)")', () => {
    const text = doc(
      'Interview with Halvorsen (H), Governor, by Lena Holm (L) of Radio Nord.',
      'L: Rates stayed where they were this week.',
      'H: They did, and they will for a while.',
      'L: Why?',
      'H: Because prices are still rising.',
    );
    expect(view(text, governor)).toEqual([
      ['other', null, 'Interview with Halvorsen'],
      ['question', 'Lena Holm', 'Rates stayed where'],
      ['answer', 'Halvorsen', 'They did, and'],
      ['question', 'Lena Holm', 'Why?'],
      ['answer', 'Halvorsen', 'Because prices are'],
    ]);
  });

  it('reads a known speaker’s initials with the particle of the name ("HVR" for Hanna van Ruys)', () => {
    const known = meta({ speakers: [{ name: 'Hanna van Ruys', role: 'President' }] });
    const text = doc(
      'M: Hanna van Ruys, bonjour ! Vous quittez bientôt la présidence.',
      'HVR: Bonjour. Oui, dans quelques jours.',
      'M: Alors, la guerre froide revient, il faut s’inquiéter.',
      'HVR: Il faut s’inquiéter, oui.',
    );
    expect(view(text, known)).toEqual([
      ['question', 'M', 'Hanna van Ruys,'],
      ['answer', 'Hanna van Ruys', 'Bonjour. Oui, dans'],
      ['question', 'M', 'Alors, la guerre'],
      ['answer', 'Hanna van Ruys', 'Il faut s’inquiéter,'],
    ]);
  });
});

describe('short replies after a question', () => {
  it('reads a reply that opens with yes or no in another language as the answer, even when it asks back', () => {
    const text = doc(
      'Guten Tag. Ich beginne mit dem Haushalt.',
      'Q. Herr Halvorsen, haben Sie schon Albträume wegen der Wahl?',
      'Nein. Warum sollte ich?',
      'Q. Es gäbe ja ein paar Gründe?',
      'Nein, nein. Die Wahl ist ein gutes Zeichen.',
    );
    expect(view(text, governor)).toEqual([
      ['remarks', 'Halvorsen', 'Guten Tag. Ich'],
      ['question', null, 'Herr Halvorsen, haben'],
      ['answer', 'Halvorsen', 'Nein. Warum sollte'],
      ['question', null, 'Es gäbe ja'],
      ['answer', 'Halvorsen', 'Nein, nein. Die'],
    ]);
  });

  it('reads the official repeating the question about themself as the answer', () => {
    const text = doc(
      'Good afternoon.',
      'Q. Governor, did you agree on a new swap line with the Fed?',
      'Did I agree on a — what?',
      'Q. A swap line, after your call with the Fed chair yesterday.',
      'We talked about it. Nothing is agreed.',
    );
    expect(view(text, governor)).toEqual([
      ['remarks', 'Halvorsen', 'Good afternoon.'],
      ['question', null, 'Governor, did you'],
      ['answer', 'Halvorsen', 'Did I agree'],
      ['question', null, 'A swap line,'],
      ['answer', 'Halvorsen', 'We talked about'],
    ]);
  });

  it('keeps a journalist’s second question in the question', () => {
    const text = doc(
      'Good afternoon.',
      'Q. Governor, will rates fall in March?',
      'And do you expect the krone to weaken?',
      'Not necessarily, and no.',
    );
    expect(view(text, governor)).toEqual([
      ['remarks', 'Halvorsen', 'Good afternoon.'],
      ['question', null, 'Governor, will rates'],
      ['answer', 'Halvorsen', 'Not necessarily, and'],
    ]);
  });
});

describe('narrative labels of print interviews', () => {
  it('reads "Obietto:" as the interviewer’s prompt and "Replica:" as the official’s reply', () => {
    const text = doc(
      'Il ministro Halvorsen è al governo da appena un anno.',
      'Obietto: «Un anno è poco per guidare una crisi».',
      'Replica: «Ero già vice ministro. Conosco i dossier».',
      'La Banca centrale però non è d’accordo?',
      '«La Banca fa il suo lavoro, noi il nostro».',
      'E i sindacati?',
      '«Li vedo lunedì».',
    );
    expect(view(text, governor).filter(([kind]) => kind !== 'remarks' && kind !== 'other')).toEqual([
      ['question', null, '«Un anno è'],
      ['answer', 'Halvorsen', '«Ero già vice'],
      ['question', null, 'La Banca centrale'],
      ['answer', 'Halvorsen', '«La Banca fa'],
      ['question', null, 'E i sindacati?'],
      ['answer', 'Halvorsen', '«Li vedo lunedì».'],
    ]);
  });

  it('reads "Ich hake nach:" and "Er entgegnet:" the same way, and leaves "Er sagt:" in a report alone', () => {
    const text = doc(
      'Halvorsen empfängt uns in seinem Büro. Er sagt: „Die Zinsen bleiben.“',
      'Ich hake nach: Auch im Sommer?',
      'Er entgegnet: Auch im Sommer, wenn die Preise nicht fallen.',
    );
    expect(view(text, governor)).toEqual([
      ['remarks', 'Halvorsen', 'Halvorsen empfängt uns'],
      ['question', null, 'Auch im Sommer?'],
      ['answer', 'Halvorsen', 'Auch im Sommer,'],
    ]);
  });
});

describe('interviewers’ prompts without a question mark', () => {
  const minister = meta({ speakers: [{ name: 'Giulia Ferri', role: 'Ministra' }] });

  it('reads a short statement whose last words the official takes up at once as the next question', () => {
    const text = doc(
      'Intervista a Giulia Ferri, ministra del Lavoro.',
      'Che cosa ha ottenuto quest’anno?',
      'Abbiamo approvato la riforma delle pensioni, che era ferma da dieci anni.',
      'La riforma è stata salutata come un successo. Ma non piace ai sindacati.',
      'Non piace ai sindacati perché chiede a tutti uno sforzo, ed è giusto così.',
    );
    expect(view(text, minister).filter(([kind]) => kind === 'question' || kind === 'answer')).toEqual([
      ['question', null, 'Che cosa ha'],
      ['answer', 'Giulia Ferri', 'Abbiamo approvato la'],
      ['question', null, 'La riforma è'],
      ['answer', 'Giulia Ferri', 'Non piace ai'],
    ]);
  });

  it('reads an unfinished interjection the official completes as a question', () => {
    const known = meta({ speakers: [{ name: 'Paul Girard', role: 'Gouverneur' }] });
    const text = doc(
      'Entretien avec Paul Girard, gouverneur de la banque centrale.',
      'Que fait la banque, en deux mots ?',
      'Elle s’occupe de la monnaie, elle assure la stabilité de l’euro…',
      'Qui vient de fêter ses vingt ans…',
      'Qui vient de fêter ses vingt ans, oui. Et elle surveille les banques.',
    );
    expect(view(text, known).filter(([kind]) => kind === 'question' || kind === 'answer')).toEqual([
      ['question', null, 'Que fait la'],
      ['answer', 'Paul Girard', 'Elle s’occupe de'],
      ['question', null, 'Qui vient de'],
      ['answer', 'Paul Girard', 'Qui vient de'],
    ]);
  });

  it('keeps the second paragraph of an answer in the answer when the next one only continues it', () => {
    const text = doc(
      'Intervista a Giulia Ferri, ministra del Lavoro.',
      'Che cosa ha ottenuto quest’anno?',
      'Abbiamo approvato la riforma delle pensioni.',
      'Poi abbiamo aperto il tavolo sui contratti.',
      'Il tavolo riprenderà a settembre con le imprese e i sindacati, come previsto.',
    );
    expect(view(text, minister).filter(([kind]) => kind === 'question' || kind === 'answer')).toEqual([
      ['question', null, 'Che cosa ha'],
      ['answer', 'Giulia Ferri', 'Abbiamo approvato la'],
    ]);
  });
});

describe('a radio interview the capture ran into one paragraph', () => {
  const known = meta({
    title: 'Paul Girard : entretien avec Radio Nord',
    speakers: [{ name: 'Paul Girard', role: 'Gouverneur' }],
  });
  const runOn = [
    'Bonjour Paul Girard et merci d’être avec nous ce matin. La banque centrale a un rôle immense dans nos vies, et pourtant on ne sait pas bien ce que vous faites dans votre tour. Si vous deviez l’expliquer à un lycéen, que lui diriez-vous ?',
    'La banque, c’est deux métiers en réalité : on s’occupe de la monnaie, on assure la stabilité de l’euro…',
    'Qui vient de fêter ses vingt ans…',
    'Qui vient de fêter ses vingt ans, oui. Et d’autre part nous surveillons les banques, ce qui est un métier très différent du premier, avec des équipes et des règles différentes.',
    'Tout a changé avec la crise de 2008 ?',
    'Oui. La crise a tout accéléré et nous a forcés à devenir une banque centrale comme les autres, avec des outils nouveaux que personne n’imaginait avant.',
    'Vous surveillez aussi les faussaires, ceux qui impriment des faux billets ?',
    'Oui, et c’est très important, parce que la confiance dans la monnaie en dépend. Nous retirons chaque année des milliers de faux billets.',
  ].join(' ');

  it('cuts it at each question the guest answers', () => {
    expect(view(runOn, known)).toEqual([
      ['question', null, 'Bonjour Paul Girard'],
      ['answer', 'Paul Girard', 'La banque, c’est'],
      ['question', null, 'Qui vient de'],
      ['answer', 'Paul Girard', 'Qui vient de'],
      ['question', null, 'Tout a changé'],
      ['answer', 'Paul Girard', 'Oui. La crise'],
      ['question', null, 'Vous surveillez aussi'],
      ['answer', 'Paul Girard', 'Oui, et c’est'],
    ]);
  });

  it('leaves a long answer with rhetorical questions alone when the interview has its paragraphs', () => {
    const answer =
      'Pourquoi est-ce que nous agissons ? Parce que les prix montent. Est-ce que vous pensez que nous pouvons attendre encore longtemps ? Non. Nous devons agir maintenant, avec les gouvernements, et avec les partenaires sociaux, pour que les salaires suivent. ' +
      'Et pourquoi pas plus tôt, me direz-vous ? Oui, on aurait pu. Mais les données n’étaient pas là, et une banque centrale ne décide pas sans données solides, vous le savez bien.';
    const text = [
      'Entretien avec Paul Girard.',
      'Monsieur le gouverneur, pourquoi relever les taux maintenant ?',
      answer,
      'Et la suite ?',
      'Nous verrons en juin.',
    ].join('\n\n');
    expect(view(text, known).filter(([kind]) => kind === 'question')).toEqual([
      ['question', null, 'Monsieur le gouverneur,'],
      ['question', null, 'Et la suite'],
    ]);
  });
});

describe('questions a live blog reports in indirect speech', () => {
  it('reads "A reporter asks whether …" and "X is asked about …" as questions and what follows as the answers', () => {
    const text = doc(
      'Halvorsen has finished his statement and is now taking questions.',
      'A reporter asks whether the talks on the bailout will resume before the weekend.',
      'Halvorsen says they will, but only if Athens sends a new proposal first.',
      'Another journalist asks if the banks will open on Monday.',
      'That is for the government to decide, Halvorsen says. He adds that the ECB is watching.',
      'Halvorsen is asked about the referendum. He says the ministers respect the vote.',
    );
    expect(view(text, governor)).toEqual([
      ['remarks', 'Halvorsen', 'Halvorsen has finished'],
      ['question', null, 'A reporter asks'],
      ['answer', 'Halvorsen', 'Halvorsen says they'],
      ['question', null, 'Another journalist asks'],
      ['answer', 'Halvorsen', 'That is for'],
      ['question', null, 'Halvorsen is asked'],
      ['answer', 'Halvorsen', 'He says the'],
    ]);
  });

  it('cuts "Asked whether …, X says …" and its French and German forms at the reply', () => {
    const text = doc(
      'Le ministre a ouvert la conférence de presse par un point sur le budget.',
      'Interrogé sur la réforme des retraites, il répond que le texte sera prêt en juin.',
      'Auf die Frage, ob die Steuern steigen, sagt er, dass nichts entschieden sei.',
      'Asked whether he still trusts the finance minister, Halvorsen says trust has to be earned.',
    );
    expect(view(text, governor).filter(([kind]) => kind === 'question' || kind === 'answer')).toEqual([
      ['question', null, 'Interrogé sur la'],
      ['answer', 'Halvorsen', 'il répond que'],
      ['question', null, 'Auf die Frage,'],
      ['answer', 'Halvorsen', 'sagt er, dass'],
      ['question', null, 'Asked whether he'],
      ['answer', 'Halvorsen', 'Halvorsen says trust'],
    ]);
  });

  it('leaves a speaker’s own story of a question, and a person asked to do something, in the remarks', () => {
    const text = doc(
      'Good morning. A journalist asked me once whether Europe would survive the crisis.',
      'I said yes. She was asked to lead the commission a year later, and she did.',
    );
    expect(view(text, governor).map(([kind]) => kind)).toEqual(['remarks']);
  });
});

describe('turns of interviews labelled by name', () => {
  const known = meta({ speakers: [{ name: 'Paul Girard', role: 'Gouverneur' }] });

  it('does not take a sentence with a colon for a label ("La banque, c’est, en réalité …, parce qu’on fait deux choses :")', () => {
    const text = doc(
      'Lena Holm',
      'Que fait la banque, en deux mots ?',
      'Paul Girard',
      'La banque, c’est, en réalité, deux tours, parce qu’on fait deux choses : la monnaie et la surveillance.',
    );
    expect(view(text, known)).toEqual([
      ['question', 'Lena Holm', 'Que fait la'],
      ['answer', 'Paul Girard', 'La banque, c’est,'],
    ]);
  });

  it('keeps a paragraph without a name, even one that asks, in the turn of the last name', () => {
    const text = doc(
      'Entretien avec Paul Girard, gouverneur.',
      'Lena Holm: Comment voyez-vous les élections ?',
      'Paul Girard: Avec calme.',
      'Paul Meyer: Et si les eurosceptiques gagnent ?',
      'Paul Girard: Ils ne gagneront pas.',
      'Mais qui voudrait se réveiller lundi dans une autre Europe ?',
      'Propos recueillis par Lena Holm et Paul Meyer.',
      'Anna Roth: Et la banque ?',
      'Paul Girard: Elle reste indépendante.',
    );
    expect(view(text, known).filter(([kind]) => kind === 'question')).toEqual([
      ['question', 'Lena Holm', 'Comment voyez-vous les'],
      ['question', 'Paul Meyer', 'Et si les'],
      ['question', 'Anna Roth', 'Et la banque'],
    ]);
  });
});

describe('a spokesperson who chairs and answers', () => {
  it('reads "More questions for Christian?" as the chair asking the room, not a question, and keeps her reply an answer', () => {
    const known = meta({ speakers: [{ name: 'Dana Vik', role: 'Chief Spokesperson' }] });
    const text = doc(
      'Dana: Good afternoon. Christian will take your questions on trade.',
      'Lena: The tariffs take effect on Monday. Will the Commission respond?',
      'Christian: We will respond in a proportionate way.',
      'Dana: More questions for Christian?',
      'Paul: Yes. Radio Nord was closed on Friday. Any reaction?',
      'Dana: Several aspects.',
      'Christian: We sent a letter on Friday and we are waiting for the answer.',
      'Dana: Other questions for Christian?',
    );
    expect(view(text, known)).toEqual([
      ['remarks', 'Dana', 'Good afternoon. Christian'],
      ['question', 'Lena', 'The tariffs take'],
      ['answer', 'Christian', 'We will respond'],
      ['moderator', 'Dana', 'More questions for'],
      ['question', 'Paul', 'Yes. Radio Nord'],
      ['answer', 'Dana', 'Several aspects.'],
      ['answer', 'Christian', 'We sent a'],
      ['moderator', 'Dana', 'Other questions for'],
    ]);
  });
});

describe('letters as markers of print interviews', () => {
  const minister = meta({ speakers: [{ name: 'Luca Bassi', role: 'Ministro' }] });

  it('reads "P.–"/"R.–" and "D."/"R." turns', () => {
    expect(view(doc('P.– ¿Cuándo bajarán los precios?', 'R.– Ya están bajando.'), minister)).toEqual([
      ['question', null, '¿Cuándo bajarán los'],
      ['answer', 'Luca Bassi', 'Ya están bajando.'],
    ]);
    const text = doc(
      'D. Ministro, quando arriverà la riforma?',
      'R. Entro l’estate, come promesso.',
      'D. I sindacati però sono contrari.',
      'R. Li incontrerò lunedì.',
    );
    expect(view(text, minister)).toEqual([
      ['question', null, 'Ministro, quando arriverà'],
      ['answer', 'Luca Bassi', 'Entro l’estate, come'],
      ['question', null, 'I sindacati però'],
      ['answer', 'Luca Bassi', 'Li incontrerò lunedì.'],
    ]);
  });

  it('leaves an initial before a name alone when no "R." turn answers it', () => {
    const text = doc('D. Trump said on Monday that tariffs would rise.', 'The minister did not comment.');
    expect(view(text, minister).map(([kind]) => kind)).toEqual(['other', 'remarks']);
  });
});

describe('a chair who calls a journalist the text names elsewhere', () => {
  it('reads the turn of a voice called for a question as a question, and one given the floor for remarks as remarks', () => {
    const known = meta({
      speakers: [
        { name: 'Olof Berg', role: 'Commissioner' },
        { name: 'Peter Novak', role: null },
      ],
    });
    const text = doc(
      'Moderator: Good afternoon. I give the floor to Commissioner Berg.',
      'Olof Berg: Thank you. Today we present the trade package.',
      'Moderator: Thank you. The next question comes from Peter Novak, Reuters.',
      'Peter Novak: Many thanks. I read the comment in the Financial Times and I wanted to ask if that is not giving in to',
      'Olof Berg: Thanks for your question. There is no offer at present.',
    );
    expect(view(text, known)).toEqual([
      ['moderator', 'Moderator', 'Good afternoon. I'],
      ['remarks', 'Olof Berg', 'Thank you. Today'],
      ['moderator', 'Moderator', 'Thank you. The'],
      ['question', 'Peter Novak', 'Many thanks. I'],
      ['answer', 'Olof Berg', 'Thanks for your'],
    ]);
  });
});
