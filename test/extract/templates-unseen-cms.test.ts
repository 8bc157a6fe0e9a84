import { describe, expect, it } from 'vitest';
import { describeTemplates, readBoth, type Transcript } from '../helpers/unseen-pages.js';

/**
 * More invented page templates of the kinds real sites use — WordPress with its comment thread,
 * a news article with a byline, a newsletter pitch and a most-read list, a government CMS page, an
 * embassy page, a PDF converted to HTML, a transcript in a <dl>, a page titled only in <title> —
 * and blog and news templates whose furniture is written in French, German, Spanish, Italian and
 * Portuguese. Each page must read like the plain capture of its transcript.
 */
const para = (t: Transcript) => t.paragraphs.map((p) => `<p>${p}</p>`).join('\n');
const day = (t: Transcript) => t.dateline.split(', ')[1]!;

const TEMPLATES: Record<string, (t: Transcript) => string> = {
  'WordPress: entry meta, share and like boxes, related posts, post navigation, comment thread': (
    t,
  ) => `<!DOCTYPE html><html><head><title>${t.title} &#8211; EU Watch Blog</title></head><body class="single">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><p class="site-title"><a>EU Watch Blog</a></p><p class="site-description">Notes from Brussels since 2009</p></header>
<div id="content" class="site-content"><main id="main" class="site-main">
<article class="post"><header class="entry-header"><h1 class="entry-title">${t.title}</h1>
<div class="entry-meta">Posted on <a><time>${day(t)}</time></a> by <a>admin</a></div></header>
<div class="entry-content"><p>${t.dateline}</p>
${para(t)}
<div class="sharedaddy"><h3>Share this:</h3><ul><li><a>Twitter</a></li><li><a>Facebook</a></li></ul></div>
<div class="sd-like"><h3>Like this:</h3><p>Like Loading...</p></div>
<div id="jp-relatedposts"><h3><em>Related</em></h3><p>Budget talks: 14 countries say no to €40 billion plan</p></div>
</div><footer class="entry-footer">Posted in <a>Energy</a> Tagged <a>gas</a>, <a>grids</a></footer></article>
<nav class="post-navigation"><a>Previous post: 5 things to know about the summit</a></nav>
<div id="comments" class="comments-area"><h2>3 thoughts on &ldquo;${t.title}&rdquo;</h2>
<ol class="comment-list"><li class="comment"><b class="fn">Peter K.</b> <time>12 March 2026 at 10:02</time>
<p>Why only €3 billion? The grid needs 10 times more, and 40% of it is old. Who decides?</p><a>Reply</a></li></ol>
<div id="respond"><h3>Leave a Reply <small><a>Cancel reply</a></small></h3><form><p>Your email address will not be published.</p></form></div></div>
</main><aside class="widget-area"><h2>Archives</h2><ul><li><a>March 2026</a> (14)</li></ul></aside></div></body></html>`,

  'old blog theme: footer line with a comment count, "Responses to", comments as a list': (
    t,
  ) => `<html><head><title>${t.title} | Brussels Diary</title></head><body><div class="wrap"><div class="col-main">
<h2 class="posttitle">${t.title}</h2><p class="postmeta">${day(t)} by Editor</p>
<div class="postbody"><p>${t.dateline}</p>${para(t)}</div>
<p class="postfoot">Posted in Energy, Europe | Tagged gas, storage | 3 Comments »</p>
<h3>3 Responses to “${t.title}”</h3>
<ol><li><cite>Anna</cite> Says: <br><small>March 12th, 2026 at 10:01 am</small><p>Is that really 12%? My bill went up by 25% last winter. Who pays?</p></li>
<li><cite>Bob</cite> Says: <p>More than 90 days of reserves? That's 3 months. Good news.</p></li></ol>
<h3>Leave a Reply</h3><p>You must be logged in to post a comment.</p></div></div></body></html>`,

  'news article: byline and update stamp, a newsletter pitch inside the text, an author box, most read': (
    t,
  ) => `<html><head><title>${t.title} - Euro Ledger</title><meta property="og:title" content="${t.title}"></head><body>
<div class="topbar"><span>Thursday, 12 March 2026</span> <a>Subscribe</a> <a>Sign in</a></div>
<div class="page"><div class="article-wrap"><div class="kicker"><a>Energy</a></div><h1 class="headline">${t.title}</h1>
<div class="byline-block"><span>By Marta Kowalski</span> <span>Updated ${day(t)}, 14:32 CET</span></div>
<figure><img src="x.jpg"><figcaption>Ministers arrive at the meeting. Photo: EU</figcaption></figure>
<div class="article-body"><p>${t.dateline}</p>${t.paragraphs
    .slice(0, 2)
    .map((p) => `<p>${p}</p>`)
    .join('')}
<div class="inline-box"><p><strong>Get our Europe briefing</strong> – every weekday at 7am. Join 120,000 readers.</p></div>
${t.paragraphs
  .slice(2)
  .map((p) => `<p>${p}</p>`)
  .join('')}
</div>
<div class="article-tags"><a>Energy</a><a>Gas</a><a>Council</a></div>
</div>
<div class="rail"><h3>Most read</h3><ol><li><a>1 Farmers block roads in 3 capitals</a></li><li><a>2 Inflation falls to 2.1%</a></li></ol></div></div>
<div class="links"><a>About us</a> <a>Contact</a> <a>Privacy</a> <a>Terms</a></div></body></html>`,

  'government CMS (Drupal): breadcrumb, labelled date and location fields, topics, page feedback': (
    t,
  ) => `<html lang="en"><head><title>${t.title} | Ministry of Foreign Affairs of Norland</title></head><body class="path-node">
<div class="region-header"><a>Ministry of Foreign Affairs of Norland</a></div>
<div class="region-breadcrumb"><ol><li><a>Home</a></li><li><a>Newsroom</a></li><li><a>Speeches</a></li></ol></div>
<main role="main"><article class="node node--type-speech">
<h1 class="page-title"><span class="field--name-title">${t.title}</span></h1>
<div class="node__meta"><div class="field"><div class="field__label">Date</div><div class="field__item">${day(t)}</div></div>
<div class="field"><div class="field__label">Location</div><div class="field__item">${t.place}</div></div></div>
<div class="node__content"><div class="field--name-body">${para(t)}</div>
<div class="field--name-field-topics"><div class="field__label">Topics</div><div class="field__item"><a>Energy</a></div><div class="field__item"><a>EU</a></div></div></div>
</article>
<div class="region-content-bottom"><div class="block-print"><a>Print</a></div><div class="feedback"><h2>Is this page useful?</h2><a>Yes</a> <a>No</a> <a>Report a problem with this page</a></div></div></main>
<div class="region-footer"><p>Last updated on 10 March 2026</p><p>Ministry of Foreign Affairs, Street 1, 0100 Oslo. Phone +47 22 00 00 00</p></div></body></html>`,

  'embassy page: a language bar, a local clock, the title only in <h1>, a press-contact box': (
    t,
  ) => `<html><head><title>Embassy of Norland in Belgium - News</title></head><body>
<div id="hdr"><div class="lang"><a>EN</a> | <a>FR</a> | <a>NL</a></div><div class="emb">Embassy of Norland in Belgium</div><div class="clock">Local time in Brussels: 10:42</div></div>
<div id="menu"><a>Home</a> <a>The Embassy</a> <a>Consular services</a> <a>Visas</a> <a>News</a> <a>Contact</a></div>
<div id="cnt"><div class="newsitem"><h1>${t.title}</h1><div class="date">${t.dateline}</div>
<div class="txt">${para(t)}</div></div>
<div class="contact-box"><h4>Press contact</h4><p>Press attaché Lena Holm</p><p>Tel. +32 2 555 12 34</p><p>press@norland-embassy.be</p></div>
</div><div id="ftr">Embassy of Norland, Avenue Louise 250, 1050 Brussels. Opening hours: Mon–Fri 9:00–12:00</div></body></html>`,

  'a PDF converted to HTML: positioned lines, a running head, a page number': (
    t,
  ) => `<html><head><title>speech.pdf</title></head><body>
<div id="page1-div" style="position:relative;width:892px;height:1262px;">
<p style="position:absolute;top:40px;left:600px" class="ft00">PRESS RELEASE</p>
<p style="position:absolute;top:120px;left:108px" class="ft01"><b>${t.title}</b></p>
<p style="position:absolute;top:160px;left:108px" class="ft02">${t.dateline}</p>
${t.paragraphs.map((p, k) => `<p style="position:absolute;top:${200 + k * 60}px;left:108px" class="ft02">${p}</p>`).join('\n')}
<p style="position:absolute;top:1200px;left:440px" class="ft03">1</p>
</div></body></html>`,

  'transcript as a definition list, labels in <dt>': (
    t,
  ) => `<html><head><title>${t.title}</title></head><body><div class="page"><h1>${t.title}</h1><p class="dateline">${t.dateline}</p>
<dl class="transcript">${t.paragraphs
    .map((p) => {
      const m = /^((?:[\p{L}’]+\s){0,3}[\p{L}’]+\s?:)\s(.*)$/u.exec(p);
      return m ? `<dt>${m[1]}</dt><dd>${m[2]}</dd>` : `<dt></dt><dd>${p}</dd>`;
    })
    .join('\n')}</dl></div></body></html>`,

  'title only in <title>, behind the site’s name; no <h1>': (
    t,
  ) => `<html><head><title>Norland Mission to the EU | ${t.title}</title></head><body>
<div class="c"><p class="d">${t.dateline}</p>${para(t)}</div></body></html>`,

  'the site’s name in <h1>, the title in <h2> and in <title>': (
    t,
  ) => `<html><head><title>${t.title} | Norland Mission</title></head><body>
<div class="top"><h1>Norland Mission to the European Union</h1></div>
<div class="c"><h2>${t.title}</h2><p class="d">${t.dateline}</p>${para(t)}</div></body></html>`,
};

