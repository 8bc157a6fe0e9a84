import { describe, expect, it } from 'vitest';
import { extractPlainText } from '../../src/extract/plain-text.js';

const lines = (...l: string[]) => extractPlainText(l.join('\n'));

describe('capture junk around the text', () => {
  it('drops a capture tool’s "date YYYY-MM" stamp glued before the first paragraph', () => {
    const r = lines(
      'date 2023-05 Der Minister sprach lange über die Reform, die im Herbst kommen soll, und ihre Kosten.',
    );
    expect(r.text).toBe(
      'Der Minister sprach lange über die Reform, die im Herbst kommen soll, und ihre Kosten.',
    );
  });
});

describe('who speaks, from the lead', () => {
  it('does not list the interviewer the lead names after "conducted by" or "interviewed by"', () => {
    const r = lines(
      'Interview with Radio Nord',
      '',
      'Interview with Oskar Lindqvist, Minister of Fisheries, conducted by Lena Holm on 3 May 2024.',
      '',
      'Minister, will the quotas be cut? I ask because the fleet is worried about it.',
    );
    expect(r.meta.speakers.map((s) => s.name)).toEqual(['Oskar Lindqvist']);
  });
});

describe('the title among site chrome', () => {
  const speech =
    'Good morning. The ministers agreed today on a new plan for the ports of the north and the south.';
  it.each([
    [
      'a menu with & and €uro tokens',
      'Start Markets Research & Data Banking Supervision The €uro Careers Contact Us',
    ],
    [
      'a menu in lower and upper case',
      'Accueil Actualités Recherche et données Politique monétaire Marchés et paiements Emplois',
    ],
    ['a lower-case share bar', 'facebook twitter linkedin email whatsapp'],
    ['a menu in another script', 'Главная Новости Пресс-центр Документы Контакты'],
    ['a language field', 'Other available languages: none'],
    ['a breadcrumb ending at the top page', 'Ministry of Ports > Press room > top page'],
    ['a geo-block notice', 'This video is not available in your region'],
    ['the site’s own name', 'Official website of the Ministry of Ports'],
  ])('skips %s', (_what, chrome) => {
    const r = lines(chrome, '', 'Press remarks by Minister Oskar Lindqvist on the ports plan', '', speech);
    expect(r.meta.title).toBe('Press remarks by Minister Oskar Lindqvist on the ports plan');
    expect(r.text).toBe(speech);
  });

  it.each([
    ['PORTNEWS: Press remarks by Minister Oskar Lindqvist on the ports plan'],
    ['Press remarks by Minister Oskar Lindqvist on the ports plan - Port News Skip to content'],
    ['Press remarks by Minister Oskar Lindqvist on the ports plan (video)'],
  ])('takes the site’s name off "%s"', (line) => {
    expect(lines(line, '', speech).meta.title).toBe(
      'Press remarks by Minister Oskar Lindqvist on the ports plan',
    );
  });

  it('joins a title wrapped onto a line that starts with "by"', () => {
    const r = lines(
      'Joint press conference on the ports plan',
      'by Minister Oskar Lindqvist and Commissioner Eva Lind',
      '',
      speech,
    );
    expect(r.meta.title).toBe(
      'Joint press conference on the ports plan by Minister Oskar Lindqvist and Commissioner Eva Lind',
    );
  });

  it('takes a title in another language’s word for interview', () => {
    const r = lines(
      'Entretien avec Radio Nord',
      '',
      'Madame la ministre, les ports vont-ils fermer cet hiver, comme on le dit à Paris ?',
    );
    expect(r.meta.title).toBe('Entretien avec Radio Nord');
  });
});

