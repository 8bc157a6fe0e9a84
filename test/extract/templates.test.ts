import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';

/** Made-up transcripts: a title, a dateline, paragraphs (speaker turns, questions). */
interface Transcript {
  title: string;
  dateline: string;
  paragraphs: string[];
}

const TRANSCRIPTS: Transcript[] = [
  {
    title: 'Joint press point by President Halvorsen and Prime Minister Duarte',
    dateline: 'Brussels, 3 March 2026',
    paragraphs: [
      'President Halvorsen: Good afternoon. Prime Minister, welcome back to Brussels. We spoke today about energy prices, about the single market and about the 14 projects we finance together.',
      'We agreed that the interconnector will open in 2027, with €1.2 billion from the facility, and that our teams will meet again in May.',
      'Prime Minister Duarte: Thank you, Madam President. Portugal is ready. Our grid operators have finished 80% of the works on our side of the border.',
      'Question: President, will the facility also cover the second line, and how much will it cost?',
      'President Halvorsen: We will look at the second line in the autumn. It is too early to give a figure.',
      'Thank you.',
    ],
  },
  {
    title: 'Remarks by Commissioner Varga at the press conference on the spring package',
    dateline: 'Strasbourg, 21 April 2026',
    paragraphs: [
      'Good morning, everyone. Today the Commission adopts its spring package: three proposals on hydrogen, storage and grids.',
      'First, hydrogen. We propose 3 new corridors, requested by nine member states together, and the first tender opens in September.',
      'Second, storage. Member states will have to keep reserves of at least 90 days of net imports, as they do for oil today.',
      'Question: Commissioner, which member states asked for the corridors, and when will the first one open?',
      'Commissioner Varga: Nine member states asked for them together. We expect the first molecules to flow before the end of 2028.',
      'Question: And the budget?',
      'Commissioner Varga: €2.5 billion from the facility, and the rest from the private sector.',
    ],
  },
  {
    title: 'Doorstep by the High Representative ahead of the Foreign Affairs Council',
    dateline: 'Luxembourg, 14 October 2026',
    paragraphs: [
      'Good morning. Today ministers will discuss the situation in the Sahel, our support to Ukraine and the relations with our southern neighbours.',
      'On Ukraine, we will discuss the next tranche of the peace facility: €5 billion for this year. I hope that we can agree on it today.',
      'On the Sahel, the situation is getting worse, and we need to engage with all countries of the region.',
      'Question: Do you expect an agreement on the tranche today?',
      'High Representative: I hope so. We have been discussing it for weeks, and the positions are getting closer.',
    ],
  },
];

const paragraphsHtml = (t: Transcript) => t.paragraphs.map((p) => `<p>${p}</p>`).join('\n');

const COMMENTS = `<div id="comments" class="comments-area">
  <h2 class="comments-title">12 Comments</h2>
  <ol class="comment-list">
    <li class="comment"><div class="comment-author">Jan de Vries</div><div class="comment-content"><p>This is a good agreement, but it comes 10 years too late. The grid should have been built in 2015.</p></div><a class="comment-reply-link">Reply</a></li>
    <li class="comment"><div class="comment-author">Maria L.</div><div class="comment-content"><p>Question: who pays for all of this? Taxpayers again, I suppose, with 3% more on every bill.</p></div></li>
  </ol>
  <div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3>
  <form id="commentform"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div>
</div>`;

const TAGS = `<div class="post-tags">Tags: <a rel="tag">energy</a>, <a rel="tag">Portugal</a>, <a rel="tag">grids</a>, <a rel="tag">hydrogen</a></div>`;

const TAG_CLOUD = `<div class="tagcloud"><a style="font-size:8pt">Brexit</a> <a style="font-size:22pt">Energy</a> <a>Trade</a> <a>Ukraine</a> <a>Sahel</a> <a>Budget 2027</a> <a>Euro area</a> <a>Migration</a></div>`;