describeTemplates('unseen CMS and news templates: the page reads like the capture', TEMPLATES);

/** Site furniture in the page's language: share links, comment headings, related lists, newsletter pitches. */
interface Chrome {
  home: string;
  by: string;
  readAlso: string;
  newsletter: string;
  share: string;
  tags: string;
  comments: string;
  comment: string;
  reply: string;
  related: string;
  cookies: string;
}

const LOCAL: { lang: string; t: Transcript; chrome: Chrome }[] = [
  {
    lang: 'fr',
    t: {
      title: 'Déclaration de la commissaire Ilona Varga à l’issue du Conseil Énergie',
      dateline: 'Bruxelles, 9 février 2026',
      date: '2026-02-09',
      place: 'Bruxelles',
      speakers: ['Ilona Varga'],
      paragraphs: [
        'Mesdames et messieurs, bonjour. Les ministres ont adopté aujourd’hui les règles de stockage : des réserves d’au moins 90 jours, et 3 milliards d’euros pour les interconnexions.',
        'Question : Madame la commissaire, quand la première interconnexion ouvrira-t-elle ?',
        'Commissaire Varga : La première ouvrira en 2028. Le mécanisme en paiera la moitié.',
      ],
    },
    chrome: {
      home: 'Accueil',
      by: 'Par la rédaction',
      readAlso: 'Lire aussi : Budget : 14 pays disent non au plan de 40 milliards',
      newsletter:
        'Inscrivez-vous à notre lettre d’information et recevez chaque semaine les 10 actualités essentielles.',
      share: 'Partager sur Facebook',
      tags: 'Mots-clés : énergie, gaz',
      comments: '4 commentaires',
      comment: 'Encore 3 milliards ! Et qui paiera, sinon nous ? C’est 50 euros par ménage.',
      reply: 'Laisser un commentaire',
      related: 'Articles similaires',
      cookies:
        'Ce site utilise des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation.',
    },
  },
  {
    lang: 'de',
    t: {
      title: 'Pressekonferenz von Kommissarin Ilona Varga nach dem Energierat',
      dateline: 'Brüssel, 9. Februar 2026',
      date: '2026-02-09',
      place: 'Brüssel',
      speakers: ['Ilona Varga'],
      paragraphs: [
        'Meine Damen und Herren, guten Tag. Die Minister haben heute die Speicherregeln beschlossen: Reserven für mindestens 90 Tage und 3 Milliarden Euro für die Verbindungsleitungen.',
        'Frage: Frau Kommissarin, wann wird die erste Leitung eröffnet?',
        'Kommissarin Varga: Die erste wird 2028 eröffnet. Die Fazilität zahlt die Hälfte.',
      ],
    },
    chrome: {
      home: 'Startseite',
      by: 'Von der Redaktion',
      readAlso: 'Lesen Sie auch: Haushalt: 14 Länder lehnen den 40-Milliarden-Plan ab',
      newsletter:
        'Abonnieren Sie unseren Newsletter und erhalten Sie jede Woche die 10 wichtigsten Nachrichten.',
      share: 'Auf Facebook teilen',
      tags: 'Schlagworte: Energie, Gas',
      comments: '4 Kommentare',
      comment: 'Schon wieder 3 Milliarden! Wer zahlt das, wenn nicht wir? Das sind 50 Euro pro Haushalt.',
      reply: 'Schreibe einen Kommentar',
      related: 'Ähnliche Artikel',
      cookies:
        'Diese Website verwendet Cookies. Wenn Sie die Website weiter nutzen, stimmen Sie der Verwendung von Cookies zu.',
    },
  },
  {
    lang: 'es',
    t: {
      title: 'Declaración de la comisaria Ilona Varga tras el Consejo de Energía',
      dateline: 'Bruselas, 9 de febrero de 2026',
      date: '2026-02-09',
      place: 'Bruselas',
      speakers: ['Ilona Varga'],
      paragraphs: [
        'Buenas tardes. Los ministros han aprobado hoy las normas de almacenamiento: reservas de al menos 90 días y 3.000 millones de euros para las interconexiones.',
        'Pregunta: Señora comisaria, ¿cuándo abrirá la primera interconexión?',
        'Comisaria Varga: La primera abrirá en 2028. El mecanismo pagará la mitad.',
      ],
    },
    chrome: {
      home: 'Inicio',
      by: 'Por la redacción',
      readAlso: 'Lea también: Presupuesto: 14 países rechazan el plan de 40.000 millones',
      newsletter: 'Suscríbete a nuestro boletín y recibe cada semana las 10 noticias más importantes.',
      share: 'Compartir en Facebook',
      tags: 'Etiquetas: energía, gas',
      comments: '4 comentarios',
      comment: '¡Otros 3.000 millones! ¿Y quién pagará, sino nosotros? Son 50 euros por hogar.',
      reply: 'Deja un comentario',
      related: 'Artículos relacionados',
      cookies:
        'Este sitio web utiliza cookies para mejorar su experiencia. Si continúa navegando, acepta su uso.',
    },
  },
  {
    lang: 'it',
    t: {
      title: 'Dichiarazione della commissaria Ilona Varga dopo il Consiglio Energia',
      dateline: 'Bruxelles, 9 febbraio 2026',
      date: '2026-02-09',
      place: 'Bruxelles',
      speakers: ['Ilona Varga'],
      paragraphs: [
        'Buongiorno a tutti. I ministri hanno approvato oggi le norme sullo stoccaggio: riserve per almeno 90 giorni e 3 miliardi di euro per le interconnessioni.',
        'Domanda: Commissaria, quando aprirà la prima interconnessione?',
        'Commissaria Varga: La prima aprirà nel 2028. Il meccanismo ne pagherà la metà.',
      ],
    },
    chrome: {
      home: 'Home',
      by: 'Di Redazione',
      readAlso: 'Leggi anche: Bilancio, 14 paesi dicono no al piano da 40 miliardi',
      newsletter: 'Iscriviti alla nostra newsletter e ricevi ogni settimana le 10 notizie più importanti.',
      share: 'Condividi su Facebook',
      tags: 'Tag: energia, gas',
      comments: '4 commenti',
      comment: 'Altri 3 miliardi! E chi paga, se non noi? Sono 50 euro a famiglia.',
      reply: 'Lascia un commento',
      related: 'Articoli correlati',
      cookies:
        'Questo sito utilizza cookie per migliorare la tua esperienza. Continuando la navigazione accetti il loro utilizzo.',
    },
  },
  {
    lang: 'pt',
    t: {
      title: 'Declaração da comissária Ilona Varga após o Conselho de Energia',
      dateline: 'Bruxelas, 9 de fevereiro de 2026',
      date: '2026-02-09',
      place: 'Bruxelas',
      speakers: ['Ilona Varga'],
      paragraphs: [
        'Boa tarde. Os ministros aprovaram hoje as regras de armazenamento: reservas de pelo menos 90 dias e 3 mil milhões de euros para as interligações.',
        'Pergunta: Senhora comissária, quando abrirá a primeira interligação?',
        'Comissária Varga: A primeira abrirá em 2028. O mecanismo pagará metade.',
      ],
    },
    chrome: {
      home: 'Início',
      by: 'Pela redação',
      readAlso: 'Leia também: Orçamento: 14 países rejeitam o plano de 40 mil milhões',
      newsletter: 'Subscreva a nossa newsletter e receba todas as semanas as 10 notícias mais importantes.',
      share: 'Partilhar no Facebook',
      tags: 'Etiquetas: energia, gás',
      comments: '4 comentários',
      comment: 'Mais 3 mil milhões! E quem paga, senão nós? São 50 euros por família.',
      reply: 'Deixe um comentário',
      related: 'Artigos relacionados',
      cookies:
        'Este site utiliza cookies para melhorar a sua experiência. Ao continuar a navegar, aceita a sua utilização.',
    },
  },
];