describe('where the remarks were given', () => {
  const title = 'Press remarks by Minister Oskar Lindqvist after the meeting';
  it('reads "here, in City" in the speech, also beyond the first paragraphs', () => {
    const r = lines(
      title,
      '',
      'Good afternoon.',
      '',
      'We had a long day.',
      '',
      'The ministers discussed the ports.',
      '',
      'They also discussed the fleet.',
      '',
      'I am glad that we could meet here, in Tallinn, for the first time.',
    );
    expect(r.meta.place).toBe('Tallinn');
  });

  it('reads a "Lieu:" field with the kind of place and the country after the city', () => {
    const r = lines(
      title,
      'Lieu: Lyon (town), France',
      '',
      'Good afternoon. We met today to agree on the ports plan.',
    );
    expect(r.meta.place).toBe('Lyon');
  });

  it('knows the small towns that host recurring forums (Sintra, Alpbach)', () => {
    const r = lines(
      'Opening speech by President Mara Quist at the Forum on Central Banking',
      'Sintra, 30 June 2025',
      '',
      'Good morning. It is a pleasure to open this year’s forum.',
    );
    expect(r.meta.place).toBe('Sintra');
  });

  it('knows the capitals by the names other languages give them', () => {
    const r = lines(
      'Conférence de presse du ministre Oskar Lindqvist',
      'Varsovie, le 3 mai 2024',
      '',
      'Bonjour. Nous avons parlé des ports et de la flotte.',
    );
    expect(r.meta.place).toBe('Varsovie');
  });

  it('does not take the city of a correspondent in the lead for the place of the remarks', () => {
    const r = lines(
      'Entrevista con el ministro Oskar Lindqvist',
      '',
      'En una entrevista con la corresponsal de la radio en Berlín, el ministro Oskar Lindqvist habló de los puertos.',
      '',
      '¿Van a cerrar los puertos este invierno, como se dice en el norte del país?',
    );
    expect(r.meta.place).toBeNull();
  });

  it('does not list a city at the end of a dateline as a speaker', () => {
    const r = lines(
      'Joint news conference after the ports summit',
      'June 4, 2024, St Petersburg',
      '',
      'Good afternoon. The summit has just ended.',
    );
    expect(r.meta.place).toBe('St Petersburg');
    expect(r.meta.speakers).toEqual([]);
  });
});

describe('who speaks, from titles and leads without a role word', () => {
  const speech = '',
    body =
      'Good morning. We agreed today on the ports plan, and I am glad that Oskar Lindqvist could join us.';
  const names = (...l: string[]) => lines(...l).meta.speakers.map((s) => s.name);
  it.each([
    ['Oskar Lindqvist’s remarks at the ports summit'],
    ['An Interview with Oskar Lindqvist'],
    ['Oskar Lindqvist Speaks at the Ports Summit'],
  ])('names the speaker of "%s"', (title) => {
    expect(names(title, speech, body)).toContain('Oskar Lindqvist');
  });

  it('names both speakers of a joint statement', () => {
    expect(
      names('Joint statement of Oskar Lindqvist and Eva Lind on the ports plan', '', body).sort(),
    ).toEqual(['Eva Lind', 'Oskar Lindqvist']);
  });

  it('does not take the outlet of "Interview with <outlet>" for a speaker', () => {
    expect(names('Interview with Radio Nord', '', body)).not.toContain('Radio Nord');
  });

  it.each([
    [
      'a compound role',
      'Kommissionspräsident Oskar Lindqvist hat am Montag die Häfen besucht und mit den Arbeitern gesprochen.',
    ],
    [
      'a lower-case role in running text',
      'Su presidente Oskar Lindqvist hace balance de un año difícil para los puertos del norte.',
    ],
    [
      'a role after "as"',
      'Speaking as President of the Eurogroup, Oskar Lindqvist told reporters that the ports plan is ready.',
    ],
    [
      'a verb of saying in another language',
      'Oskar Lindqvist a déclaré lundi que le plan pour les ports était prêt et financé.',
    ],
  ])('names the speaker a lead gives with %s', (_what, lead) => {
    expect(
      names('Ports plan agreed', '', lead, '', 'We have done it. The plan is ready, and the money is there.'),
    ).toContain('Oskar Lindqvist');
  });

  it('names the person a lead is about when nothing else names a speaker', () => {
    const r = names(
      'Ports plan agreed',
      '',
      'Am Ende findet Oskar Lindqvist noch ein paar deutsche Worte für die Hafenarbeiter.',
      '',
      '„Wir haben es geschafft“, sagt Lindqvist. Der Plan sei fertig, sagt Lindqvist.',
    );
    expect(r).toEqual(['Oskar Lindqvist']);
  });

  it('names the speaker of a shot list line with a time code, and a signature under a speech', () => {
    expect(
      names(
        'Ports plan: video news release',
        '',
        '00:00:11 Oskar Lindqvist, head of the ports agency, saying (in Swedish): “The plan is ready.”',
      ),
    ).toContain('Oskar Lindqvist');
    expect(
      names(
        'Statement on the ports plan',
        '',
        'Dear friends,',
        '',
        'the plan is ready.',
        '',
        'Thank you.',
        '',
        'Eva Lind',
      ),
    ).toContain('Eva Lind');
  });
});