const RELATED = `<section class="related-posts"><h3>You may also like</h3><ul>
<li><a>Commission proposes €4 billion for new cross-border grids in the north</a></li>
<li><a>Ministers fail to agree on the 2027 budget after twelve hours of talks</a></li>
<li><a>Interview: "We need 200,000 more engineers," says the industry</a></li></ul></section>`;

const SHARE = `<div class="sharing"><span>Share this:</span> <a>Facebook</a> <a>X</a> <a>LinkedIn</a> <a>Email</a> <a>Print</a></div>`;

const BREADCRUMBS = `<ol class="breadcrumbs"><li><a>Home</a></li><li><a>Press corner</a></li><li><a>Speeches and remarks</a></li></ol>`;

const COOKIES = `<div id="cookie-notice" role="dialog"><p>This site uses cookies to offer you a better browsing experience. Find out more on how we use cookies and how you can change your settings.</p><button>I accept cookies</button><button>I refuse cookies</button></div>`;

const SIDEBAR_FIGURES = `<div class="widget widget-stats"><h3>Key figures</h3><p>Unemployment in the euro area fell to 6.1% in March, the lowest since 1998.</p><p>Inflation: 2.4% (February).</p></div>`;

const MENU = `<nav class="main-menu"><ul><li><a>News</a></li><li><a>Policies</a></li><li><a>Events</a></li><li><a>About</a></li></ul></nav>`;

