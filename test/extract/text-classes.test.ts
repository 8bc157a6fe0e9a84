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