describe('the date of the remarks, not of the page', () => {
  it.each([['Tuesday 3 June 2025 | 10:42'], ['03/06/2025 | Press release']])(
    'prefers the date the lead gives to a mirror’s stamp "%s"',
    (stamp) => {
      const r = lines(
        'Press remarks by Minister Oskar Lindqvist on the ports plan',
        stamp,
        '',
        'Minister Oskar Lindqvist spoke to the press on 28 May 2025 after the meeting of the ports council.',
        '',
        'Good afternoon. We agreed on the plan.',
      );
      expect(r.meta.date).toBe('2025-05-28');
    },
  );

  it.each([
    ['a clock stamp', 'Tuesday 3 June 2025 | 10:42'],
    ['a clock stamp in numbers', '03/06/2025 | 10:42'],
    ['a video page’s upload line', 'Published: June 3, 2025 Duration: 00:12:40 Category: News'],
  ])('does not date the remarks by %s when nothing else dates them', (_what, stamp) => {
    const r = lines(
      'Press remarks by Minister Oskar Lindqvist',
      stamp,
      '',
      'Good afternoon. We agreed on the plan for the ports of the north and the south.',
    );
    expect(r.meta.date).toBeNull();
  });

  it('does not date the remarks by the date of a byline block (by Name / Outlet / date)', () => {
    const r = lines(
      'by Lena Holm',
      'Nordic Ledger',
      'June 3, 2025',
      'During a long interview in his office, the minister explained how the ports plan came about.',
      '',
      'Minister, how did the plan come about? It took us two years of talks with the harbours.',
    );
    expect(r.meta.date).toBeNull();
  });

  it.each([
    [
      'English',
      'Interview with Oskar Lindqvist, conducted by Lena Holm on 26 May and published on 2 June 2025',
    ],
    [
      'German',
      'Interview mit Oskar Lindqvist, geführt von Lena Holm am 26. Mai und veröffentlicht am 2. Juni 2025',
    ],
    ['French', 'Entretien avec Oskar Lindqvist, réalisé le 26 mai et publié le 2 juin 2025'],
  ])('dates an interview by the day it was conducted, not published (%s)', (_lang, line) => {
    const r = lines(
      'Interview with Radio Nord',
      '',
      line,
      '',
      'Minister, will the quotas be cut this year, or next year?',
    );
    expect(r.meta.date).toBe('2025-05-26');
  });

  it('dates a live blog by the date heading above its title', () => {
    const r = lines(
      'Thursday, March 5, 2026',
      '',
      'Ports council: talks on the plan – live updates',
      '',
      '7.42pm GMT The minister says the plan will be adopted next month, after one more round of talks with the harbours. 7.30pm GMT Questions now: will the north get more money than the south? The minister says both get the same.',
    );
    expect(r.meta.date).toBe('2026-03-05');
  });

  it.each([['Radio Nord, 23.05.2025'], ['(Radio Nord, 23 May 2025)']])(
    'dates the remarks by a credit line under the interview ("%s")',
    (credit) => {
      const r = lines(
        'Oskar Lindqvist: Herr Minister, werden die Quoten gekürzt? Nein, das werden sie nicht.',
        '',
        'Lena Holm: Warum nicht? Die Flotte ist doch viel zu groß geworden in den letzten Jahren.',
        '',
        'Oskar Lindqvist: Weil wir die Flotte schon verkleinert haben, und zwar um ein Viertel.',
        '',
        credit,
      );
      expect(r.meta.date).toBe('2025-05-23');
    },
  );
});

describe('a page header a capture flattened onto one line', () => {
  it.each([
    [
      'a share counter, a clock stamp and a share prompt',
      'date 2024-03 Anna Berg: Interview with Radio Nord 0 04/03/2024 | 08:15 Send by email :',
    ],
    ['a clock stamp alone', 'Anna Berg: Interview with Radio Nord 04.03.2024 | 8.15'],
  ])('takes the title out of %s, and the speaker from it; the stamp dates nothing', (_what, line) => {
    const r = lines(
      line,
      '',
      'Minister, thank you for coming. Will the quotas be cut this year, as the fleet fears?',
    );
    expect(r.meta.title).toBe('Anna Berg: Interview with Radio Nord');
    expect(r.meta.speakers.map((s) => s.name)).toEqual(['Anna Berg']);
    expect(r.meta.date).toBeNull();
  });

  it.each([
    [
      'English',
      'Interview with Radio NordInterview with Anna Berg, Minister of Fisheries, conducted on 3 May 2024.',
      'Interview with Radio Nord',
    ],
    [
      'German',
      'Interview mit Radio NordInterview mit Anna Berg, Ministerin für Fischerei, geführt am 3. Mai 2024.',
      'Interview mit Radio Nord',
    ],
  ])('cuts a title glued to a lead that repeats its first word (%s)', (_lang, line, title) => {
    const r = lines(
      line,
      '',
      'Frau Berg, werden die Quoten gekürzt? Nein, das werden sie nicht, sagt die Ministerin.',
    );
    expect(r.meta.title).toBe(title);
  });
});