const LOCAL_TEMPLATES: Record<string, (t: Transcript, c: Chrome, lang: string) => string> = {
  'blog without telling class names: cookie notice, read-also link, newsletter pitch, share line, tags, comments':
    (t, c, lang) => `<html lang="${lang}"><head><title>${t.title} – Blog Europa</title></head><body>
<div class="a1"><p>${c.cookies}</p><a>OK</a></div>
<div class="a2"><a>${c.home}</a> <a>Contact</a> <a>Europa</a></div>
<div class="a3"><h1>${t.title}</h1><p class="a4">${c.by} · ${day(t)}</p>
<p>${t.dateline}</p>${para(t)}
<p>${c.readAlso}</p>
<p>${c.newsletter}</p>
<p>${c.share}</p>
<p>${c.tags}</p>
<h3>${c.comments}</h3>
<p><b>Jean</b> ${day(t)}</p><p>${c.comment}</p>
<h3>${c.reply}</h3></div></body></html>`,

  'news site: a related heading and teasers inside the article block': (
    t,
    c,
    lang,
  ) => `<html lang="${lang}"><head><title>${t.title} | Diario Europa</title></head><body>
<div class="hd"><a>${c.home}</a> | <a>Europa</a></div>
<div class="art"><h1>${t.title}</h1><div class="txt"><p>${t.dateline}</p>${para(t)}</div>
<div class="rel"><h2>${c.related}</h2><div><a>${c.readAlso}</a><p>${c.comment}</p></div></div></div></body></html>`,
};

describe('templates whose furniture is in the page’s language', () => {
  for (const [name, template] of Object.entries(LOCAL_TEMPLATES))
    it.each(LOCAL.map((l) => [l.lang, l] as const))(`${name} (%s)`, (_lang, { t, chrome, lang }) => {
      const { page, plain } = readBoth(t, template(t, chrome, lang));
      expect(page).toEqual(plain);
    });
});
