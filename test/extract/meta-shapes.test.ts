import { describe, expect, it } from 'vitest';
import { extractPlainText } from '../../src/extract/plain-text.js';

/**
 * Metadata written in shapes the corpus lacks: datelines in six languages, the place in an intro
 * sentence, speakers listed in a field, roles in other languages, several speakers in one title.
 * Each transcript is made up; the text around the metadata is the same plain speech.
 */
const doc = (...paragraphs: string[]) => extractPlainText(paragraphs.join('\n\n'));
const meta = (...paragraphs: string[]) => {
  const m = doc(...paragraphs).meta;
  return { title: m.title, date: m.date, place: m.place, speakers: m.speakers.map((s) => s.name) };
};

const EN = [
  'Good afternoon. We agreed today on a package of €2 billion for the grids, and on the rules for storage.',
  'Question: When will the money be paid out, and to whom?',
  'The first payments come next year. The member states will decide which projects go first.',
];
const FR = [
  'Mesdames et messieurs, bonjour. Nous avons adopté aujourd’hui un paquet de 2 milliards d’euros pour les réseaux.',
  'Question : Quand l’argent sera-t-il versé ?',
  'Les premiers paiements arriveront l’an prochain.',
];
const DE = [
  'Guten Tag. Wir haben heute ein Paket von zwei Milliarden Euro für die Netze beschlossen, und die Regeln für die Speicher.',
  'Frage: Wann wird das Geld ausgezahlt?',
  'Die ersten Zahlungen kommen im nächsten Jahr.',
];
const ES = [
  'Buenas tardes. Hemos acordado hoy un paquete de 2.000 millones de euros para las redes.',
  'Pregunta: ¿Cuándo se pagará el dinero?',
  'Los primeros pagos llegarán el año que viene.',
];
const IT = [
  'Buongiorno a tutti. Abbiamo approvato oggi un pacchetto di 2 miliardi di euro per le reti.',
  'Domanda: Quando saranno pagati i fondi?',
  'I primi pagamenti arriveranno l’anno prossimo.',
];
const PT = [
  'Bom dia a todos. Aprovámos hoje um pacote de 2 mil milhões de euros para as redes elétricas.',
  'Pergunta: Quando será pago o dinheiro?',
  'Os primeiros pagamentos chegam no próximo ano.',
];
const NL = [
  'Goedemiddag. We hebben vandaag een pakket van 2 miljard euro voor de netten afgesproken.',
  'Vraag: Wanneer wordt het geld uitbetaald?',
  'De eerste betalingen komen volgend jaar.',
];

describe('datelines in the sources’ languages', () => {
  it.each([
    [
      'a numeric date alone',
      'Remarks by Commissioner Ilona Varga after the Energy Council',
      '03/03/2026',
      EN,
      null,
    ],
    [
      'a Portuguese date',
      'Declaração do ministro João Almeida após o Conselho de Energia',
      'Lisboa, 3 de março de 2026',
      PT,
      'Lisboa',
    ],
    [
      'a Spanish date',
      'Comparecencia de la vicepresidenta Carmen Ruiz tras el Consejo de Energía',
      'Madrid, 3 de marzo de 2026',
      ES,
      'Madrid',
    ],
    [
      'a German date with "den"',
      'Pressekonferenz von Bundeskanzlerin Eva Weber nach dem Europäischen Rat',
      'Brüssel, den 3. März 2026',
      DE,
      'Brüssel',
    ],
    [
      'a French date with "le"',
      'Déclaration de la commissaire Ilona Varga à l’issue du Conseil Énergie',
      'Bruxelles, le 3 mars 2026',
      FR,
      'Bruxelles',
    ],
    [
      'an Italian date',
      'Dichiarazione del ministro Paolo Rinaldi dopo il Consiglio Energia',
      'Roma, 3 marzo 2026',
      IT,
      'Roma',
    ],
    [
      'a date before the place',
      'Remarks by President Jonas Lind at the Western Balkans summit',
      '3 March 2026 – Tirana',
      EN,
      'Tirana',
    ],
    [
      'a US date after the place',
      'Remarks by President Jonas Lind at the Western Balkans summit',
      'Tirana, March 3, 2026',
      EN,
      'Tirana',
    ],
  ])('reads %s', (_what, title, dateline, speech, place) => {
    const m = meta(title, dateline, ...speech);
    expect(m.title).toBe(title);
    expect(m.date).toBe('2026-03-03');
    expect(m.place).toBe(place);
  });

  it('reads a weekday before the date in the lead ("on Tuesday, 3 March 2026")', () => {
    const m = meta(
      'Lind: Balkans must not wait any longer',
      'TIRANA, March 3 (Eurowire) - The President of the European Council, Jonas Lind, told reporters on Tuesday, 3 March 2026, that the region could not wait.',
      ...EN,
    );
    expect(m.date).toBe('2026-03-03');
    expect(m.speakers).toContain('Jonas Lind');
  });
});

