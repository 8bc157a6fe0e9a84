import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../src/extract/html/load.js';
import { blockLines } from '../../src/extract/html/blocks.js';
import { textLengthAtLeast, textOf as foldedText } from '../../src/extract/html/dom.js';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';

const MAX_HTML_DEPTH = DEFAULT_LIMITS.htmlMaxDepth;

/** A parsed page's text, a space between blocks. */
const textOf = (doc: ReturnType<typeof loadHtml>) => blockLines(doc).filter(Boolean).join(' ');

describe('parsing HTML (htmlparser2)', () => {
  it('keeps the text of an unterminated page', () => {
    expect(textOf(loadHtml('<div><p>Ladies and gentlemen, welcome'))).toBe('Ladies and gentlemen, welcome');
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

  it('skips a dropped element to its end tag exactly where the tokenizer would have stopped', () => {
    // self-closing in name only: the tokenizer reads on, and the menu ends at its end tag
    expect(textOf(loadHtml('<p>A</p><nav/><p>menu</p></nav><p>B</p>'))).toBe('A B');
    // the tokenizer can take \x1c for `<` and \x0f for `/` in a raw-text element: the menu ends there
    expect(textOf(loadHtml('<p>A</p><nav>\x1c/nav>y</nav><p>B</p>'))).toBe('A y B');
    expect(textOf(loadHtml('<p>A</p><nav><\x0fnav>y</nav><p>B</p>'))).toBe('A y B');
    expect(textOf(loadHtml('<p>A</p><NAV class="m">&amp; <a>x</a></Nav\n><p>B</p><nav>z</nav>'))).toBe('A B');
  });

  it('decodes entities in text and attributes, and builds implied paragraphs, list items and cells', () => {
    const doc = loadHtml(
      `<p title="Q&amp;A">Commission&rsquo;s plan &amp; the Council&#8217;s view<p>Second<ul><li>one<li>two</ul><table><tr><td>Kallas<td>HR/VP</table>`,
    );
    expect(blockLines(doc).filter(Boolean)).toEqual([
      'Commission’s plan & the Council’s view',
      'Second',
      'one',
      'two',
      'Kallas',
      'HR/VP',
    ]);
  });

  it('refuses a page nested deeper than any real page, with a permanent ERR_HTML_TOO_DEEP', () => {
    const deep = '<div>'.repeat(MAX_HTML_DEPTH + 5) + 'text';
    expect(() => loadHtml(deep)).toThrow(
      expect.objectContaining({ code: 'ERR_HTML_TOO_DEEP', retryable: false }),
    );
    expect(textOf(loadHtml('<div>'.repeat(MAX_HTML_DEPTH - 5) + 'Still a page'))).toBe('Still a page');
  });
});

describe('telling a text long enough without building it', () => {
  it('agrees with the length of the folded text at every threshold', () => {
    const pages = [
      '<div>  Good   morning,<br>everyone.\n</div>',
      '<div><p>Q:</p><p> </p><span>a\u00a0b</span>\u3000<p>end </p></div>',
      '<div><script>x</script> <b>bold</b><i>it</i> </div>',
      '<div></div>',
      '<div>\t\n</div>',
    ];
    for (const html of pages) {
      const el = loadHtml(html).children[0]!;
      const length = foldedText(el).length;
      for (let min = 0; min <= length + 2; min++)
        expect([html, min, textLengthAtLeast(el, min)]).toEqual([html, min, length >= min]);
    }
  });
});