describe('where the remarks were given: more shapes', () => {
  const ask = 'Minister, where are you now, and how is the fleet doing this week?';
  it.each([
    ['I am', 'I am in Tallinn today, at the harbour, and the fleet is doing well this week.', 'Tallinn'],
    [
      'German, with words between',
      'Ich bin in der Zentrale des Ministeriums in Tallinn, und die Flotte ist im Hafen.',
      'Tallinn',
    ],
    ['French', 'Je suis à Tallinn aujourd’hui, au port, et la flotte va bien cette semaine.', 'Tallinn'],
  ])('reads where the speaker says they are (%s)', (_what, answer, place) => {
    expect(lines(ask, '', answer).meta.place).toBe(place);
  });

  it('does not read a city the speaker works with from "we are working with partners in …"', () => {
    const r = lines(
      ask,
      '',
      'We are working closely with our partners in Tallinn on the new quotas for the fleet.',
    );
    expect(r.meta.place).toBeNull();
  });

  it.each([
    ['Press briefing in Tallinn. 12:04. Chief Spokesperson Anna Berg.'],
    ['Notes from the press conference in Tallinn, as heard from the room.'],
  ])('reads the event’s city from an early line ("%s")', (line) => {
    const r = lines(
      line,
      '',
      'Anna: the fleet will get new quotas next month, after the talks with the harbours.',
    );
    expect(r.meta.place).toBe('Tallinn');
  });

  it('reads an interview held in the speaker’s office, not an office named as a posting', () => {
    const held = lines(
      'During a long interview in his office in Tallinn, the minister explained how the ports plan came about and what comes next.',
      '',
      'Minister, how did the plan come about? It took us two years.',
    );
    expect(held.meta.place).toBe('Tallinn');
    const posted = lines(
      'The interview was held by phone: the minister has turned his office in Tallinn into a crisis room open day and night.',
      '',
      'Minister, how did the plan come about? It took us two years.',
    );
    expect(posted.meta.place).toBeNull();
  });

  it('does not take the city of a biographic parenthesis (born in, age)', () => {
    const r = lines(
      'Anna Berg (Tallinn, 61 años) lleva cien días en el ministerio y ya ha tenido que enfrentarse a la peor crisis de la flota en décadas',
      '',
      'Pregunta. ¿Está la flota en condiciones de afrontarla?',
      '',
      'Respuesta. Sí, lo está, y lo estará también el año que viene.',
    );
    expect(r.meta.place).toBeNull();
  });

  it.each([['Lena Holm/Agence France-Presse/Getty Images'], ['Photo: Lena Holm (Reuters)']])(
    'drops a photo caption and its agency credit ("%s"): the caption’s city is not the place',
    (credit) => {
      const r = lines(
        'Interview with Anna Berg: the full transcript',
        '',
        'Anna Berg spoke at a news conference after her re-election on Monday in Tallinn.',
        credit,
        '',
        'Minister, congratulations. What comes first in your second term, the fleet or the harbours?',
      );
      expect(r.meta.place).toBeNull();
      expect(r.text).toBe(
        'Minister, congratulations. What comes first in your second term, the fleet or the harbours?',
      );
    },
  );
});

