import { describeTemplates, type Transcript } from '../helpers/unseen-pages.js';

/**
 * Page templates of kinds the site adapters were never written for, around made-up transcripts:
 * the furniture carries no telling class names (comments, tag lists, teasers, cookie banners and
 * breadcrumbs are found by what they say and how they are built), so the page must give the text,
 * title, date, place and speakers of the plain capture, and no figure of the furniture.
 */
const para = (t: Transcript) => t.paragraphs.map((p) => `<p>${p}</p>`).join('\n');

/** Reader comments and the reply form, with no class names that say so. */
const commentsPlain = (t: Transcript) => `<div class="x-thread">
<h3>12 thoughts on “${t.title}”</h3>
<div class="x-item"><div class="x-who"><b>Jan de Vries</b> says:</div><div class="x-when">10 March 2026 at 9:12 am</div>
<p>A good agreement, but it comes 10 years too late, and 3% more on every bill is a lot. Why did nobody ask about the cost for households?</p><a>Reply</a></div>
<div class="x-item"><div class="x-who"><b>Maria L.</b> says:</div><p>Question: who pays for all of this? Taxpayers again, with €500 million a year, I suppose?</p><a>Reply</a></div>
</div>
<div class="x-box"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p></div>`;

const TEASERS = `<div class="x-more"><h2>More on this topic</h2>
<div class="x-card"><a>Ministers fail to agree on the budget</a><p>After twelve hours of talks, 14 countries still refuse the plan, which costs €40 billion.</p></div>
<div class="x-card"><a>Prices fall for the third month</a><p>Inflation fell to 2.1% in April, the statistics office said on Friday.</p></div>
</div>`;

const TAG_LIST = `<div class="x-tags">Tags: <a>energy</a>, <a>storage</a>, <a>prices</a>, <a>grids</a></div>`;

