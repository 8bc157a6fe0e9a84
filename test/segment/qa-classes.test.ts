import { describe, expect, it } from 'vitest';
import { segmentTranscript } from '../../src/segment/index.js';
import { doc, firstWords, meta } from '../helpers/segment.js';

const questions = (text: string, m = meta()) =>
  segmentTranscript(text, m)
    .segments.filter((s) => s.kind === 'question')
    .map((s) => firstWords(s.text));
/** Each question's first words with the first words of the answer paired with it. */
const pairs = (text: string, m = meta()) => {
  const { segments, exchanges } = segmentTranscript(text, m);
  const words = (id: string | undefined) => {
    const text = segments.find((s) => s.id === id)?.text;
    return text === undefined ? null : firstWords(text);
  };
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

describe('questions a news story reports, with the reply quoted after some narration', () => {
  const reporter = meta({ speakers: [{ name: 'Oskar Lindqvist', role: 'Minister' }] });
  it('reads a German quoted question, the asking clause and the reply framed by "sagt"', () => {
    const text = doc(
      'Lindqvist kam am Morgen ins Ministerium. Die Fischer hatten vor dem Tor demonstriert.',
      '„Werden die Fangquoten im Herbst gesenkt?“, will eine Reporterin wissen. Lindqvist zögert kurz und blickt auf seine Notizen. Dann sagt er: „Nein, die Quoten bleiben, wie sie sind.“ Die Fischer applaudieren.',
      'Wie lange das so bleibe? „Das entscheidet der Rat im Dezember“, erklärt der Minister. Ob er selbst noch Minister sein werde, will ein Kollege aus Bergen wissen? „Fragen Sie meine Partei“, sagt er lachend.',
    );
    expect(pairs(text, reporter)).toEqual([
      ['„Werden die Fangquoten', '„Nein, die Quoten'],
      ['Wie lange das', '„Das entscheidet der'],
      ['Ob er selbst', '„Fragen Sie meine'],
    ]);
  });

  it('reads French, English and Italian reports in « », “ ” and ‘ ’', () => {
    const fr = doc(
      'La ministre est arrivée à midi.',
      '« Allez-vous augmenter les salaires des enseignants ? », demande un journaliste. La ministre consulte son dossier. Elle répond : « Oui, dès la rentrée prochaine. »',
    );
    expect(pairs(fr, reporter)).toEqual([['« Allez-vous augmenter', '« Oui, dès']]);
    const en = doc(
      'The minister left the summit early on Friday.',
      '“Will you sign the deal next week?” a reporter asked. Lindqvist smiled and turned to the cameras. He replied: “Only if the fishermen are on board.” Then he walked to his car.',
      '‘Isn’t it too late for that?’ another journalist asked. ‘It is never too late,’ he said.',
    );
    expect(pairs(en, reporter)).toEqual([
      ['“Will you sign', '“Only if the'],
      ['‘Isn’t it too', '‘It is never'],
    ]);
    const it_ = doc(
      'Il ministro è arrivato a Roma in mattinata.',
      '«Si dimetterà dopo il voto?», chiede un cronista. Il ministro sorride. Poi risponde: «No, resto al mio posto».',
    );
    expect(pairs(it_, reporter)).toEqual([['«Si dimetterà dopo', '«No, resto al']]);
  });

  it('reads verbs that end in an accented letter: "a demandé", "preguntó", "respondió"', () => {
    const fr = doc(
      'La ministre est arrivée à midi.',
      '« Allez-vous augmenter les salaires des enseignants ? », a demandé un journaliste. La ministre a consulté son dossier. Elle a répondu : « Oui, dès la rentrée prochaine. »',
    );
    expect(pairs(fr, reporter)).toEqual([['« Allez-vous augmenter', '« Oui, dès']]);
    const es = doc(
      'El ministro llegó a Bruselas por la mañana.',
      '«¿Subirán los impuestos el año que viene?», preguntó un periodista. El ministro tardó en contestar. «No, no subirán», respondió.',
    );
    expect(pairs(es, reporter)).toEqual([['«¿Subirán los impuestos', '«No, no subirán»,']]);
  });

  it('leaves a question quoted in an official’s own answer, and a rhetorical question of a story, alone', () => {
    const text = doc(
      'Q. Did the ministers agree on the quotas?',
      'A. People asked me: “Will you cut them?” I said: “Not this year.” That is still my answer.',
    );
    expect(questions(text, reporter)).toEqual(['Did the ministers']);
    const story = doc(
      'The minister opened the new port on Monday.',
      'Will it bring the jobs the town was promised? Nobody in the harbour seems sure yet. “We hope so,” one docker said.',
    );
    expect(questions(story, reporter)).toEqual([]);
  });
});

describe('print interviews whose answers are whole paragraphs in quotation marks', () => {
  const mayor_ = meta({ speakers: [{ name: 'Giulia Ferraro', role: 'Commissioner' }] });
  it('pairs unquoted prompts with quoted answers, prompts glued before or after a quote included', () => {
    const text = doc(
      'La commissaria ci riceve nel suo ufficio di Bruxelles, tra scatoloni e dossier.',
      'Partiamo dai treni. Le tratte regionali chiudono una dopo l’altra. Che cosa può fare l’Europa?',
      '«Molto, se i governi ci lasciano lavorare. Abbiamo messo sul tavolo un piano per le linee minori».',
      'Basterà?',
      '«Non da solo. Servono anche i fondi nazionali».',
      'Le regioni del Sud però si sentono dimenticate… «Le capisco. Per questo la metà dei fondi andrà a loro».',
      'I sindacati minacciano lo sciopero.',
      'Lo sciopero generale è fissato per maggio, a meno di un accordo?',
      '«Un accordo ci sarà. Lo dico da mesi». E i pendolari del Nord? Anche loro',
    );
    expect(pairs(text, mayor_)).toEqual([
      ['Partiamo dai treni.', '«Molto, se i'],
      ['Basterà?', '«Non da solo.'],
      ['Le regioni del', '«Le capisco. Per'],
      ['I sindacati minacciano', '«Un accordo ci'],
      ['E i pendolari', null],
    ]);
  });

  it('reads the same shape in French « » and German „ “, the answer cut by the capture included', () => {
    const fr = doc(
      'Que ferez-vous pour les factures qui explosent ?',
      '« Trois choses. D’abord, consommer moins. »',
      'Et les autres pistes ?',
      '« Acheter ensemble, comme pour les vaccins. Nous avons commencé',
      'Et les prix ?',
      '« C’est le plus dur pour les familles. »',
    );
    expect(pairs(fr, mayor_)).toEqual([
      ['Que ferez-vous pour', '« Trois choses.'],
      ['Et les autres', '« Acheter ensemble,'],
      ['Et les prix', '« C’est le'],
    ]);
    const de = doc(
      'Frau Ferraro, wie geht es den Bahnen? „Schlecht, aber besser als vor einem Jahr.“',
      'Woran liegt das? „An den Investitionen, die endlich ankommen.“',
    );
    expect(pairs(de, mayor_)).toEqual([
      ['Frau Ferraro, wie', '„Schlecht, aber besser'],
      ['Woran liegt das?', '„An den Investitionen,'],
    ]);
  });

  it('does not read a news story with one quoted paragraph as an interview', () => {
    const text = doc(
      'The commissioner visited the depot on Monday. Is the network ready for winter?',
      '“We have done what we could.”',
      'Workers were less sure. The union will meet on Friday.',
    );
    expect(questions(text, mayor_)).toEqual([]);
  });
});

describe('a capture that stops in the middle of a question', () => {
  const official = meta({ speakers: [{ name: 'Marta Kovač', role: 'President' }] });
  it('keeps a labelled interviewer’s unfinished last turn, and the turn before a label with nothing after it', () => {
    const text = doc(
      'Jonas Vogt: Frau Kovač, wie lange halten die Banken noch durch?',
      'Marta Kovač: Lange genug. Die Reserven sind hoch.',
      'Vogt: Und wenn die Zinsen weiter steigen, was passiert dann mit den',
    );
    expect(questions(text, official)).toEqual(['Frau Kovač, wie', 'Und wenn die']);
    const cut = doc(
      'Lena Berg: Is the euro safe?',
      'Marta Kovač: It is.',
      'Lena Berg: It was not so safe in the last crisis.',
      'Marta Kovač:',
    );
    expect(questions(cut, official)).toEqual(['Is the euro', 'It was not']);
  });

  it('reads an unfinished last paragraph that opens like a question, in French, German, Italian and Spanish', () => {
    for (const opening of [
      'Avez-vous eu',
      'Haben Sie damals',
      'Che cosa pensa',
      '¿Cree usted que',
      'Pourquoi la',
    ])
      expect(
        questions(
          doc(
            'Madame Figaro : Comment allez-vous après ces deux années ?',
            'Marta Kovač : Bien, merci. Nous avons beaucoup travaillé.',
            opening,
          ),
          official,
        ),
      ).toEqual(['Comment allez-vous après', opening.split(' ').slice(0, 3).join(' ')]);
  });

  it('does not take a closing sentence or a finished statement for a cut-off question', () => {
    const text = doc('Q. Will the banks hold?', 'A. They will.', 'The press conference ended at noon.');
    expect(questions(text, official)).toEqual(['Will the banks']);
  });
});

describe('transcribers’ notes and interview cues in other languages', () => {
  it('takes a label whose whole turn is a note in brackets for no turn at all', () => {
    const text = doc(
      'Moderator: Any questions for Christian?',
      'Lili: [inaudible]',
      'Christian: Sorry, we could not hear you.',
      'Moderator: Lili, go ahead.',
      'Lili: Has the letter to the regulator been sent?',
      'Christian: It was sent on Friday.',
    );
    expect(questions(text, meta({ speakers: [] }))).toEqual(['Has the letter']);
  });

  it('reads an Italian interview introduced as a conversation with the journalist', () => {
    const text = doc(
      'La giornalista Anna Verdi ha parlato con la commissaria della campagna elettorale e delle riforme.',
      'Si dice che i due anni passino in fretta. Ha avuto la stessa sensazione?',
      'Sì, sono volati. Abbiamo fatto molte riforme.',
      'E di quale è più orgogliosa?',
      'Di quella del bilancio, senza dubbio.',
    );
    expect(pairs(text, meta({ speakers: [{ name: 'Giulia Ferraro', role: 'Commissioner' }] }))).toEqual([
      ['Si dice che', 'Sì, sono volati.'],
      ['E di quale', 'Di quella del'],
    ]);
  });
});

describe('markers of Spanish, Italian and French print interviews', () => {
  const official = meta({ speakers: [{ name: 'Ana Ruiz', role: 'Minister' }] });
  it('reads P:/R: and D:/R: as question and answer, capitals included', () => {
    const es = doc(
      'PREGUNTA: ¿Habrá acuerdo antes del verano?',
      'RESPUESTA: Creo que sí.',
      'P: ¿Y si no lo hay?',
      'R: Seguiremos negociando.',
    );
    expect(pairs(es, official)).toEqual([
      ['¿Habrá acuerdo antes', 'Creo que sí.'],
      ['¿Y si no', 'Seguiremos negociando.'],
    ]);
    const it_ = doc('DOMANDA: Ci sarà un accordo?', 'RISPOSTA: Sì.', 'D: Quando?', 'R: A giugno.');
    expect(pairs(it_, official)).toEqual([
      ['Ci sarà un', 'Sì.'],
      ['Quando?', 'A giugno.'],
    ]);
  });

  it('reads "NAME.-" labels, the answer’s label glued after the question', () => {
    const text = doc(
      'LE SOIR.- Le sommet s’ouvre demain. Comment allez-vous convaincre les Pays-Bas ?Ana RUIZ.- Avec des chiffres. Ils les connaissent déjà.',
      'LE SOIR.- Et s’ils disent non ?',
      'Ana RUIZ.- Alors nous attendrons.',
    );
    expect(pairs(text, meta({ speakers: [] }))).toEqual([
      ['Le sommet s’ouvre', 'Avec des chiffres.'],
      ['Et s’ils disent', 'Alors nous attendrons.'],
    ]);
  });
});

describe('dialogues, interpreters and chairs', () => {
  const minister = meta({ speakers: [{ name: 'Oskar Lindqvist', role: 'Minister' }] });
  it('reads a dash dialogue: the voice that asks is the interviewer, greetings aside', () => {
    const text = doc(
      'Entretien avec Oskar Lindqvist, ministre suédois.',
      '— Bonjour Monsieur le ministre.',
      '— Bonjour.',
      '— Les pêcheurs sont en colère. Vous allez baisser les quotas.',
      '— Non, nous ne baisserons rien cette année.',
      '— Et l’an prochain ?',
      '— On verra avec la Commission.',
    );
    expect(pairs(text, minister)).toEqual([
      ['Les pêcheurs sont', 'Non, nous ne'],
      ['Et l’an prochain', 'On verra avec'],
    ]);
    // no question mark at all: the voice that greets the guest first and addresses them asks
    const bare = doc(
      '-Bonjour Oskar LINDQVIST.',
      '-Bonjour.',
      '-Vous publiez un livre sur la mer, et vous dites : "La mer se vide".',
      '-Elle se vide, oui, et personne n’en parle assez.',
    );
    expect(pairs(bare, minister)).toEqual([['Vous publiez un', 'Elle se vide,']]);
  });

  it('leaves dashed lists of a speech alone', () => {
    const text = doc(
      'We agreed on three things:',
      '- A cut of 10% in the Baltic.',
      '- A fund for the fleet.',
      '- A review in two years.',
      '- A new agency in Gdańsk.',
      'Why does it matter? Because the sea is empty.',
    );
    expect(questions(text, minister)).toEqual([]);
  });

  it('takes an interpreter’s turn for the official’s answer, or for the question when it asks', () => {
    const text = doc(
      'Q. (in Swedish) Kommer kvoterna att sänkas?',
      'Interpreter: Will the quotas be cut?',
      'Interpreter: The minister says no, not this year.',
      'Q. And next year?',
      'Oskar Lindqvist: We will see.',
    );
    expect(pairs(text, minister)).toEqual([
      ['(in Swedish) Kommer', 'The minister says'],
      ['And next year?', 'We will see.'],
    ]);
  });

  it('reads "La parole est à …" as the chair’s, and a chair named with the role in brackets', () => {
    const fr = doc(
      'Bonjour à tous.',
      'La parole est à Radio Nord.',
      'Allez-vous baisser les quotas ?',
      'Non.',
    );
    const { segments } = segmentTranscript(fr, minister);
    expect(segments.map((s) => s.kind)).toEqual(['remarks', 'moderator', 'question', 'answer']);
    const en = doc(
      'Anna Sundberg (Moderator): Welcome. The minister will start.',
      'Oskar Lindqvist: Thank you. We agreed on quotas.',
      'Anna Sundberg: Questions? Yes, Reuters.',
      'Reuters: Will the cut hurt?',
      'Oskar Lindqvist: A little.',
    );
    const seg = segmentTranscript(en, minister);
    expect(seg.segments.map((s) => [s.kind, s.speaker])).toEqual([
      ['moderator', 'Anna Sundberg'],
      ['remarks', 'Oskar Lindqvist'],
      ['moderator', 'Anna Sundberg'],
      ['question', 'Reuters'],
      ['answer', 'Oskar Lindqvist'],
    ]);
    expect(seg.speakers.map((s) => s.name)).toEqual(['Oskar Lindqvist']);
  });

  it('keeps a speech’s rhetorical questions in the remarks', () => {
    const text = doc(
      'Ladies and gentlemen,',
      'What is Europe for? Why do we stay together? Because together we are stronger.',
      'Can we afford to fail?',
      'No. We cannot, and we will not.',
      'Thank you.',
    );
    expect(questions(text, minister)).toEqual([]);
  });
});

describe('names alone on their line, with capitalised particles', () => {
  it('labels turns by "Herman Van Rompuy"-style names and keeps an interjection the official answers as a question', () => {
    const official = meta({ speakers: [{ name: 'Pieter Van Damme', role: 'President' }] });
    const text = doc(
      'Claire Aubert',
      'Pieter Van Damme, bonjour ! Quel est votre meilleur souvenir ?',
      'Pieter Van Damme',
      'La cérémonie à Oslo, sans hésiter.',
      'Claire Aubert',
      'Et la guerre froide avec la Russie, il faut s’en inquiéter ?',
      'Pieter Van Damme',
      'Il faut s’inquiéter, parce qu’on change les frontières…',
      'Claire Aubert',
      'Avec la Crimée !',
      'Pieter Van Damme',
      '… oui, avec la Crimée, bien sûr.',
    );
    expect(pairs(text, official)).toEqual([
      ['Pieter Van Damme,', 'La cérémonie à'],
      ['Et la guerre', 'Il faut s’inquiéter,'],
      ['Avec la Crimée', '… oui, avec'],
    ]);
  });
});

describe('journalist labels with qualifiers, as a live readout writes them', () => {
  it('reads "Irish journalist, name unclear?:" and "Journalist, follow-up:" as question markers', () => {
    const text = doc(
      'Spokesperson: Good morning, one announcement on roaming.',
      'Dutch journalist, didn’t catch the name?: the roaming deal ends in May. Will it be extended?',
      'Spokesperson: It will, for two years.',
      'Journalist, follow-up: and the price cap stays the same',
      'Spokesperson: It does.',
    );
    expect(pairs(text, meta({ speakers: [] }))).toEqual([
      ['the roaming deal', 'It will, for'],
      ['and the price', 'It does.'],
    ]);
  });
});

describe('an interviewer who addresses the guest before the question', () => {
  it('reads "Name, where are you now:" as a question, not as a speaker label with a role', () => {
    const guest = meta({ speakers: [{ name: 'Marta Lind', role: 'Commissioner' }] });
    const text = doc(
      'Frau Lind, wo erreiche ich Sie gerade: in Brüssel oder schon in Kiew?',
      'Ich bin in Kiew, seit heute Morgen.',
      'Anna, where are you now: still in the negotiating room?',
      'No, we finished an hour ago.',
    );
    expect(pairs(text, guest)).toEqual([
      ['Frau Lind, wo', 'Ich bin in'],
      ['Anna, where are', 'No, we finished'],
    ]);
  });

  it('still reads "Name, Outlet:" and "Name, role:" as labels', () => {
    const text = doc(
      'Paul Ferry, Radio Nord: Will the fund be ready by June?',
      'Ilse Vandamme, Commissioner for Transport: Yes, it will.',
    );
    expect(pairs(text, mayor)).toEqual([['Will the fund', 'Yes, it will.']]);
  });
});