describe('who speaks: more shapes', () => {
  const names = (...l: string[]) => lines(...l).meta.speakers.map((s) => s.name);
  const reply = 'Thank you. The fleet will get new quotas next month, after the talks with the harbours.';

  it.each([
    [
      'a role of a country before the name',
      'President of Norland Oskar Lindqvist: Good afternoon, ladies and gentlemen.',
    ],
    [
      'a role, its institution and a portfolio',
      'En una entrevista, el Alto Representante de la UE para Asuntos Exteriores, Oskar Lindqvist, aborda los desafíos del semestre.',
    ],
    [
      'an English portfolio',
      'In an interview, the EU High Representative for Foreign Affairs and Security Policy, Oskar Lindqvist, looks at the months ahead.',
    ],
    [
      'a role in lower case after the name',
      'During a long interview, Oskar Lindqvist, chairman of the eurogroup, recounted the negotiations.',
    ],
  ])('reads %s', (_what, line) => {
    expect(names(line, '', reply)).toContain('Oskar Lindqvist');
  });

  it('reads a lead that quotes the speaker in the first person', () => {
    expect(
      names(
        'Le président de l’Eurogroupe Oskar Lindqvist a déclaré lundi qu’il ne pouvait exclure une réduction. "Je n’exclus rien", a-t-il dit à la radio.',
        '',
        'Prié de dire s’il faudrait aller plus loin, le président a répondu que les chefs d’Etat continuaient de discuter.',
      ),
    ).toEqual(['Oskar Lindqvist']);
  });

  it('ends a name at a full stop ("Chief Spokesperson Anna Berg. Just one announcement.")', () => {
    expect(
      names('Press briefing. Chief Spokesperson Anna Berg. Just one announcement today.', '', reply),
    ).toEqual(['Anna Berg']);
  });

  it.each([
    ['Hello Margit, we are very happy to have you with us today. What are your main achievements?', 'Margit'],
    [
      'Bonjour Oskar LINDQVIST. Vous publiez un livre, et vous dites que l’Europe manque de courage.',
      'Oskar Lindqvist',
    ],
  ])('names the guest an interview opens by greeting ("%s")', (first, name) => {
    expect(
      names(first, '', 'Well, thank you. We changed the way we work, and we have more people to do it.'),
    ).toEqual([name]);
  });

  it.each([
    ['Good morning, ladies and gentlemen. We met today.'],
    ['Good evening Europe, and welcome to the debate.'],
  ])('names nobody from a greeting to the audience ("%s")', (first) => {
    expect(
      names(first, '', 'The ministers agreed on the quotas, and the fleet will get them next month.'),
    ).toEqual([]);
  });

  it('reads the Name SURNAME.- labels of a press interview, not the outlet’s', () => {
    expect(
      names(
        'NORD POSTEN.- Le prochain sommet va accueillir un nouveau venu. Comment allez-vous le convaincre ?Oskar LINDQVIST.- Je ne suis pas sûr qu’il en ait envie. Je lui ai parlé lundi.',
      ),
    ).toEqual(['Oskar Lindqvist']);
  });

  it('reads SubRip cues flattened into the text as nothing but their words', () => {
    const r = lines(
      '1 00:00:00,000 --> 00:00:05,120 Hello Margit, we are very happy to have you with us. What are 2 00:00:05,120 --> 00:00:09,400 your main achievements? We changed the way we work.',
    );
    expect(r.text).toBe(
      'Hello Margit, we are very happy to have you with us. What are your main achievements? We changed the way we work.',
    );
  });
});

describe('the title among site chrome: more shapes', () => {
  const answer =
    '-Bonjour. Le livre dit ce que je pense : l’Europe manque de courage, et il faut le dire aux candidats.';
  it('takes a programme page titled by the guest’s name, past a sign-up pitch and a geo-block notice in French', () => {
    const r = lines(
      'Ouvrir Menu',
      'Pas encore inscrit ?',
      'Créez vos alertes selon vos préférences, partagez vos contenus favoris, et accédez à vos recommandations personnalisées',
      '  • Ce programme n’est malheureusement pas disponible pour votre zone géographique.',
      '    Découvrez d’autres programmes disponibles dans les recommandations ci-dessous.',
      '  • L’invité',
      'Oskar Lindqvist',
      'Invité : Oskar Lindqvist, commissaire européen aux Affaires économiques. Il publie un livre et demande une réforme.',
      '',
      '-Bonjour Oskar LINDQVIST.',
      '',
      answer,
    );
    expect(r.meta.title).toBe('Oskar Lindqvist');
    expect(r.meta.speakers.map((s) => s.name)).toEqual(['Oskar Lindqvist']);
  });

  it('does not take a name that labels the turns below for the title', () => {
    const r = lines(
      'Lena Holm',
      'Oskar Lindqvist, bonjour ! Vous quittez bientôt la présidence du conseil. Quel est votre meilleur souvenir ?',
      'Oskar Lindqvist',
      'Mon meilleur souvenir, c’est la cérémonie à Oslo, quand nous avons reçu le prix au nom de tous.',
      'Lena Holm',
      'Et aujourd’hui, faut-il s’inquiéter de la situation à l’est ?',
    );
    expect(r.meta.title).toBeNull();
  });
});