describe('the place in an intro sentence', () => {
  it.each([
    [
      'English',
      'Commissioner Varga on the storage rules',
      'Speaking to reporters in Vienna on 3 March 2026, Commissioner Ilona Varga said the rules would be ready by the summer.',
      EN,
      'Vienna',
    ],
    [
      'German',
      'Kommissarin Varga zu den Speicherregeln',
      'Die EU-Energiekommissarin Ilona Varga hat am 3. März 2026 in Wien vor Journalisten die neuen Regeln vorgestellt.',
      DE,
      'Wien',
    ],
    [
      'French',
      'La commissaire Varga présente les règles de stockage',
      'Lors d’une conférence de presse à Rabat le 3 mars 2026, la commissaire Ilona Varga a présenté les nouvelles règles.',
      FR,
      'Rabat',
    ],
    [
      'Portuguese',
      'Ministro João Almeida sobre a energia',
      'O ministro João Almeida falou aos jornalistas em Lisboa, no dia 3 de março de 2026, depois do Conselho.',
      PT,
      'Lisboa',
    ],
    [
      'Italian',
      'Il ministro Rinaldi sulle reti',
      'Il ministro Paolo Rinaldi ha parlato a Roma, il 3 marzo 2026, dopo la riunione del Consiglio.',
      IT,
      'Roma',
    ],
    [
      'English, "held in"',
      'Remarks by President Jonas Lind after the summit',
      'The following remarks were delivered at the press conference held in Tallinn on 3 March 2026.',
      EN,
      'Tallinn',
    ],
  ])(
    'reads it in %s, with the date and a headline without a title word',
    (_lang, title, intro, speech, place) => {
      const m = meta(title, intro, ...speech);
      expect(m).toMatchObject({ title, date: '2026-03-03', place });
      expect(m.speakers.length).toBe(1);
    },
  );

  it('reads a French "à" after a word, and a city whose name holds a hyphen or an apostrophe', () => {
    expect(
      meta(
        'La commissaire Varga présente les règles de stockage',
        'La commissaire Ilona Varga a pris la parole à Rabat le 3 mars 2026, devant les journalistes.',
        ...FR,
      ).place,
    ).toBe('Rabat');
    expect(
      meta(
        'Commissioner Varga on the storage rules',
        'Speaking to reporters in Cluj-Napoca on 3 March 2026, Commissioner Ilona Varga said the rules were ready.',
        ...EN,
      ).place,
    ).toBe('Cluj-Napoca');
    expect(
      meta(
        'Il ministro Rinaldi sulle reti',
        'Il ministro Paolo Rinaldi ha parlato a L’Aia, il 3 marzo 2026, dopo la riunione del Consiglio.',
        ...IT,
      ).place,
    ).toBe('L’Aia');
  });

  it('reads where a French speaker says they are ("d’être à Rabat")', () => {
    const m = meta(
      'Discours de la commissaire Varga',
      'Rabat, le 3 mars 2026',
      'Mesdames et messieurs, quel plaisir d’être à Genève aujourd’hui avec vous.',
      ...FR,
    );
    expect(m.place).toBe('Rabat');
    expect(
      meta(
        'Discours de la commissaire Varga',
        'Mesdames et messieurs, quel plaisir d’être à Genève aujourd’hui avec vous.',
        ...FR,
      ).place,
    ).toBe('Genève');
  });

  it('does not read "a Paris-based" or an English article as an Italian "a"', () => {
    const m = meta(
      'Commissioner Varga on the storage rules',
      'A Paris-based think tank said on 3 March 2026 that the rules were too weak.',
      ...EN,
    );
    expect(m.place).toBeNull();
  });
});