/** Invented templates: none has a class or id that says comment, tag, related, cookie or breadcrumb. */
const TEMPLATES: Record<string, (t: Transcript) => string> = {
  'blog whose comments and reply form carry no telling class names': (
    t,
  ) => `<!DOCTYPE html><html><head><title>${t.title}</title></head><body>
<div class="x-wrap"><div class="x-head">Brussels Notes</div>
<div class="x-main"><div class="x-post"><h1>${t.title}</h1><div class="x-meta">Posted on ${t.dateline.split(', ')[1]} · <a>12 Comments</a></div>
<div class="x-body"><p>${t.dateline}</p>
${para(t)}</div>
${TAG_LIST}
</div>
${commentsPlain(t)}
</div></div></body></html>`,

  'one block holding the text, then reader comments as plain paragraphs': (
    t,
  ) => `<!DOCTYPE html><html><head><title>${t.title}</title></head><body>
<div class="x-all"><h1>${t.title}</h1>
<p>${t.dateline}</p>
${para(t)}
<p><b>3 Comments</b></p>
<p><b>Jan de Vries</b> on 10 March 2026 at 9:12 am</p>
<p>A good agreement, but it comes 10 years too late, and 3% more on every bill is a lot. Why did nobody ask about the cost?</p>
<p><a>Reply</a></p>
<p><b>Maria L.</b> on 11 March 2026 at 8:40 pm</p>
<p>Who pays for all of this? Taxpayers again, with €500 million a year, I suppose. Is there a vote in May?</p>
<p>Leave a comment</p>
</div></body></html>`,

  'French blog: "N commentaires" and "Laisser un commentaire" after the text': (
    t,
  ) => `<!DOCTYPE html><html lang="fr"><head><title>${t.title}</title></head><body>
<div class="x-all"><h1>${t.title}</h1>
<p>${t.dateline}</p>
${para(t)}
<h2>2 commentaires</h2>
<p><b>Paul</b> le 15 mai 2026 à 10 h 12</p>
<p>Encore 4 milliards d’euros de dépenses ! Qui va payer, sinon les contribuables ? Ce n’est pas sérieux.</p>
<p><b>Claire</b> le 16 mai 2026 à 8 h 03</p>
<p>Et les 27 pays étaient-ils vraiment d’accord ? J’en doute fort, vu les déclarations de la veille.</p>
<h3>Laisser un commentaire</h3>
</div></body></html>`,

  'news site with a tag list and teasers with summaries': (
    t,
  ) => `<!DOCTYPE html><html><head><title>${t.title}</title></head><body>
<div class="x-top"><a>Subscribe</a> <a>Log in</a></div>
<div class="x-page"><h1>${t.title}</h1>
<div class="x-story"><p>${t.dateline}</p>
${para(t)}</div>
${TAG_LIST}
${TEASERS}
</div></body></html>`,

  'government page with a cookie notice, a breadcrumb and page feedback, no telling class names': (
    t,
  ) => `<!DOCTYPE html><html><head><title>${t.title}</title></head><body>
<div class="x-notice"><p>We use cookies to make this website work and to understand how you use it. You can accept all cookies or choose which ones to allow.</p><a>Accept all</a> <a>Reject all</a></div>
<div class="x-path"><a>Home</a> › <a>Government</a> › <a>Press room</a> › <a>Speeches</a></div>
<div class="x-content"><h1>${t.title}</h1>
<p>${t.dateline}</p>
${para(t)}
<div class="x-feedback"><p>Was this page helpful?</p><a>Yes</a> <a>No</a></div>
<p>Last updated: 2 June 2026</p></div>
</body></html>`,

  'transcript in a layout table, labels in their own cells': (
    t,
  ) => `<!DOCTYPE html><html><head><title>${t.title}</title></head><body>
<table class="x-layout"><tr><td><a>Home</a> | <a>Press</a> | <a>Contact</a></td></tr>
<tr><td><h1>${t.title}</h1></td></tr>
<tr><td><table><tr><td colspan="2">${t.dateline}</td></tr>
${t.paragraphs
  .map((p) => {
    const m = /^((?:[\p{L}’]+\s){0,3}[\p{L}’]+\s?:)\s(.*)$/u.exec(p);
    return m ? `<tr><td><b>${m[1]}</b></td><td>${m[2]}</td></tr>` : `<tr><td colspan="2">${p}</td></tr>`;
  })
  .join('\n')}
</table></td></tr></table></body></html>`,

  'paragraphs separated by <br> in one block': (
    t,
  ) => `<!DOCTYPE html><html><head><title>${t.title}</title></head><body>
<div class="x-col"><h1>${t.title}</h1>
<div class="x-text">${t.dateline}<br><br>${t.paragraphs.join('<br><br>\n')}<br></div></div>
</body></html>`,

  'AMP-like markup': (
    t,
  ) => `<!DOCTYPE html><html ⚡ lang="${t.title.startsWith('Conf') ? 'fr' : 'en'}"><head><title>${t.title}</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"${t.title}","datePublished":"2026-06-01"}</script></head><body>
<amp-sidebar id="menu" layout="nodisplay"><ul><li><a>News</a></li><li><a>Europe</a></li><li><a>Economy</a></li></ul></amp-sidebar>
<header class="amp-header"><a>Eurowire</a></header>
<article class="amp-article"><h1 class="amp-title">${t.title}</h1><amp-img src="a.jpg" width="600" height="400"></amp-img>
<div class="amp-article-content"><p>${t.dateline}</p>
${para(t)}</div>
<amp-social-share type="twitter"></amp-social-share><amp-social-share type="facebook"></amp-social-share>
</article></body></html>`,

  'navigation and a site banner in Cyrillic and Greek': (
    t,
  ) => `<!DOCTYPE html><html><head><title>${t.title}</title></head><body>
<div class="x-lang"><a>Главная</a> <a>Новости</a> <a>Пресс-центр</a> <a>Документы</a> <a>Контакты</a></div>
<div class="x-lang2"><a>Αρχική</a> <a>Ειδήσεις</a> <a>Δελτία Τύπου</a> <a>Επικοινωνία</a></div>
<div class="x-main"><p class="x-banner">Представительство в Брюсселе</p><h1>${t.title}</h1>
<p>${t.dateline}</p>
${para(t)}</div></body></html>`,
};

describeTemplates(
  'unseen page templates: the page gives the text and metadata of the plain capture',
  TEMPLATES,
);
