import { describe, expect, it } from 'vitest';
import { load } from 'cheerio/slim';
import { parseHtml } from '../../src/extract/html/parse.js';
import { loadHtml } from '../../src/extract/html/load.js';
import { blockLines } from '../../src/extract/html/blocks.js';

/** A parsed page's text, a space between blocks. */
const textOf = (doc: ReturnType<typeof loadHtml>) => blockLines(doc).filter(Boolean).join(' ');

const opts = { xml: { xmlMode: false, decodeEntities: true } };
/** The tree as htmlparser2 builds it (comments and doctypes aside), serialised. */
const reference = (html: string) =>
  load(html, opts)
    .html()
    .replace(/<!--[\s\S]*?-->|<![^>]*>/g, '');
const ours = (html: string) => load(parseHtml(html), opts).html();

describe('the regular-expression HTML parser', () => {
  const pages: Record<string, string> = {
    'unclosed paragraphs and list items': `<div class="body"><p>First point, made briefly.<p>Second point<ul><li>one<li>two</ul><p>Third</div>`,
    'stray end tags, </p> and </br> alone': `<div>Minister: thank you.</span></p>Next line</br>after</div></section><p>kept</p>`,
    'entities in text and attributes': `<p title="Q&amp;A &quot;live&quot;">Commission&rsquo;s plan &amp; the Council&#8217;s view &nbsp;&euro;5&#x20AC; &copy</p>`,
    'attributes: unquoted, single-quoted, repeated, without value, with > inside quotes': `<div id=main class='entry content' data-x="a>b" hidden ID="other"><img src=a.png alt="x"><br/><input disabled></div>`,
    'tables with implied cells and rows': `<table><thead><tr><th>Name<th>Role<tbody><tr><td>Kallas<td>High Representative<tr><td>Šefčovič<td>Commissioner</table>`,
    'raw text in title and textarea, upper-case tags, a lone < in text': `<HTML lang="en"><Head><TITLE>A &amp; B <i>not a tag</i></TITLE></head><BODY><P>3 < 4 and 5 > 4</P><textarea><b>raw</b></textarea></BODY></HTML>`,
    'headings closing paragraphs, a doctype and a comment': `<!DOCTYPE html><body><p>Lead paragraph<h2>Questions</h2><p>Q: when?<!-- note --><blockquote>quoted</blockquote></body>`,
  };
  for (const [what, html] of Object.entries(pages)) {
    it(`builds the same tree as htmlparser2 for ${what}`, () => {
      expect(ours(html)).toBe(reference(html));
    });
  }

  it('keeps the text of an unterminated page', () => {
    const $ = load(parseHtml('<div><p>Ladies and gentlemen, welcome'), opts);
    expect($('p').text()).toBe('Ladies and gentlemen, welcome');
  });

  it('drops menus, scripts and (for the generic extractor) footers and asides while parsing, with all they hold', () => {
    const html = `<body><nav><ul><li><a href="/">Home</a></li></ul></nav><p>Good morning,<script>var x = "</p>";</script> everyone.</p><aside><p>Most read</p></aside><p>Thank you.</p><footer><p>© EU</p></footer></body>`;
    expect(textOf(loadHtml(html))).toBe('Good morning, everyone. Most read Thank you. © EU');
    expect(textOf(loadHtml(html, { dropChrome: true }))).toBe('Good morning, everyone. Thank you.');
  });

  it('keeps an element to drop whose end tag never comes', () => {
    expect(textOf(loadHtml('<p>Remarks</p><aside><p>Still here', { dropChrome: true }))).toBe(
      'Remarks Still here',
    );
  });
});