describe('speakers listed in a field', () => {
  const both = ['Ilona Varga', 'Piotr Nowak'];
  it.each([
    [
      'one line with brackets',
      ['Speakers: Ilona Varga (European Commission), Piotr Nowak (Polish Presidency)'],
      EN,
      both,
    ],
    [
      'one line with roles after ";"',
      ['With: Ilona Varga, European Commissioner for Energy; Piotr Nowak, Polish Minister of Climate'],
      EN,
      both,
    ],
    ['lines under the label', ['Speakers:', 'Ilona Varga', 'Piotr Nowak'], EN, both],
    [
      'bullets under a label without a colon',
      [
        'Participants',
        '• Ilona Varga, Commissioner for Energy',
        '• Piotr Nowak, Minister of Climate of Poland',
      ],
      EN,
      both,
    ],
    [
      'French "Intervenants :"',
      ['Intervenants : Ilona Varga, commissaire à l’énergie ; Piotr Nowak, ministre polonais du climat'],
      FR,
      both,
    ],
    [
      'German "Mit:" with lower-case roles and "und"',
      ['Mit: Ilona Varga, EU-Energiekommissarin, und Piotr Nowak, polnischer Klimaminister'],
      DE,
      both,
    ],
    [
      'Spanish "Ponentes:" with a portfolio after "de"',
      ['Ponentes: Carmen Ruiz, vicepresidenta del Gobierno; Ilona Varga, comisaria de Energía'],
      ES,
      ['Carmen Ruiz', 'Ilona Varga'],
    ],
  ])('reads %s', (_what, field, speech, speakers) => {
    const m = meta(
      'Press conference following the Energy Council',
      'Brussels, 3 March 2026',
      ...field,
      ...speech,
    );
    expect(m.speakers).toEqual(speakers);
    expect(m.title).toBe('Press conference following the Energy Council');
    expect(doc('Press conference following the Energy Council', ...field, ...speech).text).not.toContain(
      field[field.length - 1],
    );
  });

  it('takes no name from a "With:" line that lists topics', () => {
    expect(
      meta('Press conference following the Energy Council', 'With: questions and answers', ...EN).speakers,
    ).toEqual([]);
  });
});

describe('roles in other languages, and several speakers', () => {
  it.each([
    [
      'Dutch roles',
      'Persconferentie van minister-president Pieter de Vries en eurocommissaris Ilona Varga',
      NL,
      ['Pieter de Vries', 'Ilona Varga'],
    ],
    [
      'an Italian vice-president of an institution',
      'Conferenza stampa della vicepresidente della Commissione Giulia Ferri',
      IT,
      ['Giulia Ferri'],
    ],
    [
      'a German state secretary',
      'Rede von Staatssekretärin Johanna Keller beim Europaforum',
      DE,
      ['Johanna Keller'],
    ],
    [
      'a French secretary of state',
      'Discours de la secrétaire d’État Claire Dubois au forum européen',
      FR,
      ['Claire Dubois'],
    ],
    [
      'a Portuguese commissioner with "Europeia"',
      'Intervenção da Comissária Europeia Marta Sousa na conferência de imprensa',
      PT,
      ['Marta Sousa'],
    ],
    [
      'a Spanish vice-president',
      'Comparecencia de la vicepresidenta Carmen Ruiz tras el Consejo de Energía',
      ES,
      ['Carmen Ruiz'],
    ],
    [
      'three speakers, each with a role',
      'Joint press conference by Prime Minister Anna Berg, President Jonas Lind and Chancellor Eva Weber',
      EN,
      ['Anna Berg', 'Jonas Lind', 'Eva Weber'],
    ],
    [
      'two under one plural role',
      'Press conference by Commissioners Ilona Varga and Marek Dvořák on the grid package',
      EN,
      ['Ilona Varga', 'Marek Dvořák'],
    ],
  ])('reads %s', (_what, title, speech, speakers) => {
    const m = meta(title, 'Brussels, 3 March 2026', ...speech);
    expect(m.title).toBe(title);
    expect([...m.speakers].sort()).toEqual([...speakers].sort());
  });

  it('does not take a portfolio after a role for a name ("comisaria de Energía")', () => {
    expect(
      meta('Rueda de prensa de la comisaria de Energía', 'Bruselas, 3 de marzo de 2026', ...ES).speakers,
    ).toEqual([]);
  });
});

