import fc from 'fast-check';
import { DomHandler, type ChildNode } from 'domhandler';
import { Parser, Tokenizer } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { FastTokenizer } from '../../src/extract/html/parse.js';

/** A tree as plain data: tag names, attributes and text, in order. */
function shape(nodes: ChildNode[]): unknown[] {
  return nodes.map((n) =>
    n.type === 'tag' || n.type === 'script' || n.type === 'style'
      ? { tag: n.name, attribs: n.attribs, children: shape(n.children) }
      : 'data' in n
        ? { [n.type]: n.data }
        : { [n.type]: shape((n as { children: ChildNode[] }).children) },
  );
}

/** What htmlparser2 builds from `html`, with its own tokenizer or with ours. */
function parse(html: string, tokenizer?: typeof Tokenizer): unknown[] {
  const handler = new DomHandler();
  const parser = new Parser(handler, {
    decodeEntities: false,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    ...(tokenizer ? { Tokenizer: tokenizer } : {}),
  });
  parser.end(html);
  return shape(handler.root.children);
}

// pieces that move the tokenizer between its states: tags, quotes, comments, raw text, CDATA,
// and the characters its loops look for or stumble on
const PIECE = fc.constantFrom(
  '<',
  '>',
  '/',
  '"',
  "'",
  '=',
  ' ',
  '\n',
  '&amp;',
  'a',
  'Text of a line. ',
  '<p>',
  '</p>',
  '<div class="x">',
  "<a href='/y'>",
  '</a>',
  '<br/>',
  '<!-- c -->',
  '<!--',
  '-->',
  '<script>',
  '</script>',
  '<style>',
  '</style>',
  '<![CDATA[x]]>',
  '<title>',
  '</title>',
  '<textarea>',
  '</textarea>',
  '\x0f',
  '\x1c',
  '</',
  '<b',
  'b>',
  '="v"',
  '<!doctype html>',
  '<?xml ?>',
  '\u00e9',
  '\ud83d\ude00',
);

describe('FastTokenizer (htmlparser2 tokenizer that finds characters with indexOf)', () => {
  it('builds the same tree as htmlparser2’s own tokenizer on random markup', () => {
    fc.assert(
      fc.property(fc.array(PIECE, { maxLength: 60 }), (pieces) => {
        const html = pieces.join('');
        expect(parse(html, FastTokenizer as unknown as typeof Tokenizer)).toEqual(parse(html));
      }),
      { numRuns: 3000 },
    );
  });

  it('is used: a long text between tags is read in one jump, and the tree is right', () => {
    const html = `<p>${'word '.repeat(20000)}</p><p title="a > b">end</p>`;
    expect(parse(html, FastTokenizer as unknown as typeof Tokenizer)).toEqual(parse(html));
  });
});