/** Invented page templates, each around a transcript's title, dateline and paragraphs. */
const TEMPLATES: Record<string, (t: Transcript) => string> = {
  'blog with comments': (
    t,
  ) => `<!DOCTYPE html><html lang="en"><head><title>${t.title} | Euro Blog</title></head><body>
<header class="site-header"><div class="site-title">Euro Blog</div>${MENU}</header>
<div id="content"><article class="post type-post">
<header class="entry-header"><h1 class="entry-title">${t.title}</h1><div class="entry-meta">Posted on ${t.dateline.split(', ')[1]} by <a>editor</a> — <a href="#comments">12 Comments</a></div></header>
<div class="entry-content"><p>${t.dateline}</p>
${paragraphsHtml(t)}
</div>
<footer class="entry-footer">${TAGS}</footer>
</article>
${COMMENTS}
</div>
<footer class="site-footer"><p>© 2026 Euro Blog. Powered by a blog engine.</p></footer></body></html>`,

  'news site with sidebar and related posts': (
    t,
  ) => `<!DOCTYPE html><html lang="en"><head><title>${t.title}</title></head><body>
${COOKIES}
<div class="top-bar"><a>Subscribe</a> <a>Log in</a></div>
<div class="container"><div class="row">
<div class="col-main"><h1>${t.title}</h1>
<div class="byline">By our Brussels correspondent</div>
<div class="story-body"><p class="dateline">${t.dateline}</p>
${paragraphsHtml(t)}</div>
${SHARE}
${RELATED}
</div>
<div class="col-side sidebar">${SIDEBAR_FIGURES}<div class="widget"><h3>Most read</h3><ol><li><a>Markets rally as the central bank holds rates at 2.5%</a></li><li><a>Summit ends without a deal on migration</a></li></ol></div></div>
</div></div>
<div class="footer"><p>© 2026 Eurowire. All rights reserved.</p>${TAG_CLOUD}</div>
</body></html>`,

  'institutional page with breadcrumbs, cookie banner and share bar': (
    t,
  ) => `<!DOCTYPE html><html lang="en"><head><title>${t.title}</title></head><body>
${COOKIES}
<div class="ecl-page-header">${BREADCRUMBS}<div class="ecl-page-header__meta">SPEECH | ${t.dateline.split(', ')[1]}</div><h1 class="ecl-page-header__title">${t.title}</h1></div>
${SHARE}
<main><div class="ecl-container"><div class="press-content">
<p>${t.dateline}</p>
${paragraphsHtml(t)}
<p class="check">Check against delivery</p>
</div></div></main>
<div class="ecl-footer"><div class="ecl-footer__section"><h2>Contact the institution</h2><ul><li><a>Phone</a></li><li><a>Email</a></li><li><a>Visit</a></li></ul></div><div class="ecl-footer__section"><h2>Follow us</h2><ul><li><a>X</a></li><li><a>LinkedIn</a></li></ul></div></div>
</body></html>`,

  'magazine with a tag cloud footer and an inline newsletter box': (
    t,
  ) => `<!DOCTYPE html><html lang="en"><head><title>${t.title}</title></head><body>
<div id="page"><div id="masthead">Euro Monthly ${MENU}</div>
<div id="primary"><div class="article">
<h1 class="headline">${t.title}</h1>
<p class="dateline">${t.dateline}</p>
${paragraphsHtml(t).replace('</p>\n<p>', `</p>\n<div class="newsletter-box"><p>Get our weekly briefing on EU policy: 5 stories, every Friday.</p><form><input type="email"><button>Subscribe</button></form></div>\n<p>`)}
</div>
<div class="post-meta">${TAGS}</div>
</div>
<div id="colophon"><h3>Topics</h3>${TAG_CLOUD}<p>© 2026 Euro Monthly</p></div></div>
</body></html>`,

  'forum-style page with reader reactions in a section': (
    t,
  ) => `<!DOCTYPE html><html lang="en"><head><title>${t.title}</title></head><body>
<div class="wrap"><h1>${t.title}</h1>
<div class="text"><p><strong>${t.dateline}</strong></p>
${paragraphsHtml(t)}</div>
<section class="reactions" id="reader-comments"><h2>Reactions (2)</h2>
<div class="reaction"><p><b>Piet</b> wrote: The 14 projects are a start, but 2027 is far away. Thank you for publishing this.</p></div>
<div class="reaction"><p><b>Ana</b> wrote: Question: will the transcript in Portuguese be published too?</p></div>
<p><a>Log in to leave a comment</a></p></section>
</div></body></html>`,

  'press page whose <h1> breaks over two lines': (t) => {
    const words = t.title.split(' ');
    const cut = t.title.includes(' by ') ? t.title.indexOf(' by ') : words.slice(0, 3).join(' ').length;
    return `<!DOCTYPE html><html lang="en"><head><title>Press</title></head><body>${MENU}
<div class="page"><div class="page-head"><h1><span class="kicker">${t.title.slice(0, cut)}</span><br><span class="rest">${t.title.slice(cut + 1)}</span></h1>
<div class="meta">${t.dateline}</div></div>
<div class="body">${paragraphsHtml(t)}</div>
<div><a>Energy</a> · <a>Grids</a> · <a>Portugal</a> · <a>Hydrogen</a> · <a>Sahel</a></div>
<ul><li><a>Related: the Commission's spring package in 10 questions</a></li><li><a>Related: statement after the summit of 12 March</a></li></ul>
</div></body></html>`;
  },
};

/** The plain capture of the same transcript: title, dateline, paragraphs, a blank line between. */
const capture = (t: Transcript) =>
  [t.title, '', t.dateline, '', ...t.paragraphs.flatMap((p) => [p, ''])].join('\n');

const rates: string[] = [];

describe('page templates: cleaning a page gives the text of the plain capture', () => {
  for (const [name, template] of Object.entries(TEMPLATES)) {
    describe(name, () => {
      let passed = 0;
      TRANSCRIPTS.forEach((t, i) => {
        it(`transcript ${i + 1}: same text and title as the capture; no comments, tags, related posts, share bars, breadcrumbs, cookie banners or sidebars`, () => {
          const plain = extract({ body: capture(t), contentType: 'text/plain', url: null });
          const page = extract({ body: template(t), contentType: 'text/html', url: null });
          expect(page.meta.title).toBe(t.title);
          expect(page.text).toBe(plain.text);
          passed++;
        });
      });
      afterAll(() => {
        rates.push(`| ${name} | ${passed}/${TRANSCRIPTS.length} |`);
      });
    });
  }
  afterAll(() => {
    console.log(['| template | pages cleaned like the capture |', '|---|---:|', ...rates].join('\n'));
  });
});