describe('more datelines, fields and names', () => {
  const title = 'Remarks by President Jonas Lind at the Western Balkans summit';
  const expected = { title, date: '2026-03-03', place: 'Tirana', speakers: ['Jonas Lind'] };
  it.each([
    ['a dateline in capitals', ['TIRANA, 3 MARCH 2026']],
    ['a city in capitals', ['TIRANA, 3 March 2026']],
    ['a two-digit year after dots', ['Tirana, 03.03.26']],
    ['a year-first date with slashes', ['Tirana, 2026/03/03']],
    ['an ordinal day', ['Tirana, 3rd March 2026']],
    ['"Date:" and "Location:" fields', ['Date: 3 March 2026', 'Location: Tirana']],
    ['a "Venue:" field ending with the city', ['3 March 2026', 'Venue: Palace of Congresses, Tirana']],
    [
      'a document-type kicker and reference above the title',
      ['Tirana, 3 March 2026'],
      ['Statement', 'STATEMENT/26/123'],
    ],
  ])('reads %s', (_what, lines, above: string[] = []) => {
    expect(meta(...above, title, ...lines, ...EN)).toEqual(expected);
  });

  it('reads a German "Datum:"/"Ort:" header', () => {
    const t = 'Rede von Präsident Jonas Lind beim Westbalkan-Gipfel';
    expect(meta(t, 'Datum: 3. März 2026', 'Ort: Tirana', ...DE)).toEqual({ ...expected, title: t });
  });

  it('reads the speaker of a title in capitals', () => {
    const t = 'REMARKS BY PRESIDENT JONAS LIND AT THE WESTERN BALKANS SUMMIT';
    expect(meta(t, 'Tirana, 3 March 2026', ...EN).speakers).toEqual(['Jonas Lind']);
  });

  it('reads a name after a courtesy title ("by Mr Jonas Lind, President of …")', () => {
    const t = 'Remarks by Mr Jonas Lind, President of the European Council, at the Western Balkans summit';
    expect(meta(t, 'Tirana, 3 March 2026', ...EN).speakers).toEqual(['Jonas Lind']);
  });

  it('reads a role of a country before a comma ("the Prime Minister of Albania, Edi Hoxha,")', () => {
    const m = meta(
      'Press conference after the Western Balkans summit',
      'Tirana, 3 March 2026',
      'The President of the European Council, Jonas Lind, and the Prime Minister of Albania, Edi Hoxha, held a press conference.',
      ...EN,
    );
    expect([...m.speakers].sort()).toEqual(['Edi Hoxha', 'Jonas Lind']);
  });

  it('reads a signature with the signer’s role below it, and no region in a headline as a person', () => {
    const m = meta(
      'Western Balkans: the door is open',
      'Tirana, 3 March 2026',
      'Dear friends, we agreed today on a package of €2 billion for the grids, and on the rules for storage.',
      'The door is open, and it will stay open.',
      'Jonas Lind',
      'President of the European Council',
    );
    expect(m.speakers).toEqual(['Jonas Lind']);
  });
});
