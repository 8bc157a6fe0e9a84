import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { PermanentError } from '../../src/errors.js';

const plain = (body: string) => extract({ body, contentType: 'text/plain; charset=utf-8', url: null });

describe('plain-text captures', () => {
  it('reads an EEAS dateline block, the delivery note and the video link into metadata', () => {
    const r = plain(
      [
        'Foreign Affairs Council: Press remarks by High Representative Kaja Kallas upon arrival',
        '',
        '09.03.2026',
        'Brussels',
        'EEAS Press Team',
        '',
        'Check against delivery ! ',
        '',
        'Good morning. Today we will discuss Ukraine and the Middle East.',
        '',
        'Link to the video: https://audiovisual.ec.europa.eu/en/video/I-281234',
      ].join('\n'),
    );
    expect(r.extractor).toBe('plain-text');
    expect(r.meta).toMatchObject({
      title: 'Foreign Affairs Council: Press remarks by High Representative Kaja Kallas upon arrival',
      date: '2026-03-09',
      place: 'Brussels',
      speakers: [{ name: 'Kaja Kallas', role: 'High Representative' }],
      event: 'Foreign Affairs Council',
      videoUrl: 'https://audiovisual.ec.europa.eu/en/video/I-281234',
      checkAgainstDelivery: true,
    });
    expect(r.text).toBe('Good morning. Today we will discuss Ukraine and the Middle East.');
  });

  it.each([
    ['EEAS Website', 'Ukraine: Statement by the High Representative on the latest attacks | EEAS Website'],
    [
      'a delegation',
      'Ukraine: Statement by the High Representative on the latest attacks | Delegation of the European Union to Ukraine',
    ],
    [
      'the Council',
      'Ukraine: Statement by the High Representative on the latest attacks - Council of the European Union',
    ],
  ])('takes the site name (%s) off the end of a title', (_, titleLine) => {
    const r = plain([titleLine, '', 'We condemn these attacks in the strongest terms.'].join('\n'));
    expect(r.meta.title).toBe('Ukraine: Statement by the High Representative on the latest attacks');
  });

  it('reads a Press Corner speech capture: the document-type line is not the title, a quoted delivery note is dropped', () => {
    const r = plain(
      [
        'European Commission - Speech',
        'Speech by President von der Leyen at the European Parliament Plenary on the European Council',
        'Strasbourg, 19 March 2025',
        'SPEECH/25/801',
        '"Check against delivery"',
        'Madam President, dear Members of this House,',
        'We are living in dangerous times.',
      ].join('\n'),
    );
    expect(r.meta).toMatchObject({
      title: 'Speech by President von der Leyen at the European Parliament Plenary on the European Council',
      date: '2025-03-19',
      place: 'Strasbourg',
      checkAgainstDelivery: true,
    });
    expect(r.text).toBe('Madam President, dear Members of this House,\n\nWe are living in dangerous times.');
  });

  it('drops what a mirror adds around the transcript and keeps the title once', () => {
    const r = plain(
      [
        'Support our newsroom – make a donation today!',
        'Home News World Politics About Contact',
        'Press Releases European Council: Remarks by President António Costa upon arrival',
        'European Council: Remarks by President António Costa upon arrival',
        'Photo: EU Council audiovisual service',
        'Good morning. Leaders will discuss competitiveness today.',
        'READ  Leaders agree on new defence fund',
        'We need to decide quickly.',
        'Leave a Reply',
        'Your email address will not be published.',
        'Great speech!',
      ].join('\n'),
    );
    expect(r.meta.title).toBe('European Council: Remarks by President António Costa upon arrival');
    expect(r.meta.date).toBeNull();
    expect(r.text).toBe(
      'Good morning. Leaders will discuss competitiveness today.\n\nWe need to decide quickly.',
    );
  });

  it('reads Council bullet metadata and drops the press contacts', () => {
    const r = plain(
      [
        'Remarks by Eurogroup President Paschal Donohoe following the Eurogroup meeting of 3 March 2026',
        '  • 04/03/2026',
        '  • 00:15',
        '  • Statements and remarks',
        '  • 123/26',
        'Press contacts',
        'John Smith',
        'Eurogroup President Spokesperson',
        '+32 2 281 99 99',
        'Good evening. We reached agreement on the euro area recommendation.',
      ].join('\n'),
    );
    expect(r.meta).toMatchObject({
      date: '2026-03-04',
      place: null,
      speakers: [{ name: 'Paschal Donohoe', role: 'President' }],
    });
    expect(r.text).toBe('Good evening. We reached agreement on the euro area recommendation.');
  });

  it('takes the date of the remarks from the lead, not from the mirror byline above the title', () => {
    const r = plain(
      [
        'Tue. Mar 10th, 2026',
        'Informal meeting of defence ministers: Press remarks by High Representative Kaja Kallas',
        'The High Representative spoke to the press in Warsaw on 9 March 2026 after the meeting.',
        'Good afternoon. We agreed to do more on air defence.',
      ].join('\n'),
    );
    expect(r.meta).toMatchObject({ date: '2026-03-09', place: 'Warsaw' });
  });

  it('knows the cities where summits and conferences meet, beyond the capitals, but not a city that is only talked about', () => {
    const r = plain(
      [
        'Financing for Development conference: remarks by President von der Leyen',
        'Seville, 30 June 2025',
        'Good morning. The attacks on Kyiv last night show why this work matters.',
      ].join('\n'),
    );
    expect(r.meta).toMatchObject({ date: '2025-06-30', place: 'Seville' });
    const topic = plain(
      [
        'Press remarks by the High Representative after the Foreign Affairs Council',
        'The High Representative spoke about the situation in Gaza and Damascus.',
        'Good afternoon. We discussed the Middle East at length.',
      ].join('\n'),
    );
    expect(topic.meta.place).toBeNull();
  });

  it('reads French and German delivery notes and datelines', () => {
    const fr = plain(
      [
        'Conseil des affaires étrangères: remarques du haut représentant Josep Borrell',
        'Luxembourg, 20/10/2025',
        'Seul le texte prononcé fait foi !',
        'Bonjour à tous. Nous avons discuté de l’Ukraine.',
      ].join('\n'),
    );
    expect(fr.meta).toMatchObject({
      date: '2025-10-20',
      place: 'Luxembourg',
      language: 'fr',
      checkAgainstDelivery: true,
    });
    expect(fr.text).toBe('Bonjour à tous. Nous avons discuté de l’Ukraine.');
  });

  it('names the speaker of a French title with a capitalised role, and not a site section after a role', () => {
    const fr = plain(
      [
        'Discours du Président Costa lors de la conférence de presse',
        'Bruxelles, le 12 mars 2025',
        'Bonjour à tous. Nous avons discuté de l’Ukraine.',
      ].join('\n'),
    );
    expect(fr.meta).toMatchObject({ speakers: [{ name: 'Costa', role: 'Président' }], place: 'Bruxelles' });
    const blog = plain(
      [
        'HR/VP Blog',
        'Ukraine: Speech by High Representative Kaja Kallas at the plenary debate',
        'Strasbourg, 11.02.2025',
        'Thank you, Madam President. Honourable Members, the war continues.',
      ].join('\n'),
    );
    expect(blog.meta.speakers).toEqual([{ name: 'Kaja Kallas', role: 'High Representative' }]);
  });

  it("ignores a news mirror's byline, cookie banner and follow/newsletter lines", () => {
    const r = plain(
      [
        'We use cookies to improve your experience on our website.',
        'Accept all cookies',
        'Kallas: EU will keep supporting Ukraine',
        'Posted on 12 March 2025 by Anna Smith',
        'High Representative Kaja Kallas gave the following remarks in Brussels on 11 March 2025.',
        'Good morning. We will keep supporting Ukraine for as long as it takes.',
        'Follow us on Twitter',
        'Subscribe to our newsletter',
      ].join('\n'),
    );
    expect(r.meta).toMatchObject({
      title: 'Kallas: EU will keep supporting Ukraine',
      date: '2025-03-11',
      place: 'Brussels',
      speakers: [{ name: 'Kaja Kallas', role: 'High Representative' }],
    });
    expect(r.text).toBe(
      'High Representative Kaja Kallas gave the following remarks in Brussels on 11 March 2025.\n\n' +
        'Good morning. We will keep supporting Ukraine for as long as it takes.',
    );
  });

  it("drops a blog mirror's post stamps, comment links, pager and page stamps", () => {
    const r = plain(
      [
        'EU-Balkans: Remarks by President Costa at the press conference in Tirana',
        'Good afternoon. It is a pleasure to be back in Tirana.',
        'Posted by Admin at 10:15 AM',
        'No comments:',
        'Post a Comment',
        'Share to Twitter',
        'Newer Post Older Post Home',
        'Subscribe to: Post Comments (Atom)',
        'Page last modified: 25-02-2025 12:34:56 ZULU',
        'Zur Startseite',
      ].join('\n'),
    );
    expect(r.text).toBe('Good afternoon. It is a pleasure to be back in Tirana.');
    expect(r.meta).toMatchObject({ place: 'Tirana', speakers: [{ name: 'Costa', role: 'President' }] });
  });

  it('gives each of two officials named on one line their own role, in order', () => {
    const r = plain(
      [
        'Monetary policy statement',
        'Christine Lagarde, President of the ECB, Luis de Guindos, Vice-President of the ECB',
        'Frankfurt am Main, 6 March 2025',
        'Good afternoon, the Vice-President and I welcome you to our press conference.',
      ].join('\n'),
    );
    expect(r.meta.speakers).toEqual([
      { name: 'Christine Lagarde', role: 'President' },
      { name: 'Luis de Guindos', role: 'Vice-President' },
    ]);
  });

  it('takes the title, not a two-word section name above it, from a capture with the site menu', () => {
    const r = plain(
      [
        'Skip to main content',
        'Menu',
        'Press corner',
        'Ukraine: Press remarks by High Representative Kaja Kallas with Foreign Minister Andrii Sybiha',
        '23.02.2026',
        'Kyiv',
        'Press and information team of the Delegation to UKRAINE',
        'Thank you, Andrii. It is good to be back in Kyiv.',
      ].join('\n'),
    );
    expect(r.meta).toMatchObject({
      title: 'Ukraine: Press remarks by High Representative Kaja Kallas with Foreign Minister Andrii Sybiha',
      date: '2026-02-23',
      place: 'Kyiv',
    });
    expect(r.text).toBe('Thank you, Andrii. It is good to be back in Kyiv.');
  });

  it('drops share and read-more lines in Dutch, French and German', () => {
    const r = plain(
      [
        'Toespraak van voorzitter von der Leyen in het Europees Parlement',
        'Straatsburg',
        'Geachte Voorzitter, geachte leden, Europa staat voor een keuze.',
        'Deel dit artikel',
        'Lees meer',
        'Partager',
        'Lire la suite',
        'Weiterlesen',
      ].join('\n'),
    );
    expect(r.text).toBe('Geachte Voorzitter, geachte leden, Europa staat voor een keuze.');
  });

  it.each([
    [
      'Italian',
      'Discorso della Presidente von der Leyen al Parlamento europeo\nStrasburgo, 12 marzo 2025\nSignora Presidente, onorevoli deputati, l’Europa deve agire.',
      { place: 'Strasburgo', speakers: [{ name: 'von der Leyen', role: 'Presidente' }] },
    ],
    [
      'Spanish',
      'Discurso del Alto Representante Josep Borrell ante el Parlamento Europeo\nEstrasburgo, 12 de marzo de 2025\nSeñora Presidenta, señorías, Europa debe actuar.',
      { place: 'Estrasburgo', speakers: [{ name: 'Josep Borrell', role: 'Alto Representante' }] },
    ],
  ])('reads an %s speech: its opening address, dateline, place and speaker', (_, body, want) => {
    const r = plain(body);
    expect(r.meta).toMatchObject({ date: '2025-03-12', ...want });
    expect(r.text.split('\n')).toHaveLength(1);
    expect(r.warnings).toEqual([]);
  });

  it('drops a delivery note written in several languages on one line', () => {
    const r = plain(
      [
        'Opening remarks by Commissioner Dombrovskis at the press conference on the Spring Package',
        'Brussels, 4 June 2025',
        'Check against delivery - Seul le texte prononcé fait foi - Es gilt das gesprochene Wort',
        'Good afternoon. Today we present the European Semester Spring Package.',
      ].join('\n'),
    );
    expect(r.meta.checkAgainstDelivery).toBe(true);
    expect(r.text).toBe('Good afternoon. Today we present the European Semester Spring Package.');
  });

  it('starts the speech at a formal address such as "Honourable Members,"', () => {
    const r = plain(
      [
        'Speech by Commissioner Hoekstra at the plenary debate on climate',
        'Strasbourg, 12 March 2025',
        'Honourable Members,',
        'The climate crisis is here.',
      ].join('\n'),
    );
    expect(r.meta).toMatchObject({ date: '2025-03-12', place: 'Strasbourg' });
    expect(r.text).toBe('Honourable Members,\n\nThe climate crisis is here.');
    expect(r.warnings).toEqual([]);
  });

  it("takes a page's publication stamp as the date only when the text gives no other", () => {
    const r = plain(
      [
        'EU-China summit: remarks by President Costa',
        'Published: 24 July 2025',
        'Good afternoon. We had frank talks.',
      ].join('\n'),
    );
    expect(r.meta.date).toBe('2025-07-24');
  });

  it('reads a video shot list: header fields, soundbites, no shot lines', () => {
    const r = plain(
      [
        'Eurogroup: extracts from the press conference by Paschal DONOHOE, President of the Eurogroup',
        'Type: News   Reference: 12345   Duration: 00:02:10  Lieu: Luxembourg, Luxembourg - Council',
        'End production: 16/06/2025   First transmission: 16/06/2025',
        '00:00:00 Title 00:00:05',
        '00:00:05 Arrival of the speakers 00:00:06',
        '00:00:11 SOUNDBITE (in English) by Paschal Donohoe, President of the Eurogroup saying that: We agreed on Bulgaria joining the euro. 00:00:20',
      ].join('\n'),
    );
    expect(r.meta).toMatchObject({ date: '2025-06-16', place: 'Luxembourg' });
    expect(r.meta.speakers.map((s) => s.name)).toEqual(['Paschal Donohoe']);
    expect(r.text).toBe(
      'SOUNDBITE (in English) by Paschal Donohoe, President of the Eurogroup saying that: We agreed on Bulgaria joining the euro.',
    );
  });

  it('turns a WebVTT file into paragraphs of speech, with its title', () => {
    const r = plain(
      [
        'WEBVTT - Interview with Christine Lagarde',
        '',
        '00:00:01.000 --> 00:00:03.000',
        '<v Speaker 1>Welcome to the programme.',
        '',
        '00:00:03.100 --> 00:00:05.000',
        '<v Speaker 1>Thank you for having me.',
      ].join('\n'),
    );
    expect(r.meta.title).toBe('Interview with Christine Lagarde');
    expect(r.text).toBe('Welcome to the programme. Thank you for having me.');
  });

  it('joins subtitle-style lines into sentences', () => {
    const lines = [
      'Briefing: Q&A',
      'Thank you.',
      'We have',
      'discussed',
      'the areas',
      'where',
      'we could',
      'find',
      'agreement',
      'with',
      'our partners',
      'and',
      'that is',
      'all',
      'for now.',
    ];
    expect(plain(lines.join('\n')).text).toBe(
      'Thank you. We have discussed the areas where we could find agreement with our partners and that is all for now.',
    );
  });
});

describe('Press Corner documents', () => {
  const url = 'https://ec.europa.eu/commission/presscorner/api/documents?reference=SPEECH/26/1&language=en';
  it('refuses an empty body with a clear, non-retryable error', () => {
    expect(() => extract({ body: '', contentType: 'application/json', url })).toThrow(PermanentError);
    expect(() => extract({ body: '', contentType: 'application/json', url })).toThrow(/empty body/);
  });
  it('names the document whose htmlContent is missing', () => {
    const body = JSON.stringify({
      refCd: 'SPEECH/26/1',
      docuLanguageResource: { title: 'Speech', htmlContent: '' },
    });
    expect(() => extract({ body, contentType: 'application/json', url })).toThrow(
      /SPEECH\/26\/1 has no docuLanguageResource.htmlContent/,
    );
  });
  it('says where a body that is not JSON went wrong', () => {
    expect(() => extract({ body: '<html>', contentType: 'application/json', url })).toThrow(/not JSON/);
  });
});
