import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { extractFigures } from '../../src/figures/index.js';

/** A made-up transcript with the metadata a page around it must give. */
export interface Transcript {
  title: string;
  dateline: string;
  date: string;
  place: string;
  speakers: string[];
  paragraphs: string[];
}

export const TRANSCRIPTS: Transcript[] = [
  {
    title: 'Press remarks by Commissioner Ilona Varga after the Energy Council',
    dateline: 'Brussels, 9 February 2026',
    date: '2026-02-09',
    place: 'Brussels',
    speakers: ['Ilona Varga'],
    paragraphs: [
      'Good afternoon. Ministers agreed today on the storage rules: reserves of at least 90 days, and €3 billion for the new interconnectors.',
      'We also discussed prices. Gas prices fell by 12% since January, but they remain twice as high as before the crisis.',
      'Question: Commissioner, when will the first interconnector open, and who will pay for it?',
      'Commissioner Varga: The first one opens in 2028. The facility pays half of it, the member states the rest.',
      'Question: Do all 27 member states support the storage rules?',
      'Commissioner Varga: Twenty-five voted in favour. Two abstained. That is a very broad majority.',
    ],
  },
  {
    title: 'Doorstep by High Representative Tomas Lindgren before the Foreign Affairs Council',
    dateline: 'Luxembourg, 20 October 2025',
    date: '2025-10-20',
    place: 'Luxembourg',
    speakers: ['Tomas Lindgren'],
    paragraphs: [
      'Good morning. Today we will discuss the support to our partners in the east and the situation in the Red Sea.',
      'On the first point, I will propose a new tranche of €2 billion, and the training of 15,000 more soldiers this year.',
      'On the Red Sea, our naval operation has protected more than 400 ships since it started.',
      'Question: Will the ministers agree on the tranche today?',
      'High Representative Lindgren: I hope so. Most ministers support it, and I will do my best to convince the others.',
    ],
  },
  {
    title: 'Conférence de presse de la présidente Hélène Marchetti à l’issue du sommet',
    dateline: 'Strasbourg, 14 mai 2026',
    date: '2026-05-14',
    place: 'Strasbourg',
    speakers: ['Hélène Marchetti'],
    paragraphs: [
      'Mesdames et messieurs, bonsoir. Le sommet s’est achevé sur un accord : 4 milliards d’euros pour la défense aérienne, et un calendrier clair.',
      'Nous avons aussi parlé de l’élargissement. Les négociations avec deux pays candidats s’ouvriront avant l’été.',
      'Question : Madame la présidente, l’accord a-t-il été unanime ?',
      'Présidente Marchetti : Oui, il l’a été, après une longue discussion. Tous les dirigeants l’ont soutenu.',
    ],
  },
];

/** The plain capture of a transcript: title, dateline, paragraphs. */
export const capture = (t: Transcript) =>
  [t.title, '', t.dateline, '', ...t.paragraphs.flatMap((p) => [p, ''])].join('\n');

/**
 * What a reader checks on a page and on the plain capture of its transcript: the text, the
 * figures in it, and the metadata (the capture's metadata replaced by the transcript's own).
 */
export function readBoth(t: Transcript, html: string) {
  const plain = extract({ body: capture(t), contentType: 'text/plain', url: null });
  const page = extract({ body: html, contentType: 'text/html', url: null });
  const figs = (text: string) => extractFigures(text, []).map((f) => `${f.kind} ${f.value}`);
  const read = (r: typeof page) => ({
    text: r.text,
    title: r.meta.title,
    date: r.meta.date,
    place: r.meta.place,
    speakers: r.meta.speakers.map((s) => s.name),
    figures: figs(r.text),
  });
  return {
    page: read(page),
    plain: { ...read(plain), title: t.title, date: t.date, place: t.place, speakers: t.speakers },
  };
}

/**
 * One test per template and transcript: the page reads like the capture. Prints each template's
 * pass rate as a Markdown table row at the end.
 */
export function describeTemplates(title: string, templates: Record<string, (t: Transcript) => string>): void {
  const rates: string[] = [];
  describe(title, () => {
    for (const [name, template] of Object.entries(templates)) {
      describe(name, () => {
        let passed = 0;
        TRANSCRIPTS.forEach((t, i) => {
          it(`transcript ${i + 1}: text, title, date, place, speakers and figures as the capture's`, () => {
            const { page, plain } = readBoth(t, template(t));
            expect(page).toEqual(plain);
            passed++;
          });
        });
        afterAll(() => rates.push(`| ${name} | ${passed}/${TRANSCRIPTS.length} |`));
      });
    }
    afterAll(() => {
      console.log(['| unseen template | pages read like the capture |', '|---|---:|', ...rates].join('\n'));
    });
  });
}
